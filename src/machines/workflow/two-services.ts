import type { Lang } from '../../domain/nlu.js';
import { fold, matchOption } from './slot-extractors.js';
import type { OptionItem, WorkflowReply, WorkflowRun } from './run-types.js';
import { groupNext } from './group-booking.js';

/**
 * Two services in one visit ("un corte y un manicure el viernes"): a booking is for one service,
 * so a receptionist books the first one named and says the other comes right after, instead of
 * silently dropping it; once the first is booked she offers the other. Pure helpers over a run.
 */

const SEPARATOR = /,|\s(?:y|e|and|mas|plus|con|with|tambien|also)\s/;
/** The most pieces of one message read as services said one by one. */
export const MAX_PARTS = 12;

/** The distinct options a message names one by one ("un corte y un manicure", "haircut and a pedicure"), in the order said. */
export function servicesNamed(words: string, items: readonly OptionItem[]): OptionItem[] {
  // A name with "y" in it ("Corte y secado", "Lavado y blower") is one service: each said whole stands for its item.
  // "a mani-pedi", "un mani pedi": the trade's one word for a manicure and a pedicure, two services.
  let said = fold(words).replace(/\bmani[\s-]?pedis?\b/g, 'mani y pedi');
  items.forEach((item, at) => {
    for (const name of [item.label, ...(item.aliases ?? [])].map(fold)) if (SEPARATOR.test(name) && said.includes(name)) said = said.split(name).join(` #${at}# `);
  });
  // A visit's services are said in a few pieces; past MAX_PARTS the rest is not read (harden17:
  // "y y y …" in 2,000 characters made 1,000 pieces, each matched against every service's names,
  // over a second of the turn).
  const parts = said.split(SEPARATOR, MAX_PARTS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return [];
  const found: OptionItem[] = [];
  for (const part of parts) {
    const whole = /#(\d+)#/.exec(part);
    const at = whole ? Number(whole[1]) : matchOption(part, items);
    if (at !== null && !found.some((f) => f.value === items[at]!.value)) found.push(items[at]!);
  }
  return found.length >= 2 ? found : [];
}

const label = (run: WorkflowRun, slot: string, value: string, lang: Lang): string => {
  const item = run.options[slot]?.items.find((i) => i.value === value);
  return item?.local?.[lang] ?? item?.label ?? value;
};
const list = (names: string[], lang: Lang) => names.map((n) => `*${n}*`).join(lang === 'es' ? ' y ' : ' and ');

/** Said when the first of several services is taken: the others are booked next. */
export function laterNote(run: WorkflowRun, slot: string, lang: Lang): WorkflowReply | null {
  const later = run.later?.[slot];
  if (!later?.length || run.values[slot] === undefined) return null;
  const first = label(run, slot, run.values[slot], lang);
  const rest = list(later.map((v) => label(run, slot, v, lang)), lang);
  return {
    text: lang === 'es' ? `Te reservo primero *${first}*; ${rest} lo agendamos justo después 👍` : `I'll book *${first}* first; ${rest} we'll book right after 👍`,
  };
}

/**
 * When the booking just made ends, local `HH:MM` on its own day (the backend's `end`), or null: the
 * next service of the visit is offered from then, back to back.
 */
export function visitEnd(run: WorkflowRun, body: unknown): string | null {
  const end = body && typeof body === 'object' ? (body as { end?: unknown }).end : undefined;
  const day = run.spec.slots.find((s) => s.kind === 'date');
  if (typeof end !== 'string' || !day || Number.isNaN(Date.parse(end))) return null;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: run.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(end));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  if (`${get('year')}-${get('month')}-${get('day')}` !== run.values[day.name]) return null;
  return `${get('hour')}:${get('minute')}`;
}

/**
 * The next service of the visit, ready to confirm: same day, from when the one just booked ends,
 * under the same name and phone ("sí" books it). Null when nothing is left or the end is unknown.
 */
export function nextOfVisit(done: WorkflowRun, body: unknown): WorkflowRun | null {
  const [slot, values] = Object.entries(done.later ?? {}).find(([, v]) => v.length > 0) ?? [];
  const time = done.spec.slots.find((s) => s.kind === 'time');
  const end = visitEnd(done, body);
  if (!slot || !values || !time || !end) return null;
  const [first, ...rest] = values as [string, ...string[]];
  const run: WorkflowRun = { spec: done.spec, timeZone: done.timeZone, values: {}, labels: {}, pending: {}, options: {}, checked: [], asking: null, stage: 'collecting', outcome: 'continue', ...(done.lang ? { lang: done.lang } : {}), ...(done.forAnother ? { forAnother: true } : {}) };
  // Who and which day stay; the service and the time are the next ones (both checked when their lists load).
  // A group's next appointment is another person's: their name is asked, and it is not the customer's to remember.
  if (done.group) Object.assign(run, { group: done.group, forAnother: true });
  for (const s of done.spec.slots) {
    if (s.kind === 'time' || s.kind === 'service' || s.kind === 'choice' || (done.group && s.kind === 'person_name') || done.values[s.name] === undefined) continue;
    run.values[s.name] = done.values[s.name]!;
    if (done.labels[s.name] !== undefined) run.labels[s.name] = done.labels[s.name]!;
  }
  for (const [k, v] of Object.entries(done.values)) if (k.startsWith('contact.')) run.values[k] = v;
  run.values[slot] = first;
  run.values[time.name] = end;
  if (rest.length > 0) run.later = { [slot]: rest };
  run.visit = true;
  return run;
}

/** Added to the booking's success: the services still to book (the next one's summary follows when it is offered back to back). */
export function laterOffer(run: WorkflowRun, lang: Lang, backToBack = false): string {
  const parts = Object.entries(run.later ?? {}).flatMap(([slot, values]) => values.map((v) => label(run, slot, v, lang)));
  if (parts.length === 0) return '';
  const person = backToBack ? groupNext(run, lang) : null;
  if (person) return person;
  if (backToBack) return lang === 'es' ? `\nAhora te reservo *${parts[0]}* justo después 👇` : `\nNow let's book *${parts[0]}* right after 👇`;
  const example = parts[0]!.toLowerCase();
  return lang === 'es'
    ? `\nAhora agendamos ${list(parts, 'es')} 📅: dime el día y la hora (por ejemplo: "${example} el viernes a las 4").`
    : `\nNow let's book ${list(parts, 'en')} 📅: tell me the day and time (e.g. "${example} on Friday at 4").`;
}

// Not "las dos" / "las 2": that is two o'clock ("a las dos", "para las 2").
const BOTH = /\b(?:los dos|los 2|ambos|ambas|both|the two|one of each|uno de cada)\b/;

/** Whether a message books the two services just talked of ("dame cita para los dos", "book both"). */
export function saysBoth(text: string): boolean {
  return BOTH.test(fold(text));
}
