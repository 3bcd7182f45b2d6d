import { letsItGo } from '../letting-go.js';
import type { WorkflowSpec } from './workflow-spec.js';

/**
 * Whether a message lets go of the run in progress: "mejor cancélala", "olvídalo, mejor no" while a
 * new booking is being made drops it ("Listo, lo dejamos ahí"), never read as the cancellation
 * workflow nor as the name asked. A run acting on a record the customer has (a booking moved, paid
 * or cancelled: a slot listing records, `options.made`) is not let go so: there "cancélala" is the
 * booking itself (the cancellation, or its choice answered), and its own cancel words still end it.
 */
export function letsRunGo(spec: WorkflowSpec, text: string): boolean {
  return letsItGo(text) && !spec.slots.some((s) => s.options?.made !== undefined);
}
