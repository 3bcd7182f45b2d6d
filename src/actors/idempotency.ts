import { HiloError } from '../kernel/errors.js';
import type { TranscriptEntry } from '../persistence/ports/transcript-store.js';
import type { InboundMessage } from './conversation-service.js';

/**
 * Channels whose message ids the client chooses: a REST `message_id`, a widget `clientMessageId`
 * (`web:<visitorId>:<id>`). A provider's id (a WhatsApp wamid, a Twilio sid, a Telegram update)
 * names one provider event, so a webhook redelivery is always a true retry: not checked here.
 */
const CLIENT_KEYED_CHANNELS: ReadonlySet<string> = new Set(['rest', 'web']);

/**
 * An earlier message with the same client-chosen id is a retry only when it carries the same text,
 * compared as recorded: `message` has been through the same normalisation (NUL and control
 * characters stripped, trimmed) and card masking the first copy went through, so a retry of a
 * message whose card number was masked still matches. A different text under a reused id is an
 * integrator's bug (an id counter reset, two messages given one id): answering it with the first
 * message's replies would silently lose the second message, so it is refused (Stripe's
 * idempotency-key semantics). Returns `earlier` for the replay.
 */
export function assertSameRetry(earlier: TranscriptEntry, message: Pick<InboundMessage, 'channel' | 'text'>): TranscriptEntry {
  if (CLIENT_KEYED_CHANNELS.has(message.channel) && earlier.text !== message.text) {
    throw new HiloError('HILO_ERR_IDEMPOTENCY_CONFLICT', undefined, { details: { seq: earlier.seq } });
  }
  return earlier;
}
