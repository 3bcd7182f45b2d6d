/**
 * The contact-memory port as the conversation host sees it (the port and its shared readings live
 * in `src/persistence/ports/contact-memory.ts`; implementations in persistence `memory/` and
 * `sql/`), and when a turn's lead becomes profile.
 */
import type { RememberedContextView } from '../../persistence/ports/contact-memory.js';

export type { ContactMemoryPort, MemoryContextView, RememberedContextView } from '../../persistence/ports/contact-memory.js';

/** True when the turn just confirmed a lead (its id is new): the only time lead data becomes profile. */
export function confirmedLeadIn(before: RememberedContextView | null | undefined, after: RememberedContextView | null | undefined): boolean {
  const lead = after?.lead;
  return !!lead && lead.status === 'submitted' && !!lead.leadId && before?.lead?.leadId !== lead.leadId;
}
