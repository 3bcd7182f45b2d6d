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
}
