import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** "¿cuál dura más?", "which lasts longer?": from the catalog's durability facts, honestly when there are none. */
describe('how long a product lasts', () => {
  it('should read the question in both languages, and leave the price and the count alone', () => {
    for (const text of ['cual dura mas?', '¿cuál aguanta más?', 'cuanto dura?', 'cual es mas duradero', 'which one lasts longer?', 'how long does it last?']) {
      expect(readFocusQuestion(text), text).toEqual({ kind: 'lasts' });
    }
    for (const text of ['cuanto cuesta?', 'dame 10', 'cual es mejor?', 'dura?']) expect(readFocusQuestion(text)?.kind, text).not.toBe('lasts');
  });

  it('should put the aluzinc first after the zinc and the aluzinc, each with its line', async () => {
    const es = await chatOnFreshHost(tenant, brain, 'lasts-es', 'cuanto vale la plancha de zinc?', 'y de aluzinc?', 'cual dura mas?');
    expect(es[2]).toMatch(/^Dura más \*Aluzinc/);
    expect(es[2]).toContain('8 a 10 años');
    expect(es[2]).toContain('20 años');
    const en = await chatOnFreshHost(tenant, brain, 'lasts-en', 'which lasts longer, zinc or aluzinc?');
    expect(en[0]).toMatch(/Aluzinc .* lasts longer/);
  });

  it('should say honestly when the data is silent and offer a salesperson, never the menu', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'lasts-none', 'tienen tubo pvc de 1/2?', 'cual dura mas?', 'si');
    expect(replies[1]).toContain('no dice cuánto dura');
    expect(replies[1]).not.toContain('Qué necesitas');
    expect(replies[2]).toMatch(/T-\d+/);
  });

  it('should keep every durability fact in the catalog with its years and both languages', () => {
    const rated = tenant.catalog.filter((p) => p.durability !== undefined);
    expect(rated.length).toBeGreaterThanOrEqual(2);
    for (const p of rated) {
      expect(p.durability?.years, p.sku).toBeGreaterThan(0);
      expect(p.durability?.en, p.sku).toBeTruthy();
    }
  });
});
