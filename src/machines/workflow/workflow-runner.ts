import type { Lang } from '../../domain/nlu.js';
import { extractDate, extractEmail, extractPersonName, extractPhone, extractTime, fold, matchOption } from './slot-extractors.js';
import { asStrings, nest, pick } from './run-values.js';
import { fillFrom, requestKey, resolveOperation, runText as text } from './run-text.js';
import { confirmAnswer, confirmOptions } from './confirm-answers.js';
import { choosingByDay, keepUnchanged, movedSlots } from './run-moves.js';
import { inLang } from './run-lang.js';
import { bookForAnother, forAnother, nameOfAnother, saysAnother } from './for-another.js';
import type { OptionItem, ResolvedOperation, RunContext, WorkflowReply, WorkflowRun, WorkflowStep } from './run-types.js';
import { laterNote, laterOffer, nextOfVisit, servicesNamed } from './two-services.js';
import { extractDayPart, pickByWord, nearestTimes } from './option-narrowing.js';
import { clearSlot, narrow, preferTimes, setSlot, slotOf } from './run-slots.js';
import { spokenValue } from './spoken-dates.js';
import { nameForAnother, notedReplies } from './noted.js';
import { freeRangeLine } from './free-range.js';
import { closedDayReply, closedOn, localToday, nearestOpenDays } from './closed-days.js';
import { beyondHorizon, farDayReply, lastBookableDay } from './far-days.js';
import { offGridReply } from './off-grid.js';
import { timeAskedFree, timeFreeNote } from './time-free.js';
import { BUILT_IN_TEXTS } from './run-builtin-texts.js';
import { agreedOption, dayNotListed, withDayNamed } from './day-named.js';
import { clashReply, dateClash, proposedDay } from './weekday-clash.js';
import { groupSize, queueGroup } from './group-booking.js';
import { notDoneOn } from './day-not-offered.js';
import type { LocalText, WorkflowOperation, WorkflowSlot, WorkflowSpec, WorkflowTextKey } from './workflow-spec.js';
import { letsRunGo } from './run-let-go.js';
import { notDoneBeside } from './not-done-beside.js';
import { letBusyStaffGo, narrowToStaff, readStaff, staffless, takeStaff } from './staff-named.js';

/**
 * Running one workflow, as pure functions over plain JSON: the conversation machine keeps a
 * {@link WorkflowRun} in its context, asks {@link nextStep} what to do, performs the connector
 * calls it names (invoked actors) and feeds their answers and the customer's messages back.
 *
 * @example
 * let run = startRun(spec, { text: 'quiero un corte mañana a las 3', nowMs, timeZone, lang: 'es' });
 * nextStep(run) // { kind: 'load', slot: 'service', request: { method: 'GET', path: '/services' } }
 */

export type { OptionItem, ResolvedOperation, RunContext, WorkflowReply, WorkflowRun, WorkflowStep } from './run-types.js';

const CANCEL = /^(?:no\s+)?(?:cancela(?:r|lo)?|cancel(?: it| that)?|olvidalo|olvidate|dejalo|deja eso|ya no|mejor no|no importa|never ?mind|forget it|stop|salir|exit|nada)(?:\s+(?:eso|la cita|todo|gracias|thanks|please|por favor))*$/;
const HUMAN = /\b(?:hablar con (?:una )?(?:persona|humano|agente|alguien)|un humano|una persona real|agente humano|talk to (?:a |an )?(?:person|human|agent|someone)|real person|human agent)\b/;
const YES = /^(?:si|sip|claro|dale|ok|okay|correcto|confirmo|confirmado|perfecto|de acuerdo|asi es|exacto|yes|yep|yeah|sure|confirm|correct|right|sounds good|go ahead|all good|todo bien|esta bien)(?:\s+(?:si|gracias|thanks|please|por favor|confirmo|dale|perfecto|todo correcto|correcto))*$/;
const NO = /^(?:no|nop|nope|incorrecto|esta mal|wrong|not right)$/;
const ACK = /^(?:(?:ok|okay|dale|si|bueno|perfecto)\s+)?(?:esa|ese|eso|esa misma|ese mismo|that one|that|entendido|got it|para mi|a mi nombre|es para mi|for me|for myself|it's for me|mine)$/;

const BUILT_IN = BUILT_IN_TEXTS;

/** The runner's words for `key`: the tenant's (workflows.json `texts`, carried by the run's spec) or the built-in ones. */
function ownText(run: WorkflowRun | null | undefined, key: WorkflowTextKey): LocalText {
  return run?.spec.texts?.[key] ?? BUILT_IN[key];
}

/** The runner's own words: a form dropped on request, or a backend that cannot answer (the tenant's when it gave them). */
export function builtInText(key: 'cancelled' | 'backendDown', lang: Lang, run?: WorkflowRun | null): string {
  if (key === 'cancelled' && run?.kept && run.spec.answers) return text(run.spec.answers.kept, lang, {}, inLang(run, lang));
  return ownText(run, key)[lang];
}

const MAX_SHOWN_OPTIONS = 8;
/** Free times shown around a time that was taken. */
const NEAREST_SHOWN = 4;

/** A new run from the message that started it: prefilled from the contact, with what that message already says. */
export function startRun(spec: WorkflowSpec, ctx: RunContext & { timeZone: string }): WorkflowRun {
  const group = spec.slots.some((s) => s.kind === 'service') ? groupSize(ctx.text) : null;
  const run: WorkflowRun = { spec, timeZone: ctx.timeZone, values: {}, labels: {}, pending: {}, options: {}, checked: [], asking: null, stage: 'collecting', outcome: 'continue', ...(ctx.focus ? { focus: ctx.focus } : {}), ...(ctx.focus && ctx.focusAlso?.length ? { focusAlso: ctx.focusAlso } : {}), ...(group ? { group } : {}) };
  for (const field of ['name', 'phone', 'email'] as const) {
    const known = ctx.contact?.[field];
    if (known) run.values[`contact.${field}`] = known;
  }
  for (const slot of spec.slots) {
    if (slot.kind === 'person_name' && forAnother(ctx.text)) {
      run.forAnother = true;
      continue;
    }
    if (slot.known && slot.prefill === 'contact.phone' && ctx.known !== undefined) {
      // Who the conversation is proven to be, never a phone merely typed or remembered (docs/workflows-trust.md).
      // A number known only by the bookings made here acts on those bookings, never on the number's profile.
      if (ctx.known && (!ctx.known.only || spec.slots.some((s) => s.options?.made))) {
        run.values[slot.name] = ctx.known.phone;
        if (ctx.known.only) run.only = [...ctx.known.only];
      }
      continue;
    }
    const known = slot.prefill ? ctx.contact?.[slot.prefill.slice('contact.'.length) as 'name' | 'phone' | 'email'] : undefined;
    if (known) run.values[slot.name] = known;
  }
  return withDayNamed(readMessage(run, ctx, { firstMessage: true }), ctx);
}

/** A `staff` slot whose words wait for its list ("con Yokasta"), to load before the service question; null when none. */
function staffToLoad(run: WorkflowRun, contact: RunContext['contact']): WorkflowStep | null {
  const slot = run.spec.slots.find((s) => s.kind === 'staff' && s.options && run.pending[s.name] !== undefined);
  const request = slot ? resolveOperation(slot.options!.operation, run, contact) : null;
  return slot && request && run.options[slot.name]?.request !== requestKey(request) ? { kind: 'load', slot: slot.name, request } : null;
}

/** What the run needs next. */
export function nextStep(run: WorkflowRun, contact?: RunContext['contact']): WorkflowStep {
  for (const slot of run.spec.slots) {
    if (!slot.ask && run.values[slot.name] === undefined && run.pending[slot.name] === undefined) continue; // never asked: only what was said ("con Yokasta")
    if (slot.options) {
      const request = resolveOperation(slot.options.operation, run, contact);
      if (run.options[slot.name]?.request !== requestKey(request)) return { kind: 'load', slot: slot.name, request };
    }
    // "quiero cita con Yokasta": the one named is looked up before the service is asked, so the question offers hers.
    if (run.values[slot.name] === undefined) return (slot.kind === 'service' ? staffToLoad(run, contact) : null) ?? { kind: 'ask', slot: slot.name };
    if (slot.validate && !run.checked.includes(slot.name)) return { kind: 'check', slot: slot.name, request: resolveOperation(slot.validate.operation, run, contact) };
  }
  if (run.spec.confirm && run.outcome !== 'confirmed') return { kind: 'confirm' };
  // The runner's forms call the backend (checkWorkflowSet: a port is for forms the brain reads).
  return { kind: 'act', request: resolveOperation(run.spec.action as WorkflowOperation, run, contact) };
}

/**
 * The backend's list for a slot: a value already given must be on it (a time taken is refused
 * with the free ones), words given earlier pick from it, and a list of one answers the question by
 * itself. An empty list ends the run (`outcome: 'ended'`).
 */
export function applyOptions(given0: WorkflowRun, slotName: string, request: ResolvedOperation, answer: unknown, lang: Lang): { run: WorkflowRun; replies: WorkflowReply[] } {
  const run = inLang(given0, lang);
  const slot = slotOf(run, slotName);
  const source = slot.options!;
  const raw = pick(answer, source.items);
  const wanted = Object.entries(source.where ?? {});
  const only = source.made && run.only ? new Set(run.only) : null;
  const listed = (Array.isArray(raw) ? raw : []).filter((item) => wanted.every(([field, v]) => String(pick(item, field)) === v) && (!only || only.has(String(pick(item, source.made!)))));
  const items: OptionItem[] = listed.flatMap((item): OptionItem[] => {
    const value = pick(item, source.value);
    if (typeof value !== 'string' && typeof value !== 'number') return [];
    const otherLang: Lang = lang === 'es' ? 'en' : 'es';
    // Without a label template the value is shown as it is, a free time spoken ("3:00 p. m.", which the time reader takes back).
    const labelIn = (l: Lang) => (source.label ? fillFrom(source.label[l], item, l, run.timeZone) : spokenValue(String(value), l, run.timeZone));
    const label = labelIn(lang);
    const other = source.label ? labelIn(otherLang) : undefined;
    const local = { [lang]: label, [otherLang]: labelIn(otherLang) };
    const aliases = [...(other && other !== label ? [other] : []), ...asStrings(source.aliases ? pick(item, source.aliases) : undefined)];
    const keep = Object.fromEntries(Object.entries(source.keep ?? {}).flatMap(([k, field]) => {
      const v = pick(item, field);
      return typeof v === 'string' || typeof v === 'number' ? [[k, String(v)]] : [];
    }));
    const group = source.groups ? pick(item, source.groups.field) : undefined;
    const [does, works] = [source.does, source.works].map((field) => (field ? asStrings(pick(item, field)) : undefined));
    return [{ value: String(value), label, local, ...(aliases.length ? { aliases } : {}), ...(Object.keys(keep).length ? { keep } : {}), ...(typeof group === 'string' ? { group } : {}), ...(does ? { does } : {}), ...(works ? { works } : {}) }];
  })
    // A free time two stylists have is one time to the customer (the first one's slot is booked).
    .filter((item, at, all) => all.findIndex((other) => other.value === item.value) === at);
  const next: WorkflowRun = { ...run, options: { ...run.options, [slotName]: { request: requestKey(request), items } }, pending: { ...run.pending } };
  const replies: WorkflowReply[] = [];
  const given = next.values[slotName];
  const words = next.pending[slotName];
  delete next.pending[slotName];
  if (slot.kind === 'staff') return { run: narrowToStaff(takeStaff(next, slotName, items, given, words), slotName), replies: [] };
  if (items.length === 0) {
    clearSlot(next, slotName);
    // No free time that day (closed, fully booked): a receptionist asks for another day, the booking goes on.
    const day = slot.kind === 'time' ? run.spec.slots.find((s) => s.kind === 'date' && next.values[s.name] !== undefined && JSON.stringify(source.operation).includes(`{${s.name}}`)) : undefined;
    if (day) {
      const said = next.values[day.name]!;
      const busy = letBusyStaffGo(next, slot, given, said, { busy: ownText(next, 'staffBusy'), doesNot: ownText(next, 'staffDoesNot'), off: ownText(next, 'staffOff') }, lang, notDoneOn(next, source, answer, said, lang) !== null); // "con Yokasta" the day she has nothing free, or for what she does not do
      if (busy) return { run: next, replies: [busy] };
      clearSlot(next, day.name);
      delete next.options[slotName];
      // Nobody does the service that weekday at all: said so, with the days it is done — not "no free times left".
      return { run: next, replies: [notDoneOn(next, source, answer, said, lang) ?? { text: text(ownText(next, 'dayFull'), lang, { day: said }, next) }] };
    }
    return { run: { ...next, outcome: 'ended' }, replies: [{ text: text(source.unavailable ?? ownText(next, 'none'), lang, { options: '' }, next) }] };
  }
  if (given !== undefined) {
    const at = items.findIndex((i) => i.value === given);
    if (at >= 0) {
      setSlot(next, slotName, items[at]!);
      replies.push(...timeFreeNote(next, slotName, items[at]!.label, lang));
    } else {
      clearSlot(next, slotName);
      // A taken time is said by the question that follows, with the free times nearest it (one message, not two lists).
      if (slot.kind === 'time') next.refused = { ...next.refused, [slotName]: given };
      else replies.push(unavailable(next, slot, lang));
    }
  } else if (words !== undefined) {
    const several = slot.kind === 'service' ? servicesNamed(words, items) : [];
    const at = several.length ? items.indexOf(several[0]!) : (matchOption(words, items) ?? (slot.kind === 'choice' && !dated(next) ? pickByWord(words, items) : null));
    if (at !== null) setSlot(next, slotName, items[at]!);
    else narrow(next, slot, words, items);
    if (several.length) next.later = { ...next.later, [slotName]: several.slice(1).map((i) => i.value) };
    const note = several.length ? laterNote(next, slotName, lang) : null;
    if (note) replies.push(note);
    const notDone = slot.kind === 'service' ? notDoneBeside(words, items, items.find((i) => i.value === next.values[slotName]), lang) : null; // "y arreglarme la barba"
    if (notDone) replies.push(notDone);
  }
  if (next.values[slotName] === undefined && slot.kind === 'service' && next.focus !== undefined && !next.narrowed?.[slotName]) {
    const focused = items.find((i) => i.value === next.focus);
    if (focused) setSlot(next, slotName, focused);
    // "dame cita para los dos": the others priced with it come right after, said as when both are named.
    const also = focused ? items.filter((i) => next.focusAlso?.includes(i.value) && i.value !== focused.value) : [];
    if (also.length) {
      next.later = { ...next.later, [slotName]: also.map((i) => i.value) };
      const note = laterNote(next, slotName, lang);
      if (note) replies.push(note);
    }
  }
  // "Somos 3 para maquillaje": the same service for each of the others, after the first.
  const group = slot.kind === 'service' ? queueGroup(next, slotName, lang) : null;
  if (group) replies.push(group);
  const otherDay = slot.kind === 'choice' && next.values[slotName] === undefined ? dayNotListed(next, items, lang) : null;
  if (otherDay) replies.push(otherDay);
  else if (next.values[slotName] === undefined && items.length === 1 && slot.kind === 'choice') setSlot(next, slotName, items[0]!);
  if (next.values[slotName] === undefined && slot.kind === 'time') {
    preferTimes(next, slotName, items);
    const taken = next.refused?.[slotName];
    if (taken !== undefined && !next.narrowed?.[slotName]) next.narrowed = { ...next.narrowed, [slotName]: nearestTimes(items.map((i) => i.value), taken, NEAREST_SHOWN) };
  }
  return { run: next, replies };
}

/** The `validate` call's verdict: `ok` keeps the value, a refusal clears it and says why. */
export function applyCheck(given: WorkflowRun, slotName: string, ok: boolean, lang: Lang): { run: WorkflowRun; replies: WorkflowReply[] } {
  const run = inLang(given, lang);
  if (ok) return { run: { ...run, checked: [...run.checked, slotName] }, replies: [] };
  const next = { ...run, values: { ...run.values }, labels: { ...run.labels } };
  clearSlot(next, slotName);
  return { run: next, replies: [{ text: text(slotOf(run, slotName).validate!.refused, lang, {}, run) }] };
}

/** The question for a slot, with its options as buttons when the backend listed them. */
export function askSlot(given: WorkflowRun, slotName: string, lang: Lang): { run: WorkflowRun; reply: WorkflowReply } {
  let run = inLang(given, lang);
  const slot = slotOf(run, slotName);
  const taken = run.refused?.[slotName];
  const { [slotName]: _taken, ...refused } = run.refused ?? {};
  const { [slotName]: _proposed, ...proposed } = run.proposed ?? {};
  const { [slotName]: closed, ...stillClosed } = run.closed ?? {};
  // The two days a clash offers stay known: "el lunes" answered takes the Monday offered, not the next one.
  const clashDays = closed?.clash && closed.near.length > 1 ? { clashDays: { ...run.clashDays, [slotName]: closed.near } } : {};
  if (closed) return { run: { ...run, closed: stillClosed, ...clashDays, asking: slotName, stage: 'collecting' }, reply: closed.clash ? clashReply(closed, lang) : closedDayReply(run, closed, lang) };
  const { [slotName]: far, ...stillFar } = run.far ?? {};
  if (far) return { run: { ...run, far: stillFar, asking: slotName, stage: 'collecting' }, reply: farDayReply(run, far, lang) };
  const offGrid = taken !== undefined ? offGridReply(run, slotName, taken, shownOptions(run, slotName), lang) : null;
  if (offGrid) return { run: { ...run, refused, proposed: { ...proposed, [slotName]: offGrid.proposed }, asking: slotName, stage: 'collecting' }, reply: offGrid.reply };
  if (taken !== undefined) {
    const shown = shownOptions(run, slotName);
    const nearest = nearestTimes(shown.map((i) => i.value), taken, 1)[0];
    const item = shown.find((i) => i.value === nearest);
    if (!item) return { run: { ...run, refused, proposed, asking: slotName, stage: 'collecting' }, reply: unavailable(run, slot, lang) };
    const said = text(ownText(run, 'timeTaken'), lang, { time: spokenValue(taken, lang, run.timeZone), nearest: item.label }, run);
    return {
      run: { ...run, refused, proposed: { ...proposed, [slotName]: item.value }, asking: slotName, stage: 'collecting' },
      reply: { text: said, options: shown.map((i) => ({ label: i.label, text: i.label })) },
    };
  }
  // A value only the channel or this conversation can vouch for, not known: never asked to be typed; the form ends.
  if (slot.known && run.values[slotName] === undefined) return { run: { ...run, outcome: 'ended', asking: null }, reply: { text: text(ownText(run, 'unproven'), lang, {}, run) } };
  if (run.proposed) run = { ...run, proposed };
  const options = shownOptions(run, slotName).map((i) => ({ label: i.label, text: i.label }));
  const span = slot.kind === 'time' && !run.narrowed?.[slotName] ? freeRangeLine(run.options[slotName]?.items ?? [], MAX_SHOWN_OPTIONS, lang) : null;
  const said = text(slot.prompt, lang, {}, run) + (span ? `\n${span}` : '');
  return { run: { ...run, asking: slotName, stage: 'collecting' }, reply: { text: said, ...(options.length ? { options } : {}) } };
}

/** The summary to confirm. */
export function askConfirmation(given: WorkflowRun, lang: Lang): { run: WorkflowRun; reply: WorkflowReply } {
  const run = inLang(given, lang);
  return { run: { ...run, asking: null, stage: 'confirming' }, reply: { text: text(run.spec.confirm!, lang, {}, run), options: confirmOptions(run.spec, lang) } };
}

/**
 * A customer message during the run: a cancel or a request for a person ends it; at the summary
 * a yes confirms, a new value ("no, mejor el jueves") changes that slot and asks again; while
 * collecting, the message answers the slot asked and anything else it clearly says.
 */
export function answer(given: WorkflowRun, ctx: RunContext, affirmation: 'yes' | 'no' | null = null): { run: WorkflowRun; replies: WorkflowReply[] } {
  const run = inLang(given, ctx.lang);
  const f = fold(ctx.text).replace(/[.!?,]+/g, ' ').replace(/\s+/g, ' ').trim();
  const base = { ...run, outcome: 'continue' as const };
  const read = readMessage(base, ctx, { firstMessage: false });
  const changed = gives(run, read);
  const staffSaid = !changed && Object.keys(read.pending).length > Object.keys(run.pending).length; // words for the staff list only
  // A summary with its own buttons ("Sí, cancélala / No, la mantengo"): "cancélala" says yes, "mejor no" keeps things as they were.
  const decided = run.stage === 'confirming' && !changed && !staffSaid ? confirmAnswer(run.spec, ctx.text, affirmation) : null;
  if (decided === 'yes') return { run: { ...base, outcome: 'confirmed' }, replies: [] };
  if (decided === 'no') return { run: { ...base, outcome: 'cancelled', kept: true }, replies: [] };
  if (CANCEL.test(f) || letsRunGo(run.spec, ctx.text) || run.spec.cancelWords.some((w) => fold(w) === f)) return { run: { ...base, outcome: 'cancelled' }, replies: [] };
  if (HUMAN.test(f)) return { run: { ...base, outcome: 'handoff' }, replies: [] };
  if (run.stage === 'confirming') {
    if (changed || staffSaid) return { run: { ...read, stage: 'collecting' }, replies: [] };
    if (affirmation === 'yes' || YES.test(f)) return { run: { ...base, outcome: 'confirmed' }, replies: [] };
    return { run: base, replies: [{ text: text(ownText(run, 'whatToChange'), ctx.lang, {}, run) }] };
  }
  const named = changed ? null : nameForAnother(run, ctx.text);
  if (named) {
    read.values[named.slot] = named.name;
    return { run: read, replies: notedReplies(run, read, ctx.lang) };
  }
  if (!changed) {
    if (staffSaid) return { run: read, replies: [] }; // "con yocasta": her list is loaded, the question asked again
    const asked = run.asking ? slotOf(run, run.asking) : null;
    // "sí" to the nearest free time proposed for a time that was taken: that time; "sí, esa" to the one booking shown: that one.
    const offered = asked && (affirmation === 'yes' || YES.test(f) || ACK.test(f)) ? agreedOption(run, asked) : undefined;
    if (asked && offered) {
      const next: WorkflowRun = { ...base, values: { ...base.values }, labels: { ...base.labels } };
      setSlot(next, asked.name, offered);
      return { run: next, replies: notedReplies(run, next, ctx.lang) };
    }
    // No time said ("ok", "what times are free?"): the free times again, never "that time isn't free".
    if (asked?.kind === 'time' && run.options[asked.name]?.items.length && !NO.test(f)) return { run: base, replies: [] };
    if (asked && run.options[asked.name]?.items.length && !NO.test(f)) return { run: base, replies: [unavailable(run, asked, ctx.lang)] };
    if (NO.test(f) || affirmation === 'no') return { run: base, replies: [{ text: text(ownText(run, 'whatToChange'), ctx.lang, {}, run) }] };
    // "ok", "ok esa" after an answer beside the form: nothing to say but the question again.
    if (YES.test(f) || ACK.test(f)) return { run: base, replies: [] };
    return { run: base, replies: [{ text: text(ownText(run, 'retry'), ctx.lang, {}, run) }] };
  }
  const later = Object.keys(read.later ?? {}).filter((slot) => !run.later?.[slot]).flatMap((slot) => laterNote(read, slot, ctx.lang) ?? []);
  // "my daughter and I … our nails", then "classic manicure": the service chosen is queued for each of the group.
  const group = run.spec.slots.filter((s) => s.kind === 'service' && run.values[s.name] === undefined && read.values[s.name] !== undefined).flatMap((s) => queueGroup(read, s.name, ctx.lang) ?? []);
  return { run: read, replies: [...later, ...group, ...timeAskedFree(run, read, ctx.text, ctx.lang, ctx.nowMs), ...notedReplies(run, read, ctx.lang)] }; // "a las 4 hay?": yes first
}

/** Whether a message gives any value for the run (a slot answered or corrected), before it is applied. */
export function givesValue(run: WorkflowRun, ctx: RunContext): boolean {
  return gives(run, readMessage(run, ctx, { firstMessage: false }));
}

/**
 * The run with what a message gives applied, replies aside: a side question that also names a
 * value ("¿cuánto cuesta el facial?" while the service is asked) keeps the value.
 */
export function takeValues(run: WorkflowRun, ctx: RunContext): WorkflowRun {
  const read = readMessage(run, ctx, { firstMessage: false });
  return gives(run, read) ? read : run;
}

/** Whether reading a message changed the run: a value, words for options still to load, the options narrowed or a part of the day asked. */
function gives(run: WorkflowRun, read: WorkflowRun): boolean {
  return (
    JSON.stringify(read.values) !== JSON.stringify(run.values) ||
    Object.keys(staffless(read.pending, run)).length > Object.keys(staffless(run.pending, run)).length ||
    JSON.stringify(read.narrowed ?? {}) !== JSON.stringify(run.narrowed ?? {}) ||
    JSON.stringify(read.prefer ?? {}) !== JSON.stringify(run.prefer ?? {}) ||
    JSON.stringify(read.closed ?? {}) !== JSON.stringify(run.closed ?? {}) ||
    JSON.stringify(read.far ?? {}) !== JSON.stringify(run.far ?? {}) ||
    read.forAnother !== run.forAnother
  );
}

/** What the customer is told after the action: the spec's success text with `{result.*}`, or its failure text. */
export function resultText(given: WorkflowRun, lang: Lang, result: { ok: true; body: unknown } | { ok: false; reason?: string | undefined }): string {
  const run = inLang(given, lang);
  if (result.ok) return text(run.spec.success, lang, { result: result.body }, run) + laterOffer(run, lang, nextOfVisit(run, result.body) !== null);
  return text(run.spec.failure, lang, { reason: result.reason ?? '' }, run);
}

/**
 * The action refused for a reason the spec's `retry` names: that slot is cleared (its options load
 * again, fresh) and asked again, after the retry text. `null`: not a refusal the customer can fix.
 */
export function retryAfterRefusal(run: WorkflowRun, reason: string | undefined, lang: Lang): { run: WorkflowRun; reply: WorkflowReply } | null {
  const retry = run.spec.retry;
  if (!retry || reason === undefined || !retry.reasons.includes(reason)) return null;
  const next: WorkflowRun = { ...run, values: { ...run.values }, labels: { ...run.labels }, options: { ...run.options }, stage: 'collecting', outcome: 'continue' };
  clearSlot(next, retry.slot);
  delete next.options[retry.slot];
  return { run: inLang(next, lang), reply: { text: text(retry.text, lang, {}, run) } };
}

export { resolveOperation } from './run-text.js';

// ---------------------------------------------------------------- internals

/** Reads every slot value a message gives: the one asked (a bare answer counts), and others it clearly names. */
function readMessage(run: WorkflowRun, ctx: RunContext, how: { firstMessage: boolean }): WorkflowRun {
  const next: WorkflowRun = { ...run, values: { ...run.values }, labels: { ...run.labels }, pending: { ...run.pending }, checked: [...run.checked] };
  const choosing = choosingByDay(run, ctx.text);
  for (const slot of run.spec.slots) {
    const asked = run.asking === slot.name;
    if (choosing && (slot.kind === 'date' || slot.kind === 'time')) continue;
    // "el sábado 20" when the 20th is a Sunday: which day is asked, never the next Saturday taken (a yes takes the one proposed).
    const clash = slot.kind === 'date' && !slot.known ? dateClash(ctx.text, ctx.nowMs, ctx.timeZone, run.spec.openingHours, run.spec.closedDates) : null;
    if (clash) {
      clearSlot(next, slot.name);
      next.closed = { ...next.closed, [slot.name]: clash };
      if (clash.near.length === 1) next.proposed = { ...next.proposed, [slot.name]: clash.near[0]! };
      continue;
    }
    if (slot.kind === 'staff') {
      readStaff(next, slot, ctx.text);
      continue;
    }
    const read = extract(slot, ctx, asked);
    // "el sábado" answered to "¿Te lo reservo el sábado 19?": that Saturday, not the next one to come.
    const found = slot.kind === 'date' && read && 'value' in read ? { value: proposedDay([run.proposed?.[slot.name], ...(run.clashDays?.[slot.name] ?? [])], read.value!, ctx.text) } : read;
    if (found === null && slot.kind === 'time') {
      const part = extractDayPart(ctx.text);
      if (part !== null && next.prefer?.[slot.name] !== part) {
        next.prefer = { ...next.prefer, [slot.name]: part };
        const loaded = next.options[slot.name]?.items;
        if (loaded && (next.values[slot.name] === undefined || next.stage === 'confirming')) {
          clearSlot(next, slot.name);
          preferTimes(next, slot.name, loaded);
        }
      }
    }
    if (found === null) continue;
    // A day past the booking horizon (the year 9999, a wedding next December): how far bookings go, and a person for it.
    const today = localToday(ctx.nowMs, ctx.timeZone);
    if (slot.kind === 'date' && 'value' in found && beyondHorizon(run.spec.bookingHorizonDays, found.value!, today)) {
      clearSlot(next, slot.name);
      next.far = { ...next.far, [slot.name]: { date: found.value!, last: lastBookableDay(today, run.spec.bookingHorizonDays!), today } };
      continue;
    }
    // A day the business is closed is not taken as the day: the next question says so, with the open days nearest it.
    if (slot.kind === 'date' && 'value' in found && closedOn(run.spec.openingHours, found.value!, run.spec.closedDates)) {
      clearSlot(next, slot.name);
      next.closed = { ...next.closed, [slot.name]: { date: found.value!, near: nearestOpenDays(run.spec.openingHours!, found.value!, localToday(ctx.nowMs, ctx.timeZone), run.spec.closedDates) } };
      continue;
    }
    if (!('value' in found)) {
      // Words to match against options: only for the slot asked, or a service or a choice named in the first message ("cancelar la del miércoles").
      if (asked || (how.firstMessage && (slot.kind === 'service' || slot.kind === 'choice'))) {
        const loaded = run.options[slot.name]?.items;
        // Asked, a word of one option's name picks it ("el de limpieza"), among the ones shown when they were narrowed.
        const several = loaded && slot.kind === 'service' ? servicesNamed(found.pending, loaded) : [];
        const at = several.length ? loaded!.indexOf(several[0]!) : loaded ? (matchOption(found.pending, loaded) ?? (asked ? pickByWord(found.pending, loaded, next.narrowed?.[slot.name]) : null)) : null;
        if (several.length) next.later = { ...next.later, [slot.name]: several.slice(1).map((i) => i.value) };
        if (loaded && at !== null) setSlot(next, slot.name, loaded[at]!);
        else if (!loaded) next.pending[slot.name] = found.pending;
        else narrow(next, slot, found.pending, loaded);
      } else if (slot.kind === 'service' && next.values[slot.name] !== undefined) {
        // "no, mejor un manicure" at another question or the summary: a service named whole changes it.
        const loaded = run.options[slot.name]?.items;
        const at = loaded ? matchOption(found.pending, loaded) : null;
        if (at !== null && loaded![at]!.value !== next.values[slot.name]) setSlot(next, slot.name, loaded![at]!);
      }
      continue;
    }
    if (next.values[slot.name] !== found.value) {
      clearSlot(next, slot.name);
      const loaded = next.options[slot.name]?.items.find((i) => i.value === found.value);
      if (loaded) setSlot(next, slot.name, loaded);
      else {
        next.values[slot.name] = found.value;
        // Not on the list loaded before: load it again, which refuses it with the free ones (or finds it freed).
        if (next.options[slot.name]) {
          next.options = { ...next.options };
          delete next.options[slot.name];
        }
      }
    }
  }
  if (movedSlots(next, run).length > 0) keepUnchanged(next, run.asking);
  if (!how.firstMessage && !next.forAnother && saysAnother(ctx.text)) bookForAnother(next, run);
  return next;
}

function extract(slot: WorkflowSlot, ctx: RunContext, asked: boolean): { value: string; pending?: undefined } | { pending: string } | null {
  const value = (v: string | null) => (v === null ? null : { value: v });
  if (slot.known || slot.kind === 'staff') return null;
  switch (slot.kind) {
    case 'date':
      return value(extractDate(ctx.text, ctx.nowMs, ctx.timeZone, ctx.lang));
    case 'time':
      return value(extractTime(ctx.text, { bare: asked }));
    case 'email':
      return value(extractEmail(ctx.text));
    case 'phone':
      return value(extractPhone(ctx.text));
    case 'person_name':
      // "es para mi hija, se llama Laura", "my sister Ana": the name after who they are.
      return value(nameOfAnother(ctx.text, { bare: asked }) ?? extractPersonName(ctx.text, { bare: asked }));
    case 'free_text':
      return asked && ctx.text.trim() ? { value: ctx.text.trim().slice(0, 500) } : null;
    case 'service':
    case 'choice':
      return ctx.text.trim() ? { pending: ctx.text } : null;
  }
}

/** Whether the run has a day already: its words were that day ("muévela al viernes"), not the item picked. */
const dated = (run: WorkflowRun) => run.spec.slots.some((s) => s.kind === 'date' && run.values[s.name] !== undefined);

function unavailable(run: WorkflowRun, slot: WorkflowSlot, lang: Lang): WorkflowReply {
  const shown = shownOptions(run, slot.name);
  const list = shown.map((i) => i.label).join(', ');
  return { text: text(slot.options?.unavailable ?? ownText(run, 'unavailable'), lang, { options: list }, run), options: shown.map((i) => ({ label: i.label, text: i.label })) };
}

/** The options shown for a slot: the ones the customer's words pointed at, else the first of the list. */
function shownOptions(run: WorkflowRun, slotName: string): OptionItem[] {
  const items = run.options[slotName]?.items ?? [];
  const few = run.narrowed?.[slotName];
  const pool = few ? items.filter((i) => few.includes(i.value)) : items;
  return (pool.length > 0 ? pool : items).slice(0, MAX_SHOWN_OPTIONS);
}
