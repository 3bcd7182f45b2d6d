import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { TranscriptEntry, TranscriptStore } from '../persistence/ports/transcript-store.js';
import type { ActiveConversation } from './actor-registry.js';
import { KnownInboundIds } from './known-inbound-ids.js';

export { EXACT_INBOUND_IDS, KnownInboundIds } from './known-inbound-ids.js';

/**
 * A live conversation remembers its customer messages' ids, so a new message is known to be new
 * without asking the transcript store on every turn (one SQL query per turn in durable mode).
 * It keeps a 31-bit hash of each id, not the id: the exact hashes while there are at most
 * `EXACT_INBOUND_IDS` (64 hashes ≈ 1.4 KB of heap; 64 widget ids as strings ≈ 11 KB), then a Bloom
 * filter of 4,096 bits (512 B, three probes) built from them, up to `MAX_KNOWN_INBOUND_IDS`
 * (false positives ≈ 0.5 % at 256 ids, 3 % at 512, 15 % at 1,024). An id whose hash is unknown was
 * never committed; a known hash (the same id, another with the same hash, or a filter false
 * positive) is looked up in the store, which stays the authority (retention may have removed the
 * line). The ids are read once per activation, from at most `MAX_LINES_READ_FOR_IDS` transcript
 * lines; a longer conversation, or one past `MAX_KNOWN_INBOUND_IDS` while live, asks the store
 * every turn as before. (With exact hashes only, a conversation past 64 customer messages asked
 * the store on every turn: every long thread, and every conversation of the load benchmark.)
 */
export const MAX_LINES_READ_FOR_IDS = 128;
export const MAX_KNOWN_INBOUND_IDS = 1024;

/**
 * The earlier copy of an inbound message, or null when this id was never committed in the
 * conversation. `entry`: the conversation's live actor (its known ids are loaded on first use).
 * Runs inside the conversation's mailbox, like every turn.
 */
export async function findInbound(transcripts: TranscriptStore, entry: ActiveConversation | undefined, key: ConversationKey, messageId: string): Promise<TranscriptEntry | null> {
  if (entry) {
    if (entry.inboundIds === undefined) entry.inboundIds = await loadInboundIds(transcripts, key);
    if (entry.inboundIds !== null && !entry.inboundIds.mayHave(idHash(messageId))) return null;
  }
  if (!(await transcripts.hasInbound(key, messageId))) return null;
  const all = await transcripts.list(key, {});
  return all.find((e) => e.direction === 'in' && e.messageId === messageId) ?? null;
}

/** Whether the live conversation's known ids prove `messageId` new (no lookup needed): `findInbound`'s answer without its await. */
export function knownNew(entry: ActiveConversation, messageId: string): boolean {
  return entry.inboundIds !== undefined && entry.inboundIds !== null && !entry.inboundIds.mayHave(idHash(messageId));
}

/** Records a customer message the journal has just committed (call at once after the commit). */
export function noteInbound(entry: ActiveConversation, messageId: string): void {
  if (!entry.inboundIds) return;
  entry.inboundIds.add(idHash(messageId));
  if (entry.inboundIds.size > MAX_KNOWN_INBOUND_IDS) entry.inboundIds = null;
}

async function loadInboundIds(transcripts: TranscriptStore, key: ConversationKey): Promise<KnownInboundIds | null> {
  const lines = await transcripts.list(key, { limit: MAX_LINES_READ_FOR_IDS + 1 });
  if (lines.length > MAX_LINES_READ_FOR_IDS) return null;
  const ids = new KnownInboundIds();
  for (const line of lines) if (line.direction === 'in') ids.add(idHash(line.messageId));
  return ids.size > MAX_KNOWN_INBOUND_IDS ? null : ids;
}

/** FNV-1a over the UTF-16 code units, cut to 31 bits (a small integer V8 stores unboxed). */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 1;
}
