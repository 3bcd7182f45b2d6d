import { phonesOf } from '../domain/phone-list.js';
import type { LeadDraft, LeadField } from '../domain/lead.js';
import type { Understanding } from '../domain/understanding.js';
import { foldAccents } from '../kernel/fold.js';

/**
 * `none`: no lead (or one paused by a closed conversation); `collecting`/`confirming`: in progress;
 * `submitted`: pushed; `failed`: the push failed, the draft is kept for a human and a retry.
 */
export type LeadStatus = 'none' | 'collecting' | 'confirming' | 'submitted' | 'failed';

/**
 * The draft of a form read by the brain (ferreteria's lead, `workflow/brain-form.ts` fills it),
 * keyed by slot name. Something about the last message the form must tell the customer before
 * asking again:
 */
export type LeadNotice =
  | { kind: 'invalid_email' }
  | { kind: 'required_declined'; field: LeadField }
  /** A value shown in the summary changed: say so before showing it again. */
  | { kind: 'updated' }
  /** The e-mail and the phone in its place both declined: the advisor answers by this chat (say so, then go on). */
  | { kind: 'contact_by_chat' }
  /** "llámenme mejor" with the phone known: the preference noted, said so before the question pending. */
  | { kind: 'phone_preferred' }
  /** The need told where who the customer is was asked ("unos 200 sacos al mes"): written down, said so, the question again. */
  | { kind: 'need_noted' }
  /** A number given while another question is asked ("mi cel es …", "y la oficina 809…"): kept beside any other, said so, the question again. */
  | { kind: 'phone_added' };

/** The lead part of the machine context. Plain JSON. */
export interface LeadState {
  draft: LeadDraft;
  status: LeadStatus;
  leadId: string | null;
  /** The field the last question asked for. */
  asking: LeadField | null;
  /** How many times in a row the pending question was asked (absent: once). */
  asked?: number;
  /** Fields the customer wants to correct: cleared from the draft and asked first. */
  reask: LeadField[];
  notice: LeadNotice | null;
  /** What the request is about, when the customer said so starting it ("quiero aplicar a crédito"). */
  about?: 'credit';
  /** The customer let the form go ("olvídalo") with its draft kept: taken up again, it is resumed, not introduced anew. */
  dropped?: true;
  /** How the customer would rather be reached ("prefiero que me llamen"), for the salesperson (absent: not said). */
  reachBy?: 'phone';
  /** The last correction of the registered lead only filled fields it lacked (a phone added): "Anotado", not "Corregido". */
  amendAdds?: true;
}

export function createLeadState(): LeadState {
  return { draft: {}, status: 'none', leadId: null, asking: null, reask: [], notice: null };
}

/**
 * Simple on purpose: one `@`, no spaces, a dot in the domain and a TLD of two letters or more.
 * Stricter patterns reject real addresses; the CRM confirms deliverability.
 */
const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/u;

export function isValidEmail(value: string): boolean {
  const address = value.trim();
  return EMAIL_PATTERN.test(address) && isDeliverableLength(address);
}

/**
 * RFC 5321's limits: a local part of at most 64 characters, an address of at most 254. Past them
 * no mail server takes it ("aaaa…(300)@x.com" was kept whole in the lead and said back).
 */
export function isDeliverableLength(address: string): boolean {
  return address.length <= 254 && address.indexOf('@') <= 64;
}

/** Mailbox providers whose misspelt names are common and never anyone's real domain. */
const PROVIDERS = ['gmail', 'hotmail', 'yahoo', 'outlook', 'icloud', 'protonmail'];
/** ".con", ".cm", ".comm": the ".com" a thumb missed. */
const COM_TYPO = /^(?:con|cm|om|comm|cpm|vom|xom|cim|clm|c0m|co)$/;

/** Two words one slip apart: a letter wrong, missing, extra, or two letters swapped. */
function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/**
 * An address with a big provider's name misspelt fixed ("ana@gmial.com" → ana@gmail.com,
 * "ana@hotmail.con" → ana@hotmail.com), as a clerk writing it down would; any other address as
 * given. The customer sees it in the summary they confirm.
 */
export function correctEmailTypo(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const [name = '', ...rest] = email.slice(at + 1).split('.');
  const provider = PROVIDERS.find((p) => p === name) ?? PROVIDERS.find((p) => p[0] === name[0] && name.length >= 4 && oneSlipApart(p, name));
  if (!provider) return email;
  const tld = rest.length === 1 && COM_TYPO.test(rest[0]!) ? ['com'] : rest;
  return `${email.slice(0, at + 1)}${[provider, ...tld].join('.')}`;
}

export function isLeadInProgress(lead: LeadState): boolean {
  return lead.status === 'collecting' || lead.status === 'confirming';
}

/** True when the message carries a value (or a refusal) for any lead field. */
export function carriesLeadData(understanding: Understanding): boolean {
  return (
    Object.values(understanding.leadFields).some((v) => v !== undefined) ||
    understanding.interestArea !== undefined ||
    understanding.urgency !== undefined
  );
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

/** The lead fields that say who the customer is (not what they need). */
const CONTACT_FIELDS: readonly LeadField[] = ['name', 'email', 'phone_or_username', 'company_name'];

/**
 * Who the customer said they are outside a form ("Constructora Mejía" as a first message, "Ana
 * Pérez, ana@x.com" in answer to the quote offer), kept in the draft with the message as
 * provenance: a form started later does not ask it again (its summary shows it to confirm), and
 * a ticket's summary names the customer. A form in progress or submitted keeps its own draft.
 */
export function rememberContact(lead: LeadState, understanding: Understanding, messageId: string): LeadState {
  if (lead.status !== 'none') return lead;
  const draft: LeadDraft = { ...lead.draft };
  let changed = false;
  for (const field of CONTACT_FIELDS) {
    const raw = understanding.leadFields[field];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const value = field === 'email' ? correctEmailTypo(raw.trim().toLowerCase()) : raw.trim();
    if (field === 'email' && !isValidEmail(value)) continue;
    draft[field] = { value, sourceMessageId: messageId };
    changed = true;
  }
  return changed ? { ...lead, draft } : lead;
}

/** The message carries who the customer is: a name, an e-mail, a phone or a company. */
export function carriesContact(understanding: Understanding): boolean {
  return CONTACT_FIELDS.some((field) => {
    const v = understanding.leadFields[field];
    return typeof v === 'string' && v.trim() !== '';
  });
}

/** The customer's first name, when known, for a warmer greeting. */
export function firstNameOf(draft: LeadDraft): string | null {
  const name = draft.name?.value?.trim();
  if (!name) return null;
  return name.split(/\s+/u)[0] ?? null;
}

/** Words that may go around a name given alone ("a nombre de Pedro Santana", "ponlo a nombre de…", "put it under Ana Díaz"). */
const NAME_GLUE = /^(?:soy|me|llamo|mi|nombre|es|a|de|al|la|el|lo|my|name|is|i'?m|im|this|ok|okay|bueno|listo|pon|ponlo|ponla|ponle|ponlos|put|it|them|under|for|para|que|quede|queda|gracias|thanks|y|and|reserva|reservalo|the|reservation|order|pedido|esta|este)$/;

/**
 * The name of a message that is only a name with the words that give it ("a nombre de Pedro
 * Santana", "put it under Ana Díaz"); null when the message says more, or gives no name.
 */
export function nameGivenAlone(understanding: Understanding, text: string): string | null {
  const name = understanding.leadFields.name;
  if (typeof name !== 'string' || name.trim() === '') return null;
  const rest = foldAccents(text.toLowerCase().split(name.toLowerCase()).join(' '));
  if (rest === foldAccents(text.toLowerCase())) return null;
  const words = rest.split(/[^a-z']+/).filter((w) => w && !NAME_GLUE.test(w));
  return words.length === 0 ? name.trim() : null;
}

/** Words that may go around contact data given alone ("mi correo es …", "este es mi número", "my email:"). */
const CONTACT_GLUE = /^(?:mi|my|correo|email|e-mail|mail|numero|number|telefono|phone|cel|celular|whatsapp|es|is|este|esta|this|el|la|de|y|and|nombre|name|me|llamo|soy|i'?m|am|aqui|here|por si acaso|just in case|para|que|me|contacten|contacte|contact|ok|bueno|listo|gracias|thanks)$/;

/**
 * The e-mail or phone of a message that is only contact data ("ana@gmail.com", "mi cel es
 * 809-555-1234", "Ana Díaz, ana@x.com"), given with nothing asked; null when the message says more.
 */
export function contactGivenAlone(understanding: Understanding, text: string): string | null {
  const email = understanding.leadFields.email;
  const phone = understanding.leadFields.phone_or_username;
  const given = [email, phone].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (given.length === 0) return null;
  let rest = text.toLowerCase();
  for (const v of [...given, understanding.leadFields.name ?? '']) if (typeof v === 'string' && v) rest = rest.split(v.toLowerCase()).join(' ');
  const words = foldAccents(rest)
    .replace(/\S*@\S*|[+\d][\d\s().-]{6,}\d/g, ' ')
    .split(/[^a-z']+/)
    .filter((w) => w && !CONTACT_GLUE.test(w));
  // A phone is echoed masked (as the identity offer shows it): the chat may be read over a shoulder.
  const masked = (v: string) => phonesOf(v).map((p) => `xxx-xx${p.replace(/\D/g, '').slice(-2)}`).join(', ');
  return words.length <= 1 ? given.map((v) => (v.includes('@') ? correctEmailTypo(v.trim().toLowerCase()) : masked(v))).join(', ') : null;
}
