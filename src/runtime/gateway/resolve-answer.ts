import type { ConversationView, TurnResult } from '../../actors/conversation-service.js';
import { resolveOutcome } from '../../actors/handoff-resolution.js';

/**
 * What `POST …/conversations/{id}/resolve` answers: the turn's body with `already_resolved` and
 * the `resolution` that stands (docs/errors.md, HILO_ERR_CONVERSATION_NOT_IN_HANDOFF). Whether
 * this resolve closed the handoff is decided from its own turn (`resolveOutcome`), so two at
 * once get one `false` and one `true`; `before` (read before the resolve) only backs a turn that
 * did not say where it started.
 */
export function resolveAnswer(
  before: ConversationView,
  result: TurnResult,
  sent: { agent: string; outcome: string },
  body: Record<string, unknown>,
): Record<string, unknown> {
  return { ...body, ...resolveOutcome(result, sent, before.state?.value) };
}
