import type { Lang } from '../../domain/nlu.js';
import { fold } from './slot-extractors.js';
import { clearSlot, setSlot } from './run-slots.js';
import { runText } from './run-text.js';
import { weekdayOfDate, weekdaysSaid } from './day-not-offered.js';
import type { OptionItem, WorkflowReply, WorkflowRun } from './run-types.js';
import type { LocalText, WorkflowSlot } from './workflow-spec.js';

/**
 * A staff member named for a booking ("quiero cita con Yokasta", "with Wendy please", "que me
 * atienda Rosanna"): a `staff` slot is never asked (`ask: false`), it is filled only when the
 * customer names someone after such a cue, and a later slot's options (the free times) are then
 * hers. A name the studio does not have, or "con" naming anything else ("corte con lavado",
 * "manicure con gelish"), leaves the slot empty without a word. Pure.
 */

/** Words that introduce who should do it; the staff member's name follows ("con la señora Yokasta", "que me atienda Rosanna", "prefiero a Wendy", "me puede hacer Rosanna un tinte", "que me lo haga Yokasta"). */
const CUES = new Set(['con', 'with', 'by', 'atienda', 'atiende', 'atiendan', 'hacer', 'haga', 'hacerme', 'hagan']);
/** Cues only with the personal "a": "prefiero a Wendy", "quiero a Yokasta" (never "quiero agendar"). */
const CUES_WITH_A = new Set(['prefiero', 'quiero', 'quisiera']);
/** Words between the cue and the name. */
const BETWEEN = new Set(['la', 'el', 'a', 'the', 'senora', 'sra', 'dona', 'miss', 'ms', 'mrs', 'estilista', 'stylist', 'manicurista', 'peluquera', 'muchacha', 'chica', 'joven', 'profesional']);

const words = (text: string): string[] => fold(text).replace(/[^a-z0-9ñ ]+/g, ' ').split(/\s+/).filter(Boolean);

/** The words right after each cue, past the ones between ("con la señora Yokasta" → "yokasta"). */
function afterCues(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  w.forEach((word, i) => {
    if (!CUES.has(word) && !(CUES_WITH_A.has(word) && w[i + 1] === 'a')) return;
    let j = i + 1;
    while (j < w.length && BETWEEN.has(w[j]!)) j++;
    if (j < w.length && w[j]!.length >= 3) out.push(w[j]!);
  });
  return out;
}

/** Who a request for a person names, never a staff member: "con una persona", "with someone", "con el encargado". */
const NOT_STAFF = new Set(['persona', 'personas', 'humano', 'humana', 'agente', 'alguien', 'representante', 'asesor', 'asesora', 'gerente', 'encargado', 'encargada', 'supervisor', 'supervisora', 'dueno', 'duena', 'equipo', 'operador', 'operadora', 'person', 'human', 'agent', 'someone', 'somebody', 'manager', 'owner', 'team', 'representative', 'real', 'una', 'uno', 'un', 'an', 'usted', 'ustedes', 'you']);

/**
 * Whether a request for a person may instead name who should do the service ("con yokasta por
 * favor" while booking): a staff member named when the list is loaded, else a cue followed by a
 * word that is not a person asked for.
 */
export function mayNameStaff(text: string, items: readonly OptionItem[] | undefined): boolean {
  return items ? staffNamed(text, items) !== null : afterCues(text).some((w) => !NOT_STAFF.has(w));
}

/** Whether a message may name someone to do the service (a cue word followed by a word). */
export function staffCue(text: string): boolean {
  return afterCues(text).length > 0;
}

/** One edit apart (a letter missing, extra or changed): "yocasta" for "yokasta", "wendi" for "wendy". */
function nearName(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** The item named after a cue: by its first name, its whole name or its id; null when none (or several) is. */
export function staffNamed(text: string, items: readonly OptionItem[]): OptionItem | null {
  const found = new Set<OptionItem>();
  for (const word of afterCues(text)) {
    for (const item of items) {
      const names = [fold(item.label).split(/\s+/)[0] ?? '', fold(item.value)];
      if (names.some((n) => n.length >= 3 && nearName(word, n))) found.add(item);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** A message read for a `staff` slot: the one named is set when the staff list is loaded, else the words wait for it. */
export function readStaff(next: WorkflowRun, slot: WorkflowSlot, text: string): void {
  if (!staffCue(text)) return;
  const loaded = next.options[slot.name]?.items;
  if (!loaded) {
    next.pending[slot.name] = text;
    return;
  }
  const named = staffNamed(text, loaded);
  if (named && named.value !== next.values[slot.name]) setSlot(next, slot.name, named);
}

/**
 * The staff list loaded: words given pick the one they name, over a value given (a booking's stylist
 * kept for its move: "cámbiala para el sábado con Rosanna"), which stands only when listed; an empty
 * list names nobody.
 */
export function takeStaff(next: WorkflowRun, slotName: string, items: readonly OptionItem[], given: string | undefined, words: string | undefined): WorkflowRun {
  const listed = (words !== undefined ? staffNamed(words, items) : null) ?? (given !== undefined ? items.find((i) => i.value === given) : undefined);
  if (listed) setSlot(next, slotName, listed);
  else clearSlot(next, slotName);
  return next;
}

/**
 * The staff member named before the service ("quiero cita con Yokasta"): the service question offers
 * only what she does (her `does` list), among what was narrowed already; none of them leaves it as it
 * was (her not doing the service picked is said later, `letBusyStaffGo`).
 */
export function narrowToStaff(next: WorkflowRun, staffSlot: string): WorkflowRun {
  const member = next.options[staffSlot]?.items.find((i) => i.value === next.values[staffSlot]);
  const service = next.spec.slots.find((s) => s.kind === 'service');
  const items = service ? next.options[service.name]?.items : undefined;
  if (!member?.does || !service || !items || next.values[service.name] !== undefined) return next;
  const among = next.narrowed?.[service.name] ?? items.map((i) => i.value);
  const hers = among.filter((v) => member.does!.includes(v));
  if (hers.length > 0) next.narrowed = { ...next.narrowed, [service.name]: hers };
  return next;
}

export const STAFF_BUSY: LocalText = {
  es: '{who} no tiene espacio el {day} para ese servicio; te lo busco con otra persona del equipo. Si prefieres que sea con {who}, dime otro día.',
  en: "{who} has no opening on {day} for that service; I'll book it with someone else on the team. If you'd rather have {who}, tell me another day.",
};

export const STAFF_OFF: LocalText = {
  es: '{who} no trabaja los {weekday}; trabaja {days}. Te lo busco con otra persona del equipo; si prefieres que sea con {who}, dime otro día.',
  en: "{who} doesn't work on {weekday} (working days: {days}). I'll book it with someone else on the team; if you'd rather have {who}, tell me another day.",
};

export const STAFF_DOES_NOT: LocalText = {
  es: '{who} no hace {service}; eso lo hace {others}. Te lo busco con el equipo.',
  en: "{who} doesn't do {service}; {others} does. I'll book it with the team.",
};

/** First names joined as a list: "Yahaira", "Yokasta y Rosanna". */
function firstNames(items: readonly OptionItem[], lang: Lang): string {
  const names = items.map((i) => i.label.split(/\s+/)[0]!);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * No free time that day with the staff member named: she is let go (the times load again for
 * anyone, a time already said is checked again) and the customer is told why — she does not do the
 * service at all (her `does` list: "Carlos no hace faciales; eso lo hace Wendy"), or she has no
 * opening that day, with the way back to her (another day). A weekday nobody does the service
 * (`notDoneThatDay`) keeps one who does it. Null when no staff member named narrowed that list.
 */
export function letBusyStaffGo(next: WorkflowRun, timeSlot: WorkflowSlot, given: string | undefined, day: string, said: { busy: LocalText; doesNot: LocalText; off: LocalText }, lang: Lang, notDoneThatDay: boolean): WorkflowReply | null {
  const used = JSON.stringify(timeSlot.options?.operation ?? {});
  const staff = next.spec.slots.find((s) => s.kind === 'staff' && next.values[s.name] !== undefined && used.includes(`{${s.name}}`));
  if (!staff) return null;
  const service = next.spec.slots.find((s) => s.kind === 'service');
  const serviceId = service ? next.values[service.name] : undefined;
  const team = next.options[staff.name]?.items ?? [];
  const member = team.find((i) => i.value === next.values[staff.name]);
  const doesNot = serviceId !== undefined && member?.does !== undefined && !member.does.includes(serviceId);
  if (!doesNot && notDoneThatDay) return null;
  const who = (next.labels[staff.name] ?? next.values[staff.name]!).split(/\s+/)[0]!;
  clearSlot(next, staff.name);
  next.options = { ...next.options };
  delete next.options[timeSlot.name];
  if (given !== undefined) next.values[timeSlot.name] = given;
  const others = firstNames(team.filter((i) => serviceId !== undefined && i.does?.includes(serviceId)), lang) || (lang === 'es' ? 'otra persona del equipo' : 'someone else on the team');
  const label = (service && next.labels[service.name]) ?? '';
  // A day she never works ("con Rosanna el lunes") is her day off, not a day with no opening.
  const weekday = weekdayOfDate(day, lang);
  const off = !doesNot && weekday !== null && member?.works !== undefined && member.works.length > 0 && !member.works.includes(weekday.key);
  const chosen = doesNot ? said.doesNot : off ? said.off : said.busy;
  return { text: runText(chosen, lang, { who, day, service: label, others, weekday: weekday?.habit ?? '', days: off ? weekdaysSaid(member!.works!, lang) : '' }, next) };
}

/** Words waiting for options, without a `staff` slot's: "pagar con tarjeta" gives nothing to the booking (a side question stays one). */
export function staffless(pending: Record<string, string>, run: WorkflowRun): Record<string, string> {
  return Object.fromEntries(Object.entries(pending).filter(([name]) => !run.spec.slots.some((s) => s.name === name && s.kind === 'staff')));
}
