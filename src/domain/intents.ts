/**
 * The built-in behaviours the conversation machine knows, by name. The `ferreteria` tenant's
 * intent labels are exactly these (its flows are typed against them); another tenant declares
 * its own labels (`tenants/<id>/intents.json`) and maps each one to one of these behaviours.
 */
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

/**
 * A tenant's intent label ("consultar_paquetes", "saludo", "price_quote"): what its classifier
 * predicts and its training utterances are keyed by. Checked against the tenant's declared set
 * when the tenant is loaded.
 */
export type IntentLabel = string;

/**
 * What a tenant's intent is for the machine: `core`, one of the machine's own behaviours (a
 * greeting, a goodbye, a handoff, ...); `informational`, answered by a template or a tool (the
 * machine's info route); `workflow`, starts a tenant workflow (`workflows.json`) whose trigger
 * names the label.
 */
export type IntentKind = 'core' | 'informational' | 'workflow';

export const INTENT_KINDS: readonly IntentKind[] = ['core', 'informational', 'workflow'];

/** Where an informational label's answer comes from: the business backend, by what it reads. */
export const INFO_SOURCES = ['hours', 'packages', 'services', 'bookings', 'history'] as const;
export type InfoSource = (typeof INFO_SOURCES)[number];

/**
 * How the info route answers a tenant label: `source`, read from the tenant's backend (the
 * opening hours, the packages, the services as a receptionist tells them, the customer's upcoming
 * bookings or purchase history); `template`, one of the tenant's templates (help, or a pointer for
 * a workflow label no workflow claims). `packageWords` (source `services` only): words that ask for
 * the packages ("paquete", "combo"), so one label can answer both the services and the packages.
 */
export type InfoAnswer = { source: InfoSource; packageWords?: string[] } | { template: string };

/** One label of a tenant's intent set and the built-in behaviour the machine runs for it. */
export interface TenantIntent {
  label: IntentLabel;
  kind: IntentKind;
  behaviour: IntentName;
  /** How the info route answers it (informational and workflow labels of a declared set). */
  answer?: InfoAnswer;
}

/** The built-in behaviour of an informational or workflow label: the machine's info route (`answerInfo`). */
export const INFO_BEHAVIOUR: IntentName = 'store_hours_location';

/** Behaviours a `core` label may name (the rest are the hardware store's own flows). */
export const CORE_BEHAVIOURS: readonly IntentName[] = ['greeting', 'goodbye', 'thanks', 'human_agent', 'out_of_scope', 'complaint'];

const BUILT_IN_KINDS: Record<IntentName, IntentKind> = {
  greeting: 'core',
  goodbye: 'core',
  thanks: 'core',
  human_agent: 'core',
  out_of_scope: 'core',
  complaint: 'core',
  product_inquiry: 'informational',
  price_quote: 'informational',
  offers: 'informational',
  account_status: 'informational',
  store_hours_location: 'informational',
  job_vacancies: 'informational',
  sales_lead: 'workflow',
};

/** The intent set of a tenant that declares none (`ferreteria`): every built-in label, its own behaviour, in `INTENTS` order. */
export const BUILT_IN_INTENT_SET: readonly TenantIntent[] = INTENTS.map((label) => ({ label, kind: BUILT_IN_KINDS[label], behaviour: label }));
