import type { RedisClient } from '../../persistence/redis/redis-connection.js';
import type { Logger } from '../../kernel/logger.js';
import type { ClusterKeys } from './cluster-keys.js';
import type { ClusterShardRouter } from './cluster-router.js';
import { CLUSTER_PROTOCOL, InboxWork, isNewerWork, protocolOf } from './inbox-work.js';
import { keySlot } from './key-slot.js';

/** The consumer group every member reads the shard inboxes with (one group: one owner per shard). */
export const INBOX_GROUP = 'owners';

/** A read entry: its stream id, shard, work, and who waits for its answer (both null: nobody). */
export interface InboxEntry {
  id: string;
  shard: number;
  work: InboxWork;
  requestId: string | null;
  replyTo: string | null;
  /** True when taken over from another consumer's pending list (a dead or stale owner read it first). */
  claimed: boolean;
  /** The shard's generation when it was queued (internal to the inbox). */
  gen?: number;
}

/** What the runner decided: `ack` (committed or answered for good) or `keep` (leave it pending for the shard's owner). */
export type InboxOutcome = 'ack' | 'keep';

/**
 * Appends work to a shard's stream; resolves with the entry id once Redis has it (the durable
 * acceptance). Then rings the owners' doorbell (`inboxKick`, the shard number): the owner reads
 * per slot without blocking on every stream at once, and wakes on it (or at its next poll if the
 * kick is lost — pub/sub is at most once).
 */
export async function appendToInbox(redis: RedisClient, keys: ClusterKeys, shard: number, work: InboxWork, wait: { requestId: string; replyTo: string } | null): Promise<string> {
  const added = redis.xadd(keys.inbox(shard), '*', 'w', JSON.stringify(work), 'r', wait?.requestId ?? '', 'm', wait?.replyTo ?? '', 'v', String(protocolOf(work)));
  // On a single Redis: sent right behind the XADD on the same connection, so Redis runs it after
  // the entry exists (a failed XADD only costs a spurious wake-up). On Redis Cluster the PUBLISH
  // may go to another node than the stream's, so it waits for the XADD's answer.
  const kick = () => redis.publish(keys.inboxKick, String(shard)).catch(() => undefined);
  if (redis.isCluster) void added.then(kick, () => undefined);
  else void kick();
  return (await added) ?? '';
}

/** Each command's answer or error, in order (what a pipeline's `exec` gives, without mixing slots in one pipeline). */
/** A stream entry found by a claim or an orphan scan, to dispatch. */
interface Found {
  shard: number;
  id: string;
  fields: string[];
}

/** By shard, then by stream id (`<ms>-<seq>`, compared as numbers). */
function byStreamOrder(a: Found, b: Found): number {
  if (a.shard !== b.shard) return a.shard - b.shard;
  const [am = 0, as = 0] = a.id.split('-').map(Number);
  const [bm = 0, bs = 0] = b.id.split('-').map(Number);
  return am - bm || as - bs;
}

/** An XINFO reply's flat `[field, value, …]` list as a map. */
function fieldsOf(fields: unknown[]): Map<string, unknown> {
  const f = new Map<string, unknown>();
  for (let k = 0; k + 1 < fields.length; k += 2) f.set(String(fields[k]), fields[k + 1]);
  return f;
}

async function each<T>(calls: Promise<T>[]): Promise<[Error | null, T | null][]> {
  return Promise.all(calls.map((c) => c.then((v): [null, T] => [null, v], (err: unknown): [Error, null] => [err instanceof Error ? err : new Error(String(err)), null])));
}

export interface ShardInboxOptions {
  /** A connection of its own: XREADGROUP blocks it. */
  blocking: RedisClient;
  /** Commands (group creation, claims, acknowledgements). */
  redis: RedisClient;
  keys: ClusterKeys;
  /** This incarnation's consumer name (the lease token). */
  consumer: string;
  router: ClusterShardRouter;
  /** Runs one entry's work (one at a time per conversation); never throws. */
  run: (entry: InboxEntry) => Promise<InboxOutcome>;
  logger: Logger;
  /**
   * Redis Cluster: one XREADGROUP per hash slot (Redis Cluster refuses one over streams of two
   * slots), woken by the doorbell. False (a single Redis, the default): one blocking XREADGROUP
   * over every held shard — Redis wakes it at the XADD itself, a round trip less than a doorbell.
   */
  slotReads?: boolean;
  /**
   * XREADGROUP block time (ms) when all held shards share one slot; otherwise the longest wait
   * between two rounds of non-blocking per-slot reads when no kick arrives. Keep it well under
   * the lease so a paused reader holds little.
   */
  blockMs?: number;
  /** Entries in flight at most (back-pressure before the next read). */
  maxInFlight?: number;
  /** How often owned shards are swept for entries stuck in another consumer's pending list (ms). */
  sweepMs?: number;
  /**
   * The consumer names (lease tokens) of the live members' current incarnations, plus the ids of
   * live members that did not publish one. Absent: consumers are never removed.
   */
  liveConsumers?: () => Promise<{ tokens: ReadonlySet<string>; untokened: ReadonlySet<string> }>;
  /** How often owned shards' groups are pruned of dead consumers (ms). */
  pruneMs?: number;
  /** A consumer is removed only after this long without any read or claim (ms): never one blocked in a read. */
  pruneIdleMs?: number;
}

/**
 * The shard owner's side of durable routing (docs/cluster.md): reads the streams of the shards
 * this member owns with one consumer group — on Redis Cluster one XREADGROUP per hash slot, never
 * one over streams of two slots (Redis Cluster refuses it) — runs their entries one at a time per conversation and
 * several conversations at once, acknowledges (XACK + XDEL) after the turn committed. On taking a
 * shard it first claims every pending entry (XAUTOCLAIM: a dead or stale owner's reads), in
 * stream order, before reading new ones.
 */
export class ShardInbox {
  readonly #o: Required<Pick<ShardInboxOptions, 'blockMs' | 'maxInFlight' | 'sweepMs' | 'pruneMs' | 'pruneIdleMs'>> & ShardInboxOptions;
  readonly #log: Logger;
  readonly #ready = new Set<number>();
  readonly #chains = new Map<string, Promise<void>>();
  readonly #inflight = new Map<number, Set<Promise<void>>>();
  /** `shard:id` (ids are per stream: two shards can hold the same id) → the generation it was queued under. */
  readonly #known = new Map<string, number>();
  /**
   * Per shard, bumped whenever an entry had to stay pending (the lease lapsed by this member's
   * clock, a write was fenced, the shard was lost): entries queued under an older generation do
   * not run; the shard is taken again from its pending list, in stream order, so a conversation's
   * later message never overtakes one left pending.
   */
  readonly #gen = new Map<number, number>();
  /** Ids acknowledged lately (bounded): a claim answered after the ack never runs an entry again. */
  readonly #done = new Set<string>();
  #total = 0;
  #loop: Promise<void> | null = null;
  #closed = false;
  #lastSweep = 0;
  /** Shard → its inbox key's hash slot (fixed for the inbox's life). */
  readonly #slots = new Map<number, number>();
  /** A kick arrived since the last round of reads began: read again before waiting. */
  #kicked = false;
  /** Shards kicked (or whose last read filled its COUNT) since their last read: the next round reads their slots. */
  readonly #dirty = new Set<number>();
  /** When every held slot was last read (a kick may be lost; entries may predate the shard's acquisition). */
  #lastFull = 0;
  #wakeUp: (() => void) | null = null;
  /** `kept`: entries this member left pending itself; `deferred`: entries queued behind one of them, left pending too. */
  readonly stats = { read: 0, claimed: 0, acked: 0, kept: 0, deferred: 0, invalid: 0, unsupported: 0, prunedConsumers: 0, adopted: 0 };
  /** `shard:id` of entries this release cannot run (newer protocol, unknown kind): left pending, never dispatched twice (bounded). */
  readonly #unsupported = new Set<string>();
  #lastPrune = 0;

  constructor(options: ShardInboxOptions) {
    const blockMs = options.blockMs ?? 250;
    this.#o = { blockMs, maxInFlight: 512, sweepMs: 2_000, pruneMs: 30_000, pruneIdleMs: Math.max(10 * blockMs, 5_000), ...options };
    this.#log = options.logger.child({ component: 'shard-inbox' });
  }

  start(): void {
    this.#loop ??= this.#run().catch((err: unknown) => this.#log.error({ err }, 'shard inbox loop stopped'));
  }

  /** Work was appended to `shard` (the doorbell): read now if it is one of this member's shards. */
  wake(shard: number): void {
    if (!this.#ready.has(shard)) return;
    this.#dirty.add(shard);
    this.#kicked = true;
    this.#wakeUp?.();
  }

  /** The held shards grouped by their streams' hash slot: one read command per group. */
  #slotGroups(): number[][] {
    const groups = new Map<number, number[]>();
    for (const shard of this.#ready) {
      let slot = this.#slots.get(shard);
      if (slot === undefined) this.#slots.set(shard, (slot = keySlot(this.#o.keys.inbox(shard))));
      const g = groups.get(slot);
      if (g) g.push(shard);
      else groups.set(slot, [shard]);
    }
    return [...groups.values()];
  }

  /** Waits for a kick, or `ms`, whichever comes first. */
  async #idle(ms: number): Promise<void> {
    if (this.#kicked || this.#closed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wakeUp = null;
  }

  /** Stops reading the shard and waits for its entries already read (hand-over). */
  async drainShard(shard: number): Promise<void> {
    this.#ready.delete(shard);
    while ((this.#inflight.get(shard)?.size ?? 0) > 0) await Promise.allSettled([...this.#inflight.get(shard)!]);
  }

  /** Stops reading the shard at once (lost); its queued entries find the shard gone and stay pending. */
  dropShard(shard: number): void {
    this.#park(shard);
  }

  #park(shard: number): void {
    this.#gen.set(shard, (this.#gen.get(shard) ?? 0) + 1);
    this.#ready.delete(shard);
  }

  /** Stops the loop and waits for every entry in flight. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#wakeUp?.();
    await this.#loop;
    while (this.#total > 0) await Promise.allSettled([...this.#inflight.values()].flatMap((s) => [...s]));
  }

  async #run(): Promise<void> {
    while (!this.#closed) {
      try {
        await this.#take();
        if (this.#ready.size === 0) {
          await sleep(50);
          continue;
        }
        if (this.#total >= this.#o.maxInFlight) {
          await Promise.race([...this.#inflight.values()].flatMap((s) => [...s]));
          continue;
        }
        const groups = this.#o.slotReads ? this.#slotGroups() : [[...this.#ready]];
        type ReadReply = [string, [string, string[]][]][] | null;
        const read = (shards: number[], block: boolean): Promise<ReadReply> =>
          this.#o.blocking.xreadgroup('GROUP', INBOX_GROUP, this.#o.consumer, 'COUNT', 200, ...((block ? ['BLOCK', this.#o.blockMs] : []) as ['BLOCK', number]), 'STREAMS', ...shards.map((s) => this.#o.keys.inbox(s)), ...shards.map(() => '>')) as Promise<ReadReply>;
        // One slot: one blocking read, as on a single Redis. Several: one non-blocking read per
        // slot that was kicked (appendToInbox), all sent at once — and every slot once per blockMs
        // — then a wait for the next kick.
        const now = Date.now();
        const full = groups.length === 1 || now - this.#lastFull >= this.#o.blockMs;
        if (full) this.#lastFull = now;
        const targets = full ? groups : groups.filter((g) => g.some((s) => this.#dirty.has(s)));
        for (const g of targets) for (const s of g) this.#dirty.delete(s);
        this.#kicked = false;
        const replies = groups.length === 1 ? [await read(groups[0]!, true)] : await Promise.all(targets.map((g) => read(g, false)));
        replies.forEach((res, i) => {
          const shards = targets[i]!;
          for (const [stream, entries] of res ?? []) {
            const shard = shards.find((s) => this.#o.keys.inbox(s) === stream)!;
            for (const [id, fields] of entries) this.#dispatch(shard, id, fields, false);
            if (entries.length >= 200) {
              this.#dirty.add(shard); // more may be waiting
              this.#kicked = true;
            }
          }
        });
        if (groups.length > 1) await this.#idle(Math.max(1, this.#o.blockMs - (Date.now() - this.#lastFull)));
      } catch (err) {
        if (this.#closed) break;
        this.#log.error({ err }, 'shard inbox read failed; retrying');
        await sleep(200);
      }
    }
  }

  /** Shards newly owned: create the group, claim what is pending. Shards no longer owned: stop reading. */
  async #take(): Promise<void> {
    for (const shard of [...this.#ready]) if (!this.#o.router.accepts(shard)) this.#ready.delete(shard);
    const fresh: number[] = [];
    for (let shard = 0; shard < this.#o.router.shardCount; shard++) if (!this.#ready.has(shard) && this.#o.router.accepts(shard)) fresh.push(shard);
    const sweep = Date.now() - this.#lastSweep >= this.#o.sweepMs;
    if (fresh.length === 0 && !sweep) return;
    if (fresh.length > 0) {
      // BUSYGROUP answers (group exists) are expected.
      await each(fresh.map((shard) => this.#o.redis.xgroup('CREATE', this.#o.keys.inbox(shard), INBOX_GROUP, '0', 'MKSTREAM')));
      // Everything pending when the shard changed hands belongs to this member now, oldest first.
      // Orphans and pending entries together, in stream order, so a conversation's messages keep theirs.
      const found = [...(await this.#claim(fresh, 0)), ...(await this.#adopt(fresh, 0))].sort(byStreamOrder);
      for (const e of found) this.#dispatch(e.shard, e.id, e.fields, true);
      for (const shard of fresh) this.#ready.add(shard);
    }
    if (sweep) {
      this.#lastSweep = Date.now();
      await this.#sweep([...this.#ready], this.#o.blockMs * 4);
      for (const e of await this.#adopt([...this.#ready], this.#o.blockMs * 4)) this.#dispatch(e.shard, e.id, e.fields, true);
    }
    if (this.#o.liveConsumers && Date.now() - this.#lastPrune >= this.#o.pruneMs) {
      this.#lastPrune = Date.now();
      await this.#prune([...this.#ready]).catch((err: unknown) => this.#log.warn({ err }, 'pruning dead consumers failed; retried later'));
    }
  }

  /**
   * Removes from the owned shards' groups the consumers of dead incarnations (every restart, and
   * every member that died, leaves its lease token as a consumer name): only one with no pending
   * entry (nothing is lost: DELCONSUMER drops a consumer's pending list), idle for a while (not
   * blocked in a read this instant), and not a live member's current token.
   */
  async #prune(shards: number[]): Promise<void> {
    if (shards.length === 0) return;
    const live = await this.#o.liveConsumers!();
    const infos = await each(shards.map((shard) => this.#o.redis.xinfo('CONSUMERS', this.#o.keys.inbox(shard), INBOX_GROUP) as Promise<unknown[][]>));
    const doomed: { shard: number; name: string }[] = [];
    infos.forEach(([err, list], i) => {
      if (err || !list) return;
      for (const fields of list) {
        const f = fieldsOf(fields);
        const name = String(f.get('name'));
        const hash = name.lastIndexOf('#');
        const memberId = hash > 0 ? name.slice(0, hash) : name;
        if (name === this.#o.consumer || live.tokens.has(name) || live.untokened.has(memberId)) continue;
        if (Number(f.get('pending')) === 0 && Number(f.get('idle')) >= this.#o.pruneIdleMs) doomed.push({ shard: shards[i]!, name });
      }
    });
    const removed = await each(doomed.map(({ shard, name }) => this.#o.redis.xgroup('DELCONSUMER', this.#o.keys.inbox(shard), INBOX_GROUP, name)));
    const n = removed.filter(([err]) => !err).length;
    this.stats.prunedConsumers += n;
    if (n > 0) this.#log.info({ consumers: n, shards: new Set(doomed.map((d) => d.shard)).size }, 'dead consumers removed from the shard groups');
  }

  /**
   * Entries a paused reader received after this member took the shard (at most one block's worth):
   * pending under another consumer for a while. This member's own pending entries are left alone
   * (they are in its chains; claiming them again would run them twice).
   */
  async #sweep(shards: number[], minIdleMs: number): Promise<void> {
    if (shards.length === 0) return;
    const replies = await each(shards.map((shard) => this.#o.redis.xpending(this.#o.keys.inbox(shard), INBOX_GROUP, 'IDLE', minIdleMs, '-', '+', 100)));
    const stale: { shard: number; ids: string[] }[] = [];
    replies.forEach(([err, value], i) => {
      if (err) return;
      const ids = (value as [string, string, number, number][]).filter(([, consumer]) => consumer !== this.#o.consumer).map(([id]) => id);
      if (ids.length > 0) stale.push({ shard: shards[i]!, ids });
    });
    if (stale.length === 0) return;
    const claimed = await each(stale.map(({ shard, ids }) => this.#o.redis.xclaim(this.#o.keys.inbox(shard), INBOX_GROUP, this.#o.consumer, minIdleMs, ...ids)));
    claimed.forEach(([err, value], i) => {
      if (err) return;
      for (const e of value as ([string, string[]] | null)[]) if (e) this.#dispatch(stale[i]!.shard, e[0], e[1], true);
    });
  }

  /**
   * Orphans: entries the group already delivered (at or before its last-delivered id) that are in no
   * consumer's pending list, so neither a read nor a claim would ever hand them out again. A member
   * killed between the XACK and the XDEL of an entry leaves one (acknowledged, not deleted); so would
   * a pending list lost with its consumer. They are run again like claimed entries (a turn that
   * already committed is recognised by its message id and answers nothing twice) and then deleted.
   * `minAgeMs`: only entries appended that long ago, so an entry acknowledged and about to be deleted
   * this instant is left alone. One XLEN per shard when the stream is empty, as it is when idle.
   */
  async #adopt(shards: number[], minAgeMs: number): Promise<Found[]> {
    const found: Found[] = [];
    if (shards.length === 0) return found;
    const lengths = await each(shards.map((shard) => this.#o.redis.xlen(this.#o.keys.inbox(shard))));
    const busy = shards.filter((_, i) => !lengths[i]![0] && Number(lengths[i]![1]) > 0);
    if (busy.length === 0) return found;
    const groups = await each(busy.map((shard) => this.#o.redis.xinfo('GROUPS', this.#o.keys.inbox(shard)) as Promise<unknown[][]>));
    const newest = Date.now() - minAgeMs;
    for (const [i, shard] of busy.entries()) {
      const [err, value] = groups[i]!;
      if (err) continue;
      const group = (value as unknown[][]).map(fieldsOf).find((f) => f.get('name') === INBOX_GROUP);
      const delivered = group?.get('last-delivered-id');
      if (typeof delivered !== 'string' || delivered === '0-0') continue;
      const key = this.#o.keys.inbox(shard);
      const [entries, pending] = await Promise.all([
        this.#o.redis.xrange(key, '-', delivered, 'COUNT', 200),
        this.#o.redis.xpending(key, INBOX_GROUP, '-', '+', 1_000) as Promise<[string, string, number, number][]>,
      ]);
      const held = new Set(pending.map(([id]) => id));
      for (const [id, fields] of entries) {
        if (held.has(id) || Number(id.split('-')[0]) > newest || this.#known.has(`${shard}:${id}`)) continue;
        // Acknowledged here and never deleted: only the delete is missing.
        if (this.#done.has(`${shard}:${id}`)) {
          await this.#o.redis.xdel(key, id);
          continue;
        }
        this.stats.adopted++;
        this.#log.warn({ shard, id }, 'inbox entry delivered but in no pending list: run again, then deleted');
        found.push({ shard, id, fields });
      }
    }
    return found;
  }

  /** Claims every entry of `shards` pending longer than `minIdleMs` (XAUTOCLAIM); returns them, in stream order per shard. */
  async #claim(shards: number[], minIdleMs: number): Promise<Found[]> {
    const found: Found[] = [];
    let cursors = shards.map((shard) => ({ shard, cursor: '0-0' }));
    while (cursors.length > 0) {
      const replies = await each(cursors.map((c) => this.#o.redis.xautoclaim(this.#o.keys.inbox(c.shard), INBOX_GROUP, this.#o.consumer, minIdleMs, c.cursor, 'COUNT', 500)));
      const next: typeof cursors = [];
      replies.forEach(([err, value], i) => {
        const { shard } = cursors[i]!;
        if (err) return void this.#log.warn({ err, shard }, 'claiming pending entries failed; retried at the next sweep');
        const [cursor, entries] = value as [string, ([string, string[]] | null)[]];
        for (const e of entries) if (e) found.push({ shard, id: e[0], fields: e[1] });
        if (cursor !== '0-0') next.push({ shard, cursor });
      });
      cursors = next;
    }
    return found;
  }

  #dispatch(shard: number, id: string, fields: string[], claimed: boolean): void {
    const gen = this.#gen.get(shard) ?? 0;
    const uid = `${shard}:${id}`;
    if (this.#known.get(uid) === gen || this.#done.has(uid)) return; // queued here already, or acknowledged (a claim raced the ack)
    const f = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i]!, fields[i + 1]!);
    if (this.#unsupported.has(uid)) return;
    let work: InboxWork;
    let raw: unknown;
    try {
      raw = JSON.parse(f.get('w') ?? '');
    } catch {
      raw = undefined;
    }
    if (isNewerWork(raw, f.get('v'))) {
      // Written by a newer member: left pending (not acknowledged) for an upgraded owner to claim.
      this.stats.unsupported++;
      this.#unsupported.add(uid);
      if (this.#unsupported.size > 10_000) this.#unsupported.delete(this.#unsupported.values().next().value!);
      this.#log.warn({ shard, id, kind: typeof (raw as { k?: unknown })?.k === 'string' ? String((raw as { k: string }).k).slice(0, 32) : null, protocol: CLUSTER_PROTOCOL }, 'inbox entry of a newer cluster protocol left pending for an upgraded owner');
      return;
    }
    try {
      work = InboxWork.parse(raw);
    } catch (err) {
      this.stats.invalid++;
      this.#log.error({ err: { message: err instanceof Error ? err.message.slice(0, 300) : 'invalid' }, shard, id }, 'invalid inbox entry dropped');
      void this.#ack(shard, id);
      return;
    }
    if (claimed) this.stats.claimed++;
    else this.stats.read++;
    const entry: InboxEntry = { id, shard, work, requestId: f.get('r') || null, replyTo: f.get('m') || null, claimed, gen };
    const key = `${work.tenantId}\u0000${work.conversationId}`;
    this.#known.set(uid, gen);
    const job: Promise<void> = (this.#chains.get(key) ?? Promise.resolve())
      .then(() => this.#process(entry))
      .catch((err: unknown) => this.#log.error({ err, shard, id }, 'inbox entry failed'))
      .finally(() => {
        if (this.#known.get(uid) === gen) this.#known.delete(uid);
        if (this.#chains.get(key) === job) this.#chains.delete(key);
        this.#inflight.get(shard)?.delete(job);
        this.#total--;
      });
    this.#chains.set(key, job);
    let set = this.#inflight.get(shard);
    if (!set) this.#inflight.set(shard, (set = new Set()));
    set.add(job);
    this.#total++;
  }

  async #process(entry: InboxEntry): Promise<void> {
    if (this.#done.has(`${entry.shard}:${entry.id}`)) return; // ran under an older generation and committed
    // Queued before an entry of the shard had to stay pending: it stays pending too (taken again in order).
    if (entry.gen !== (this.#gen.get(entry.shard) ?? 0)) {
      this.stats.deferred++;
      return;
    }
    // Not this member's any more (lost, lapsed): the entry stays pending for whoever owns the shard next.
    if (this.#o.router.ownership(entry.shard) === null) {
      this.stats.kept++;
      this.#park(entry.shard);
      return;
    }
    const outcome = await this.#o.run(entry);
    if (outcome === 'keep') {
      this.stats.kept++;
      this.#park(entry.shard);
    } else await this.#ack(entry.shard, entry.id);
  }

  async #ack(shard: number, id: string): Promise<void> {
    const key = this.#o.keys.inbox(shard);
    await Promise.all([this.#o.redis.xack(key, INBOX_GROUP, id), this.#o.redis.xdel(key, id)]);
    this.stats.acked++;
    this.#done.add(`${shard}:${id}`);
    if (this.#done.size > 10_000) this.#done.delete(this.#done.values().next().value!);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
