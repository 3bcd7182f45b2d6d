import { PROFILE_SOURCE, type ContactProfile, type LeadDraft, type LeadField } from '../../domain/lead.js';
import type { Lang } from '../../domain/nlu.js';
import type { Understanding } from '../../domain/understanding.js';
import { correctEmailTypo, createLeadState, fieldsNamedIn, isValidEmail, type LeadNotice, type LeadState } from '../lead-draft.js';
import type { EntityReading, WorkflowSlot, WorkflowSpec, WorkflowText } from './workflow-spec.js';
import { onlyPings } from '../ping-language.js';
import { mergedPhone } from '../lead-phones.js';
import { needRecounted } from '../need-recount.js';

/**
 * A tenant workflow read by the brain (`reading: "brain"`), as pure functions: the brain reads
 * every message (entities, several per message, detours included), the values go into the form's
 * draft, the machine's `workflow.form` states ask what is missing, show the summary, take
 * corrections and push it through a runtime port.
 *
 * The draft is the machine's `context.lead` (keyed by slot name): the console, analytics, the CRM
 * payload and the LLM brain's lead tools read it there, as they did when the lead was hard-coded.
 *
 * @example
 * const lead = mergeFormReading(spec, state, understanding, 'm-1', text);
 * nextFormQuestion(spec, lead) // { slot: 'email', text: { template: 'lead.ask.email' } }
 */

/** The lead field the brain reads for each entity (`understanding.leadFields`, `expecting.field`). */
export const ENTITY_FIELD: Readonly<Record<EntityReading, LeadField>> = {
  person_name: 'name',
  email: 'email',
  phone: 'phone_or_username',
  company: 'company_name',
  interest_area: 'interest_area',
  problem: 'problem_statement',
  urgency: 'urgency_level',
};

/** Entities that say who the customer is: kept for their next form, remembered in their profile. */
const CONTACT_ENTITIES: Partial<Record<EntityReading, keyof ContactProfile>> = { person_name: 'name', email: 'email', phone: 'phone', company: 'company' };

export const isBrainForm = (spec: WorkflowSpec | null | undefined): boolean => spec?.reading === 'brain';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase();

function canonical(options: readonly string[], value: string): string | null {
  const v = fold(value);
  return options.find((o) => fold(o) === v) ?? null;
}

/** A static choice named in the answer ("la de soporte" → "Soporte"), when exactly one is. */
function choiceIn(slot: WorkflowSlot, text: string): string | null {
  const words = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const named = (slot.choices ?? []).filter((c) => words.includes(` ${fold(c).replace(/[^\p{L}\p{N}]+/gu, ' ')} `));
  return named.length === 1 ? named[0]! : null;
}

/** One of the static choices of any slot of the form ("Ventas", "Alto"), folded. */
function isFormChoice(spec: WorkflowSpec, value: string): boolean {
  const bare = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return spec.slots.some((s) => (s.choices ?? []).some((c) => bare(c) === bare(value)));
}

const slotOf = (spec: WorkflowSpec, name: string): WorkflowSlot | undefined => spec.slots.find((s) => s.name === name);
const asField = (slot: string) => slot as LeadField;

/**
 * What one message gives, per slot name: a value, `null` (declined) or nothing. The brain's lead
 * fields come first in the order it read them, then the interest area and urgency signals, then
 * a static choice (a slot without `entity`) named in an answer to its own question.
 */
function readingsOf(spec: WorkflowSpec, understanding: Understanding, asking: string | null, text: string, lead?: LeadState): [WorkflowSlot, string | null][] {
  const found: Partial<Record<LeadField, string | null>> = { ...understanding.leadFields };
  // "no son 3 baños, son 5" at the summary: the need written, its count corrected (`need-recount.ts`).
  const recount = lead ? recountedNeed(spec, lead, text) : null;
  if (recount !== null) found.problem_statement = recount;
  if (understanding.interestArea && !found.interest_area) found.interest_area = understanding.interestArea;
  if (understanding.urgency && !found.urgency_level) found.urgency_level = understanding.urgency;
  const out: [WorkflowSlot, string | null][] = [];
  for (const [field, raw] of Object.entries(found)) {
    if (raw === undefined) continue;
    for (const slot of spec.slots) if (slot.entity && ENTITY_FIELD[slot.entity] === field) out.push([slot, raw]);
  }
  const asked = asking ? slotOf(spec, asking) : undefined;
  if (asked && !asked.entity && asked.choices) {
    const picked = choiceIn(asked, text);
    if (picked !== null) out.push([asked, picked]);
  }
  return out;
}

/**
 * True when this message corrected a count of the need at the summary (merged on the way in, so the
 * draft already holds it): the brain read no need in it, yet the need now comes from it.
 */
export function needRecountedBy(spec: WorkflowSpec, lead: LeadState, understanding: Understanding, messageId: string): boolean {
  const need = spec.slots.find((s) => s.entity === 'problem');
  if (!need || lead.status !== 'confirming' || understanding.leadFields.problem_statement !== undefined || understanding.addsToNeed) return false;
  return lead.draft[asField(need.name)]?.sourceMessageId === messageId;
}

/** The need written with a count corrected at the summary ("make it 6 bathrooms not 4"), or null. */
function recountedNeed(spec: WorkflowSpec, lead: LeadState, text: string): string | null {
  const need = spec.slots.find((s) => s.entity === 'problem');
  const written = need && lead.status === 'confirming' ? lead.draft[asField(need.name)]?.value : undefined;
  return typeof written === 'string' ? needRecounted(written, text) : null;
}

/** True when the message carries a value (or a refusal) for any slot of the form. */
export function carriesFormData(spec: WorkflowSpec, understanding: Understanding, lead: LeadState, text: string): boolean {
  return readingsOf(spec, understanding, lead.asking, text).length > 0 || (understanding.prefersPhone === true && phoneSlotOf(spec) !== undefined);
}

/** The slot of the customer's phone, when the form has one. */
const phoneSlotOf = (spec: WorkflowSpec): WorkflowSlot | undefined => spec.slots.find((s) => s.entity === 'phone');

/** True when the message fills or declines this slot. */
export function answersSlot(spec: WorkflowSpec, slotName: string, understanding: Understanding, text: string): boolean {
  return readingsOf(spec, understanding, slotName, text).some(([s]) => s.name === slotName);
}

/** The need said again to replace the one written ("no, lo que necesito es…", "actually we need…"). */
const NEED_CORRECTED = /^(?:no\b|nop|perd[oó]n|mejor|en realidad|corrijo|correcci[oó]n|me equivoqu[eé]|actually|sorry|i mean|rather|correction|change (?:it|that|the need))/;

/**
 * Merges one message's readings into the draft, with the message as provenance. Later values win
 * (the customer corrected themselves). A declined slot is stored as `null`, except a required one;
 * an invalid e-mail is not stored; a value outside a slot's `choices` is ignored. Either leaves a
 * notice for the next question.
 */
export function mergeFormReading(spec: WorkflowSpec, lead: LeadState, understanding: Understanding, messageId: string, text: string): LeadState {
  const draft: LeadDraft = { ...lead.draft };
  let reask = [...lead.reask];
  let notice: LeadNotice | null = null;
  const readings = readingsOf(spec, understanding, lead.asking, text, lead);
  const recount = recountedNeed(spec, lead, text);
  for (const [slot, raw] of readings) {
    const key = asField(slot.name);
    let value: string | null = raw === null ? null : raw.trim();
    if (value === '') continue;
    if (value === null) {
      if (slot.required) {
        if (draft[key]?.value == null && !standsIn(spec, slot, lead, readings)) notice = { kind: 'required_declined', field: key };
        continue;
      }
    } else if (slot.entity === 'email') {
      value = correctEmailTypo(value.toLowerCase());
      if (!isValidEmail(value)) {
        notice = { kind: 'invalid_email' };
        continue;
      }
    } else if (slot.choices) {
      value = canonical(slot.choices, value);
      if (value === null) continue;
    } else if ((slot.entity === 'person_name' || slot.entity === 'company') && isFormChoice(spec, value)) {
      // "ventas" typed where the name (or the company) was asked answers another question: whatever
      // brain read it, a value of the form's own choices (an area, an urgency) is never a name.
      continue;
    }
    // A second number is kept beside the first; a wrong one replaced alone (`mergedPhone`).
    if (slot.entity === 'phone' && value !== null) value = mergedPhone(draft[key], value, text, lead.status === 'confirming');
    // More of the need told at the summary goes after the need written, not in its place.
    const written = draft[key]?.value;
    // "son 6 casas de una planta, unos 600 sacos…" where another question is asked, after the opening's need
    // ("tengo una obra de 6 casas… necesito cotizar cemento"): the details go under it, as "Anotado" says, never in its place.
    const detailsAfter = lead.status === 'collecting' && lead.asking !== null && lead.asking !== key && slot.entity === 'problem' && typeof written === 'string' && typeof value === 'string' && !value.includes(written) && !NEED_CORRECTED.test(text.trim().toLowerCase());
    if (detailsAfter && value !== recount && typeof written === 'string' && value !== null && !written.includes(value)) value = `${written.replace(/[.\s]*$/, '.')} ${value.charAt(0).toUpperCase()}${value.slice(1)}`.slice(0, 800);
    else if (understanding.addsToNeed && value !== recount && slot.entity === 'problem' && typeof written === 'string' && value !== null && !written.includes(value)) value = `${written.replace(/[.\s]*$/, '.')} ${value.charAt(0).toUpperCase()}${value.slice(1)}`.slice(0, 800);
    // A value changed at the summary, or one given before corrected while another is asked
    // ("perdón, mi correo es …"): say so before the next question.
    // (More of the need told after it is written under it, not a change to announce.)
    const appended = understanding.addsToNeed === true && value !== recount && slot.entity === 'problem';
    const corrected = lead.status === 'collecting' && lead.asking !== key && typeof draft[key]?.value === 'string' && value !== null && !appended;
    // A number given while another question is asked ("y la oficina 809…"): kept (beside any other), said so.
    const before = draft[key]?.value;
    const phoneAdded = lead.status === 'collecting' && lead.asking !== null && lead.asking !== key && slotOf(spec, lead.asking)?.or !== slot.name && slot.entity === 'phone' && value !== null && (typeof before !== 'string' || value.startsWith(`${before} / `)) && before !== value;
    if (phoneAdded && notice === null) notice = { kind: 'phone_added' };
    // ...but the need told again while another question is asked is more of it, noted ("son 4 casas de 2 niveles…" is no "lo cambié").
    if ((lead.status === 'confirming' || corrected) && draft[key]?.value !== value && notice === null) notice = (lead.status === 'collecting' || appended) && slot.entity === 'problem' ? { kind: 'need_noted' } : { kind: 'updated' };
    draft[key] = { value, sourceMessageId: messageId };
    reask = reask.filter((f) => f !== key);
  }
  // "unos 200 sacos al mes" where the e-mail (the name, the company) is asked, "el problema es que…"
  // where the urgency is: the need written down (or more of it), said so ("Anotado"), the question asked again.
  const askedWho = lead.status === 'collecting' && lead.asking ? slotOf(spec, lead.asking) : undefined;
  const needSlot = spec.slots.find((s) => s.entity === 'problem');
  if (notice === null && understanding.addsToNeed && askedWho && (CONTACT_ENTITIES[askedWho.entity as EntityReading] || askedWho.entity === 'urgency') && needSlot && draft[asField(needSlot.name)]?.sourceMessageId === messageId && lead.draft[asField(needSlot.name)]?.sourceMessageId !== messageId) notice = { kind: 'need_noted' };
  // A required slot whose stand-in now has a value, declined or asked for: the stand-in takes its
  // place and it is left empty ("—"), never asked again ("no tengo correo, llámame al 829…").
  for (const slot of spec.slots) {
    const key = asField(slot.name);
    if (!slot.or || draft[key]?.value != null || !draft[asField(slot.or)]?.value) continue;
    if (!standsIn(spec, slot, lead, readings)) continue;
    draft[key] = { value: null, sourceMessageId: messageId };
    reask = reask.filter((f) => f !== key);
    if (notice?.kind === 'required_declined' && notice.field === key) notice = null;
  }
  // The stand-in asked for a declined slot is declined too ("tampoco quiero dar el teléfono"): a
  // clerk does not ask for the e-mail again; the advisor answers by this chat, and the form goes on.
  // So is a stand-in passed over for another question's answer ("no tengo empresa", "ventas"): the
  // customer did not take it up, and it is not asked again and again.
  for (const slot of spec.slots) {
    const key = asField(slot.name);
    if (!slot.or || lead.asking !== slot.or || draft[key] !== undefined) continue;
    const declined = readings.some(([s, v]) => s.name === slot.or && v === null);
    const passedOver = readings.length > 0 && !readings.some(([s]) => s.name === slot.or);
    if (!declined && !passedOver) continue;
    if (passedOver) draft[asField(slot.or)] = { value: null, sourceMessageId: messageId };
    draft[key] = { value: null, sourceMessageId: messageId };
    reask = reask.filter((f) => f !== key);
    notice = { kind: 'contact_by_chat' };
  }
  // "prefiero que me llamen", "mejor por WhatsApp" with no phone known: the phone is asked next
  // (after the e-mail's stand-in question, when the e-mail was just passed over for it).
  const phone = phoneSlotOf(spec);
  if (understanding.prefersPhone && phone && !draft[asField(phone.name)]?.value) {
    delete draft[asField(phone.name)];
    reask = [asField(phone.name), ...reask.filter((f) => f !== phone.name)];
  } else if (understanding.prefersPhone && phone && notice === null) {
    // "llámenme mejor" with the number known (the WhatsApp one): noted, said so, then the question pending.
    notice = { kind: 'phone_preferred' };
  }
  const reachBy = understanding.prefersPhone === true ? { reachBy: 'phone' as const } : {};
  // A question asked twice and passed over again (other answers given ahead, a question of their
  // own) is not asked a third time: a clerk moves on, the slot stays empty ("—") in the summary.
  const pending = lead.status === 'collecting' && lead.asking ? slotOf(spec, lead.asking) : undefined;
  // (A bare yes or no answers something else on offer, not a miss of the question; nor is "un momento",
  // "no entiendo" or "¿eres un robot?", after which the question is asked again as it was.)
  // "¿sigues ahí?", "hola??" only check the chat is alive: the question is asked again as it was (`ping-language.ts`).
  const aside = understanding.waits === true || understanding.notFollowed !== undefined || understanding.asksIfBot === true || onlyPings(text);
  if (pending && !aside && (lead.asked ?? 1) >= 2 && (readings.length > 0 || understanding.affirmation === null) && draft[asField(pending.name)] === undefined && notice?.kind !== 'invalid_email' && notice?.kind !== 'required_declined' && !reask.includes(asField(pending.name))) {
    draft[asField(pending.name)] = { value: null, sourceMessageId: messageId };
    // Without an e-mail or a phone, the advisor answers by this chat: say so.
    if (pending.or && !draft[asField(pending.or)]?.value) notice = { kind: 'contact_by_chat' };
  }
  return { ...lead, draft, reask, notice, ...reachBy };
}

/**
 * True when a required slot's stand-in (`or`) takes its place with this message: the slot is
 * declined while the stand-in is known (the WhatsApp number, a phone given earlier) or given now,
 * or the stand-in is given while either of them is asked.
 */
function standsIn(spec: WorkflowSpec, slot: WorkflowSlot, lead: LeadState, readings: readonly [WorkflowSlot, string | null][]): boolean {
  if (!slot.or) return false;
  const given = readings.some(([s, v]) => s.name === slot.or && v !== null && v.trim() !== '');
  const known = given || !!lead.draft[asField(slot.or)]?.value;
  const declined = readings.some(([s, v]) => s === slot && v === null);
  const asked = lead.asking === slot.name || lead.asking === slot.or;
  return (declined && known) || (given && asked && !readings.some(([s, v]) => s === slot && v !== null));
}

/** The next thing to ask and its text, or null when every asked slot is answered (a refusal counts). */
export function nextFormQuestion(spec: WorkflowSpec, lead: LeadState): { slot: string; text: WorkflowText } | null {
  if (lead.notice?.kind === 'invalid_email') {
    const slot = spec.slots.find((s) => s.entity === 'email');
    if (slot) return { slot: slot.name, text: slot.invalid ?? slot.prompt };
  }
  if (lead.notice?.kind === 'required_declined') {
    const slot = slotOf(spec, lead.notice.field);
    // With a stand-in, the decline is answered by asking for it ("¿a qué teléfono te llamamos?").
    if (slot) return { slot: slot.or ?? slot.name, text: slot.required ?? slot.prompt };
  }
  // The stand-in asked for a declined slot stays the question until it is answered (or declined).
  const standIn = lead.asking && lead.draft[lead.asking] === undefined ? spec.slots.find((s) => s.or === lead.asking && lead.draft[asField(s.name)] === undefined) : undefined;
  if (standIn && lead.reask.length === 0) {
    const slot = slotOf(spec, standIn.or!);
    if (slot) return { slot: slot.name, text: slot.prompt };
  }
  const asked = spec.slots.filter((s) => s.ask).map((s) => s.name);
  const name = [...lead.reask, ...asked].find((f) => lead.draft[asField(f)] === undefined);
  const slot = name ? slotOf(spec, name) : undefined;
  return slot ? { slot: slot.name, text: slot.prompt } : null;
}

/** The question pending at a slot (a reminder, media kept): its own prompt. */
export function slotPrompt(spec: WorkflowSpec, slotName: string): WorkflowText | null {
  return slotOf(spec, slotName)?.prompt ?? null;
}

/** The lead field the brain should read a bare answer as, for the slot asked; null for a static choice. */
export function expectedField(spec: WorkflowSpec, slotName: string): LeadField | null {
  const entity = slotOf(spec, slotName)?.entity;
  return entity ? ENTITY_FIELD[entity] : null;
}

/** Slots a correction names ("no, el correo está mal"), by the words of their entity. */
export function slotsNamedIn(spec: WorkflowSpec, text: string): string[] {
  return fieldsNamedIn(text).flatMap((field) => spec.slots.filter((s) => s.entity && ENTITY_FIELD[s.entity] === field).map((s) => s.name));
}

/** The summary's placeholders: each slot's value under its `param` (or name); declined or missing shows "—". */
export function formParams(spec: WorkflowSpec, draft: LeadDraft): Record<string, string> {
  return Object.fromEntries(spec.slots.map((s) => [s.param ?? s.name, draft[asField(s.name)]?.value ?? '—']));
}

/**
 * Starts (or resumes) a form: a submitted one gives way to a new one that keeps who the customer
 * is; what a returning contact confirmed before fills the contact slots still missing (shown in
 * the summary to confirm, not asked again).
 */
export function startForm(spec: WorkflowSpec, lead: LeadState, profile?: ContactProfile | null): LeadState {
  const contactSlots = spec.slots.filter((s) => s.entity && CONTACT_ENTITIES[s.entity]);
  let next: LeadState;
  if (lead.status !== 'submitted') {
    const { dropped: _dropped, ...kept } = lead;
    next = { ...kept, status: 'collecting', notice: null };
  }
  else {
    const draft: LeadDraft = {};
    for (const s of contactSlots) {
      const v = lead.draft[asField(s.name)];
      if (v) draft[asField(s.name)] = v;
    }
    next = { ...createLeadState(), draft, status: 'collecting' };
  }
  if (!profile) return next;
  const draft: LeadDraft = { ...next.draft };
  for (const s of contactSlots) {
    const value = profile[CONTACT_ENTITIES[s.entity!]!];
    if (draft[asField(s.name)] === undefined && typeof value === 'string' && value.trim() !== '') draft[asField(s.name)] = { value, sourceMessageId: PROFILE_SOURCE };
  }
  return { ...next, draft };
}

/** The profile after a submitted form: its contact slots win over what was remembered. */
export function profileFromForm(spec: WorkflowSpec, profile: ContactProfile | null | undefined, lead: LeadState): ContactProfile {
  const out: ContactProfile = { ...(profile ?? {}) };
  for (const s of spec.slots) {
    const key = s.entity ? CONTACT_ENTITIES[s.entity] : undefined;
    const value = lead.draft[asField(s.name)]?.value;
    if (key && typeof value === 'string' && value.trim() !== '') (out as Record<string, string>)[key] = value;
  }
  if (lead.leadId) out.openLead = lead.leadId;
  return out;
}

/** A form text in the conversation's language with its placeholders filled (a template key is left to the host). */
export function formText(text: WorkflowText, lang: Lang, params: Record<string, string> = {}): { template: string; params?: Record<string, string> } | { text: string } {
  if ('template' in text) return Object.keys(params).length > 0 ? { template: text.template, params } : { template: text.template };
  return { text: text[lang].replace(/\{([^{}]+)\}/g, (m, name: string) => params[name] ?? m) };
}
