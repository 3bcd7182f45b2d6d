import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_PATH } from '../../../bench/micro/golden.js';
import { INTENTS, type IntentName } from '../../../src/domain/intents.js';
import type { IntentScore } from '../../../src/domain/nlu.js';
import type { ChoiceExpectation, Understanding } from '../../../src/domain/understanding.js';
import { clarifyChoice, confirmChoice, decideTriage, decisiveRanking, describesAskedComplaint, likelyIntents } from '../../../src/machines/triage-decision.js';

const trimmed = (u: Understanding): Understanding => ({ ...u, nlu: { ...u.nlu, ranking: decisiveRanking(u.nlu.ranking) } });

/** Everything triage reads off a reading, for one text. */
function decisions(u: Understanding, text: string): unknown {
  const complaintAsked = confirmChoice('complaint', text, 'es') as ChoiceExpectation;
  return {
    triage: decideTriage(u),
    likely: likelyIntents(u),
    asked: describesAskedComplaint(u, complaintAsked, text),
    clarify: decideTriage(u).kind === 'clarify' ? clarifyChoice(likelyIntents(u), text, 'es') : null,
  };
}

/** A deterministic pseudo-random ranking over every intent, summing to 1 (softmax-like). */
function randomRanking(seed: number): IntentScore[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const raw = INTENTS.map((name) => ({ name, w: Math.exp(6 * next() * next()) }));
  const total = raw.reduce((a, r) => a + r.w, 0);
  return raw.map((r) => ({ name: r.name as IntentName, confidence: r.w / total })).sort((a, b) => b.confidence - a.confidence);
}

describe('decisiveRanking', () => {
  it('should keep the best entry, every entry from the option floor on and the small-talk entries, in order', () => {
    const ranked: IntentScore[] = [
      { name: 'price_quote', confidence: 0.5 },
      { name: 'offers', confidence: 0.2 },
      { name: 'complaint', confidence: 0.08 },
      { name: 'account_status', confidence: 0.079 },
      { name: 'greeting', confidence: 0.01 },
      { name: 'job_vacancies', confidence: 0.005 },
      { name: 'thanks', confidence: 0.001 },
    ];
    expect(decisiveRanking(ranked).map((r) => r.name)).toEqual(['price_quote', 'offers', 'complaint', 'greeting', 'thanks']);
    // The best entry stays even under the floor (13 intents can all sit below 0.08).
    expect(decisiveRanking([{ name: 'offers', confidence: 0.079 }, { name: 'sales_lead', confidence: 0.078 }])).toEqual([{ name: 'offers', confidence: 0.079 }]);
    const kept: IntentScore[] = [{ name: 'greeting', confidence: 0.9 }, { name: 'thanks', confidence: 0.1 }];
    expect(decisiveRanking(kept)).toBe(kept);
    expect(decisiveRanking([])).toEqual([]);
  });

  it('should leave every triage decision unchanged on the golden readings (all utterances and held-out lines, all expectations)', () => {
    const lines = readFileSync(GOLDEN_PATH, 'utf8').split('\n').filter((l) => l.trim());
    let compared = 0;
    let shrunk = 0;
    for (const line of lines) {
      const record = JSON.parse(line) as { text: string; readings: Record<string, { understanding?: Understanding } | string> };
      const base = record.readings.none as { understanding: Understanding };
      for (const reading of Object.values(record.readings)) {
        if (typeof reading === 'string' || !reading.understanding?.nlu) continue;
        const u = reading.understanding.nlu.ranking ? reading.understanding : base.understanding;
        const t = trimmed(u);
        if (t.nlu.ranking.length < u.nlu.ranking.length) shrunk++;
        expect(decisions(t, record.text), record.text).toEqual(decisions(u, record.text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1_500);
    // It does shrink: most readings keep a few of their 13 entries.
    expect(shrunk / compared).toBeGreaterThan(0.9);
  });

  it('should leave every triage decision unchanged on 20,000 random low and high readings, with and without products', () => {
    for (let seed = 1; seed <= 20_000; seed++) {
      const ranking = randomRanking(seed);
      const products = seed % 3 === 0 ? [{ query: 'cemento' }] : [];
      const u: Understanding = { nlu: { intent: ranking[0]!, ranking, entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields: {}, products, critical: false, priority: 3 };
      expect(decisions(trimmed(u), 'me vendieron cemento dañado'), String(seed)).toEqual(decisions(u, 'me vendieron cemento dañado'));
      expect(decisions(trimmed(u), 'hola'), String(seed)).toEqual(decisions(u, 'hola'));
    }
  });
});
