import type { ConversationKey } from '../ports/snapshot-store.js';

export const DEFAULT_REDIS_PREFIX = 'hilo';

/**
 * Escapes one key component. `encodeURIComponent` turns `:`, `{`, `}`, `?`, `[`, `]` and `\` into
 * `%XX`, so ids can neither shift the component boundaries (tenant "a:b" + conversation "c" vs
 * tenant "a" + "b:c") nor end a hash tag early; `*` is escaped too so keys double as exact SCAN
 * patterns.
 */
export function encodeKeyPart(part: string): string {
  return encodeURIComponent(part).replace(/\*/g, '%2A');
}

/**
 * Every Redis key Hilo uses, built in one place.
 *
 * Layout: `<prefix>:{t:<tenant>:c:<conversation>}:<what>`. The hash tag holds tenant and
 * conversation, so in a future Redis Cluster all of one conversation's keys share a slot (a Lua
 * script may touch several of them) while a large tenant still spreads over every slot.
 *
 * @example
 * createRedisKeys('hilo').snapshot({ tenantId: 'acme', conversationId: 'c-1' }) // 'hilo:{t:acme:c:c-1}:snap'
 */
export function createRedisKeys(prefix: string = DEFAULT_REDIS_PREFIX) {
  if (prefix.length === 0 || /[{}\s*?[\]]/.test(prefix)) {
    // Braces would move the hash tag; glob characters would break SCAN cleanup by prefix.
    throw new RangeError(`Redis key prefix must be non-empty without braces, spaces or glob characters, got ${JSON.stringify(prefix)}`);
  }
  const conversationTag = (key: ConversationKey): string => `{t:${encodeKeyPart(key.tenantId)}:c:${encodeKeyPart(key.conversationId)}}`;

  return {
    prefix,
    /** The cluster hash tag (with braces) shared by every key of one conversation. */
    conversationTag,
    /** Hash `{ seq, epoch, env }` holding the conversation's snapshot envelope. */
    snapshot: (key: ConversationKey): string => `${prefix}:${conversationTag(key)}:snap`,
    /** SCAN pattern matching every conversation key of one tenant (erasure, retention). */
    tenantConversationsPattern: (tenantId: string): string => `${prefix}:{t:${encodeKeyPart(tenantId)}:c:*`,
    /** An abuse counter (`AccessCounters`); the key already names the tenant and holds hashes only. */
    accessCounter: (key: string): string => `${prefix}:ac:${encodeKeyPart(key)}`,
    /**
     * A REST `Idempotency-Key`'s record (`IdempotencyRecords`): the id names the tenant and a hash
     * of the API key, then the client's key; it expires with the key (24 hours).
     */
    idempotencyKey: (id: string): string => `${prefix}:idem:${encodeKeyPart(id)}`,
    /**
     * Set of the `idempotencyKey` records whose kept answer belongs to this conversation, so a
     * contact's erasure finds them; it lives as long as the newest of them.
     */
    idempotencyIndex: (key: ConversationKey): string => `${prefix}:${conversationTag(key)}:idem`,
    /**
     * Set when the conversation is erased (it holds `1`, for a day): an `Idempotency-Key` request of
     * the conversation still running then does not keep its answer (harden17).
     */
    idempotencyErased: (key: ConversationKey): string => `${prefix}:${conversationTag(key)}:idem-erased`,
    /**
     * Set when the conversation is erased (it holds `1` for `ERASURE_TOMBSTONE_MS`): the snapshot
     * put script and the cluster's journal refuse to write the conversation again (harden19).
     */
    erased: (key: ConversationKey): string => `${prefix}:${conversationTag(key)}:erased`,
    /** A turn whose sender got an error and has not been answered yet (`UnansweredTurns`); holds a message id only. */
    unansweredTurn: (key: ConversationKey, messageId: string): string => `${prefix}:${conversationTag(key)}:unanswered:${encodeKeyPart(messageId)}`,
    /** SCAN pattern matching every key under this prefix (test cleanup). */
    allPattern: (): string => `${prefix}:*`,
  };
}

export type RedisKeys = ReturnType<typeof createRedisKeys>;
