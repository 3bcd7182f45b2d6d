import type { Lang } from '../../domain/nlu.js';
import { fold } from './slot-extractors.js';
import type { WorkflowReply, WorkflowRun } from './run-types.js';

/**
 * "Somos 3 para maquillaje", "my sister and I want pedicures": a booking is one service for one
 * person, and the runner used to book one and drop the others. A receptionist books one appointment
 * per person, one after the other (what one stylist can do), says so, and says a person of the team
 * arranges them at the same time when they want that. The group's size rides on the run; the
 * same service is queued for the others as a visit's later services (`two-services.ts`), each
 * offered back to back once the one before is booked, under its own person's name. Pure.
 */

/** The most people one chat books one after the other; a bigger group is a person's to arrange (said, not queued). */
export const MAX_GROUP = 6;

const NUMBER: Record<string, number> = { dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 };
const N = '(\\d{1,2}|dos|tres|cuatro|cinco|seis|siete|ocho|two|three|four|five|six|seven|eight)';
const PEOPLE_ES = 'personas|muchachas|chicas|damas|amigas|mujeres|nenas|ninas|senoras|invitadas|damas de honor';
const PEOPLE_EN = 'people|persons|ladies|girls|women|friends|bridesmaids|guests';
/** Said as a count of people. */
const COUNTED = [
  new RegExp(`\\bsomos ${N}\\b`),
  new RegExp(`\\b(?:para|pa) ${N} (?:${PEOPLE_ES})\\b`),
  new RegExp(`\\b${N} (?:${PEOPLE_ES})\\b`),
  new RegExp(`\\b(?:we are|we're|were) ${N}\\b(?! (?:am|pm|o ?clock))`),
  new RegExp(`\\b(?:there are|there will be|there'll be) ${N} of us\\b`),
  new RegExp(`\\b(?:can|could|may) ${N} of us\\b`), // "can 3 of us get manicures tomorrow?"
  new RegExp(`\\b(?:for|book) ${N} (?:${PEOPLE_EN}|of us)\\b`),
  new RegExp(`\\b${N} (?:${PEOPLE_EN})\\b`),
];
const RELATIVE = '(?:mama|mami|madre|hija|hermana|prima|tia|amiga|suegra|abuela|novia|esposa|cunada|comadre|sister|mom|mum|mother|daughter|friend|cousin|aunt|girlfriend|wife|grandma)';
/** Said as the customer and one other: "mi hermana y yo", "yo y mi mamá", "para mí y mi hija", "me and my sister", "my mom and I". */
const PAIR = [
  new RegExp(`\\b(?:mi|mis) ${RELATIVE} y yo\\b`),
  new RegExp(`\\b(?:yo|para mi|pa mi) y (?:mi) ${RELATIVE}\\b`),
  new RegExp(`\\bmy ${RELATIVE} and (?:i|me)\\b`),
  new RegExp(`\\b(?:me|myself|i) and my ${RELATIVE}\\b`),
];
/** "para mí y mis 2 amigas", "me and my 3 friends", "para mí y 3 damas": the customer and that many. */
const AND_OTHERS = [
  new RegExp(`\\b(?:yo|para mi|pa mi|mi) y mis ${N} `),
  new RegExp(`\\b(?:me|myself|i) and my ${N} `),
  // "maquillaje para mí y 3 damas": the bride and her three bridesmaids, four.
  new RegExp(`\\b(?:yo|para mi|pa mi) y ${N} (?:${PEOPLE_ES})\\b`),
  new RegExp(`\\b(?:me|myself|for me) and ${N} (?:${PEOPLE_EN})\\b`),
];

const count = (word: string): number => NUMBER[word] ?? Number(word);

/**
 * "a massage for 2 on saturday afternoon", "un masaje para dos": a bare count after "for" / "para" is
 * people unless it is the time ("for 2 pm", "para las 2"). A count in words is people unless a time
 * word follows it; one in digits only when the message says its time elsewhere ("afternoon", "a las 3").
 */
const FOR_COUNT = new RegExp(`\\b(?:for|para|pa) ${N}\\b(?! ?(?:am|pm|a m|p m|o ?clock|:|h\\b|hrs?\\b|horas?\\b|hours?\\b|de\\b|of\\b|en punto|y media|y cuarto|min|dias?\\b|days?\\b|semanas?\\b|weeks?\\b|mes|months?\\b|sesion|sessions?\\b|visitas?\\b|visits?\\b|veces\\b|times\\b))`);
const TIME_SAID = /\b(?:afternoon|morning|evening|tonight|noon|midday|tarde|manana|noche|mediodia|a las? \d{1,2}|at \d{1,2}|around \d{1,2}|\d{1,2}(?::\d\d)? ?(?:am|pm|a m|p m)|\d{1,2}:\d\d)\b/;
function countAfterFor(folded: string): number | null {
  const m = FOR_COUNT.exec(folded);
  if (!m) return null;
  const n = count(m[1]!);
  if (n < 2 || n > 8) return null;
  if (/^\d+$/.test(m[1]!) && !TIME_SAID.test(folded.replace(m[0], ' '))) return null;
  return n;
}

/** How many people a message books for (2 or more), or null for one (or no count said). */
export function groupSize(text: string): number | null {
  const f = ` ${fold(text)} `;
  // "para mí y mis 2 amigas" is three people, before "2 amigas" counts two.
  for (const re of AND_OTHERS) {
    const m = re.exec(f);
    if (m && count(m[1]!) >= 1) return count(m[1]!) + 1;
  }
  for (const re of COUNTED) {
    const m = re.exec(f);
    if (m && count(m[1]!) >= 2) return count(m[1]!);
  }
  if (PAIR.some((re) => re.test(f))) return 2;
  return countAfterFor(f);
}

/**
 * Once the group's service is chosen: the same service queued for each other person, and what is
 * said about it. A group bigger than {@link MAX_GROUP} is booked for the first person only, with a
 * person of the team offered for the rest. Mutates the run it is given (a copy).
 */
export function queueGroup(run: WorkflowRun, slot: string, lang: Lang): WorkflowReply | null {
  const size = run.group;
  const value = run.values[slot];
  if (!size || size < 2 || value === undefined || run.later?.[slot]?.length || run.visit) return null;
  if (size > MAX_GROUP)
    return {
      text:
        lang === 'es'
          ? `Para un grupo de ${size} personas lo coordina mejor una persona del equipo: escribe *agente* 🙏 Mientras, te reservo la primera cita.`
          : `For a group of ${size}, someone from the team arranges it best: type *agent* 🙏 Meanwhile, I'll book the first appointment.`,
    };
  run.later = { ...run.later, [slot]: Array.from({ length: size - 1 }, () => value) };
  return {
    text:
      lang === 'es'
        ? `Son ${size} personas: les reservo una cita por persona, una después de la otra, empezando por la primera 👍 Si las quieren al mismo tiempo, escribe *agente* y una persona del equipo lo coordina.`
        : `There are ${size} of you: I'll book one appointment per person, one after the other, starting with the first 👍 If you'd like them at the same time, type *agent* and someone from the team will arrange it.`,
  };
}

/** Added to a group booking's success: whose appointment is next (its summary follows, back to back). */
export function groupNext(run: WorkflowRun, lang: Lang): string | null {
  const size = run.group;
  const left = Object.values(run.later ?? {})[0]?.length ?? 0;
  if (!size || size < 2 || left === 0) return null;
  const person = size - left + 1;
  return lang === 'es' ? `\nAhora la cita de la persona ${person} de ${size}, justo después 👇` : `\nNow person ${person} of ${size}'s appointment, right after 👇`;
}
