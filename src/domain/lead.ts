export const INTEREST_AREAS = ['Ventas', 'Soporte', 'Facturación', 'Otro'] as const;
export type InterestArea = (typeof INTEREST_AREAS)[number];

export const URGENCY_LEVELS = ['Alto', 'Medio', 'Bajo'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

/** Fields the qualifying flow collects, in the order they are asked for. */
export const LEAD_FIELDS = [
  'name',
  'email',
  'phone_or_username',
  'company_name',
  'interest_area',
  'problem_statement',
  'urgency_level',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** Fields the bot asks for when missing (phone comes from the channel or is volunteered). */
export const ASKED_LEAD_FIELDS: readonly LeadField[] = [
  'name',
  'email',
  'company_name',
  'interest_area',
  'problem_statement',
  'urgency_level',
];
export const REQUIRED_LEAD_FIELDS: readonly LeadField[] = ['name', 'email'];

/** A collected value with its provenance: the message it came from. */
export interface LeadFieldValue {
  /** `null` when the customer declined to give it ("no tengo empresa"). */
  value: string | null;
  sourceMessageId: string;
}

export type LeadDraft = Partial<Record<LeadField, LeadFieldValue>>;

/** The payload pushed through the CRM port, exactly as documented in the README. */
/** One product priced to the customer before the lead was sent: what the salesperson quotes from. */
export interface LeadPricedProduct {
  sku: string;
  name: string;
  unit_price: number;
  unit: string;
  quantity?: number;
}

export interface LeadPayload {
  lead_id: string;
  /**
   * `phone_or_username`: the first number the customer gave (or their handle); `phones`: every
   * number they gave, each on its own in E.164, in the order given (absent when none was given).
   */
  contact_info: { name: string; phone_or_username: string | null; email: string; phones?: string[] };
  business_context: { company_name: string | null; interest_area: InterestArea | null };
  problem_statement: string | null;
  urgency_level: UrgencyLevel | null;
  /**
   * Optional, for the salesperson (absent when not known; a consumer that ignores unknown keys
   * reads the payload as before): the store's delivery place the customer named ("Bávaro"), the
   * counts the need names, and how the customer asked to be reached ("llámenme mejor": `phone`).
   */
  delivery_place?: string;
  quantities?: { quantity: number; item: string }[];
  preferred_contact_channel?: 'phone';
  /** Optional too: the kind of channel the customer wrote from (`whatsapp`, `web`, …), as the host knew it. */
  channel?: 'whatsapp' | 'web' | 'telegram' | 'sms' | 'api';
  /** The conversation the lead came from: the advisor reads it (console, `GET …/conversations/{id}`) before calling back. */
  conversation_id?: string;
  /** The products priced to the customer in the conversation, as priced then (unit price in DOP, VAT included; the count they gave). */
  priced_products?: LeadPricedProduct[];
  /**
   * Field name (dotted path into this payload) → id of the customer message it came from, or
   * `contact-profile` when a returning contact's confirmed profile filled it (and they confirmed it again).
   */
  provenance: Record<string, string>;
}

/**
 * What Hilo remembers about a returning contact (from a lead they confirmed earlier), and what is
 * still open for them. Plain JSON: it travels in the machine's input and context.
 */
export interface ContactProfile {
  name?: string;
  email?: string;
  phone?: string;
  company?: string;
  lang?: 'es' | 'en';
  /** Number of their newest open ticket (`T-000042`). */
  openTicket?: string;
  /** Id of their newest lead still being worked on (`L-000007`). */
  openLead?: string;
}

/** `sourceMessageId` of a lead field filled from the contact profile rather than from a message. */
export const PROFILE_SOURCE = 'contact-profile';
