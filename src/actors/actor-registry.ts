import type { AnyActorRef } from 'xstate';
import type { Clock } from '../kernel/clock.js';
import type { ConversationEmitted } from '../machines/conversation.contract.js';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { TurnEndWatch } from './turn-deadline.js';
import type { KnownInboundIds } from './known-inbound-ids.js';

/**
 * One map and mailbox key per conversation. The NUL separator cannot appear in ids that travel
 * through JSON and HTTP, so tenant "a:b" + conversation "c" never collides with "a" + "b:c".
 */
export const conversationKeyString = (k: ConversationKey): string => `${k.tenantId}\u0000${k.conversationId}`;

/** A conversation actor in memory. */
export interface ActiveConversation {
  key: ConversationKey;
  actor: AnyActorRef;
  /** Seq and epoch of the last persisted envelope. */
  seq: number;
  epoch: number;
  /** Clock ms of the last committed turn (or of the activation). */
  lastUsed: number;
  /** Emitted events of the turn in progress. */
  sink: ConversationEmitted[] | null;
  /** Emitted events of the last finished turn. */
  lastEmitted?: ConversationEmitted[];
  /** The end of each turn, awaited through one subscription made at activation (absent: `awaitTurnEnd`). */
  turnEnd?: TurnEndWatch;
  /** Hashes of the customer messages' ids committed in this conversation (`inbound-ids.ts`): undefined until read, null when too many to keep. */
  inboundIds?: KnownInboundIds | null;
}

/** The counters the registry keeps (a slice of the host's stats object, updated in place). */
export interface RegistryStats {
  active: number;
  activations: number;
  passivations: number;
}

export interface ActorRegistryOptions {
  /** Most actors kept in memory; the least recently used idle ones are passivated beyond it. */
  maxActive: number;
  /** An actor idle this long is passivated by `passivateIdle`. */
  idleTimeoutMs: number;
  clock: Clock;
  /** Whether a conversation has a turn running or queued (such actors are never passivated). */
  busy: (keyString: string) => boolean;
  stats: RegistryStats;
}

/**
 * The actors in memory, in least-recently-used order (a `Map` keeps insertion order; `touch`
 * moves an entry to the end). Passivation only frees memory: every turn was persisted already.
 */
export class ActorRegistry {
  readonly #active = new Map<string, ActiveConversation>();
  readonly #o: ActorRegistryOptions;

  constructor(options: ActorRegistryOptions) {
    this.#o = options;
  }

  get size(): number {
    return this.#active.size;
  }

  has(key: ConversationKey): boolean {
    return this.#active.has(conversationKeyString(key));
  }

  /** The entry without changing its LRU position. */
  get(key: ConversationKey): ActiveConversation | undefined {
    return this.#active.get(conversationKeyString(key));
  }

  /** The entry, moved to the most recently used position. */
  touch(key: ConversationKey): ActiveConversation | undefined {
    const k = conversationKeyString(key);
    const existing = this.#active.get(k);
    if (existing) {
      this.#active.delete(k);
      this.#active.set(k, existing);
    }
    return existing;
  }

  /** Registers a freshly activated (started) actor. */
  add(entry: ActiveConversation): void {
    this.#active.set(conversationKeyString(entry.key), entry);
    this.#o.stats.activations++;
    this.#o.stats.active = this.#active.size;
  }

  /** Stops the actor and forgets it, unless another entry has replaced it meanwhile. */
  passivate(entry: ActiveConversation): void {
    const k = conversationKeyString(entry.key);
    if (this.#active.get(k) !== entry) return;
    this.#active.delete(k);
    entry.actor.stop();
    this.#o.stats.passivations++;
    this.#o.stats.active = this.#active.size;
  }

  /** Passivates least recently used idle actors until at most `maxActive` remain (busy ones stay). */
  enforceCap(): void {
    if (this.#active.size <= this.#o.maxActive) return;
    for (const entry of this.#active.values()) {
      if (this.#active.size <= this.#o.maxActive) break;
      if (!this.#o.busy(conversationKeyString(entry.key))) this.passivate(entry);
    }
  }

  /** Passivates actors idle longer than the idle timeout. Returns how many. */
  passivateIdle(): number {
    const cutoff = this.#o.clock.now() - this.#o.idleTimeoutMs;
    let n = 0;
    for (const entry of [...this.#active.values()]) {
      if (entry.lastUsed <= cutoff && !this.#o.busy(conversationKeyString(entry.key))) {
        this.passivate(entry);
        n++;
      }
    }
    return n;
  }

  /** A copy of the entries in memory (least recently used first). */
  entries(): ActiveConversation[] {
    return [...this.#active.values()];
  }

  /** Passivates every actor (shutdown, after the mailboxes drained). */
  passivateAll(): void {
    for (const entry of [...this.#active.values()]) this.passivate(entry);
  }
}
