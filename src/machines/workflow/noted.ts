import type { Lang } from '../../domain/nlu.js';
import { extractPersonName, fold } from './slot-extractors.js';
import { spokenValue } from './spoken-dates.js';
import type { WorkflowSlot } from './workflow-spec.js';

/**
 * What a receptionist says when an answer fits another question than the one asked: "el lunes"
 * while the service is asked is noted ("Anotado: el lunes 7 de diciembre 👍") before the question
 * again, and a bare name ("Ana Díaz") that names no service is kept for the name. Pure.
 */

/** Words that make a short answer something other than a person's name ("el de gel", "otra cosa"). */
const NOT_A_NAME_WORD = new Set(
  'el la los las un una unos unas de del al lo algo eso esa ese esto esta este otro otra otros otras ninguno ninguna nada mas menos mejor tambien pero con sin mi mis tu su sus pelo cabello unas cara servicio servicios cosa opcion the a an of my your some any other none that this it one service hair nails face please morning afternoon evening tonight early late manana tarde noche temprano favor'.split(' '),
);
/** Particles inside a name written with capitals ("María de la Cruz"). */
const PARTICLE = /^(?:de|del|la|las|los|y)$/;

/**
 * A short answer that reads as a person's name and nothing else: two to four words, each written
 * with a capital ("Ana Díaz", "María de la Cruz") or none of them a common word ("ana diaz").
 */
export function bareName(text: string): string | null {
  const name = extractPersonName(text, { bare: true });
  if (!name) return null;
  const words = text.trim().replace(/[.!?¡¿,]+$/u, '').trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  const capitals = words.every((w) => PARTICLE.test(w) || /^\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(words[0]!);
  if (capitals) return name;
  return words.some((w) => NOT_A_NAME_WORD.has(fold(w))) ? null : name;
}

const SAID: Partial<Record<WorkflowSlot['kind'], Record<Lang, (v: string) => string>>> = {
  date: { es: (v) => `el ${v}`, en: (v) => `on ${v}` },
  time: { es: (v) => `a las ${v}`, en: (v) => `at ${v}` },
  person_name: { es: (v) => `a nombre de ${v}`, en: (v) => `under the name ${v}` },
  phone: { es: (v) => `tel. ${v}`, en: (v) => `phone ${v}` },
  email: { es: (v) => `correo ${v}`, en: (v) => `email ${v}` },
  service: { es: (v) => v, en: (v) => v },
};

/**
 * The note for the values a message gave to slots other than the one asked, while the one asked is
 * still open: `null` when there are none (the next question then says enough).
 */
export function notedText(
  slots: readonly WorkflowSlot[],
  before: { values: Record<string, string>; labels: Record<string, string>; asking: string | null },
  after: { values: Record<string, string>; labels: Record<string, string> },
  lang: Lang,
  timeZone: string,
): string | null {
  if (!before.asking || after.values[before.asking] !== undefined) return null;
  const said = (changed: boolean) =>
    slots.flatMap((slot) => {
      if (slot.name === before.asking) return [];
      const value = after.values[slot.name];
      const say = SAID[slot.kind];
      // A value for a question not yet answered, or ("mejor a las 10" while the name is asked) a new one for an answered one.
      const was = before.values[slot.name];
      // A new value still to be checked (by the backend, or against free times not loaded yet) is said by the check.
      const settled = !slot.validate && (!slot.options || after.labels[slot.name] !== undefined);
      if (value === undefined || !say || (changed ? was === undefined || was === value || !settled : was !== undefined)) return [];
      const shown = after.labels[slot.name] ?? spokenValue(value, lang, timeZone);
      return [say[lang](shown)];
    });
  const noted = said(false);
  const changed = said(true);
  const parts = [
    ...(noted.length ? [`${lang === 'es' ? 'Anotado' : 'Noted'}: ${noted.join(', ')}`] : []),
    ...(changed.length ? [`${lang === 'es' ? 'Cambiado' : 'Changed'}: ${changed.join(', ')}`] : []),
  ];
  return parts.length === 0 ? null : `${parts.join('; ')} 👍`;
}

/** The parts of a run these notes read (the runner's `WorkflowRun`; not imported: the runner imports this module). */
interface RunView {
  spec: { slots: readonly WorkflowSlot[] };
  timeZone: string;
  values: Record<string, string>;
  labels: Record<string, string>;
  asking: string | null;
  options: Record<string, { items: readonly unknown[] }>;
}

/** "Anotado: el lunes 👍" as a reply, for values given to another question than the one still open. */
export function notedReplies(run: RunView, read: RunView, lang: Lang): { text: string }[] {
  const said = notedText(run.spec.slots, run, read, lang, run.timeZone);
  return said ? [{ text: said }] : [];
}

/** A bare name ("Ana Díaz") answering a list question it picks nothing from: for the name slot, when still open. */
export function nameForAnother(run: RunView, said: string): { slot: string; name: string } | null {
  const asked = run.spec.slots.find((s) => s.name === run.asking);
  if (!asked || !run.options[asked.name]?.items.length || asked.kind === 'person_name') return null;
  const slot = run.spec.slots.find((s) => s.kind === 'person_name' && run.values[s.name] === undefined);
  const name = slot ? bareName(said) : null;
  return slot && name ? { slot: slot.name, name } : null;
}
