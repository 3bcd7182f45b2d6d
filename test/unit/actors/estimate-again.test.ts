import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { asksEstimateAgain } from '../../../src/machines/product-focus.js';
import { createMemoryHost, loadDemo, replyText as texts, sayTo as say } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Right after an estimate, "how much for all of it?" or "100 of each" is about that estimate. */
describe('the estimate asked about again', () => {
  it('should give the total of one product priced for a quantity ("dame 20" then "¿cuánto sería todo?"), es and en', async () => {
    const cases: [string[], RegExp][] = [
      [['tienen varilla de 3/8?', 'dame 20', 'cuanto seria todo?'], /20 x \*Varilla Corrugada 3\/8".*Total estimado: \*RD\$5,300\.00\*/s],
      [['do you have 3/8 rebar?', 'give me 20', 'how much is it all together?'], /20 x \*Varilla Corrugada 3\/8".*RD\$5,300\.00/s],
    ];
    for (const [i, [messages, total]] of cases.entries()) {
      const { host } = createMemoryHost({ tenant, brain });
      let last: Awaited<ReturnType<typeof say>> | undefined;
      for (const m of messages) last = await say(host, `one-total-${i}`, m);
      expect(texts(last!), messages.at(-1)).toMatch(total);
      expect(texts(last!), messages.at(-1)).not.toMatch(/Qué producto|Which product|Dime el nombre/);
    }
  });

  it('should tell the total again, in either language, instead of asking which product', async () => {
    const cases: [string, string, RegExp][] = [
      ['necesito 3 brochas de 4 pulgadas y 2 galones de pintura blanca', 'cuanto seria todo?', /Total estimado/],
      ['necesito 3 brochas de 4 pulgadas y 2 galones de pintura blanca', '¿y cuánto es el total?', /Total estimado/],
      ['I need 3 paint brushes 4 inch and 2 gallons of white paint', 'how much for all of it?', /(Estimated )?[Tt]otal/],
    ];
    for (const [i, [estimate, again, total]] of cases.entries()) {
      const { host } = createMemoryHost({ tenant, brain });
      const first = await say(host, `total-${i}`, estimate);
      const firstTotal = /RD\$[\d,.]+(?=\*? \((?:ITBIS|VAT|tax))/.exec(texts(first))?.[0] ?? texts(first).match(/RD\$[\d,.]+/g)?.at(-1);
      const r = await say(host, `total-${i}`, again);
      expect(texts(r), again).toMatch(total);
      expect(texts(r), again).toContain(firstTotal);
      expect(texts(r), again).not.toMatch(/Qué producto|Which product/);
    }
  });

  it('should price every line at the quantity said "of each"', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'each', 'cuanto cuestan el block de 6 y el block de 8? necesito 10 de cada uno');
    const r = await say(host, 'each', 'mejor dame 100 de cada uno');
    const shown = texts(r);
    expect(shown).toMatch(/100 x \*Block de Hormigón 6"/);
    expect(shown).toMatch(/100 x \*Block de Hormigón 8"/);
    // 100 × 52 + 100 × 68
    expect(shown).toContain('RD$12,000.00');
  });

  it('should read only such messages as the estimate again', () => {
    expect(asksEstimateAgain('cuánto sería todo?')).toEqual({});
    expect(asksEstimateAgain('how much for all of it?')).toEqual({});
    expect(asksEstimateAgain('dame 100 de cada uno')).toEqual({ each: 100 });
    expect(asksEstimateAgain('50 of each please')).toEqual({ each: 50 });
    expect(asksEstimateAgain('quiero veinte de cada una')).toEqual({ each: 20 });
    for (const other of ['cuánto cuesta el cemento?', 'todo bien, gracias por todo', 'todo bien', 'eso es todo', 'no, eso es todo', 'dame 100 de cada uno de los tubos', 'a qué hora abren todos los días?', 'hola', 'cada cuánto hacen delivery?']) {
      expect(asksEstimateAgain(other), other).toBeNull();
    }
  });
});
