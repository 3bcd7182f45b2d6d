import { randomUUID } from 'node:crypto';
import { createActor, waitFor, type AnyActorRef, type InspectionEvent } from 'xstate';
import { HiloError, isHiloError } from '../kernel/errors.js';
import type { NluResult } from '../domain/nlu.js';
import { AWAITING_INPUT, MACHINE_VERSION, type ConversationEmitted, type ConversationEvent, type ReplyDirective } from '../machines/conversation.contract.js';
import { migrateSnapshot } from '../machines/index.js';
import type { ConversationKey, SnapshotEnvelope, SnapshotStore } from '../persistence/ports/snapshot-store.js';
import { SNAPSHOT_FORMAT_VERSION } from '../persistence/ports/snapshot-store.js';
import type { NewTranscriptEntry, TranscriptEntry, TranscriptStore } from '../persistence/ports/transcript-store.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { ShardRouter } from '../runtime/shard-router.js';
import type {
  ConversationService,
  ConversationStateView,
  ConversationUpdate,
  ConversationView,
  InboundMessage,
  TurnResult,
} from './conversation-service.js';
import { KeyedMailbox } from './mailbox.js';
import type { ContactProfile } from '../domain/lead.js';
import { copyMediaReference, type MediaReference } from '../domain/media.js';
import { channelPhone } from './identity/handles.js';
import { confirmedLeadIn, type ContactMemoryPort, type RememberedContextView } from './memory/contact-memory-port.js';
import { createIdentityLinker, type IdentityLinker, type IdentityLinkOptions } from './identity/identity-linker.js';
import type { ContactDirectory } from '../persistence/ports/records.js';
import { renderOptions, renderReply } from './render-reply.js';
import type { TenantRuntime } from './tenant-runtime.js';
import type { ComposeReplies } from './brain/llm/compose-replies.js';

/** Identity linking lives in `identity/identity-linker.ts`; its options are part of the host's. */
export type { IdentityLinkOptions } from './identity/identity-linker.js';

/**
 * What one turn leaves behind. It travels inside the snapshot envelope written at step (1) of
 * the commit until the journal holds it (step 2), so a crash in between loses nothing: the next
 * activation completes the turn from the envelope. See docs/architecture.md §4 "Turn durability".
 */
export interface TurnRecord {
  /** The envelope seq this turn produced (the journal is idempotent by it). */
  seq: number;
  /** The customer's message id (customer turns); null for agent and timer turns. */
  inboundMessageId: string | null;
  /** Transcript lines in order: the inbound line first (customer turns), then the replies. */
  entries: NewTranscriptEntry[];
  /** Top-level state after the turn (`triage`, `qualifying`, …, `closed`). */
  phase: string;
  /** ISO time at which the idle-close timer fires; null: no timer (closed, or timers off). */
  idleCloseAt: string | null;
}

/** The snapshot envelope with the turn record of the last turn (an extra field; stores keep it as JSON). */
export type DurableSnapshotEnvelope = SnapshotEnvelope & { turn?: TurnRecord };

/**
 * The durable side of a turn: transcript rows, outbox rows, a snapshot copy and timers written
 * together (one SQL transaction in `createSqlTurnJournal`). `commit` is idempotent by
 * `turn.seq`: committing a turn the journal already holds returns the stored lines.
 */
export interface TurnJournal {
  commit(key: ConversationKey, turn: TurnRecord, envelope: SnapshotEnvelope): Promise<TranscriptEntry[]>;
  /** The seq of the last committed turn and the envelope copy stored with it (if the journal keeps one). */
  lastCommitted(key: ConversationKey): Promise<{ seq: number; envelope: SnapshotEnvelope | null }>;
}

export interface ConversationHostOptions {
  tenants: Map<string, TenantRuntime>;
  snapshots: SnapshotStore;
  transcripts: TranscriptStore;
  /** Where turns are committed (step 2). Default: `createTranscriptTurnJournal(transcripts)`. */
  journal?: TurnJournal;
  /** A conversation idle this long gets a durable idle-close timer; undefined = no timer. */
  idleCloseMs?: number;
  contacts: ContactDirectory;
  router: ShardRouter;
  clock: Clock;
  logger: Logger;
  /** Most actors kept in memory; the least recently used idle ones are passivated beyond it. */
  maxActiveActors?: number;
  /** An actor idle this long is passivated. */
  idleTimeoutMs?: number;
  /** A turn that has not reached `awaitingInput` by then fails with HILO_ERR_TURN_TIMEOUT. */
  turnTimeoutMs?: number;
  /** Snapshot TTL in the store (per tenant policy later); undefined = keep. */
  snapshotTtlSeconds?: number;
  /** Attaches an inspector (e.g. the Stately inspector) to the actors it selects. */
  inspect?: { observer: (event: InspectionEvent) => void; select: (key: ConversationKey) => boolean };
  /**
   * Cross-channel identity: when a customer gives a phone or email of another contact's thread, a
   * one-time code goes to that thread's channel; typed back here, it links this channel identity
   * to that thread. Without it (or without the directory's identity methods) nothing is linked.
   */
  identity?: IdentityLinkOptions;
  /**
   * Rewrites a customer turn's template replies as one answer (the LLM, `HILO_LLM_REPLIES=1`).
   * Called after rendering and before the commit; its deltas go to subscribers as `delta` updates
   * and only the text it resolves with is recorded. `null` keeps the template replies. Never
   * called for agent lines or while the conversation is in a handoff.
   */
  composeReplies?: ComposeReplies;
  /**
   * Long-term contact memory: a conversation started without a snapshot begins from what the
   * contact confirmed before (greeted by name, lead fields pre-filled), and a confirmed lead fills
   * the contact profile. Without it nothing is remembered between conversations.
   */
  memory?: ContactMemoryPort;
  /** Called for every emitted `handoff.relay` (the agents' side), with the message's media references. */
  onRelay?: (key: ConversationKey, relay: Extract<ConversationEmitted, { type: 'handoff.relay' }> & { media?: MediaReference[]; channel?: string }) => void;
  /** Called after each committed turn with the state it ended in (`handoff.waitingAgent`, `closed`, ...). */
  onTurnCommitted?: (key: ConversationKey, state: string) => void;
}

interface ActiveConversation {
  key: ConversationKey;
  actor: AnyActorRef;
  seq: number;
  epoch: number;
  lastUsed: number;
  /** Emitted events of the turn in progress. */
  sink: ConversationEmitted[] | null;
  /** Emitted events of the last finished turn. */
  lastEmitted?: ConversationEmitted[];
}

export interface HostStats {
  active: number;
  activations: number;
  passivations: number;
  turns: number;
  turnFailures: number;
  restartsFromIncompatibleSnapshot: number;
  /** Turns whose journal write was completed on activation (after a crash or a failed write). */
  turnsCompletedOnActivation: number;
  /** Turns the journal refused for good (data it rejects): set aside so they never poison their conversation. */
  turnsQuarantined: number;
  idleCloses: number;
  /** Follow-up reminders sent by the idle timer to customers who left something unfinished. */
  reminders: number;
}

const keyString = (k: ConversationKey) => `${k.tenantId}\u0000${k.conversationId}`;

/**
 * Hosts conversation actors: activation (memory → snapshot → new), one turn at a time per
 * conversation through a mailbox, snapshot persisted after every turn, transcript appended,
 * replies rendered and published, idle actors passivated.
 */
export class ConversationHost implements ConversationService {
  readonly #o: Required<Pick<ConversationHostOptions, 'maxActiveActors' | 'idleTimeoutMs' | 'turnTimeoutMs'>> & ConversationHostOptions;
  readonly #log: Logger;
  readonly #active = new Map<string, ActiveConversation>();
  readonly #mailbox = new KeyedMailbox();
  readonly #listeners = new Map<string, Set<(u: ConversationUpdate) => void>>();
  readonly #handles = new Map<string, { channel: string; senderId: string }>();
  readonly #identity: IdentityLinker | null;
  readonly #journal: TurnJournal;
  #sweepTimer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly stats: HostStats = { active: 0, activations: 0, passivations: 0, turns: 0, turnFailures: 0, restartsFromIncompatibleSnapshot: 0, turnsCompletedOnActivation: 0, turnsQuarantined: 0, idleCloses: 0, reminders: 0 };

  constructor(options: ConversationHostOptions) {
    this.#o = { maxActiveActors: 10_000, idleTimeoutMs: 10 * 60_000, turnTimeoutMs: 15_000, ...options };
    this.#log = options.logger.child({ component: 'conversation-host' });
    this.#journal = options.journal ?? createTranscriptTurnJournal(options.transcripts);
    // Identity linking (src/actors/identity/) borrows the host's mailboxes and turns.
    this.#identity = options.identity
      ? createIdentityLinker({
          options: options.identity,
          contacts: options.contacts,
          clock: options.clock,
          logger: options.logger,
          host: {
            runTurn: (key, channel, event) => this.#mailbox.run(keyString(key), () => this.#turn(key, channel, null, event)),
            contextOf: (key) => (this.#active.get(keyString(key))?.actor.getSnapshot().context as Record<string, unknown> | undefined) ?? null,
            moveIdentity: async (from, target, channel, senderId) => {
              this.#handles.set(keyString(target), { channel, senderId });
              await this.#mailbox.run(keyString(target), () => this.#turn(target, channel, null, { type: 'identity.joined', channel }));
              this.#publish(from, { type: 'moved', conversationId: target.conversationId });
            },
          },
        })
      : null;
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
    for (const entry of [...this.#active.values()]) this.#passivate(entry);
    this.#listeners.clear();
  }

  hasTenant(tenantId: string): boolean {
    return this.#o.tenants.has(tenantId);
  }

  parse(tenantId: string, text: string): NluResult {
    return this.#tenant(tenantId).brain.parse(text);
  }

  async resolveConversation(tenantId: string, channel: string, senderId: string): Promise<string> {
    this.#tenant(tenantId);
    const id = await this.#o.contacts.resolve(tenantId, channel, senderId);
    this.#handles.set(keyString({ tenantId, conversationId: id }), { channel, senderId });
    return id;
  }

  async handleMessage(message: InboundMessage): Promise<TurnResult> {
    this.#assertOpen();
    const conversationId = await this.resolveConversation(message.tenantId, message.channel, message.senderId);
    const key = { tenantId: message.tenantId, conversationId };
    const messageId = message.messageId ?? `${message.channel}:${randomUUID()}`;
    let confirmed = false;
    const result = await this.#mailbox.run(keyString(key), async (): Promise<TurnResult> => {
      // Activation first: it completes a turn left half-committed by a crash, so the
      // de-duplication below sees every turn whose snapshot was written.
      await this.#activate(key, message.langHint);
      const earlier = await this.#findInbound(key, messageId);
      if (earlier) return { ...(await this.#replay(key, earlier)), duplicate: true };
      const receivedAt = new Date(this.#o.clock.now()).toISOString();
      const media = message.media && message.media.length > 0 ? message.media.map(copyMediaReference) : undefined;
      const inbound: NewTranscriptEntry = { messageId, direction: 'in', author: 'customer', channel: message.channel, text: message.text, at: receivedAt, ...(media ? { media } : {}) };
      // Media without a caption has nothing to read: the machine acknowledges (or relays) it by kind.
      const mediaOnly = media !== undefined && message.text.trim() === '' ? media[0]! : null;
      const codeResult = mediaOnly ? null : ((await this.#identity?.checkCode(key, message.text, message.clientIp)) ?? null);
      this.#publish(key, { type: 'typing', on: true });
      try {
        const turn = await this.#turn(
          key,
          message.channel,
          inbound,
          mediaOnly
            ? { type: 'user.media', messageId, kind: mediaOnly.kind, channel: message.channel, receivedAt }
            : codeResult
              ? { type: 'identity.code', messageId, text: message.text, receivedAt, result: codeResult }
              : { type: 'user.message', messageId, text: message.text, channel: message.channel, receivedAt, ...(media ? { media: media[0]!.kind } : {}) },
        );
        confirmed = codeResult === 'valid' && (this.#active.get(keyString(key))?.lastEmitted ?? []).some((e) => e.type === 'identity.confirmed');
        return turn;
      } finally {
        this.#publish(key, { type: 'typing', on: false });
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
      // Something unfinished (a lead half given) gets one follow-up first; that turn re-arms the
      // timer, and the next silence closes the conversation.
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

  async handleAgentMessage(tenantId: string, conversationId: string, agentName: string, text: string): Promise<TurnResult> {
    this.#assertOpen();
    const key = { tenantId, conversationId };
    await this.#assertExists(key);
    return this.#mailbox.run(keyString(key), async () => this.#turn(key, await this.#channelOf(key), null, { type: 'agent.message', agentName, text }));
  }

  /** The conversation of the customer with this phone or email, when the directory can tell. */
  async findConversationByHandle(tenantId: string, facts: { phone?: string; email?: string }): Promise<string | null> {
    this.#tenant(tenantId);
    const other = await this.#o.contacts.findOtherThread?.(tenantId, '', facts);
    return other?.conversationId ?? null;
  }

  /** An agent takes the conversation over (Rocket.Chat `/crear-ticket`): the machine opens a handoff ticket. */
  async takeOver(tenantId: string, conversationId: string, agentName: string): Promise<TurnResult> {
    this.#assertOpen();
    const key = { tenantId, conversationId };
    await this.#assertExists(key);
    return this.#mailbox.run(keyString(key), async () => this.#turn(key, await this.#channelOf(key), null, { type: 'agent.takeover', agentName }));
  }

  async resolveHandoff(tenantId: string, conversationId: string, agentName: string, outcome: string): Promise<TurnResult> {
    this.#assertOpen();
    const key = { tenantId, conversationId };
    await this.#assertExists(key);
    return this.#mailbox.run(keyString(key), async () => this.#turn(key, await this.#channelOf(key), null, { type: 'agent.resolved', agentName, outcome }));
  }

  async getConversation(tenantId: string, conversationId: string): Promise<ConversationView | null> {
    this.#tenant(tenantId);
    const key = { tenantId, conversationId };
    const live = this.#active.get(keyString(key));
    let state: ConversationStateView | null = null;
    if (live) {
      state = this.#view(live);
    } else {
      const env = await this.#latestEnvelope(key);
      if (env) {
        const snap = env.snapshot as { value?: unknown; context?: Record<string, unknown> };
        state = { value: flattenState(snap.value), tags: [], context: snap.context ?? {}, machineVersion: env.machineVersion, seq: env.seq };
      }
    }
    const transcript = await this.#o.transcripts.list(key, {});
    if (!state && transcript.length === 0) return null;
    return { tenantId, conversationId, state, transcript };
  }

  history(tenantId: string, conversationId: string, afterSeq: number): Promise<TranscriptEntry[]> {
    return this.#o.transcripts.list({ tenantId, conversationId }, { afterSeq });
  }

  subscribe(tenantId: string, conversationId: string, listener: (update: ConversationUpdate) => void): () => void {
    const k = keyString({ tenantId, conversationId });
    let set = this.#listeners.get(k);
    if (!set) {
      set = new Set();
      this.#listeners.set(k, set);
    }
    set.add(listener);
    return () => {
      const s = this.#listeners.get(k);
      if (!s) return;
      s.delete(listener);
      if (s.size === 0) this.#listeners.delete(k);
    };
  }

  /** Live context of an active conversation (used by effects such as ticket summaries). */
  contextOf(tenantId: string, conversationId: string): Record<string, unknown> | null {
    const entry = this.#active.get(keyString({ tenantId, conversationId }));
    return entry ? (entry.actor.getSnapshot().context as Record<string, unknown>) : null;
  }

  /** The channel handle (e.g. a phone number) of a conversation when its channel has one. */
  contactHandleOf(tenantId: string, conversationId: string): string | null {
    const h = this.#handles.get(keyString({ tenantId, conversationId }));
    return h && h.channel !== 'web' ? h.senderId : null;
  }

  /** Passivates actors idle longer than the idle timeout. Returns how many. */
  /**
   * Drops a conversation from memory after its running turn, without persisting anything more
   * (used when a contact is erased, so a live actor cannot write its state back).
   */
  async evict(tenantId: string, conversationId: string): Promise<void> {
    const k = keyString({ tenantId, conversationId });
    await this.#mailbox.run(k, async () => {
      const entry = this.#active.get(k);
      if (entry) this.#passivate(entry);
    });
  }

  passivateIdle(): number {
    const cutoff = this.#o.clock.now() - this.#o.idleTimeoutMs;
    let n = 0;
    for (const entry of [...this.#active.values()]) {
      if (entry.lastUsed <= cutoff && !this.#mailbox.busy(keyString(entry.key))) {
        this.#passivate(entry);
        n++;
      }
    }
    return n;
  }

  isActive(tenantId: string, conversationId: string): boolean {
    return this.#active.has(keyString({ tenantId, conversationId }));
  }

  // ------------------------------------------------------------------ internals

  async #turn(key: ConversationKey, channel: string, inbound: NewTranscriptEntry | null, event: ConversationEvent): Promise<TurnResult> {
    const log = this.#log.child({ tenant: key.tenantId, conversationId: key.conversationId, shard: this.#o.router.shardOf(key.tenantId, key.conversationId) });
    const started = this.#o.clock.now();
    const entry = await this.#activate(key);
    const emitted: ConversationEmitted[] = [];
    entry.sink = emitted;
    const contextBefore = entry.actor.getSnapshot().context as RememberedContextView;
    try {
      entry.actor.send(event);
      await waitFor(entry.actor, (s) => s.hasTag(AWAITING_INPUT) || s.status !== 'active', { timeout: this.#o.turnTimeoutMs });
      const snapshot = entry.actor.getSnapshot();
      if (snapshot.status !== 'active') {
        throw new HiloError('HILO_ERR_TURN_FAILED', undefined, { cause: snapshot.error });
      }
    } catch (err) {
      entry.sink = null;
      this.stats.turnFailures++;
      // The actor's state is unknown: drop it; the next turn starts from the last persisted snapshot.
      this.#passivate(entry);
      const timedOut = err instanceof Error && /timeout/i.test(err.message) && !isHiloError(err);
      log.error({ err, timedOut }, 'turn failed');
      throw timedOut ? new HiloError('HILO_ERR_TURN_TIMEOUT') : isHiloError(err) ? err : new HiloError('HILO_ERR_TURN_FAILED', undefined, { cause: err });
    }
    entry.sink = null;
    entry.lastEmitted = emitted;

    const tenant = this.#tenant(key.tenantId);
    const after = entry.actor.getSnapshot();
    const ctx = after.context as { lang?: 'es' | 'en'; understanding?: { nlu?: { intent?: { name?: string } } } };
    const lang = ctx.lang ?? tenant.data.settings.defaultLang;
    const lines: NewTranscriptEntry[] = inbound ? [inbound] : [];
    const relays: Extract<ConversationEmitted, { type: 'handoff.relay' }>[] = [];
    const now = this.#o.clock.now();
    const at = new Date(now).toISOString();
    // The turn's intent goes on its replies (the inbound line is written before it is known).
    const turnIntent = inbound ? ctx.understanding?.nlu?.intent?.name : undefined;
    /** Reply lines rendered from tenant templates (the only ones `composeReplies` may rewrite). */
    const templated = new Map<string, string>();
    for (const e of emitted) {
      if (e.type === 'reply') {
        const line = this.#renderEntry(e.reply, tenant, lang, channel, at);
        if (!('text' in e.reply)) templated.set(line.messageId, e.reply.template);
        lines.push(turnIntent && line.author === 'bot' ? { ...line, intent: turnIntent } : line);
      } else if (e.type === 'handoff.relay') {
        relays.push(e);
      }
    }
    const phase = topLevelState(after.value);
    const entries = await this.#compose(key, channel, lang, inbound, event, lines, templated, phase, relays.length > 0);
    const turn: TurnRecord = {
      seq: entry.seq + 1,
      inboundMessageId: inbound?.messageId ?? null,
      entries,
      phase,
      idleCloseAt: this.#o.idleCloseMs !== undefined && phase !== 'closed' ? new Date(now + this.#o.idleCloseMs).toISOString() : null,
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
      snapshot: entry.actor.getPersistedSnapshot(),
      turn,
    };
    let put: Awaited<ReturnType<SnapshotStore['put']>>;
    try {
      put = await this.#o.snapshots.put(key, envelope, this.#o.snapshotTtlSeconds !== undefined ? { ttlSeconds: this.#o.snapshotTtlSeconds } : undefined);
    } catch (err) {
      // Nothing of the turn is durable: drop the actor so a retry redoes the turn from the last snapshot.
      this.#passivate(entry);
      this.stats.turnFailures++;
      throw err;
    }
    if (!put.ok) {
      this.#passivate(entry);
      log.warn({ reason: put.reason, current: put.current }, 'snapshot write rejected; actor dropped');
      throw new HiloError('HILO_ERR_TURN_FAILED', 'Conversation state changed elsewhere; retry.');
    }
    entry.seq = turn.seq;
    entry.epoch = epoch;
    entry.lastUsed = this.#o.clock.now();

    // Commit step (2): transcript, outbox, snapshot copy and timer in the journal. If it fails,
    // the actor is dropped and the next activation completes the turn from the envelope.
    let stored: TranscriptEntry[];
    try {
      stored = await this.#journal.commit(key, turn, envelope);
    } catch (err) {
      this.#passivate(entry);
      this.stats.turnFailures++;
      if (isRefusedForGood(err)) {
        // Retrying would replay the same refusal on every activation, forever: set it aside.
        await this.#quarantine(key, turn, err);
        throw new HiloError('HILO_ERR_TURN_QUARANTINED', undefined, { cause: err });
      }
      log.error({ err, seq: turn.seq }, 'journal write failed; the turn completes on the next activation');
      throw new HiloError('HILO_ERR_TURN_FAILED', undefined, { cause: err });
    }
    for (const line of stored) this.#publish(key, { type: 'message', entry: line });
    // A relayed customer message carries its photos, voice notes... (references) to the agents.
    for (const relay of relays) this.#o.onRelay?.(key, inbound?.media && relay.messageId === inbound.messageId ? { ...relay, media: inbound.media, channel: inbound.channel } : relay);
    try {
      this.#o.onTurnCommitted?.(key, flattenState(after.value));
    } catch (err) {
      log.warn({ err }, 'turn listener failed');
    }
    if (this.#o.memory && confirmedLeadIn(contextBefore, after.context as RememberedContextView)) {
      // Best effort: the turn is committed; a profile not written now is written by the next lead.
      await this.#o.memory.remember(key.tenantId, key.conversationId, after.context as RememberedContextView).catch((err: unknown) => {
        log.warn({ err: { code: isHiloError(err) ? err.code : undefined } }, 'contact profile not updated');
      });
    }
    const storedInbound = inbound ? (stored.find((l) => l.direction === 'in') ?? null) : null;
    const replies = stored.filter((l) => l.direction === 'out');
    this.stats.turns++;
    this.#enforceCap();
    log.info({ event: event.type, state: flattenState(after.value), seq: entry.seq, replies: replies.length, intent: turnIntent, ms: this.#o.clock.now() - started }, 'turn');
    return { conversationId: key.conversationId, duplicate: false, inbound: storedInbound, replies, state: this.#view(entry) };
  }

  /**
   * The turn's lines with the template replies rewritten by `composeReplies` into one line (same
   * id as the first reply, so the streamed deltas and the recorded line match), or unchanged.
   */
  async #compose(
    key: ConversationKey,
    channel: string,
    lang: 'es' | 'en',
    inbound: NewTranscriptEntry | null,
    event: ConversationEvent,
    lines: NewTranscriptEntry[],
    /** Template reply line id → template id. */
    templated: ReadonlyMap<string, string>,
    phase: string,
    relayed: boolean,
  ): Promise<NewTranscriptEntry[]> {
    const compose = this.#o.composeReplies;
    if (!compose || !inbound || event.type !== 'user.message' || phase === 'handoff' || relayed) return lines;
    const out = lines.filter((l) => l.direction === 'out');
    const first = out[0];
    // Only turns made of template replies alone: agent lines and literal texts are never rewritten.
    if (!first || out.some((l) => l.author !== 'bot' || !templated.has(l.messageId))) return lines;
    const replyId = first.messageId;
    let text: string | null = null;
    try {
      text = await compose({
        tenantId: key.tenantId,
        conversationId: key.conversationId,
        replyId,
        channel,
        lang,
        customerText: inbound.text,
        replies: out.map((l) => l.text),
        templates: out.map((l) => templated.get(l.messageId) ?? ''),
        onDelta: (t) => this.#publish(key, { type: 'delta', replyId, text: t }),
        onReset: () => this.#publish(key, { type: 'delta', replyId, text: '', reset: true }),
      });
    } catch (err) {
      this.#log.warn({ tenant: key.tenantId, conversationId: key.conversationId, replyId, err }, 'reply composition failed: template replies used');
    }
    if (text === null) return lines;
    // The rewritten line offers the choices of the replies it replaces (the last that had any).
    const options = [...out].reverse().find((l) => l.options !== undefined)?.options;
    return [...lines.filter((l) => l.direction !== 'out'), { ...first, text, ...(options ? { options } : {}) }];
  }

  #renderEntry(reply: ReplyDirective, tenant: TenantRuntime, lang: 'es' | 'en', channel: string, at: string): NewTranscriptEntry {
    const id = `out:${randomUUID()}`;
    // Options travel on the line (buttons in the widget, numbered lines on text channels).
    const options = renderOptions(reply.options, tenant.data.templates, lang);
    const extra = { lang, ...(options.length > 0 ? { options } : {}) };
    if ('text' in reply) {
      const author = reply.author ?? 'bot';
      return { messageId: id, direction: 'out', author, channel, text: reply.text, at, ...(reply.agentName ? { agentName: reply.agentName } : {}), ...extra };
    }
    return { messageId: id, direction: 'out', author: 'bot', channel, text: renderReply(reply, tenant.data.templates, lang), at, ...extra };
  }

  /** `langHint`: the channel's idea of the customer's language, for a conversation that starts now. */
  async #activate(key: ConversationKey, langHint?: 'es' | 'en'): Promise<ActiveConversation> {
    const k = keyString(key);
    const existing = this.#active.get(k);
    if (existing) {
      // Refresh LRU position.
      this.#active.delete(k);
      this.#active.set(k, existing);
      return existing;
    }
    const tenant = this.#tenant(key.tenantId);
    const env = await this.#recover(key);
    let snapshot: unknown = null;
    if (env) {
      snapshot = env.machineVersion === MACHINE_VERSION ? env.snapshot : migrateSnapshot(env.snapshot, env.machineVersion);
      if (snapshot === null) {
        this.stats.restartsFromIncompatibleSnapshot++;
        this.#log.warn({ tenant: key.tenantId, conversationId: key.conversationId, from: env.machineVersion, to: MACHINE_VERSION }, 'snapshot from an incompatible machine version; conversation restarts cleanly (history kept)');
      }
    }
    // A conversation that starts afresh begins from what the contact confirmed before.
    const remembered = snapshot ? null : await this.#recall(key);
    // On WhatsApp the customer writes from their phone: a lead shows it to confirm, never asks for it.
    const handle = this.#handles.get(keyString(key));
    const phone = !snapshot && handle ? channelPhone(handle.channel, handle.senderId) : null;
    const recalled = phone && !remembered?.phone ? { ...(remembered ?? {}), phone } : remembered;
    const input = { tenantId: key.tenantId, conversationId: key.conversationId, lang: remembered?.lang ?? langHint ?? tenant.data.settings.defaultLang, ...(recalled ? { contact: recalled } : {}) };
    const inspect = this.#o.inspect && this.#o.inspect.select(key) ? this.#o.inspect.observer : undefined;
    const actor = createActor(tenant.machine, {
      id: `conversation:${key.tenantId}:${key.conversationId}`,
      input,
      ...(snapshot ? { snapshot: snapshot as never } : {}),
      ...(inspect ? { inspect } : {}),
    });
    const entry: ActiveConversation = { key, actor, seq: env?.seq ?? 0, epoch: env?.epoch ?? 0, lastUsed: this.#o.clock.now(), sink: null };
    actor.on('*', (e: ConversationEmitted) => {
      entry.sink?.push(e);
    });
    actor.start();
    this.#active.set(k, entry);
    this.stats.activations++;
    this.stats.active = this.#active.size;
    return entry;
  }

  /**
   * The envelope to activate from. A turn whose record is in the snapshot store but not yet in
   * the journal is committed to the journal first (and its lines published): that is the crash
   * between steps (1) and (2). When the store has nothing or an older seq (in-memory store after
   * a restart, an expired TTL), the journal's snapshot copy is used.
   */
  async #recover(key: ConversationKey): Promise<SnapshotEnvelope | null> {
    const [env, committed] = await Promise.all([this.#o.snapshots.get(key) as Promise<DurableSnapshotEnvelope | null>, this.#journal.lastCommitted(key)]);
    if (env && env.seq > committed.seq) {
      if (env.turn && env.turn.seq === env.seq) {
        let stored: TranscriptEntry[];
        try {
          stored = await this.#journal.commit(key, env.turn, env);
        } catch (err) {
          // An outage: fail this activation, the next one completes the turn. A refusal for good
          // (a turn written before inbound text was normalised, say): set it aside and go on
          // from the journal's copy, so the conversation is never poisoned.
          if (!isRefusedForGood(err)) throw err;
          await this.#quarantine(key, env.turn, err);
          return committed.envelope;
        }
        this.stats.turnsCompletedOnActivation++;
        this.#log.warn({ tenant: key.tenantId, conversationId: key.conversationId, seq: env.seq, lines: stored.length }, 'completed a turn found in the snapshot but not in the journal');
        for (const line of stored) this.#publish(key, { type: 'message', entry: line });
      }
      return env;
    }
    if (committed.envelope && (!env || committed.seq > env.seq)) return committed.envelope;
    return env;
  }

  /**
   * Sets aside a turn the journal refused for good: its snapshot (step 1) is deleted, so the
   * conversation's next activation starts from the journal's copy of the last recorded turn and
   * the turn is never replayed. Only this turn is lost, and its sender got an error for it (or no
   * answer at all); every turn recorded before stays. Side effects it already caused (a ticket, a
   * lead) keep their idempotency keys. The log carries ids and the error's code, never the text.
   */
  async #quarantine(key: ConversationKey, turn: TurnRecord, err: unknown): Promise<void> {
    this.stats.turnsQuarantined++;
    this.#log.error(
      { code: 'HILO_ERR_TURN_QUARANTINED', tenant: key.tenantId, conversationId: key.conversationId, seq: turn.seq, inboundMessageId: turn.inboundMessageId, lines: turn.entries.length, err },
      'the journal refused a turn for good; the turn is quarantined and the conversation goes on from its last recorded turn',
    );
    await this.#o.snapshots.delete(key);
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

  /** Read-only view of the newest envelope: the snapshot store's, else the journal's copy. */
  async #latestEnvelope(key: ConversationKey): Promise<SnapshotEnvelope | null> {
    const env = await this.#o.snapshots.get(key);
    if (env) return env;
    return (await this.#journal.lastCommitted(key)).envelope;
  }

  #passivate(entry: ActiveConversation): void {
    const k = keyString(entry.key);
    if (this.#active.get(k) !== entry) return;
    this.#active.delete(k);
    entry.actor.stop();
    this.stats.passivations++;
    this.stats.active = this.#active.size;
  }

  #enforceCap(): void {
    if (this.#active.size <= this.#o.maxActiveActors) return;
    for (const entry of this.#active.values()) {
      if (this.#active.size <= this.#o.maxActiveActors) break;
      if (!this.#mailbox.busy(keyString(entry.key))) this.#passivate(entry);
    }
  }

  #view(entry: ActiveConversation): ConversationStateView {
    const snap = entry.actor.getSnapshot();
    return {
      value: flattenState(snap.value),
      tags: [...snap.tags].sort(),
      context: snap.context as Record<string, unknown>,
      machineVersion: MACHINE_VERSION,
      seq: entry.seq,
    };
  }

  async #findInbound(key: ConversationKey, messageId: string): Promise<TranscriptEntry | null> {
    if (!(await this.#o.transcripts.hasInbound(key, messageId))) return null;
    const all = await this.#o.transcripts.list(key, {});
    return all.find((e) => e.direction === 'in' && e.messageId === messageId) ?? null;
  }

  /** The replies that followed an already processed inbound message (for idempotent retries). */
  async #replay(key: ConversationKey, inbound: TranscriptEntry): Promise<TurnResult> {
    const after = await this.#o.transcripts.list(key, { afterSeq: inbound.seq });
    const replies: TranscriptEntry[] = [];
    for (const e of after) {
      if (e.direction === 'in') break;
      replies.push(e);
    }
    const live = this.#active.get(keyString(key));
    const env = live ? null : await this.#latestEnvelope(key);
    const state: ConversationStateView = live
      ? this.#view(live)
      : {
          value: flattenState((env?.snapshot as { value?: unknown } | undefined)?.value),
          tags: [],
          context: ((env?.snapshot as { context?: Record<string, unknown> } | undefined)?.context) ?? {},
          machineVersion: env?.machineVersion ?? MACHINE_VERSION,
          seq: env?.seq ?? 0,
        };
    return { conversationId: key.conversationId, duplicate: true, inbound, replies, state };
  }

  #publish(key: ConversationKey, update: ConversationUpdate): void {
    const set = this.#listeners.get(keyString(key));
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(update);
      } catch (err) {
        this.#log.warn({ err }, 'listener failed');
      }
    }
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
    const known = this.#handles.get(keyString(key))?.channel;
    if (known) return known;
    const lines = await this.#o.transcripts.list(key, {});
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.direction === 'in') return lines[i]!.channel;
    return 'web';
  }

  async #assertExists(key: ConversationKey): Promise<void> {
    this.#tenant(key.tenantId);
    if (this.#active.has(keyString(key))) return;
    if (await this.#latestEnvelope(key)) return;
    throw new HiloError('HILO_ERR_CONVERSATION_NOT_FOUND');
  }

  #assertOpen(): void {
    if (this.#closed) throw new HiloError('HILO_ERR_SHUTTING_DOWN');
  }
}

/**
 * The default journal over a `TranscriptStore` (in-memory mode): appends the turn's lines in one
 * `append` and remembers committed seqs, envelope copies and idle-close timers in memory.
 */
export function createTranscriptTurnJournal(transcripts: TranscriptStore): TurnJournal & {
  dueIdleCloses(now: number, limit: number): Promise<{ key: ConversationKey; seq: number }[]>;
  deferIdleClose(key: ConversationKey, seq: number, dueAt: number | null): Promise<void>;
} {
  const committed = new Map<string, { key: ConversationKey; seq: number; envelope: string; idleCloseAt: number | null }>();
  return {
    async commit(key, turn, envelope) {
      const k = keyString(key);
      const current = committed.get(k);
      if (current && current.seq >= turn.seq) {
        const ids = new Set(turn.entries.map((e) => e.messageId));
        return (await transcripts.list(key, {})).filter((e) => ids.has(e.messageId));
      }
      const stored = await transcripts.append(key, turn.entries);
      const { turn: _turn, ...copy } = envelope as DurableSnapshotEnvelope;
      committed.set(k, { key, seq: turn.seq, envelope: JSON.stringify(copy), idleCloseAt: turn.idleCloseAt === null ? null : Date.parse(turn.idleCloseAt) });
      return stored;
    },
    async lastCommitted(key) {
      const current = committed.get(keyString(key));
      return current ? { seq: current.seq, envelope: JSON.parse(current.envelope) as SnapshotEnvelope } : { seq: 0, envelope: null };
    },
    async dueIdleCloses(now, limit) {
      const due = [...committed.values()].filter((c) => c.idleCloseAt !== null && c.idleCloseAt <= now);
      due.sort((a, b) => (a.idleCloseAt ?? 0) - (b.idleCloseAt ?? 0));
      return due.slice(0, limit).map((c) => ({ key: c.key, seq: c.seq }));
    },
    async deferIdleClose(key, seq, dueAt) {
      const current = committed.get(keyString(key));
      if (current && current.seq === seq && current.idleCloseAt !== null) current.idleCloseAt = dueAt;
    },
  };
}

/**
 * A journal error that a retry cannot fix: PostgreSQL refused the data (SQLSTATE class 22 data
 * exception, 23 integrity violation, 54 limit exceeded), or the record could not be serialised.
 * Connection errors, timeouts and fencing carry no such code: those turns are completed later.
 */
export function isRefusedForGood(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e !== null && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code)) return true;
    // The record itself cannot be serialised (JSON.stringify, toISOString): same result every time.
    // Other TypeErrors (a driver bug during shutdown, say) are not taken as proof of bad data.
    if ((e instanceof TypeError || e instanceof RangeError) && /BigInt|circular|Invalid time value|Invalid string length/i.test(e.message)) return true;
  }
  return false;
}

function topLevelState(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.keys(value)[0] ?? '';
  return '';
}

/** `{ qualifying: 'collecting' }` → `"qualifying.collecting"`. */
export function flattenState(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const inner = flattenState(v);
        return inner ? `${k}.${inner}` : k;
      })
      .join(',');
  }
  return '';
}
