import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/actors/tools/info-lists.js';
import { fold } from '../../../src/actors/brain/rule/text.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { unseenTexts } from '../../../bench/lib/workload.js';
import { devLines, goldenTexts, root, templateTexts } from './text-corpus.js';

/**
 * Per-word pattern steps given a pre-check in session 35 (perf25, issue 16): each runs its
 * replace only on a word ending with the letter every match ends with. They must give what the
 * unguarded replaces gave for every word. (The job namer's gerund check is compared with the reader
 * as it was in `text-prechecks.test.ts`; `detectLang`'s drops a '.' only from a word that has one.)
 */
const stemBefore = (w: string): string => w.replace(/(?:es|s)$/, '').replace(/(?<=[a-z]{3})[ao]$/, '');

const EDGES = ['', 's', 'es', 'ses', 'as', 'os', 'a', 'o', 'ao', 'oa', 'abca', 'abco', 'abcas', 'abcos', 'abces', 'abcoes', 'cajera', 'cajeras', 'cajero', 'vendedora', 'vendedoras', 'mes', 'meses', 'casa', 'casas', 'tres', '1234a', 'ñoña', 'ABCA'];

describe('per-word pre-checks give the unguarded replaces', () => {
  it('stem (info lists): every word of every text and list item as before', async () => {
    const tenants = await Promise.all(['ferreteria', 'estudio'].map((t) => loadTenant(join(root, 'tenants', t))));
    const items = tenants.flatMap((t) => [...t.catalog.map((p) => p.name), ...JSON.stringify(t).split(/[^\p{L}\p{N}]+/u)]);
    const words = new Set<string>(EDGES);
    for (const text of [...devLines(), ...templateTexts(), ...goldenTexts(), ...unseenTexts(), ...items]) {
      for (const w of fold(text).split(/[^a-z0-9]+/)) words.add(w);
      for (const w of text.split(/\s+/)) words.add(w);
    }
    expect(words.size).toBeGreaterThan(5000);
    let changed = 0;
    for (const w of words) {
      const want = stemBefore(w);
      if (want !== w) changed++;
      expect(stem(w), JSON.stringify(w)).toBe(want);
    }
    expect(changed).toBeGreaterThan(1000);
  });
});
