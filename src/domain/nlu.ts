import type { IntentLabel, IntentName } from './intents.js';

/** Languages a customer can be answered in. Spanish first. */
export type Lang = 'es' | 'en';

export const ENTITY_TYPES = [
  'person_name',
  'email',
  'phone',
  'company',
  'account_id',
  'product',
  'quantity',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A span of the original text. `start`/`end` are UTF-16 offsets into the text as received. */
export interface Entity {
  type: EntityType;
  /** Normalised value: email lower-cased, phone in E.164 (`+18095551234`), account id digits only. */
  value: string;
  start: number;
  end: number;
}

export interface IntentScore {
  /** The built-in behaviour the machine runs for this reading. */
  name: IntentName;
  confidence: number;
  /**
   * The tenant's own label when it is not the behaviour's name (`consultar_paquetes` read as the
   * info route); absent for a tenant whose labels are the built-in names (`ferreteria`).
   * Workflow triggers and tenant answers key on `intentLabelOf(score)`.
   */
  label?: IntentLabel;
}

/** The tenant label of a reading: its `label`, else the behaviour's name. */
export function intentLabelOf(score: IntentScore): IntentLabel {
  return score.label ?? score.name;
}

/** The `/nlu/parse` answer shape (Rasa-like, so users of bot runtimes feel at home). */
export interface NluResult {
  intent: IntentScore;
  /** All intents, best first; confidences sum to ~1. */
  ranking: IntentScore[];
  entities: Entity[];
  lang: Lang;
}
