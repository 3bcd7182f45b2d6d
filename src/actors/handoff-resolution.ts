import { HiloError } from '../kernel/errors.js';
import type { ConversationStateView, TurnResult } from './conversation-service.js';

/** Who closed a handoff and how. */
export interface HandoffResolution {
  agent: string;
  outcome: string;
}

/** What a resolve did: it closed the handoff (`already_resolved: false`) or found it closed before. */
export interface ResolveOutcome {
  already_resolved: boolean;
  resolution: HandoffResolution;
}

/** Who closed the last handoff and how (the machine's `context.lastHandoff`), when an agent did. */
function lastAgentResolution(context: Record<string, unknown>): HandoffResolution | null {
  const last = context.lastHandoff as { agentName?: unknown; outcome?: unknown } | null | undefined;
  if (!last || typeof last.agentName !== 'string' || typeof last.outcome !== 'string') return null;
  // A handoff the customer called off was closed by nobody's resolve.
  if (last.agentName === 'customer') return null;
  return { agent: last.agentName, outcome: last.outcome };
}

/**
 * What a resolve (REST `POST …/resolve`, the console's resolve) did, judged from its own turn:
 * `result.stateBefore` is read inside the conversation's turn, so of two resolves at the same
 * instant exactly one changed the state and says `already_resolved: false`; the other ran after
 * it on the resolved conversation and says `true` with the resolution that stands (the first
 * one's agent and outcome, not its own). A resolve that found nothing resolved — never handed
 * off, called off by the customer, or a handoff whose ticket is still being filed (the machine
 * ignores a resolve there) — is refused with 409 HILO_ERR_CONVERSATION_NOT_IN_HANDOFF:
 * nothing was resolved. `stateBefore` is the caller's own earlier read, used only when the turn
 * did not carry one (a member of an older version in a rolling cluster upgrade).
 *
 * @example
 * const outcome = resolveOutcome(await host.resolveHandoff(t, c, 'Ana', 'entregado'), { agent: 'Ana', outcome: 'entregado' });
 */
export function resolveOutcome(result: TurnResult, sent: HandoffResolution, stateBefore?: string): ResolveOutcome {
  const before = result.stateBefore ?? stateBefore;
  const changed = result.replies.length > 0 || result.state.value !== before;
  if (changed) return { already_resolved: false, resolution: lastAgentResolution(result.state.context) ?? sent };
  return standingOutcome(result.state);
}

/**
 * A conversation no resolve needs to run for: its last handoff resolved by an agent stands
 * (`already_resolved: true`), else 409 (never handed off, called off, or a handoff still being
 * filed: nothing to resolve yet).
 */
export function standingOutcome(state: Pick<ConversationStateView, 'value' | 'context'> | null): ResolveOutcome {
  const standing = !state || state.value.startsWith('handoff') ? null : lastAgentResolution(state.context);
  if (standing === null) throw new HiloError('HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', 'No person holds this conversation: there is no handoff to resolve.', { details: { state: state?.value ?? null } });
  return { already_resolved: true, resolution: standing };
}
