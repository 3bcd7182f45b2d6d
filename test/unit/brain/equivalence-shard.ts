import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_PATH, goldenInputs, goldenRecords, goldenShard, loadDemoTenant, roundConfidences } from '../../../bench/micro/golden.js';

/** How many files the golden equivalence is split into (`equivalence-<n>.test.ts`, n = 1..EQUIVALENCE_SHARDS). */
export const EQUIVALENCE_SHARDS = 4;

/**
 * Performance work on the rule brain and the catalog search must not change a single answer:
 * `test/fixtures/brain-golden.jsonl` was generated once from the code before any optimisation
 * (`npx tsx bench/micro/make-golden.ts`) and every reading must still match it byte for byte,
 * confidences compared to 1e-6.
 *
 * The whole comparison reads ~1,900 messages under eight expectations (about two minutes of one
 * core on an idle machine). It is split into EQUIVALENCE_SHARDS files, each reading one contiguous
 * slice of the golden file, so that vitest's two workers share it instead of one worker running it
 * alone at the end of the suite; together the shards compare every line, and each one checks that
 * the inputs and the golden file still have the same length.
 */
export function describeGoldenShard(shard: number): void {
  describe(`rule brain and catalog search equivalence (shard ${shard} of ${EQUIVALENCE_SHARDS})`, () => {
    it('should reproduce the golden reading of every training and held-out message of its slice under every expectation', async () => {
      const golden = readFileSync(GOLDEN_PATH, 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      expect(golden.length).toBeGreaterThanOrEqual(1873);
      const tenant = await loadDemoTenant();
      expect(goldenInputs(tenant).length).toBe(golden.length);
      const range = goldenShard(golden.length, shard, EQUIVALENCE_SHARDS);
      expect(range.to).toBeGreaterThan(range.from);
      const mismatches: { line: number; expected: string; actual: string }[] = [];
      let line = range.from;
      for await (const record of goldenRecords(tenant, 9, range)) {
        const expected = JSON.stringify(roundConfidences(JSON.parse(golden[line] ?? 'null'), 6));
        const actual = JSON.stringify(roundConfidences(record, 6));
        if (expected !== actual && mismatches.length < 5) mismatches.push({ line: line + 1, expected, actual });
        line++;
      }
      expect(mismatches).toEqual([]);
      expect(line).toBe(range.to);
    }, 120_000);
  });
}
