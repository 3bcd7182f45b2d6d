import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../persistence/redis/redis-connection.js';
import { z } from 'zod';
import type { ConversationHost } from '../../actors/conversation-host.js';
import type { ConversationService, ConversationUpdate, InboundMessage, TurnResult } from '../../actors/conversation-service.js';
import { guardCardData } from '../../actors/guards/card-data.js';
import { ERROR_CODES, HiloError, isHiloError, type HiloErrorCode } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import type { ClusterKeys } from './cluster-keys.js';
import type { ClusterShardRouter } from './cluster-router.js';
import type { InboxWork } from './inbox-work.js';
import { appendToInbox, type InboxEntry, type InboxOutcome } from './shard-inbox.js';

const Reply = z.object({ r: z.string().min(1), ok: z.boolean(), result: z.unknown().optional(), error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional() });
const Update = z.object({ o: z.string(), t: z.string(), c: z.string(), u: z.looseObject({ type: z.string() }) });
const TurnNote = z.object({ o: z.string(), t: z.string().min(1).max(200), c: z.string().min(1).max(200), s: z.string().max(200) });

export interface ClusterServiceOptions {
  host: ConversationHost;
  router: ClusterShardRouter;
  memberId: string;
  keys: ClusterKeys;
  /** Commands and publishes. */
  redis: RedisClient;
  /** A connection in subscriber mode (replies to this member, updates of subscribed shards, outbox kicks). */
  subscriber: RedisClient;
  /** How long a caller waits for the owner's answer after the durable append (ms). */
  answerTimeoutMs: number;
  /** Kicks this member's outbox worker: after a turn it ran, or when another member publishes a kick. */
  onOutboxKick?: () => void;
  /** Work was appended to this shard's stream (any member's append): wakes the inbox's per-slot reads. */
  onInboxKick?: (shard: number) => void;
  /** Another member committed a turn (its state): this member's agent consoles refresh that inbox row. */
  onRemoteTurn?: (key: ConversationKey, state: string) => void;
  logger: Logger;
}

/**
 * Durable routing (docs/cluster.md). Any member accepts any request: the work is appended to the
 * shard's stream (the acceptance), then the caller waits for the owner's answer, published on this
 * member's reply channel. Live updates come from the host when this member runs the turn, and over
 * the shard's update channel when another member does. Reads go straight to the shared stores.
 */
export class ClusterService implements ConversationService {
  readonly #o: ClusterServiceOptions;
  readonly #log: Logger;
  readonly #waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  readonly #remote = new Map<string, Set<(u: ConversationUpdate) => void>>();
  readonly #shardSubs = new Map<number, number>();
  readonly stats = { appended: 0, answered: 0, timedOut: 0, forwardedUpdates: 0 };

  constructor(options: ClusterServiceOptions) {
    this.#o = options;
    this.#log = options.logger.child({ component: 'cluster-service' });
    options.subscriber.on('message', (channel: string, text: string) => this.#onMessage(channel, text));
  }

  /** Subscribes to this member's reply channel, the outbox kicks, the inbox doorbell and the turn notes. */
  async start(): Promise<void> {
    await this.#o.subscriber.subscribe(this.#o.keys.replies(this.#o.memberId), this.#o.keys.outboxKick, this.#o.keys.inboxKick, this.#o.keys.consoleTurns);
  }

  // ------------------------------------------------------------ writes: routed to the owner

  resolveConversation(tenantId: string, channel: string, senderId: string): Promise<string> {
    return this.#o.host.resolveConversation(tenantId, channel, senderId);
  }

  async handleMessage(message: InboundMessage, resolved?: { conversationId: string }): Promise<TurnResult> {
    const work = await this.#messageWork(message, resolved);
    return (await this.#call(work)) as TurnResult;
  }

  /** A provider webhook's acceptance: resolves once the message is in the shard's stream (the provider's 200 follows). */
  async accept(message: InboundMessage, resolved?: { conversationId: string }): Promise<void> {
    const work = await this.#messageWork(message, resolved);
    await this.#append(work, null);
  }

  handleAgentMessage(tenantId: string, conversationId: string, agentName: string, text: string, messageId?: string): Promise<TurnResult> {
    return this.#call({ k: 'agent', op: 'message', tenantId, conversationId, agentName, text, ...(messageId !== undefined ? { messageId } : {}) }) as Promise<TurnResult>;
  }

  resolveHandoff(tenantId: string, conversationId: string, agentName: string, outcome: string): Promise<TurnResult> {
    return this.#call({ k: 'agent', op: 'resolve', tenantId, conversationId, agentName, text: outcome }) as Promise<TurnResult>;
  }

  takeOver(tenantId: string, conversationId: string, agentName: string): Promise<TurnResult> {
    return this.#call({ k: 'agent', op: 'takeover', tenantId, conversationId, agentName, text: '' }) as Promise<TurnResult>;
  }

  async closeIdle(tenantId: string, conversationId: string, seq: number): Promise<boolean> {
    return (await this.#call({ k: 'idle', tenantId, conversationId, seq })) === true;
  }

  /**
   * A contact's erasure (harden19): the shard's owner fences the conversation in its process and
   * drops its live actor after the running turn, as the erasure's own process does. Resolves once
   * the owner did; routed through the shard's stream, so it runs after the conversation's queued turns.
   */
  async evict(tenantId: string, conversationId: string): Promise<void> {
    await this.#call({ k: 'evict', tenantId, conversationId });
  }

  // ------------------------------------------------------------ reads: the shared stores

  getConversation: ConversationService['getConversation'] = (t, c) => this.#o.host.getConversation(t, c);
  history: ConversationService['history'] = (t, c, after) => this.#o.host.history(t, c, after);
  parse: ConversationService['parse'] = (t, text) => this.#o.host.parse(t, text);
  hasTenant = (t: string): boolean => this.#o.host.hasTenant(t);
  contactHandleOf = (t: string, c: string): string | null => this.#o.host.contactHandleOf(t, c);
  findConversationByHandle: ConversationHost['findConversationByHandle'] = (t, facts) => this.#o.host.findConversationByHandle(t, facts);

  subscribe(tenantId: string, conversationId: string, listener: (update: ConversationUpdate) => void): () => void {
    const local = this.#o.host.subscribe(tenantId, conversationId, listener);
    const k = `${tenantId}\u0000${conversationId}`;
    const shard = this.#o.router.shardOf(tenantId, conversationId);
    let set = this.#remote.get(k);
    if (!set) this.#remote.set(k, (set = new Set()));
    set.add(listener);
    const n = this.#shardSubs.get(shard) ?? 0;
    this.#shardSubs.set(shard, n + 1);
    if (n === 0) this.#o.subscriber.subscribe(this.#o.keys.updates(shard)).catch((err: unknown) => this.#log.warn({ err, shard }, 'update channel subscribe failed'));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      local();
      const s = this.#remote.get(k);
      s?.delete(listener);
      if (s?.size === 0) this.#remote.delete(k);
      const left = (this.#shardSubs.get(shard) ?? 1) - 1;
      if (left > 0) this.#shardSubs.set(shard, left);
      else {
        this.#shardSubs.delete(shard);
        this.#o.subscriber.unsubscribe(this.#o.keys.updates(shard)).catch(() => undefined);
      }
    };
  }

  // ------------------------------------------------------------ the owner's side

  /** The host's update hook on the owner: every update goes to the shard's channel for the other members. */
  publishUpdate(key: ConversationKey, update: ConversationUpdate): void {
    const shard = this.#o.router.shardOf(key.tenantId, key.conversationId);
    const text = JSON.stringify({ o: this.#o.memberId, t: key.tenantId, c: key.conversationId, u: update });
    this.#o.redis.publish(this.#o.keys.updates(shard), text).catch((err: unknown) => this.#log.warn({ err, shard }, 'update publish failed'));
  }

  /**
   * The owner committed a turn: every other member hears of it (`consoleTurns`), so agents whose
   * console socket is on any member see the conversation's inbox row change live.
   */
  publishTurn(key: ConversationKey, state: string): void {
    const text = JSON.stringify({ o: this.#o.memberId, t: key.tenantId, c: key.conversationId, s: state });
    this.#o.redis.publish(this.#o.keys.consoleTurns, text).catch((err: unknown) => this.#log.warn({ err }, 'turn note publish failed'));
  }

  /**
   * Runs one inbox entry on this member (the shard's owner) and answers the waiting member.
   * A refused (fenced) write or a shard no longer held leaves the entry pending for the new owner.
   */
  async run(entry: InboxEntry): Promise<InboxOutcome> {
    const { work } = entry;
    for (let attempt = 0; ; attempt++) {
      try {
        if (work.k === 'agent' && entry.claimed) {
          // Agent lines carry no message id to de-duplicate: one read by a member that died may
          // have been recorded. Never run twice; the agent sees an error and checks the thread.
          throw new HiloError('HILO_ERR_CLUSTER_NO_ANSWER', 'The member running this agent action stopped; check the conversation before sending it again.');
        }
        const result = await this.#perform(work);
        await this.#answer(entry, { ok: true, result });
        return 'ack';
      } catch (err) {
        if (this.#o.router.ownership(entry.shard) === null || isFenced(err)) return 'keep';
        // A turn that lost a race for the conversation's snapshot is retried once from the newer one.
        if (attempt === 0 && isHiloError(err, 'HILO_ERR_TURN_FAILED')) continue;
        // `details` travel with the code (a HiloError's details are safe for the caller by contract):
        // the idempotency conflict's `seq`, a refused resolve's `state`.
        const error = isHiloError(err) ? { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } : { code: 'HILO_ERR_INTERNAL', message: 'Internal error.' };
        await this.#answer(entry, { ok: false, error });
        return 'ack';
      }
    }
  }

  async #perform(work: InboxWork): Promise<unknown> {
    const host = this.#o.host;
    switch (work.k) {
      case 'msg': {
        // The host remembers the sender's channel handle (replies on WhatsApp go to it).
        await host.resolveConversation(work.tenantId, work.message.channel, work.message.senderId);
        const result = await host.handleMessage(work.message as InboundMessage, { conversationId: work.conversationId });
        this.#kickOutbox();
        return result;
      }
      case 'agent': {
        const result = work.op === 'message' ? await host.handleAgentMessage(work.tenantId, work.conversationId, work.agentName, work.text, work.messageId) : work.op === 'resolve' ? await host.resolveHandoff(work.tenantId, work.conversationId, work.agentName, work.text) : await host.takeOver(work.tenantId, work.conversationId, work.agentName);
        this.#kickOutbox();
        return result;
      }
      case 'idle':
        return host.closeIdle(work.tenantId, work.conversationId, work.seq);
      case 'evict':
        await host.evict(work.tenantId, work.conversationId, { erased: true });
        return true;
    }
  }

  /** The turn's outbox rows carry this shard, which this member owns: its own worker claims them. */
  #kickOutbox(): void {
    this.#o.onOutboxKick?.();
  }

  async #answer(entry: InboxEntry, reply: { ok: boolean; result?: unknown; error?: { code: string; message: string; details?: unknown } }): Promise<void> {
    if (!entry.requestId || !entry.replyTo) return;
    await this.#o.redis.publish(this.#o.keys.replies(entry.replyTo), JSON.stringify({ r: entry.requestId, ...reply })).catch((err: unknown) => this.#log.warn({ err }, 'answer publish failed'));
  }

  // ------------------------------------------------------------ internals

  async #messageWork(message: InboundMessage, resolved?: { conversationId: string }): Promise<InboxWork> {
    if (!this.#o.host.hasTenant(message.tenantId)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
    const conversationId = resolved?.conversationId ?? (await this.#o.host.resolveConversation(message.tenantId, message.channel, message.senderId));
    // The id is fixed here, before the append: a redelivery after a failover is de-duplicated by it.
    const messageId = message.messageId ?? `${message.channel}:${randomUUID()}`;
    // Card numbers are masked before the message enters the shard's stream (the host masks again: a no-op).
    return { k: 'msg', tenantId: message.tenantId, conversationId, message: { ...guardCardData(message), messageId } as Extract<InboxWork, { k: 'msg' }>['message'] };
  }

  async #call(work: InboxWork): Promise<unknown> {
    if (!this.#o.host.hasTenant(work.tenantId)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
    const requestId = randomUUID();
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(requestId);
        this.stats.timedOut++;
        reject(new HiloError('HILO_ERR_CLUSTER_NO_ANSWER'));
      }, this.#o.answerTimeoutMs);
      this.#waiting.set(requestId, { resolve, reject, timer });
    });
    try {
      await this.#append(work, { requestId, replyTo: this.#o.memberId });
    } catch (err) {
      const w = this.#waiting.get(requestId);
      if (w) clearTimeout(w.timer);
      this.#waiting.delete(requestId);
      throw err;
    }
    return answer;
  }

  async #append(work: InboxWork, wait: { requestId: string; replyTo: string } | null): Promise<void> {
    const shard = this.#o.router.shardOf(work.tenantId, work.conversationId);
    try {
      await appendToInbox(this.#o.redis, this.#o.keys, shard, work, wait);
      this.stats.appended++;
    } catch (err) {
      throw new HiloError('HILO_ERR_CLUSTER_UNAVAILABLE', undefined, { cause: err });
    }
  }

  #onMessage(channel: string, text: string): void {
    if (channel === this.#o.keys.outboxKick) return void this.#o.onOutboxKick?.();
    if (channel === this.#o.keys.inboxKick) return void this.#o.onInboxKick?.(Number(text));
    if (channel === this.#o.keys.consoleTurns) {
      const note = TurnNote.safeParse(safeJson(text));
      if (note.success && note.data.o !== this.#o.memberId) this.#o.onRemoteTurn?.({ tenantId: note.data.t, conversationId: note.data.c }, note.data.s);
      return;
    }
    try {
      if (channel === this.#o.keys.replies(this.#o.memberId)) {
        const reply = Reply.parse(JSON.parse(text));
        const w = this.#waiting.get(reply.r);
        if (!w) return; // answered already (a redelivered entry) or timed out
        this.#waiting.delete(reply.r);
        clearTimeout(w.timer);
        this.stats.answered++;
        if (reply.ok) w.resolve(reply.result);
        else w.reject(new HiloError(knownCode(reply.error?.code), reply.error?.message, reply.error?.details !== undefined ? { details: reply.error.details } : undefined));
        return;
      }
      const update = Update.parse(JSON.parse(text));
      if (update.o === this.#o.memberId) return; // the host delivered it here already
      const listeners = this.#remote.get(`${update.t}\u0000${update.c}`);
      if (!listeners) return;
      this.stats.forwardedUpdates++;
      for (const l of [...listeners]) {
        try {
          l(update.u as ConversationUpdate);
        } catch (err) {
          this.#log.warn({ err }, 'listener failed');
        }
      }
    } catch (err) {
      this.#log.warn({ err: { message: err instanceof Error ? err.message.slice(0, 200) : 'invalid' }, channel }, 'invalid cluster message ignored');
    }
  }

  /** Rejects every waiting caller (shutdown). */
  close(): void {
    for (const [id, w] of this.#waiting) {
      clearTimeout(w.timer);
      w.reject(new HiloError('HILO_ERR_SHUTTING_DOWN'));
      this.#waiting.delete(id);
    }
  }
}

function isFenced(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) if (isHiloError(e, 'HILO_ERR_SHARD_FENCED')) return true;
  return false;
}

function knownCode(code: string | undefined): HiloErrorCode {
  return code !== undefined && Object.hasOwn(ERROR_CODES, code) ? (code as HiloErrorCode) : 'HILO_ERR_INTERNAL';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
