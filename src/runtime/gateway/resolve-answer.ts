import { HiloError } from '../../kernel/errors.js';
import type { ConversationView, TurnResult } from '../../actors/conversation-service.js';

/** Who closed the last handoff and how (the machine's `context.lastHandoff`), when an agent did. */
function lastAgentResolution(context: Record<string, unknown>): { agent: string; outcome: string } | null {
  const last = context.lastHandoff as { agentName?: unknown; outcome?: unknown } | null | undefined;
  if (!last || typeof last.agentName !== 'string' || typeof last.outcome !== 'string') return null;
  // A handoff the customer called off was closed by nobody's resolve.
  if (last.agentName === 'customer') return null;
  return { agent: last.agentName, outcome: last.outcome };
}

/**
 * What `POST …/conversations/{id}/resolve` answers, from the conversation as it was read before
 * the resolve and the turn that ran it. The route is idempotent (docs/errors.md,
 * HILO_ERR_CONVERSATION_NOT_IN_HANDOFF): a resolve that closed the handoff answers 200
 * `already_resolved: false`; one sent again after the handoff was resolved (a retry after a
 * timeout, two agents clicking) answers 200 `already_resolved: true` with the resolution that
 * stands (its agent and outcome, not the ones sent again) and changes nothing; a resolve for a
 * conversation no handoff was ever resolved in (never handed off, called off by the customer,
 * still being filed) is refused with 409, since nothing was resolved.
 */
export function resolveAnswer(
  before: ConversationView,
  result: TurnResult,
  sent: { agent: string; outcome: string },
  body: Record<string, unknown>,
): Record<string, unknown> {
  const changed = result.replies.length > 0 || result.state.value !== before.state?.value;
  if (changed) return { ...body, already_resolved: false, resolution: lastAgentResolution(result.state.context) ?? sent };
  const standing = lastAgentResolution(result.state.context);
  if (standing === null) throw new HiloError('HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', 'No person holds this conversation: there is no handoff to resolve.', { details: { state: result.state.value } });
  return { ...body, already_resolved: true, resolution: standing };
}
