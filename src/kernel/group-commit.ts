/**
 * What one group commit has done so far (read by tests and benchmarks; plain counters).
 * `statements` = `alone` + `batches` + `retriedAlone`.
 */
export interface GroupCommitStats {
  /** Statements sent for one item (nothing else was waiting, or the only ones were of the same key). */
  alone: number;
  /** Statements that carried two items or more. */
  batches: number;
  /** Items carried by those batches. */
  batchedItems: number;
  /** The largest batch so far. */
  largestBatch: number;
  /** Batches that failed as a whole, after which each of their items was sent alone. */
  failedBatches: number;
  /** Items sent alone again after their batch failed. */
  retriedAlone: number;
  /** Every statement sent: alone + batches + retriedAlone. */
  statements: number;
}

/** A group commit: `submit` answers each item's own result (or error), however it was sent. */
export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
  /** A copy of the counters. */
  stats(): GroupCommitStats;
}

export interface GroupCommitOptions<T, R> {
  /** Items of one key never share a batch and are sent in submission order (PostgreSQL forbids touching one row twice per statement). */
  keyOf: (item: T) => string;
  /** Sends one item: what a lone item uses, and what every item of a failed batch is retried with. */
  one: (item: T) => Promise<R>;
  /** Sends 2..maxBatch items of distinct keys as one statement; answers one result per item, in order. */
  many: (items: T[]) => Promise<R[]>;
  /** At most this many items per statement. 1 turns batching off. */
  maxBatch?: number;
  /** Told when a batch failed as a whole (its items are then sent alone): a batch path that keeps failing must show in the logs. */
  onBatchFailed?: (err: unknown, size: number) => void;
}

interface Waiting<T, R> {
  item: T;
  key: string;
  resolve: (value: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit without a timer: one statement in flight at a time; whatever is submitted while it
 * runs piles up, and when it returns, the pile goes out as the next statement (up to `maxBatch`
 * items of distinct keys; a later item of a key already in the batch waits for the following one).
 * A lone item is sent at once through `one`, so it pays no added latency. When a batch fails,
 * each of its items is sent again alone (in parallel), so one item the database refuses for good
 * fails only its own caller.
 *
 * @example
 * const commits = createGroupCommit({ keyOf: (t) => t.key, one: commitOne, many: commitMany, maxBatch: 64 });
 * const stored = await commits.submit(turn);
 */
export function createGroupCommit<T, R>({ keyOf, one, many, maxBatch = 64, onBatchFailed }: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  const cap = Math.max(1, Math.floor(maxBatch));
  const pile: Waiting<T, R>[] = [];
  const stats: GroupCommitStats = { alone: 0, batches: 0, batchedItems: 0, largestBatch: 0, failedBatches: 0, retriedAlone: 0, statements: 0 };
  let running = false;

  /** The next batch: the oldest waiting items of distinct keys, up to the cap; the rest keep their order. */
  const take = (): Waiting<T, R>[] => {
    const batch: Waiting<T, R>[] = [];
    const keys = new Set<string>();
    const kept: Waiting<T, R>[] = [];
    for (const w of pile) {
      if (batch.length < cap && !keys.has(w.key)) {
        keys.add(w.key);
        batch.push(w);
      } else {
        // A key already in the batch stays blocked for this round, so its items keep their order.
        keys.add(w.key);
        kept.push(w);
      }
    }
    pile.length = 0;
    pile.push(...kept);
    return batch;
  };

  const sendAlone = async (w: Waiting<T, R>): Promise<void> => {
    try {
      w.resolve(await one(w.item));
    } catch (err) {
      w.reject(err);
    }
  };

  const drain = async (): Promise<void> => {
    running = true;
    try {
      while (pile.length > 0) {
        const batch = take();
        if (batch.length === 1) {
          stats.alone++;
          stats.statements++;
          await sendAlone(batch[0] as Waiting<T, R>);
          continue;
        }
        stats.batches++;
        stats.statements++;
        stats.batchedItems += batch.length;
        stats.largestBatch = Math.max(stats.largestBatch, batch.length);
        let results: R[] | null = null;
        try {
          results = await many(batch.map((w) => w.item));
          if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
        } catch (err) {
          results = null;
          try {
            onBatchFailed?.(err, batch.length);
          } catch {
            // A listener's failure never stops the retries below.
          }
        }
        if (results !== null) {
          for (let i = 0; i < batch.length; i++) (batch[i] as Waiting<T, R>).resolve(results[i] as R);
          continue;
        }
        // The batch failed as a whole: each item alone, so only an item that fails by itself fails.
        stats.failedBatches++;
        stats.retriedAlone += batch.length;
        stats.statements += batch.length;
        await Promise.all(batch.map(sendAlone));
      }
    } finally {
      running = false;
    }
  };

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        pile.push({ item, key: keyOf(item), resolve, reject });
        if (!running) void drain();
      });
    },
    stats: () => ({ ...stats }),
  };
}
