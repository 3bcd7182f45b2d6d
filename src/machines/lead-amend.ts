import { LEAD_FIELDS, type ContactProfile, type LeadDraft, type LeadField } from '../domain/lead.js';
import type { Lang } from '../domain/nlu.js';
import type { Understanding } from '../domain/understanding.js';
import { contactGivenAlone, correctEmailTypo, isValidEmail, type LeadState } from './lead-draft.js';

/**
 * A lead already registered, corrected by the customer afterwards ("perdón, mi correo es …", "me
 * equivoqué en el nombre, es …", "no, la empresa es …"): a salesperson fixes the lead itself (and
 * the CRM), not a note beside it. Pure: the machine applies it and the runtime's `amendLead` stores
 * and forwards it.
 */

/** The fields the message changes in the registered lead (with the message as provenance); null when none. */
export function leadAmendment(lead: LeadState, understanding: Understanding | null, text: string, messageId: string): LeadDraft | null {
  if (!understanding || lead.status !== 'submitted' || !lead.leadId) return null;
  // A correction said as one, or an e-mail or phone given alone (a new contact for the advisor).
  if (!understanding.correctsLead && contactGivenAlone(understanding, text) === null) return null;
  const given: Partial<Record<LeadField, string | null | undefined>> = { ...understanding.leadFields };
  if (understanding.interestArea) given.interest_area = understanding.interestArea;
  if (understanding.urgency) given.urgency_level = understanding.urgency;
  const changed: LeadDraft = {};
  for (const field of LEAD_FIELDS) {
    const raw = given[field];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const value = field === 'email' ? correctEmailTypo(raw.trim().toLowerCase()) : raw.trim();
    if (field === 'email' && !isValidEmail(value)) continue;
    if (lead.draft[field]?.value === value) continue;
    changed[field] = { value, sourceMessageId: messageId };
  }
  return Object.keys(changed).length > 0 ? changed : null;
}

const LABELS: Record<Lang, Record<LeadField, string>> = {
  es: { name: 'nombre', email: 'correo', phone_or_username: 'teléfono', company_name: 'empresa', interest_area: 'área', problem_statement: 'necesidad', urgency_level: 'urgencia' },
  en: { name: 'name', email: 'email', phone_or_username: 'phone', company_name: 'company', interest_area: 'area', problem_statement: 'need', urgency_level: 'urgency' },
};

/** "*correo:* ana@x.com", one per changed field, for the customer to see what was changed. */
export function amendmentText(changed: LeadDraft, lang: Lang): string {
  return Object.entries(changed)
    .map(([field, v]) => `*${LABELS[lang][field as LeadField]}:* ${v?.value ?? '—'}`)
    .join(', ');
}

/** The contact as the corrected lead says (the next greeting, the next form). */
export function profileWithAmendment(profile: ContactProfile | null | undefined, changed: LeadDraft): ContactProfile {
  const out: ContactProfile = { ...(profile ?? {}) };
  const v = (f: LeadField) => changed[f]?.value;
  if (v('name')) out.name = v('name')!;
  if (v('email')) out.email = v('email')!;
  if (v('phone_or_username')) out.phone = v('phone_or_username')!;
  if (v('company_name')) out.company = v('company_name')!;
  return out;
}
