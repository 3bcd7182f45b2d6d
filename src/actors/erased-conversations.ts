import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import { HiloError } from '../kernel/errors.js';

/**
 * Conversations whose contact was erased while this process ran: the fence that keeps a turn from
 * writing them again. An erasure evicts the live actor, drops the snapshots, then deletes the SQL
 * rows; a message that arrived between the snapshot drop and the SQL delete activated the
 * conversation again from the journal's copy and put its snapshot back after the drop — the erased
 * context (a name, an email) stayed in Redis (harden18, raced on the real stores). A conversation
 * marked here is never activated again: its message is refused with
 * `HILO_ERR_CONVERSATION_ERASED`, and the sender's retry starts a new conversation (the channel
 * identity is gone with the contact). An erased conversation id is never used again, so the mark
 * needs no expiry; the set keeps the most recent {@link MAX_ERASED} ids. In a cluster the erasure
 * marks it on the shard's owner too (an `evict` entry), and a Redis tombstone fences every other
 * writer (`ErasureTombstones`, docs/cluster.md "Erasure across the cluster").
 */
export class ErasedConversations {
  readonly #keys = new Set<string>();

  mark(key: ConversationKey): void {
    const id = idOf(key);
    this.#keys.delete(id);
    this.#keys.add(id);
    if (this.#keys.size > MAX_ERASED) this.#keys.delete(this.#keys.values().next().value!);
  }

  /** Throws `HILO_ERR_CONVERSATION_ERASED` for a conversation erased while this process ran. */
  assertNotErased(key: ConversationKey): void {
    if (this.#keys.has(idOf(key))) throw new HiloError('HILO_ERR_CONVERSATION_ERASED');
  }
}

const MAX_ERASED = 10_000;
const idOf = (key: ConversationKey): string => `${key.tenantId}\n${key.conversationId}`;
