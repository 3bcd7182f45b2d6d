import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const ask = async (text: string): Promise<string> => (await chatOnFreshHost(tenant, brain, 'conversions', text)).join('\n');

describe('a quantity said in another unit than the product is sold by', () => {
  it('should price metres of wire in feet and say the conversion, before or after the product', async () => {
    for (const text of ['necesito 50 metros de cable 12', 'cable 12 50 metros']) {
      const out = await ask(text);
      expect(out, text).toContain('50 m ≈ 165 pies');
      expect(out, text).toContain('165 × RD$28.00');
    }
  });

  it('should price kilos of nails in pounds and say it', async () => {
    const out = await ask('2 kilos de clavos de 3 pulgadas');
    expect(out).toContain('2 kg ≈ 5 libras');
    expect(out).toContain('5 × RD$60.00');
  });

  it('should leave alone what is sold by the unit it was said in', async () => {
    const out = await ask('arena 2 metros');
    expect(out).not.toContain('≈');
    expect(out).toContain('2 × RD$1,950.00');
  });

  it('should count quintals of rebar in bars from the catalog weight, and cement quintals in sacks, said so', async () => {
    const two = await ask('quiero 2 quintales de varilla de 3/8');
    expect(two).toContain('2 qq (200 lb) ≈ 27 unidades');
    expect(two).toContain('27 × RD$265.00');
    expect(two).not.toMatch(/No lo tengo en/);
    expect(await ask('cuánto cuesta el quintal de varilla de 3/8?')).toContain('14 × RD$265.00');
    const cement = await ask('quiero 2 quintales de cemento');
    // counter11: the 42.5 kg sack is about 94 lb, so a quintal is about a sack; the reading is said.
    expect(cement).toContain('2 qq (200 lb) ≈ 2 sacos');
    expect(cement).toContain('2 × RD$655.00');
  });
});
