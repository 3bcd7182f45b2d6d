import {
  ASKED_LEAD_FIELDS,
  INTEREST_AREAS,
  LEAD_FIELDS,
  PROFILE_SOURCE,
  REQUIRED_LEAD_FIELDS,
  type ContactProfile,
  URGENCY_LEVELS,
  type LeadDraft,
  type LeadField,
} from '../domain/lead.js';
import type { Understanding } from '../domain/understanding.js';

/**
 * `none`: no lead (or one paused by a closed conversation); `collecting`/`confirming`: in progress;
 * `submitted`: pushed; `failed`: the push failed, the draft is kept for a human and a retry.
 */
export type LeadStatus = 'none' | 'collecting' | 'confirming' | 'submitted' | 'failed';

/** Something about the last message the qualifying flow must tell the customer before asking again. */
export type LeadNotice =
  | { kind: 'invalid_email' }
  | { kind: 'required_declined'; field: LeadField }
  /** A value shown in the summary changed: say so before showing it again. */
  | { kind: 'updated' };

/** The lead part of the machine context. Plain JSON. */
export interface LeadState {
  draft: LeadDraft;
  status: LeadStatus;
  leadId: string | null;
  /** The field the last question asked for. */
  asking: LeadField | null;
  /** Fields the customer wants to correct: cleared from the draft and asked first. */
  reask: LeadField[];
  notice: LeadNotice | null;
}

export function createLeadState(): LeadState {
  return { draft: {}, status: 'none', leadId: null, asking: null, reask: [], notice: null };
}

/** Fields a new lead inherits from a submitted one: who the customer is, not what they need. */
const CONTACT_FIELDS: readonly LeadField[] = ['name', 'email', 'phone_or_username', 'company_name'];

/**
 * Simple on purpose: one `@`, no spaces, a dot in the domain and a TLD of two letters or more.
 * Stricter patterns reject real addresses; the CRM confirms deliverability.
 */
const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/u;

export function isValidEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

export function isLeadInProgress(lead: LeadState): boolean {
  return lead.status === 'collecting' || lead.status === 'confirming';
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase();

function canonical<T extends string>(options: readonly T[], value: string): T | null {
  const v = fold(value);
  return options.find((o) => fold(o) === v) ?? null;
}

const isLeadField = (value: string): value is LeadField => (LEAD_FIELDS as readonly string[]).includes(value);

/**
 * Merges the lead data of one message into the draft, with the message as provenance.
 * Later values win (the customer corrected themselves). A declined field is stored as `null`,
 * except the required ones; an invalid email is not stored. Either leaves a notice.
 */
export function mergeLeadFields(lead: LeadState, understanding: Understanding, messageId: string): LeadState {
  const draft: LeadDraft = { ...lead.draft };
  let reask = [...lead.reask];
  let notice: LeadNotice | null = null;
  const found: Partial<Record<LeadField, string | null>> = { ...understanding.leadFields };
  if (understanding.interestArea && !found.interest_area) found.interest_area = understanding.interestArea;
  if (understanding.urgency && !found.urgency_level) found.urgency_level = understanding.urgency;

  for (const [key, raw] of Object.entries(found)) {
    if (!isLeadField(key) || raw === undefined) continue;
    let value: string | null = raw === null ? null : raw.trim();
    if (value === '') continue;
    if (value === null) {
      if (REQUIRED_LEAD_FIELDS.includes(key)) {
        if (draft[key]?.value == null) notice = { kind: 'required_declined', field: key };
        continue;
      }
    } else if (key === 'email') {
      value = value.toLowerCase();
      if (!isValidEmail(value)) {
        notice = { kind: 'invalid_email' };
        continue;
      }
    } else if (key === 'interest_area') {
      value = canonical(INTEREST_AREAS, value);
      if (value === null) continue;
    } else if (key === 'urgency_level') {
      value = canonical(URGENCY_LEVELS, value);
      if (value === null) continue;
    }
    if (lead.status === 'confirming' && draft[key]?.value !== value && notice === null) notice = { kind: 'updated' };
    draft[key] = { value, sourceMessageId: messageId };
    reask = reask.filter((f) => f !== key);
  }
  return { ...lead, draft, reask, notice };
}

/** True when the message carries a value (or a refusal) for any lead field. */
export function carriesLeadData(understanding: Understanding): boolean {
  return (
    Object.values(understanding.leadFields).some((v) => v !== undefined) ||
    understanding.interestArea !== undefined ||
    understanding.urgency !== undefined
  );
}

/** True when the message fills or declines this field. */
export function answersLeadField(understanding: Understanding, field: LeadField): boolean {
  if (understanding.leadFields[field] !== undefined) return true;
  if (field === 'interest_area') return understanding.interestArea !== undefined;
  if (field === 'urgency_level') return understanding.urgency !== undefined;
  return false;
}

export type LeadQuestion =
  | { field: LeadField; template: 'lead.invalidEmail' }
  | { field: LeadField; template: `lead.required.${LeadField}` }
  | { field: LeadField; template: `lead.ask.${LeadField}` };

/** The next thing to ask, or null when every asked field is answered (a refusal counts). */
export function nextLeadQuestion(lead: LeadState): LeadQuestion | null {
  if (lead.notice?.kind === 'invalid_email') return { field: 'email', template: 'lead.invalidEmail' };
  if (lead.notice?.kind === 'required_declined') {
    return { field: lead.notice.field, template: `lead.required.${lead.notice.field}` };
  }
  const field = [...lead.reask, ...ASKED_LEAD_FIELDS].find((f) => lead.draft[f] === undefined);
  return field ? { field, template: `lead.ask.${field}` } : null;
}

const PROFILE_FIELDS: [LeadField, keyof ContactProfile][] = [
  ['name', 'name'],
  ['email', 'email'],
  ['phone_or_username', 'phone'],
  ['company_name', 'company'],
];

/**
 * Starts (or resumes) qualifying: a submitted lead gives way to a new one that keeps the contact.
 * What a returning contact confirmed before (`profile`) fills the contact fields still missing:
 * they are shown in the summary to confirm, not asked again.
 */
export function startLead(lead: LeadState, profile?: ContactProfile | null): LeadState {
  let next: LeadState;
  if (lead.status !== 'submitted') {
    next = { ...lead, status: 'collecting', notice: null };
  } else {
    const draft: LeadDraft = {};
    for (const f of CONTACT_FIELDS) {
      const v = lead.draft[f];
      if (v) draft[f] = v;
    }
    next = { ...createLeadState(), draft, status: 'collecting' };
  }
  if (!profile) return next;
  const draft: LeadDraft = { ...next.draft };
  for (const [field, key] of PROFILE_FIELDS) {
    const value = profile[key];
    if (draft[field] === undefined && typeof value === 'string' && value.trim() !== '') draft[field] = { value, sourceMessageId: PROFILE_SOURCE };
  }
  return { ...next, draft };
}

/** The profile after a confirmed lead: its contact fields win over what was remembered. */
export function profileFromLead(profile: ContactProfile | null | undefined, lead: LeadState): ContactProfile {
  const out: ContactProfile = { ...(profile ?? {}) };
  for (const [field, key] of PROFILE_FIELDS) {
    const value = lead.draft[field]?.value;
    if (typeof value === 'string' && value.trim() !== '') (out as Record<string, string>)[key] = value;
  }
  if (lead.leadId) out.openLead = lead.leadId;
  return out;
}

const FIELD_WORDS: [LeadField, RegExp][] = [
  ['name', /(?<!\p{L})(nombre|name)(?!\p{L})(?!\s+(?:de\s+(?:la|mi|tu)\s+)?(?:empresa|compa[nñ][ií]a|negocio))(?<!(?:company|business)\s+name)/iu],
  ['email', /(?<!\p{L})(correo|e-?mail|mail)(?!\p{L})/iu],
  ['phone_or_username', /(?<!\p{L})(tel[eé]fono|celular|n[uú]mero|whatsapp|phone|number)(?!\p{L})/iu],
  ['company_name', /(?<!\p{L})(empresa|compa[nñ][ií]a|negocio|company|business)(?!\p{L})/iu],
  ['interest_area', /(?<!\p{L})([aá]rea|inter[eé]s|interest|area)(?!\p{L})/iu],
  ['problem_statement', /(?<!\p{L})(problema|necesidad|descripci[oó]n|proyecto|problem|need|description|project)(?!\p{L})/iu],
  ['urgency_level', /(?<!\p{L})(urgencia|prioridad|urgency|priority)(?!\p{L})/iu],
];

/**
 * Lead fields the customer names in a correction ("no, el correo está mal"). A word list, not NLU:
 * it only decides which field to clear and ask again; the values still come from the brain.
 */
export function fieldsNamedIn(text: string): LeadField[] {
  return FIELD_WORDS.filter(([, re]) => re.test(text)).map(([f]) => f);
}

const SUMMARY_YES =
  /^(?:(?:si|sí|ok|okay|dale|perfecto|listo|exacto|correcto|claro)[\s,.!]*)?(?:todo (?:esta |está )?(?:bien|correcto|perfecto|ok|en orden)|(?:esta|está|estan|están) (?:todos? )?(?:bien|correctos?|perfectos?)|(?:asi|así) (?:esta|está) bien|confirm[oa]|confirmado|confirmada|lo confirmo|envial[ao]|envíal[ao]|mandal[ao]|mándal[ao]|registral[ao]|regístral[ao]|adelante|procede|proceda|eso es todo|(?:nada mas|nada más|solo eso|solamente eso)(?: eso)?|es correcto|son correctos|all good|looks good|looks right|that'?s (?:right|correct|all|it)|it'?s (?:all )?(?:correct|right|fine|good)|everything (?:is )?(?:correct|fine|good|right)|(?:i )?confirm|confirmed|go ahead|send it|submit it|correct)(?:[\s,.!]+(?:gracias|thanks|thank you|por favor|please))?[\s.!]*$/iu;
const SUMMARY_NO =
  /^(?:(?:no|nope)[\s,.!]*)?(?:no (?:esta|está|es|son|estan|están) (?:bien|correct[oa]s?|asi|así)|(?:esta|está|estan|están) (?:todo )?mal|todo (?:esta |está )?mal|(?:hay|tiene) (?:un )?(?:error|errores)|(?:no )?(?:es|esta|está) incorrect[oa]|(?:hay )?algo (?:esta |está )?mal|falta algo|(?:it'?s |it is |that'?s |that is )?(?:wrong|incorrect|not right)|(?:there'?s |there is )?(?:a |an )?(?:mistake|error)|something'?s wrong|something is wrong)[\s.!]*$/iu;

/**
 * A yes or a no to the lead summary in words the yes/no reader does not take as such ("todo
 * correcto", "all good", "confirmo", "está todo mal"): read only while the summary is shown.
 */
export function summaryAnswer(text: string): 'yes' | 'no' | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (SUMMARY_YES.test(t)) return 'yes';
  if (SUMMARY_NO.test(t)) return 'no';
  return null;
}

/** Clears fields so the collecting flow asks them again, in the given order. */
export function reaskFields(lead: LeadState, fields: readonly LeadField[]): LeadState {
  const draft: LeadDraft = { ...lead.draft };
  for (const f of fields) delete draft[f];
  return { ...lead, draft, reask: [...fields], status: 'collecting', notice: null };
}

/** What the customer sees before confirming. A declined or missing field shows as "—". */
export function leadSummaryParams(draft: LeadDraft): Record<string, string> {
  const show = (f: LeadField) => draft[f]?.value ?? '—';
  return {
    fullName: show('name'),
    email: show('email'),
    phone: show('phone_or_username'),
    company: show('company_name'),
    interest: show('interest_area'),
    problem: show('problem_statement'),
    urgency: show('urgency_level'),
  };
}

/** The customer's first name, when known, for a warmer greeting. */
export function firstNameOf(draft: LeadDraft): string | null {
  const name = draft.name?.value?.trim();
  if (!name) return null;
  return name.split(/\s+/u)[0] ?? null;
}
