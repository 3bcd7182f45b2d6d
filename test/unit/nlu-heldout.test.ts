import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';
import { INTENTS } from '../../src/domain/intents.js';

/**
 * Accuracy on customer messages the classifier never saw: `test/fixtures/nlu-heldout.jsonl` was
 * written by someone who did not see the training utterances, and nobody tunes against it.
 * The figure is printed; the assertion is a floor that catches regressions.
 */
const FLOOR = 0.92;

describe('rule brain on the held-out set', () => {
  it('should classify unseen customer messages accurately', async () => {
    const tenant = await loadTenant(fileURLToPath(new URL('../../tenants/ferreteria', import.meta.url)));
    const brain = createRuleBrain({ tenant });
    const rows = readFileSync(new URL('../fixtures/nlu-heldout.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; intent: string; lang: 'es' | 'en' });
    expect(rows.length).toBeGreaterThanOrEqual(390);
    const perIntent = new Map<string, { ok: number; n: number }>(INTENTS.map((i) => [i, { ok: 0, n: 0 }]));
    const perLang = { es: { ok: 0, n: 0 }, en: { ok: 0, n: 0 } };
    let ok = 0;
    let langOk = 0;
    for (const row of rows) {
      const result = brain.parse(row.text);
      const hit = result.intent.name === row.intent;
      if (hit) ok++;
      if (result.lang === row.lang) langOk++;
      const s = perIntent.get(row.intent)!;
      s.n++;
      if (hit) s.ok++;
      perLang[row.lang].n++;
      if (hit) perLang[row.lang].ok++;
    }
    const accuracy = ok / rows.length;
    const report = [
      `held-out intent accuracy: ${(accuracy * 100).toFixed(1)} % (${ok}/${rows.length}); ` +
        `es ${((perLang.es.ok / perLang.es.n) * 100).toFixed(1)} %, en ${((perLang.en.ok / perLang.en.n) * 100).toFixed(1)} %; ` +
        `language detection ${((langOk / rows.length) * 100).toFixed(1)} %`,
      ...[...perIntent].map(([i, s]) => `  ${i.padEnd(22)} ${s.ok}/${s.n}`),
    ].join('\n');
    process.stdout.write(report + '\n');
    expect(accuracy, report).toBeGreaterThanOrEqual(FLOOR);
    expect(langOk / rows.length).toBeGreaterThanOrEqual(0.9);
  });
});
