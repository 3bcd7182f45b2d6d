import type { LeadDraft } from '../domain/lead.js';
import type { WorkflowSpec } from './workflow/workflow-spec.js';

/** The line said under the summary when the urgency is still missing (`urgencyMissing`). */
export const URGENCY_MISSING = 'lead.urgency_missing';

/**
 * The lead reaches its summary with no urgency (asked twice, answered with other things: "ventas",
 * the quantities): a sales manager sorts leads by it, so the summary asks once more, in a line of its
 * own, when it is needed — a "sí" still registers the lead as it is. True when the form has an
 * urgency slot and the draft holds no level.
 */
export function urgencyMissing(spec: WorkflowSpec, draft: LeadDraft): boolean {
  return spec.slots.some((s) => s.name === 'urgency_level') && typeof draft.urgency_level?.value !== 'string';
}
