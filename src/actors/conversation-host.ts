import { randomUUID } from 'node:crypto';
import { createActor } from 'xstate';
import { HiloError, isHiloError } from '../kernel/errors.js';
import { lazyChild, type Logger } from '../kernel/logger.js';
import type { ContactProfile } from '../domain/lead.js';
import type { NluResult } from '../domain/nlu.js';
import { MACHINE_VERSION, type ConversationEmitted, type ConversationEvent } from '../machines/conversation.contract.js';
import { migrateSnapshot } from '../machines/index.js';
import { SNAPSHOT_FORMAT_VERSION, type ConversationKey, type SnapshotStore } from '../persistence/ports/snapshot-store.js';
import { createMemoryUnansweredTurns } from '../persistence/ports/unanswered-turns.js';
import type { NewTranscriptEntry, TranscriptEntry } from '../persistence/ports/transcript-store.js';
import type { DurableSnapshotEnvelope, TurnJournal, TurnRecord } from '../persistence/ports/turn-journal.js';
import { ActorRegistry, conversationKeyString as keyString, type ActiveConversation } from './actor-registry.js';
import type { ConversationHostOptions, HostStats } from './conversation-host-options.js';
import type { ConversationService, ConversationStateView, ConversationUpdate, ConversationView, InboundMessage, TurnResult } from './conversation-service.js';
import { createConversationUpdates, type ConversationUpdates } from './conversation-updates.js';
import { customerEvent, customerLine, inboundCode, recipientOf } from './customer-turn.js';
import { ConversationChannels } from './identity/conversation-channels.js';
import { createHostIdentityLinker } from './identity/host-identity.js';
import type { IdentityLinker } from './identity/identity-linker.js';
import { observeMessage } from './host-observer.js';
import { guardCardData } from './guards/card-data.js';
import { assertSameRetry } from './idempotency.js';
import { findInbound, knownNew, noteInbound } from './inbound-ids.js';
import { KeyedMailbox } from './mailbox.js';
import { ErasedConversations } from './erased-conversations.js';
import { persistedSnapshotOf } from './persisted-snapshot.js';
import { confirmedLeadIn, type RememberedContextView } from './memory/contact-memory-port.js';
import { flattenState, liveStateView, storedStateView, topLevelState } from './state-value.js';
import type { TenantRuntime } from './tenant-runtime.js';
import { awaitTurnEnd, watchTurnEnds } from './turn-deadline.js';
import { createTurnDurability, loadFailed, type TurnDurability } from './turn-durability.js';
import { readingLabelOf, routedLabelOf, type TurnIntentView } from './turn-intent.js';
import { composeTurnReplies, renderTurn } from './turn-replies.js';
import { DEFAULT_TYPING_DELAY_MS, startTyping } from './typing-indicator.js';

/** The host's options and counters live in `conversation-host-options.ts`; they are part of its API. */
export type { ConversationHostOptions, HostShardRouter, HostStats } from './conversation-host-options.js';
export type { IdentityLinkOptions } from './identity/identity-linker.js'; // identity linking: identity/identity-linker.ts

/**
 * Hosts conversation actors: activation (memory → snapshot → new), one turn at a time per
 * conversation through a mailbox, snapshot persisted after every turn, transcript appended,
 * replies rendered and published, idle actors passivated. The actors in memory are kept by
 * `ActorRegistry`, live updates go through `ConversationUpdates`, identity linking is wired by
 * `identity/host-identity.ts`; this class is the turn pipeline.
 */
export class ConversationHost implements ConversationService {
  readonly #o: Required<Pick<ConversationHostOptions, 'maxActiveActors' | 'idleTimeoutMs' | 'turnTimeoutMs'>> & ConversationHostOptions;
  readonly #log: Logger;
  readonly #mailbox = new KeyedMailbox();
  readonly #erased = new ErasedConversations();
  readonly #actors: ActorRegistry;
  readonly #updates: ConversationUpdates;
  readonly #channels: ConversationChannels;
  readonly #identity: IdentityLinker | null;
  readonly #journal: TurnJournal;
  readonly #durable: TurnDurability;
  #sweepTimer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly stats: HostStats = { active: 0, activations: 0, passivations: 0, turns: 0, turnFailures: 0, restartsFromIncompatibleSnapshot: 0, turnsCompletedOnActivation: 0, turnsQuarantined: 0, idleCloses: 0, reminders: 0 };

  constructor(options: ConversationHostOptions) {
    this.#o = { maxActiveActors: 10_000, idleTimeoutMs: 10 * 60_000, turnTimeoutMs: 15_000, ...options };
    this.#channels = new ConversationChannels({ maxPerTenant: Math.max(50_000, 5 * this.#o.maxActiveActors) }); // bounded (harden19)
    this.#log = options.logger.child({ component: 'conversation-host' });
    this.#journal = options.journal;
    this.#updates = createConversationUpdates(this.#log, options.onUpdate);
    this.#durable = createTurnDurability({ snapshots: options.snapshots, journal: options.journal, stats: this.stats, log: this.#log, publish: (key, update) => this.#updates.publish(key, update), unanswered: options.unansweredTurns ?? createMemoryUnansweredTurns({ clock: options.clock }) });
    this.#actors = new ActorRegistry({
      maxActive: this.#o.maxActiveActors,
      idleTimeoutMs: this.#o.idleTimeoutMs,
      clock: options.clock,
      busy: (k) => this.#mailbox.busy(k),
      stats: this.stats,
    });
    // Identity linking (src/actors/identity/) borrows the host's mailboxes and turns.
    this.#identity = createHostIdentityLinker({
      options: options.identity,
      contacts: options.contacts,
      clock: options.clock,
      logger: options.logger,
      channels: this.#channels,
      host: {
        runTurn: (key, channel, event) => this.#mailbox.run(keyString(key), () => this.#turn(key, channel, null, event)),
        contextOf: (key) => (this.#actors.get(key)?.actor.getSnapshot().context as Record<string, unknown> | undefined) ?? null,
        publish: (key, update) => this.#updates.publish(key, update),
      },
    });
  }

  start(): void {
    if (this.#sweepTimer) return;
    const every = Math.max(1_000, Math.min(60_000, Math.floor(this.#o.idleTimeoutMs / 2)));
    this.#sweepTimer = setInterval(() => this.passivateIdle(), every);
    this.#sweepTimer.unref();
  }

  /** Stops intake, waits for running turns, passivates everything. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    await this.#mailbox.drain();
    this.#actors.passivateAll();
    this.#updates.clear();
  }

  hasTenant(tenantId: string): boolean {
    return this.#o.tenants.has(tenantId);
  }

  parse(tenantId: string, text: string): NluResult {
    return this.#tenant(tenantId).brain.parse(text);
  }

  async resolveConversation(tenantId: string, channel: string, senderId: string): Promise<string> {
    this.#tenant(tenantId);
    const id = await this.#o.contacts.resolve(tenantId, channel, senderId).catch((err: unknown) => Promise.reject(loadFailed(err))); // PostgreSQL unreachable: retryable, not a bug
    this.#channels.remember({ tenantId, conversationId: id }, channel, senderId);
    return id;
  }

  /** `resolved`: the caller already ran `resolveConversation` for this sender (a provider webhook does), so it is not looked up twice. */
  async handleMessage(message: InboundMessage, resolved?: { conversationId: string }): Promise<TurnResult> {
    return observeMessage(this.#o.observer, guardCardData(message), (m) => this.#handleMessage(m, resolved?.conversationId));
  }

  async #handleMessage(message: InboundMessage, resolvedId?: string): Promise<TurnResult> {
    this.#assertOpen();
    const conversationId = resolvedId ?? (await this.resolveConversation(message.tenantId, message.channel, message.senderId));
    const key = { tenantId: message.tenantId, conversationId };
    this.#channels.rememberProfileName(key, message.profileName);
    // An id made here is new by construction: no transcript lookup for an earlier copy of it.
    const givenId = message.messageId !== undefined;
    const messageId = message.messageId ?? `${message.channel}:${randomUUID()}`;
    let confirmed = false;
    const result = await this.#mailbox.run(keyString(key), async (): Promise<TurnResult> => {
      // Activation first: it completes a turn left half-committed by a crash, so the de-duplication below sees every turn whose snapshot was written.
      const live = this.#actors.touch(key) ?? (await this.#activate(key, message.langHint));
      const earlier = givenId && !knownNew(live, messageId) ? await this.#findInbound(key, messageId) : null;
      if (earlier) return { ...(await this.#replay(key, assertSameRetry(earlier, message))), duplicate: !(await this.#durable.takeUnanswered(key, messageId)) }; // a turn whose sender got an error: its first answer
      const line = customerLine(message, messageId, new Date(this.#o.clock.now()).toISOString());
      const codeResult = await inboundCode({ identity: this.#identity, phoneProof: this.#o.phoneProof, contextOf: (k) => this.contextOf(k.tenantId, k.conversationId) }, key, message, line);
      const stopTyping = startTyping((k, update) => this.#updates.publish(k, update), key, this.#o.typingDelayMs ?? DEFAULT_TYPING_DELAY_MS);
      try {
        const turn = await this.#turn(key, message.channel, line.inbound, customerEvent(message, line, codeResult));
        confirmed = codeResult === 'valid' && (this.#actors.get(key)?.lastEmitted ?? []).some((e) => e.type === 'identity.confirmed');
        return turn;
      } finally {
        stopTyping();
      }
    });
    if (result.duplicate) return result;
    if (confirmed) {
      await this.#identity?.link(key, message.channel, message.senderId);
      return result;
    }
    return this.#identity ? this.#identity.afterTurn(key, message.channel, message.senderId, result, message.clientIp) : result;
  }

  /**
   * Durable idle-close timer: sends `conversation.close` unless the conversation moved on since
   * the turn that armed the timer (`seq`). Returns whether it closed.
   */
  async closeIdle(tenantId: string, conversationId: string, seq: number): Promise<boolean> {
    this.#assertOpen();
    const key = { tenantId, conversationId };
    this.#tenant(tenantId);
    return this.#mailbox.run(keyString(key), async () => {
      const entry = await this.#activate(key);
      if (entry.seq !== seq) return false;
      // Something unfinished (a lead half given) gets one follow-up first; that turn re-arms the timer, and the next silence closes the conversation.
      if (entry.actor.getSnapshot().can({ type: 'conversation.remind' })) {
        await this.#turn(key, await this.#channelOf(key), null, { type: 'conversation.remind' });
        this.stats.reminders++;
        return true;
      }
      await this.#turn(key, await this.#channelOf(key), null, { type: 'conversation.close', reason: 'idle' });
      this.stats.idleCloses++;
      return true;
    });
  }

  async handleAgentMessage(tenantId: string, conversationId: string, agentName: string, text: string, messageId?: string): Promise<TurnResult> {
    return this.#agentTurn(tenantId, conversationId, { type: 'agent.message', agentName, text, ...(messageId !== undefined ? { messageId } : {}) });
  }

  /** The conversation of the customer with this phone or email, when the directory can tell. */
  async findConversationByHandle(tenantId: string, facts: { phone?: string; email?: string }): Promise<string | null> {
    this.#tenant(tenantId);
    const other = await this.#o.contacts.findOtherThread?.(tenantId, '', facts);
    return other?.conversationId ?? null;
  }

  /** An agent takes the conversation over (Rocket.Chat `/crear-ticket`): the machine opens a handoff ticket. */
  async takeOver(tenantId: string, conversationId: string, agentName: string): Promise<TurnResult> {
    return this.#agentTurn(tenantId, conversationId, { type: 'agent.takeover', agentName });
  }

  async resolveHandoff(tenantId: string, conversationId: string, agentName: string, outcome: string): Promise<TurnResult> {
    return this.#agentTurn(tenantId, conversationId, { type: 'agent.resolved', agentName, outcome });
  }

  async getConversation(tenantId: string, conversationId: string): Promise<ConversationView | null> {
    this.#tenant(tenantId);
    const key = { tenantId, conversationId };
    const live = this.#actors.get(key);
    const env = live ? null : await this.#durable.latestEnvelope(key);
    const state = live ? this.#view(live) : env ? storedStateView(env) : null;
    const transcript = await this.#o.transcripts.list(key, {});
    if (!state && transcript.length === 0) return null;
    return { tenantId, conversationId, state, transcript };
  }

  history(tenantId: string, conversationId: string, afterSeq: number): Promise<TranscriptEntry[]> {
    return this.#o.transcripts.list({ tenantId, conversationId }, { afterSeq }).catch((err: unknown) => Promise.reject(loadFailed(err, 'The conversation could not be loaded. Try again.')));
  }

  subscribe(tenantId: string, conversationId: string, listener: (update: ConversationUpdate) => void): () => void {
    return this.#updates.subscribe({ tenantId, conversationId }, listener);
  }

  /** Live context of an active conversation (used by effects such as ticket summaries). */
  readonly contextOf = (tenantId: string, conversationId: string): Record<string, unknown> | null => (this.#actors.get({ tenantId, conversationId })?.actor.getSnapshot().context as Record<string, unknown> | undefined) ?? null;

  /** The channel handle of a conversation (a phone, a Telegram chat id) when its channel has one: where replies go. */
  readonly contactHandleOf = (tenantId: string, conversationId: string): string | null => this.#channels.contactHandleOf({ tenantId, conversationId });
  /** The phone the customer writes from, in E.164, only where the sender id is a phone (WhatsApp); else null. */
  readonly contactPhoneOf = (tenantId: string, conversationId: string): string | null => this.#channels.phoneOf({ tenantId, conversationId });
  /** The channel the customer last wrote from, known since start-up (set before the turn runs); null when not known. */
  readonly contactChannelOf = (tenantId: string, conversationId: string): string | null => this.#channels.get({ tenantId, conversationId })?.channel ?? null;

  /** The sender's display name on the provider (WhatsApp profile name...), learned from their messages since start-up. */
  readonly profileNameOf = (tenantId: string, conversationId: string): string | null => this.#channels.profileNameOf({ tenantId, conversationId });

  /**
   * Drops a conversation from memory after its running turn, without persisting anything more
   * (used when a contact is erased, so a live actor cannot write its state back).
   */
  async evict(tenantId: string, conversationId: string, options: { erased?: boolean } = {}): Promise<void> {
    const key = { tenantId, conversationId };
    // Erased: fenced before the running turn ends, so no later message activates it again (`erased-conversations.ts`); the sender's handle and profile name leave memory.
    if (options.erased) {
      this.#erased.mark(key);
      this.#channels.forget(key);
    }
    await this.#mailbox.run(keyString(key), async () => {
      const entry = this.#actors.get(key);
      if (entry) this.#actors.passivate(entry);
    });
  }

  /** Cluster hand-over (docs/cluster.md): waits for the shard's running and queued turns, then passivates its actors. */
  async drainShard(shard: number): Promise<void> {
    await Promise.all(this.#actors.entries().filter((e) => this.#o.router.shardOf(e.key.tenantId, e.key.conversationId) === shard).map((e) => this.evict(e.key.tenantId, e.key.conversationId)));
  }

  /** Cluster: a shard lost without hand-over: its actors leave memory at once, nothing is written. */
  dropShard(shard: number): void {
    for (const e of this.#actors.entries()) if (this.#o.router.shardOf(e.key.tenantId, e.key.conversationId) === shard) this.#actors.passivate(e);
  }

  /** Passivates actors idle longer than the idle timeout. Returns how many. */
  passivateIdle(): number {
    return this.#actors.passivateIdle();
  }

  isActive(tenantId: string, conversationId: string): boolean {
    return this.#actors.has({ tenantId, conversationId });
  }

  // ------------------------------------------------------------------ internals
  async #agentTurn(tenantId: string, conversationId: string, event: ConversationEvent): Promise<TurnResult> {
    this.#assertOpen();
    const key = { tenantId, conversationId };
    await this.#assertExists(key);
    return this.#mailbox.run(keyString(key), async () => this.#turn(key, await this.#channelOf(key), null, event));
  }

  /** A live actor is taken without an await (here and in the mailbox job of `#handleMessage`): awaits are a turn's dearest glue (issue 16). */
  async #turn(key: ConversationKey, channel: string, inbound: NewTranscriptEntry | null, event: ConversationEvent): Promise<TurnResult> {
    const log = lazyChild(this.#log, () => ({ tenant: key.tenantId, conversationId: key.conversationId, shard: this.#o.router.shardOf(key.tenantId, key.conversationId) }));
    const started = this.#o.clock.now();
    const entry = this.#actors.touch(key) ?? (await this.#activate(key));
    const emitted: ConversationEmitted[] = [];
    entry.sink = emitted;
    const contextBefore = entry.actor.getSnapshot().context as RememberedContextView;
    const snapshotFrom = entry.actor.getSnapshot(); // the same object after an event the machine ignored (xstate)
    const stateFrom = flattenState(snapshotFrom.value);
    try {
      entry.actor.send(event);
      await (entry.turnEnd ? entry.turnEnd.wait(this.#o.turnTimeoutMs) : awaitTurnEnd(entry.actor, this.#o.turnTimeoutMs));
      const snapshot = entry.actor.getSnapshot();
      if (snapshot.status !== 'active') {
        throw new HiloError('HILO_ERR_TURN_FAILED', undefined, { cause: snapshot.error });
      }
    } catch (err) {
      entry.sink = null;
      this.stats.turnFailures++;
      // The actor's state is unknown: drop it; the next turn starts from the last persisted snapshot.
      this.#actors.passivate(entry);
      // Only the host's own deadline is a timeout (a coded error), never an error that says so.
      const timedOut = isHiloError(err, 'HILO_ERR_TURN_TIMEOUT');
      log().error({ err, timedOut }, 'turn failed');
      throw isHiloError(err) ? err : new HiloError('HILO_ERR_TURN_FAILED', undefined, { cause: err });
    }
    entry.sink = null;
    if (inbound === null && emitted.length === 0 && entry.actor.getSnapshot() === snapshotFrom) return { conversationId: key.conversationId, duplicate: false, inbound: null, replies: [], state: this.#view(entry), stateBefore: stateFrom }; // a resolve sent again: nothing to write, the seq stays
    entry.lastEmitted = emitted;

    const tenant = this.#tenant(key.tenantId);
    const after = entry.actor.getSnapshot();
    const ctx = after.context as TurnIntentView & { lang?: 'es' | 'en' };
    const lang = ctx.lang ?? tenant.data.settings.defaultLang;
    const now = this.#o.clock.now();
    const at = new Date(now).toISOString();
    const turnIntent = inbound ? routedLabelOf(ctx) : undefined; // what the routing acted on, not the brain's raw reading
    const { lines, templated, relays } = renderTurn(emitted, inbound, turnIntent, tenant, lang, channel, at);
    const phase = topLevelState(after.value);
    const stateTo = flattenState(after.value);
    // Without a composer (the rule brain's tenants) the lines stand as rendered: no input object, no await.
    const compose = this.#o.composeReplies;
    const entries = compose ? await composeTurnReplies({ compose, key, channel, lang, inbound, event, lines, templated, phase, relayed: relays.length > 0, publish: (k, update) => this.#updates.publish(k, update), log: this.#log }) : lines;
    const turn: TurnRecord = {
      seq: entry.seq + 1,
      inboundMessageId: inbound?.messageId ?? null,
      entries,
      phase,
      idleCloseAt: this.#o.idleCloseMs !== undefined && phase !== 'closed' ? new Date(now + this.#o.idleCloseMs).toISOString() : null,
      recipient: recipientOf(this.#channels.get(key)),
    };

    // Commit step (1): the snapshot carrying the turn record. Once it is written the turn happened.
    const ownership = this.#o.router.ownership(this.#o.router.shardOf(key.tenantId, key.conversationId));
    const epoch = ownership?.epoch ?? entry.epoch;
    const envelope: DurableSnapshotEnvelope = {
      v: SNAPSHOT_FORMAT_VERSION,
      machineVersion: MACHINE_VERSION,
      epoch,
      seq: turn.seq,
      savedAt: at,
      snapshot: persistedSnapshotOf(entry.actor),
      turn,
    };
    let put: Awaited<ReturnType<SnapshotStore['put']>>;
    try {
      put = await this.#o.snapshots.put(key, envelope, this.#o.snapshotTtlSeconds !== undefined ? { ttlSeconds: this.#o.snapshotTtlSeconds } : undefined);
    } catch (err) {
      // Nothing of the turn is durable: drop the actor so a retry redoes the turn from the last snapshot.
      this.#actors.passivate(entry);
      this.stats.turnFailures++;
      throw isHiloError(err) ? err : new HiloError('HILO_ERR_TURN_FAILED', 'The conversation state could not be saved; nothing of this message was recorded. Send it again.', { cause: err }); // the store unreachable: not a bug (was HILO_ERR_INTERNAL)
    }
    if (!put.ok) {
      this.#actors.passivate(entry);
      log().warn({ reason: put.reason, current: put.current }, 'snapshot write rejected; actor dropped');
      throw new HiloError('HILO_ERR_TURN_FAILED', 'Conversation state changed elsewhere; retry.');
    }
    entry.seq = turn.seq;
    entry.epoch = epoch;
    entry.lastUsed = this.#o.clock.now();

    // Commit step (2): transcript, outbox, snapshot copy and timer in the journal. If it fails, the actor is dropped and the next activation completes the turn from the envelope.
    let stored: TranscriptEntry[];
    try {
      stored = await this.#journal.commit(key, turn, envelope);
    } catch (err) {
      this.#actors.passivate(entry);
      this.stats.turnFailures++;
      throw await this.#durable.journalFailed(key, turn, err, log());
    }
    if (inbound) noteInbound(entry, inbound.messageId);
    for (const line of stored) this.#updates.publish(key, { type: 'message', entry: line });
    // A relayed customer message carries its photos, voice notes... (references) to the agents, queued before the turn answers.
    for (const relay of relays) {
      const carried = inbound?.media && relay.messageId === inbound.messageId ? { ...relay, media: inbound.media, channel: inbound.channel } : relay;
      await (async () => this.#o.onRelay?.(key, carried))().catch((err: unknown) => log().error({ err: { code: isHiloError(err) ? err.code : undefined } }, 'relay hook failed'));
    }
    try {
      this.#o.onTurnCommitted?.(key, stateTo, stored.some((l) => l.author === 'agent'));
      this.#o.observer?.committed?.({ key, seq: turn.seq, messageId: turn.inboundMessageId, channel, event: event.type, at, ms: this.#o.clock.now() - started, stateFrom, stateTo, before: contextBefore, after: after.context, emitted });
    } catch (err) {
      log().warn({ err }, 'turn listener failed');
    }
    if (this.#o.memory && confirmedLeadIn(contextBefore, after.context as RememberedContextView)) {
      // Best effort: the turn is committed; a profile not written now is written by the next lead.
      await this.#o.memory.remember(key.tenantId, key.conversationId, after.context as RememberedContextView).catch((err: unknown) => {
        log().warn({ err: { code: isHiloError(err) ? err.code : undefined } }, 'contact profile not updated');
      });
    }
    const storedInbound = inbound ? (stored.find((l) => l.direction === 'in') ?? null) : null;
    const replies = stored.filter((l) => l.direction === 'out');
    this.stats.turns++;
    this.#actors.enforceCap();
    if (this.#log.isLevelEnabled('info')) log().info({ event: event.type, state: stateTo, seq: entry.seq, replies: replies.length, intent: turnIntent, reading: inbound ? readingLabelOf(ctx) : undefined, ms: this.#o.clock.now() - started }, 'turn');
    const last = entry.actor.getSnapshot(); // the snapshot the turn ended on, unless a late effect moved it
    return { conversationId: key.conversationId, duplicate: false, inbound: storedInbound, replies, state: liveStateView(last, entry.seq, last === after ? stateTo : undefined), stateBefore: stateFrom };
  }

  /** `langHint`: the channel's idea of the customer's language, for a conversation that starts now. */
  async #activate(key: ConversationKey, langHint?: 'es' | 'en'): Promise<ActiveConversation> {
    const existing = this.#actors.touch(key);
    if (existing) return existing;
    this.#erased.assertNotErased(key);
    const started = performance.now(); // metrics only (observer.activation)
    const tenant = this.#tenant(key.tenantId);
    const env = await this.#durable.recover(key);
    let snapshot: unknown = null;
    if (env) {
      snapshot = env.machineVersion === MACHINE_VERSION ? env.snapshot : migrateSnapshot(env.snapshot, env.machineVersion, { workflows: tenant.workflows ?? null });
      if (snapshot === null) {
        this.stats.restartsFromIncompatibleSnapshot++;
        this.#log.warn({ tenant: key.tenantId, conversationId: key.conversationId, from: env.machineVersion, to: MACHINE_VERSION }, 'snapshot from an incompatible machine version; conversation restarts cleanly (history kept)');
      }
    }
    // A conversation that starts afresh begins from what the contact confirmed before.
    const remembered = snapshot ? null : await this.#recall(key);
    // On WhatsApp the customer writes from their phone: a lead shows it to confirm, never asks for it.
    const phone = snapshot ? null : this.#channels.phoneOf(key);
    const recalled = phone && !remembered?.phone ? { ...(remembered ?? {}), phone } : remembered;
    const input = { tenantId: key.tenantId, conversationId: key.conversationId, lang: remembered?.lang ?? langHint ?? tenant.data.settings.defaultLang, ...(recalled ? { contact: recalled } : {}), ...(phone ? { channelPhone: phone } : {}) };
    const inspect = this.#o.inspect && this.#o.inspect.select(key) ? this.#o.inspect.observer : undefined;
    const actor = createActor(tenant.machine, {
      id: `conversation:${key.tenantId}:${key.conversationId}`,
      input,
      ...(snapshot ? { snapshot: snapshot as never } : {}),
      ...(inspect ? { inspect } : {}),
    });
    // One subscription for the actor's life awaits each turn's end and observes its errors (xstate
    // throws an actor error nobody observes from a timer, which kills the process: an action failing inside `send` must fail only its own turn).
    const entry: ActiveConversation = { key, actor, seq: env?.seq ?? 0, epoch: env?.epoch ?? 0, lastUsed: this.#o.clock.now(), sink: null, turnEnd: watchTurnEnds(actor) };
    actor.on('*', (e: ConversationEmitted) => {
      entry.sink?.push(e);
    });
    actor.start();
    this.#actors.add(entry);
    this.#o.observer?.activation?.({ tenantId: key.tenantId, ms: performance.now() - started, source: snapshot ? 'snapshot' : 'new' });
    return entry;
  }

  /** The remembered profile of the contact behind a thread; a failing memory never blocks a turn. */
  async #recall(key: ConversationKey): Promise<ContactProfile | null> {
    if (!this.#o.memory) return null;
    try {
      return await this.#o.memory.recall(key.tenantId, key.conversationId);
    } catch (err) {
      this.#log.warn({ tenant: key.tenantId, conversationId: key.conversationId, err: { code: isHiloError(err) ? err.code : undefined } }, 'contact memory unavailable; the conversation starts without it');
      return null;
    }
  }

  #view = (entry: ActiveConversation): ConversationStateView => liveStateView(entry.actor.getSnapshot(), entry.seq);

  #findInbound(key: ConversationKey, messageId: string): Promise<TranscriptEntry | null> {
    return findInbound(this.#o.transcripts, this.#actors.get(key), key, messageId).catch((err: unknown) => Promise.reject(loadFailed(err)));
  }

  /** The replies that followed an already processed inbound message (for idempotent retries). */
  async #replay(key: ConversationKey, inbound: TranscriptEntry): Promise<TurnResult> {
    const after = await this.#o.transcripts.list(key, { afterSeq: inbound.seq });
    const replies: TranscriptEntry[] = [];
    for (const e of after) {
      if (e.direction === 'in') break;
      replies.push(e);
    }
    const live = this.#actors.get(key);
    const state = live ? this.#view(live) : storedStateView(await this.#durable.latestEnvelope(key));
    return { conversationId: key.conversationId, duplicate: true, inbound, replies, state };
  }

  #tenant(tenantId: string): TenantRuntime {
    const t = this.#o.tenants.get(tenantId);
    if (!t) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
    return t;
  }

  /**
   * The channel replies go out on: the one the customer last wrote from. Remembered in memory;
   * after a restart (an agent answering before the customer writes again) read from the transcript.
   */
  async #channelOf(key: ConversationKey): Promise<string> {
    const known = this.#channels.get(key)?.channel;
    if (known) return known;
    const lines = await this.#o.transcripts.list(key, {});
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.direction === 'in') return lines[i]!.channel;
    return 'web';
  }

  async #assertExists(key: ConversationKey): Promise<void> {
    this.#tenant(key.tenantId);
    if (this.#actors.has(key)) return;
    if (await this.#durable.latestEnvelope(key)) return;
    throw new HiloError('HILO_ERR_CONVERSATION_NOT_FOUND');
  }

  #assertOpen(): void {
    if (this.#closed) throw new HiloError('HILO_ERR_SHUTTING_DOWN');
  }
}
