/**
 * The hashes of a live conversation's committed customer message ids (`inbound-ids.ts`): exact while
 * there are at most `EXACT_INBOUND_IDS`, then a Bloom filter of 4,096 bits with three probes (512 B).
 * No false negatives; a false positive only sends the caller to the transcript store.
 *
 * @example
 * const known = new KnownInboundIds();
 * known.add(idHash('wamid.1'));
 * known.mayHave(idHash('wamid.2')); // false: never committed
 */
export const EXACT_INBOUND_IDS = 64;
const FILTER_WORDS = 128; // 4,096 bits
const FILTER_MASK = FILTER_WORDS * 32 - 1;

/** The hashes of a live conversation's committed customer message ids: exact, then a Bloom filter. */
export class KnownInboundIds {
  #exact: Set<number> | null = new Set();
  #filter: Uint32Array | null = null;
  #count = 0;

  /** How many ids were added (distinct while exact). */
  get size(): number {
    return this.#count;
  }

  /** False: no id with this hash was added. True: one may have been (the store decides). */
  mayHave(hash: number): boolean {
    if (this.#exact) return this.#exact.has(hash);
    const filter = this.#filter!;
    const step = probeStep(hash);
    for (let j = 0; j < 3; j++) {
      const bit = (hash + Math.imul(j, step)) & FILTER_MASK;
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  add(hash: number): void {
    if (this.#exact) {
      if (this.#exact.has(hash)) return;
      this.#exact.add(hash);
      this.#count++;
      if (this.#exact.size <= EXACT_INBOUND_IDS) return;
      this.#filter = new Uint32Array(FILTER_WORDS);
      for (const h of this.#exact) this.#set(h);
      this.#exact = null;
      return;
    }
    this.#set(hash);
    this.#count++;
  }

  #set(hash: number): void {
    const filter = this.#filter!;
    const step = probeStep(hash);
    for (let j = 0; j < 3; j++) {
      const bit = (hash + Math.imul(j, step)) & FILTER_MASK;
      filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
}

/** The second hash of double hashing, odd, from the high bits of the first (remixed). */
function probeStep(hash: number): number {
  return (Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 17) | 1;
}
