import { HiloError } from '../kernel/errors.js';

/**
 * Serialises work per key: one turn at a time per conversation, different keys concurrently.
 * Bounded: a key with `maxQueued` pending jobs rejects new ones (back-pressure, not memory growth).
 */
export class KeyedMailbox {
  #tails = new Map<string, { tail: Promise<unknown>; pending: number }>();
  readonly #maxQueued: number;

  constructor(options: { maxQueued?: number } = {}) {
    this.#maxQueued = options.maxQueued ?? 100;
  }

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    let slot = this.#tails.get(key);
    if (!slot) {
      slot = { tail: Promise.resolve(), pending: 0 };
      this.#tails.set(key, slot);
    }
    if (slot.pending >= this.#maxQueued) {
      return Promise.reject(new HiloError('HILO_ERR_RATE_LIMITED', 'Too many messages queued for this conversation.'));
    }
    slot.pending++;
    const current = slot;
    const result = current.tail.then(job, job);
    // One settle step per job (issue 16: fewer promises per turn): the next job waits for it, and
    // it forgets the key once nothing is queued, before that next job or `drain` resumes.
    const settle = (): void => {
      current.pending--;
      if (current.pending === 0 && this.#tails.get(key) === current) this.#tails.delete(key);
    };
    current.tail = result.then(settle, settle);
    return result;
  }

  /** True while the key has a job running or queued. */
  busy(key: string): boolean {
    return this.#tails.has(key);
  }

  get size(): number {
    return this.#tails.size;
  }

  /** Resolves when every queued job has finished (used by graceful shutdown). */
  async drain(): Promise<void> {
    while (this.#tails.size > 0) {
      await Promise.all([...this.#tails.values()].map((s) => s.tail));
    }
  }
}
