import { INFO_BEHAVIOUR, INTENTS, isIntentName, type IntentLabel, type IntentName } from '../domain/intents.js';
import type { Understanding } from '../domain/understanding.js';

/**
 * The intent the routing acted on for the customer's message (`context.routedIntent`), as opposed
 * to the brain's reading of it (`context.understanding.nlu.intent`). They differ where the routing
 * knows better than the classifier: "y el normal?" right after the white cement is *read* as a
 * complaint (0.45) but *routed* as a follow-up on the product; "dame 20 de ese" is read out of
 * scope and routed as a quantity of the product in focus; "Juan Pérez" in a lead form is read as a
 * greeting and routed as the lead's next answer.
 *
 * `name` is the built-in behaviour (what analytics counts), `label` the tenant's own label when it
 * has one (`agendar_cita`; what the transcript and the ticket summary name). Null — the routing
 * acted on no intent — for a clarifying question, a message not understood, a photo's caption the
 * brain could not place, an answer to the identity offer, and for messages the machine takes
 * without routing them (a 1–5 rating, a message relayed to the human holding the conversation).
 */
export interface RoutedIntent {
  readonly name: IntentName;
  readonly label?: IntentLabel;
}

/** One shared, frozen value per behaviour: routing a message allocates nothing on a tenant without labels. */
const PLAIN: Readonly<Record<IntentName, RoutedIntent>> = Object.freeze(
  Object.fromEntries(INTENTS.map((name) => [name, Object.freeze({ name })])) as Record<IntentName, RoutedIntent>,
);

/**
 * The routed intent `name`, with the tenant's label the reading gave it (the top reading's, else
 * the ranking entry of that behaviour), when it has one.
 *
 * @example
 * routedIntent(understanding, 'product_inquiry') // { name: 'product_inquiry' }
 */
export function routedIntent(reading: Understanding | null, name: IntentName): RoutedIntent {
  const top = reading?.nlu.intent;
  if (top?.name === name) return top.label !== undefined ? { name, label: top.label } : PLAIN[name];
  const label = reading?.nlu.ranking.find((s) => s.name === name)?.label;
  return label !== undefined ? { name, label } : PLAIN[name];
}

/**
 * The routed intent of a tenant workflow's trigger (a form or a runner workflow in progress):
 * a built-in name stands for itself; a tenant label keeps the reading's behaviour for it when the
 * reading is that label, else the info route's (every workflow label's behaviour).
 */
export function routedTrigger(reading: Understanding | null, trigger: IntentLabel | undefined): RoutedIntent | null {
  if (trigger === undefined) return null;
  if (isIntentName(trigger)) return routedIntent(reading, trigger);
  const top = reading?.nlu.intent;
  return { name: top?.label === trigger ? top.name : INFO_BEHAVIOUR, label: trigger };
}
