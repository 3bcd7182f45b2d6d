import type { Database } from './database.js';
import { createLru, type Lru } from '../../kernel/lru.js';

/** How many channel identities a process remembers by default (~200 bytes each). */
export const DEFAULT_IDENTITY_CACHE_SIZE = 10_000;

/**
 * Channel identity → contact id, remembered by one process for the identities it resolved lately
 * (least recently used first out), so a warm conversation's customer message needs no
 * `channel_identities` lookup. The mapping only changes through this process's writes — a link
 * (`ContactRepository.linkIdentity`) and an erasure (governance) — which forget it here; that is
 * why only a single-process runtime turns it on (`enableIdentityCache`): in a cluster another
 * member may link or erase.
 *
 * A lookup that started before a forget does not store its (possibly old) answer: every forget
 * bumps `generation`, and `remember` takes the generation read before the lookup.
 *
 * @example
 * const cache = new IdentityCache(1000);
 * const generation = cache.generation;
 * const contactId = cache.get('demo', 'rest', 'u1') ?? (await lookUp());
 * cache.remember('demo', 'rest', 'u1', contactId, generation);
 */
export class IdentityCache {
  readonly #entries: Lru<string>;
  #generation = 0;

  constructor(max: number = DEFAULT_IDENTITY_CACHE_SIZE) {
    this.#entries = createLru(Math.max(1, max));
  }

  /** Read before a lookup and handed to `remember`: a forget in between voids the answer. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The remembered contact id, or undefined; a hit becomes the most recently used. */
  get(tenantId: string, channel: string, externalId: string): string | undefined {
    return this.#entries.get(identityKey(tenantId, channel, externalId));
  }

  /** Stores an answer read at `generation`; ignored when something was forgotten since. */
  remember(tenantId: string, channel: string, externalId: string, contactId: string, generation: number): void {
    if (generation !== this.#generation) return;
    this.#entries.set(identityKey(tenantId, channel, externalId), contactId);
  }

  /** Forgets one identity (it was just linked elsewhere); lookups under way keep their answer to themselves. */
  forgetIdentity(tenantId: string, channel: string, externalId: string): void {
    this.#generation++;
    this.#entries.delete(identityKey(tenantId, channel, externalId));
  }

  /** Forgets every identity of a tenant (an erasure deleted some of them). */
  forgetTenant(tenantId: string): void {
    this.#generation++;
    const prefix = `${tenantId}\u0000`;
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }
}

function identityKey(tenantId: string, channel: string, externalId: string): string {
  return `${tenantId}\u0000${channel}\u0000${externalId}`;
}

/** The cache of each database handle that has one; the repositories on that handle share it. */
const caches = new WeakMap<Database, IdentityCache>();

/**
 * Turns the identity cache on for `db`: every contact repository and governance repository on
 * this handle then reads and invalidates the same cache. Only for a database this process is the
 * sole writer of identities to (not a cluster member). Idempotent; returns the cache.
 *
 * @example
 * const db = await openDatabase({ url });
 * enableIdentityCache(db);
 * const contacts = createContactRepository({ db, clock }); // resolveContact now remembers
 */
export function enableIdentityCache(db: Database, max: number = DEFAULT_IDENTITY_CACHE_SIZE): IdentityCache {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new IdentityCache(max);
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The identity cache of `db`, or null when it is off (the default).
 *
 * @example
 * identityCacheOf(db)?.forgetTenant('demo');
 */
export function identityCacheOf(db: Database): IdentityCache | null {
  return caches.get(db) ?? null;
}
