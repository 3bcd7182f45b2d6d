import { copyMediaReference, type MediaReference } from '../domain/media.js';
import type { ConversationEvent } from '../machines/conversation.contract.js';
import { giveMeSpelt } from '../machines/count-words.js';
import type { NewTranscriptEntry } from '../persistence/ports/transcript-store.js';
import type { InboundMessage } from './conversation-service.js';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { IdentityLinker } from './identity/identity-linker.js';
import type { CodeCheck } from './identity/link-guard.js';
import { MASKED_CODE, type PhoneProof } from './identity/phone-proof.js';
import { readingForm, readPart } from './reading-form.js';

/** What one customer message becomes: its transcript line and, when it is media alone, that media. */
export interface CustomerLine {
  inbound: NewTranscriptEntry;
  /** Media without a caption has nothing to read: the machine acknowledges (or relays) it by kind. */
  mediaOnly: MediaReference | null;
}

/** The customer's transcript line (its media references copied field by field). */
export function customerLine(message: InboundMessage, messageId: string, receivedAt: string): CustomerLine {
  const media = message.media && message.media.length > 0 ? message.media.map(copyMediaReference) : undefined;
  const inbound: NewTranscriptEntry = { messageId, direction: 'in', author: 'customer', channel: message.channel, text: message.text, at: receivedAt, ...(media ? { media } : {}) };
  // A shared place's text is the pin's name and address ("Hospital Gonzalvo, Av. Santa Rosa"), not
  // words the customer wrote: it stays on the line for the agents, and the place is acknowledged as
  // a place — read as text it opened tickets ("Calle 1" as a request for a person, a hospital's name
  // as a critical case).
  const placeOnly = media !== undefined && media.every((m) => m.kind === 'location');
  return { inbound, mediaOnly: media !== undefined && (message.text.trim() === '' || placeOnly) ? media[0]! : null };
}

/**
 * The event the machine gets for a customer message: media alone, a one-time identity code
 * (`codeResult` from the identity linker, when a code was pending), or a message to read.
 */
export function customerEvent(message: InboundMessage, line: CustomerLine, codeResult: InboundCode | null): ConversationEvent {
  const { messageId, at: receivedAt, media } = line.inbound;
  if (line.mediaOnly) return { type: 'user.media', messageId, kind: line.mediaOnly.kind, channel: message.channel, receivedAt };
  // A booking phone's code: the machine sees it masked, as the transcript does.
  if (codeResult && typeof codeResult === 'object') {
    // A code typed after its proof ended is read as a message, masked: it starts nothing (a bare number read as a booking).
    if ('late' in codeResult) return { type: 'user.message', messageId, text: line.inbound.text, channel: message.channel, receivedAt };
    return { type: 'phone.code', messageId, text: line.inbound.text, receivedAt, result: codeResult.phone };
  }
  if (codeResult) return { type: 'identity.code', messageId, text: message.text, receivedAt, result: codeResult };
  // The transcript keeps the words as written; the machine reads them in their reading form (no
  // joiner inside a word, ASCII for fullwidth, "1 1/2" for "1½": `reading-form.ts`) and a mistyped "dame" spelt out (`giveMeSpelt`),
  // at most its first MAX_READ_CHARS (a provider's 16 KB text cost seconds of every reader).
  return { type: 'user.message', messageId, text: giveMeSpelt(readingForm(readPart(message.text))), channel: message.channel, receivedAt, ...(media ? { media: media[0]!.kind } : {}) };
}

/** The provider address replies go to (the web widget and REST answer by the transcript: none). */
export function recipientOf(handle: { channel: string; senderId: string } | undefined): { channel: string; to: string } | null {
  return handle && handle.channel !== 'web' && handle.channel !== 'rest' ? { channel: handle.channel, to: handle.senderId } : null;
}

/**
 * A one-time code a customer message was checked as: identity linking's, a booking phone's proof,
 * or a booking phone's code typed after its proof ended (`late`: masked, answered as a message).
 */
export type InboundCode = CodeCheck | { phone: CodeCheck } | { late: true };

/** The part of a machine context that says a booking phone's code is awaited (`phoneProof` with its code sent). */
interface ProofContextView {
  phoneProof?: { phone?: unknown; sent?: unknown } | null;
}

/**
 * The code a customer message carries, if one was awaited: the identity linker's, else a booking
 * phone's proof (`identity/phone-proof.ts`) while the machine waits for it. A message checked as a
 * proof code is masked on its transcript line: the code is never stored, shown to agents or sent
 * to an LLM.
 */
export async function inboundCode(
  deps: { identity: IdentityLinker | null; phoneProof: PhoneProof | undefined; contextOf: (key: ConversationKey) => Record<string, unknown> | null },
  key: ConversationKey,
  message: InboundMessage,
  line: CustomerLine,
): Promise<InboundCode | null> {
  if (line.mediaOnly) return null;
  const identity = (await deps.identity?.checkCode(key, message.text, message.clientIp)) ?? null;
  if (identity || !deps.phoneProof) return identity;
  // A code this message's turn sends counts against the IP the message came from.
  deps.phoneProof.noteClient(key, message.clientIp);
  const proof = (deps.contextOf(key) as ProofContextView | null)?.phoneProof;
  if (!proof || proof.sent !== true || typeof proof.phone !== 'string') {
    if (!deps.phoneProof.endedCode(key, message.text)) return null;
    line.inbound = { ...line.inbound, text: MASKED_CODE };
    return { late: true };
  }
  const result = await deps.phoneProof.check({ key, phone: proof.phone, text: message.text, ...(message.clientIp !== undefined ? { clientIp: message.clientIp } : {}) });
  if (result === null) return null;
  line.inbound = { ...line.inbound, text: MASKED_CODE };
  return { phone: result };
}
