import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { parseProductText } from '../../../src/actors/catalog/index.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Lengths said of things sold by the foot, a gauge before a roll's length, a pipe's length asked in feet. */
describe('lengths and gauges at the counter', () => {
  it('should read a gauge or a size before a length as a size, never as a count', () => {
    // The rule brain's product phrase drops the "de": "cable #10 de 500 pies" arrives as "cable # 10 500 pies".
    expect(parseProductText('cable # 10 500 pies').quantity).toBeUndefined();
    expect(parseProductText('cable # 10 500 pies').attributes.measures).toContainEqual({ value: 10, unit: 'ga' });
    const known = (w: string) => ['cable', 'tubo', 'pvc'].includes(w);
    expect(parseProductText('cable 10 500 pies', { isKnown: known }).quantity).toBeUndefined();
    expect(parseProductText('tubo 4 20 pies', { isKnown: known }).quantity).toBeUndefined();
    // A count before a size stays a count.
    expect(parseProductText('300 8in blocks').quantity).toBe(300);
  });

  it('should price 100 metres of #12 wire however the length is placed', async () => {
    for (const text of ['cable de 12 de 100 metros', 'necesito 100 metros de cable 12', 'cable 12 100 metros']) {
      const [reply] = await chatOnFreshHost(tenant, brain, `len-${text}`, text);
      expect(reply, text).toContain('329 pies de Cable THHN #12 Negro (pie)');
      expect(reply, text).toContain('RD$9,212.00');
      expect(reply, text).not.toContain('rollo');
    }
  });

  it('should never hand over the #12 roll for a #10 one: say what #10 comes in', async () => {
    for (const text of ['cable #10 de 500 pies', 'cable 10 de 500 pies']) {
      const [reply] = await chatOnFreshHost(tenant, brain, `gauge-${text}`, text);
      expect(reply, text).toMatch(/calibre 10[^.;]* no tengo/);
      expect(reply, text).toContain('Cable THHN #10 Rojo (pie)');
    }
  });

  it("should give a pipe's length, not its width, when asked in feet", async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'pipe-feet', 'quiero un tubo pvc de 1/2', 'de 20 pies?');
    expect(replies[1]).toContain('es de 6 metros: unos *20 pies*');
    expect(replies[1]).not.toMatch(/unos \*0 pies/);
  });
});

describe("a length checked of the product on the counter", () => {
  it("should confirm the 2x4x10' board's length, in feet either language, never price ten boards", async () => {
    for (const [first, check, yes] of [['2x4 lumber', '10 feet?', 'Yes!'], ['2x4 lumber', 'is it 10 feet?', 'Yes!'], ['madera 2x4', '10 pies?', '¡Sí!'], ['varilla de 3/8', '20 feet?', 'Yes!']] as const) {
      const replies = await chatOnFreshHost(tenant, brain, `len-check-${check}`, first, check);
      expect(replies[1], check).toContain(yes);
      expect(replies[1], check).not.toMatch(/\b(?:10|20) (?:units|unidades)\b/);
    }
  });
});
