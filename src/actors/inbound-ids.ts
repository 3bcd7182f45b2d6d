import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { TranscriptEntry, TranscriptStore } from '../persistence/ports/transcript-store.js';
import type { ActiveConversation } from './actor-registry.js';

/**
 * A live conversation remembers the ids of its customer messages, so a new message is known to be
 * new without asking the transcript store on every turn (one SQL query per turn in durable mode).
 * The ids are read once per activation, from at most this many transcript lines; a longer
 * conversation, or one whose ids grow past `MAX_KNOWN_INBOUND_IDS` while live, asks the store as
 * before. Only "new" is answered from memory: an id it knows is looked up in the store, which
 * stays the authority (retention may have removed the line).
 */
export const MAX_LINES_READ_FOR_IDS = 128;
export const MAX_KNOWN_INBOUND_IDS = 64;

/**
 * The earlier copy of an inbound message, or null when this id was never committed in the
 * conversation. `entry`: the conversation's live actor (its known ids are loaded on first use).
 * Runs inside the conversation's mailbox, like every turn.
 */
export async function findInbound(transcripts: TranscriptStore, entry: ActiveConversation | undefined, key: ConversationKey, messageId: string): Promise<TranscriptEntry | null> {
  if (entry) {
    if (entry.inboundIds === undefined) entry.inboundIds = await loadInboundIds(transcripts, key);
    if (entry.inboundIds !== null && !entry.inboundIds.has(messageId)) return null;
  }
  if (!(await transcripts.hasInbound(key, messageId))) return null;
  const all = await transcripts.list(key, {});
  return all.find((e) => e.direction === 'in' && e.messageId === messageId) ?? null;
}

/** Records a customer message the journal has just committed (call at once after the commit). */
export function noteInbound(entry: ActiveConversation, messageId: string): void {
  if (!entry.inboundIds) return;
  entry.inboundIds.add(messageId);
  if (entry.inboundIds.size > MAX_KNOWN_INBOUND_IDS) entry.inboundIds = null;
}

async function loadInboundIds(transcripts: TranscriptStore, key: ConversationKey): Promise<Set<string> | null> {
  const lines = await transcripts.list(key, { limit: MAX_LINES_READ_FOR_IDS + 1 });
  if (lines.length > MAX_LINES_READ_FOR_IDS) return null;
  const ids = new Set<string>();
  for (const line of lines) if (line.direction === 'in') ids.add(line.messageId);
  return ids.size > MAX_KNOWN_INBOUND_IDS ? null : ids;
}
