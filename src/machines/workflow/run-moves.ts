import { pickByWord } from './option-narrowing.js';
import type { WorkflowRun } from './run-types.js';

/**
 * Moving a booking: "quiero cambiar mi cita para las 5" keeps its day, "muévela al viernes" keeps
 * its time. The workflow's `unchanged` pairs a slot with the value kept from the item moved
 * (`date` <- `booking_date`); once the customer has given some of those slots and the item is
 * picked, the others still empty take the item's value — except the slot just asked for (`asked`),
 * which the customer was asked to say. Mutates the run it is given (a copy).
 */
export function keepUnchanged(run: WorkflowRun, asked: string | null = null): void {
  const pairs = Object.entries(run.spec.unchanged ?? {});
  if (pairs.length === 0 || !pairs.some(([slot]) => run.values[slot] !== undefined)) return;
  for (const [slot, kept] of pairs) {
    const value = run.values[kept];
    // "¿Para qué día la movemos?" answered "a las 3": the day asked is still not said — never the old day kept.
    if (run.values[slot] === undefined && value !== undefined && slot !== asked) run.values[slot] = value;
  }
}

/** The slots of `unchanged` whose value a reading changed: a new value for one fills the others again. */
export function movedSlots(run: WorkflowRun, before: WorkflowRun): string[] {
  return Object.keys(run.spec.unchanged ?? {}).filter((slot) => run.values[slot] !== undefined && run.values[slot] !== before.values[slot]);
}

/**
 * "la del martes" while "¿Cuál cita quieres mover?" is asked names the booking by its day: that
 * day is not the new one. True when a choice is asked and a word of one of its options is said.
 */
export function choosingByDay(run: WorkflowRun, text: string): boolean {
  const asked = run.spec.slots.find((s) => s.name === run.asking);
  const items = asked?.kind === 'choice' ? run.options[asked.name]?.items : undefined;
  if (!items?.length) return false;
  // Any option's word said (pickByWord over each option alone): several options sharing the day count too.
  return items.some((item) => pickByWord(text, [item]) !== null);
}
