import { randomUUID } from 'node:crypto';
import { isHiloError } from '../kernel/errors.js';
import type { InboundMessage, TurnResult } from './conversation-service.js';
import type { CommittedTurn } from './turn-facts.js';

/**
 * What the conversation host tells an observer (the runtime's metrics) about its work: how long a
 * customer message took from arrival to committed reply, and how long an actor took to load.
 * Observers are called synchronously on the turn's path, so they must be cheap and must not throw.
 */
export interface TurnObservation {
  tenantId: string;
  /** Null when the turn failed before its conversation was resolved. */
  conversationId: string | null;
  /** The channel the message came in on (`web`, `rest`, `whatsapp`, ...). */
  channel: string;
  /** The message id the turn ran under (the channel's, or the one the host minted). */
  messageId?: string;
  /** Wall time of `handleMessage`, milliseconds (sub-millisecond resolution). */
  ms: number;
  /** `ok`, `duplicate` (a message id already handled: nothing ran), or the error code the turn failed with. */
  outcome: string;
}

export interface ActivationObservation {
  tenantId: string;
  /** Milliseconds from the first store read to the started actor. */
  ms: number;
  /** `snapshot`: restored from a stored envelope; `new`: a conversation with nothing stored (or restarted). */
  source: 'snapshot' | 'new';
}

export interface HostObserver {
  turn?(observation: TurnObservation): void;
  activation?(observation: ActivationObservation): void;
  /** Each committed turn (customer, agent and timer turns), for analytics (`turn-facts.ts`). */
  committed?(turn: CommittedTurn): void;
}

/**
 * Runs `handle` for one customer message and tells `observer` its wall time and outcome. The
 * message id is minted here when the channel has none, so the observer can match the brain's
 * reading of this very message. Without an observer it is `handle(message)`, nothing more.
 */
export async function observeMessage(observer: HostObserver | undefined, message: InboundMessage, handle: (message: InboundMessage) => Promise<TurnResult>): Promise<TurnResult> {
  const observe = observer?.turn;
  if (!observe) return handle(message);
  const given = message.messageId;
  const messageId = given ?? `${message.channel}:${randomUUID()}`;
  const started = performance.now();
  try {
    // A message that has its id (the widget's, a provider's) goes on as it is: no copy per turn.
    const result = await handle(given !== undefined ? message : { ...message, messageId });
    observe({ tenantId: message.tenantId, conversationId: result.conversationId, channel: message.channel, messageId, ms: performance.now() - started, outcome: result.duplicate ? 'duplicate' : 'ok' });
    return result;
  } catch (err) {
    observe({ tenantId: message.tenantId, conversationId: null, channel: message.channel, messageId, ms: performance.now() - started, outcome: isHiloError(err) ? err.code : 'error' });
    throw err;
  }
}
