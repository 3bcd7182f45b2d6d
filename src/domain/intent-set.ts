import { BUILT_IN_INTENT_SET, type IntentLabel, type IntentName, type TenantIntent } from './intents.js';
import type { IntentScore } from './nlu.js';

/** A tenant's intent set, indexed: what the brains map their labels through. */
export interface IntentSet {
  /** Every label, in declaration order (the classifier's tie order). */
  readonly labels: readonly IntentLabel[];
  readonly intents: readonly TenantIntent[];
  has(label: string): boolean;
  /** The behaviour the machine runs for a label (`out_of_scope` for a label the set does not hold). */
  behaviourOf(label: IntentLabel): IntentName;
  /**
   * The label that stands for a built-in behaviour a rule decided ("hola" → `saludo`): the set's
   * label named like the behaviour, else its first `core` label with that behaviour; null: none.
   */
  labelFor(behaviour: IntentName): IntentLabel | null;
  /** The reading of a label: the behaviour as `name`, the label when it differs. */
  score(label: IntentLabel, confidence: number): IntentScore;
  /** The reading of a behaviour a rule decided, with the tenant's label for it when there is one. */
  scoreBehaviour(behaviour: IntentName, confidence: number): IntentScore;
}

/**
 * Indexes a tenant's declared intents (absent: the built-in set, where every label is its own
 * behaviour and readings carry no `label`).
 *
 * @example
 * const set = createIntentSet(tenant.intents);
 * set.score('consultar_paquetes', 0.8) // { name: 'store_hours_location', confidence: 0.8, label: 'consultar_paquetes' }
 */
export function createIntentSet(intents: readonly TenantIntent[] = BUILT_IN_INTENT_SET): IntentSet {
  const byLabel = new Map(intents.map((i) => [i.label, i]));
  const labels = intents.map((i) => i.label);
  const labelFor = (behaviour: IntentName): IntentLabel | null =>
    byLabel.get(behaviour)?.behaviour === behaviour ? behaviour : (intents.find((i) => i.kind === 'core' && i.behaviour === behaviour)?.label ?? null);
  const score = (label: IntentLabel, confidence: number): IntentScore => {
    const name = byLabel.get(label)?.behaviour ?? 'out_of_scope';
    return name === label ? { name, confidence } : { name, confidence, label };
  };
  return {
    labels,
    intents,
    has: (label) => byLabel.has(label),
    behaviourOf: (label) => byLabel.get(label)?.behaviour ?? 'out_of_scope',
    labelFor,
    score,
    scoreBehaviour(behaviour, confidence) {
      const label = labelFor(behaviour);
      return label === null || label === behaviour ? { name: behaviour, confidence } : { name: behaviour, confidence, label };
    },
  };
}
