import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goldenShard } from '../../../bench/micro/golden.js';
import { EQUIVALENCE_SHARDS } from '../brain/equivalence-shard.js';

const brainDir = fileURLToPath(new URL('../brain/', import.meta.url));

describe('golden equivalence shards', () => {
  it('should cover every input exactly once, in order, whatever the total and the count', () => {
    for (const total of [0, 1, 7, 1941, 1942, 2003]) {
      for (const count of [1, 2, 3, 4, 7]) {
        const seen: number[] = [];
        for (let shard = 1; shard <= count; shard++) {
          const { from, to } = goldenShard(total, shard, count);
          for (let i = from; i < to; i++) seen.push(i);
        }
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
      }
    }
  });

  it('should have one test file per shard, each running its own shard, so that no slice of the golden file goes unchecked', () => {
    const files = readdirSync(brainDir)
      .filter((f) => /^equivalence.*\.test\.ts$/.test(f))
      .sort();
    expect(files).toEqual(Array.from({ length: EQUIVALENCE_SHARDS }, (_, i) => `equivalence-${i + 1}.test.ts`));
    for (const [i, file] of files.entries()) {
      const calls = readFileSync(`${brainDir}${file}`, 'utf8').match(/describeGoldenShard\((\d+)\)/g);
      expect(calls, file).toEqual([`describeGoldenShard(${i + 1})`]);
    }
  });
});
