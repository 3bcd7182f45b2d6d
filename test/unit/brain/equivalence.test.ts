import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_PATH, goldenRecords, loadDemoTenant, roundConfidences } from '../../../bench/micro/golden.js';

/**
 * Performance work on the rule brain and the catalog search must not change a single answer:
 * `test/fixtures/brain-golden.jsonl` was generated once from the code before any optimisation
 * (`npx tsx bench/micro/make-golden.ts`) and every reading must still match it byte for byte,
 * confidences compared to 1e-6.
 */
describe('rule brain and catalog search equivalence', () => {
  it('should reproduce the golden reading of every training and held-out message under every expectation', async () => {
    const golden = readFileSync(GOLDEN_PATH, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    expect(golden.length).toBeGreaterThanOrEqual(1873);
    const tenant = await loadDemoTenant();
    const mismatches: { line: number; expected: string; actual: string }[] = [];
    let line = 0;
    for await (const record of goldenRecords(tenant, 9)) {
      const expected = JSON.stringify(roundConfidences(JSON.parse(golden[line] ?? 'null'), 6));
      const actual = JSON.stringify(roundConfidences(record, 6));
      if (expected !== actual && mismatches.length < 5) mismatches.push({ line: line + 1, expected, actual });
      line++;
    }
    expect(mismatches).toEqual([]);
    expect(line).toBe(golden.length);
  }, 120_000);
});
