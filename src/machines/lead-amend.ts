import { LEAD_FIELDS, type ContactProfile, type LeadDraft, type LeadField } from '../domain/lead.js';
import type { Lang } from '../domain/nlu.js';
import type { Understanding } from '../domain/understanding.js';
import { contactToReach, saidAsCorrection } from './contact-for-request.js';
import { foldAccents } from '../kernel/fold.js';
import { phonesCorrected, withPhonesAdded } from '../domain/phone-list.js';
import { contactGivenAlone, correctEmailTypo, isValidEmail, type LeadState } from './lead-draft.js';

/**
 * A lead already registered, corrected by the customer afterwards ("perdón, mi correo es …", "me
 * equivoqué en el nombre, es …", "no, la empresa es …"): a salesperson fixes the lead itself (and
 * the CRM), not a note beside it. Pure: the machine applies it and the runtime's `amendLead` stores
 * and forwards it.
 */

/** The lead fields a correction (or a contact given alone) says, each as it would be stored; null when it is none. */
function fieldsSaid(lead: LeadState, understanding: Understanding | null, text: string): Array<[LeadField, string]> | null {
  if (!understanding || lead.status !== 'submitted' || !lead.leadId) return null;
  // A correction said as one, or an e-mail or phone given alone (a new contact for the advisor), or
  // one more way to reach the customer ("también me pueden llamar al …", "you can also call me at …").
  if (!understanding.correctsLead && contactGivenAlone(understanding, text) === null && contactToReach(understanding, text) === null) return null;
  const given: Partial<Record<LeadField, string | null | undefined>> = { ...understanding.leadFields };
  if (understanding.interestArea) given.interest_area = understanding.interestArea;
  if (understanding.urgency) given.urgency_level = understanding.urgency;
  const said: Array<[LeadField, string]> = [];
  for (const field of LEAD_FIELDS) {
    const raw = given[field];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const value = field === 'email' ? correctEmailTypo(raw.trim().toLowerCase()) : raw.trim();
    if (field === 'email' && !isValidEmail(value)) continue;
    // "you can also call me at …", "el de mi oficina es …": a second number beside the one the request
    // has, not a replacement — only a correction said as one ("perdón, mi número es …") replaces it.
    // A correction replaces only the wrong number of several ("ese no es, es el 829…": `phonesCorrected`).
    if (field === 'phone_or_username') {
      const before = lead.draft.phone_or_username?.value;
      const corrects = understanding.correctsLead || saidAsCorrection(text);
      said.push([field, corrects ? phonesCorrected(before, value, foldAccents(text.toLowerCase())) : withPhonesAdded(before, value)]);
      continue;
    }
    said.push([field, value]);
  }
  return said;
}

function samePhone(a: string, b: string): boolean {
  return a.replace(/\D/g, '').slice(-10) === b.replace(/\D/g, '').slice(-10) && /\d{7}/.test(a.replace(/\D/g, ''));
}

/** The same value, as a clerk would see it: case, accents, spacing, a phone's punctuation aside (`b` among `a`'s numbers). */
function sameValue(field: LeadField, a: string, b: string): boolean {
  // A request may carry more than one number ("+18095550100 / +18095551234"): each is compared.
  if (field === 'phone_or_username') return b.split('/').every((q) => a.split('/').some((p) => samePhone(p, q)));
  // An address compares without letter case only: "ana.diaz@" and "anadiaz@" are two mailboxes.
  if (field === 'email') return a.trim().toLowerCase() === b.trim().toLowerCase();
  const fold = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

/** The fields the message changes in the registered lead (with the message as provenance); null when none. */
export function leadAmendment(lead: LeadState, understanding: Understanding | null, text: string, messageId: string): LeadDraft | null {
  const said = fieldsSaid(lead, understanding, text);
  if (!said) return null;
  const changed: LeadDraft = {};
  for (const [field, value] of said) {
    const before = lead.draft[field]?.value;
    // An e-mail differing only in letter case is the same address (mail is delivered case-insensitively),
    // and a phone the request already has (of its numbers, written any way) is no change.
    if (before === value || ((field === 'email' || field === 'phone_or_username') && typeof before === 'string' && sameValue(field, before, value))) continue;
    changed[field] = { value, sourceMessageId: messageId };
  }
  return Object.keys(changed).length > 0 ? changed : null;
}

/**
 * "actually the company is Coral Builders" when the registered lead says just that: the fields the
 * "correction" names, all as the lead already has them (null when one differs or none is named).
 * A clerk says the request already has it; nothing is stored, no second form.
 */
export function leadRestatement(lead: LeadState, understanding: Understanding | null, text: string): LeadDraft | null {
  const said = fieldsSaid(lead, understanding, text);
  if (!said || said.length === 0) return null;
  const kept: LeadDraft = {};
  for (const [field, value] of said) {
    const stored = lead.draft[field];
    if (!stored || typeof stored.value !== 'string' || !sameValue(field, stored.value, value)) return null;
    kept[field] = stored;
  }
  return kept;
}

/** True when every field the correction changes was empty in the lead: a detail added ("Anotado"), nothing was wrong. */
export function amendmentAddsOnly(lead: LeadState, changed: LeadDraft): boolean {
  return Object.entries(changed).every(([f, v]) => {
    const before = lead.draft[f as LeadField]?.value;
    // A second phone beside the first ("… / +18095551234") is added too.
    return before === undefined || before === null || before === '' || (f === 'phone_or_username' && v?.value?.startsWith(`${before} / `) === true);
  });
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

/**
 * A request let go half way ("olvídalo", its name and e-mail kept) and a quote asked again naming no
 * product ("quiero una cotización", "I'd like a quote"): the customer is taking the request up again.
 */
export function resumesDroppedRequest(lead: LeadState, understanding: Understanding | null): boolean {
  if (!understanding || !lead.dropped || lead.status !== 'none') return false;
  if (understanding.products.length > 0 || understanding.nlu.entities.some((e) => e.type === 'product')) return false;
  return LEAD_FIELDS.some((f) => typeof lead.draft[f]?.value === 'string' && lead.draft[f]!.value !== '');
}
