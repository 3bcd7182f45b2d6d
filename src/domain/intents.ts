/** The intent labels every tenant's classifier predicts. The demo tenant uses exactly these. */
export const INTENTS = [
  'greeting',
  'goodbye',
  'thanks',
  'product_inquiry',
  'price_quote',
  'offers',
  'account_status',
  'store_hours_location',
  'job_vacancies',
  'human_agent',
  'complaint',
  'sales_lead',
  'out_of_scope',
] as const;

export type IntentName = (typeof INTENTS)[number];

export function isIntentName(value: unknown): value is IntentName {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}
