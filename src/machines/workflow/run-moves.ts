import type { WorkflowRun } from './workflow-runner.js';

/**
 * Moving a booking: "quiero cambiar mi cita para las 5" keeps its day, "muévela al viernes" keeps
 * its time. The workflow's `unchanged` pairs a slot with the value kept from the item moved
 * (`date` <- `booking_date`); once the customer has given some of those slots and the item is
 * picked, the others still empty take the item's value. Mutates the run it is given (a copy).
 */
export function keepUnchanged(run: WorkflowRun): void {
  const pairs = Object.entries(run.spec.unchanged ?? {});
  if (pairs.length === 0 || !pairs.some(([slot]) => run.values[slot] !== undefined)) return;
  for (const [slot, kept] of pairs) {
    const value = run.values[kept];
    if (run.values[slot] === undefined && value !== undefined) run.values[slot] = value;
  }
}

/** The slots of `unchanged` whose value a reading changed: a new value for one fills the others again. */
export function movedSlots(run: WorkflowRun, before: WorkflowRun): string[] {
  return Object.keys(run.spec.unchanged ?? {}).filter((slot) => run.values[slot] !== undefined && run.values[slot] !== before.values[slot]);
}
