import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** A count said first with no product of its own, then another item: the first is of the product on the counter. */
describe('a count of the product on the counter before another item', () => {
  it('should price both lines, in Spanish and English', async () => {
    const es = await chatOnFreshHost(tenant, brain, 'apart-es', 'tienen varilla de 3/8?', 'necesito 40 y 10 sacos de cemento');
    expect(es[1]).toContain('40 x *Varilla Corrugada 3/8" Grado 40 (20 pies)*');
    expect(es[1]).toContain('10 x *Cemento Gris');
    const en = await chatOnFreshHost(tenant, brain, 'apart-en', 'tienen varilla de 3/8?', 'I need 40 pieces and 10 bags of cement');
    expect(en[1]).toContain('40 x *Varilla Corrugada 3/8"');
    expect(en[1]).toContain('RD$17,150.00');
  });

  it('should leave a list whose first count names its product as it is', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'apart-named', 'tienen varilla de 3/8?', 'necesito 40 blocks de 6 y 10 sacos de cemento');
    expect(replies[1]).not.toContain('Varilla');
    expect(replies[1]).toContain('10 x *Cemento Gris');
  });
});

describe('a count in the product\'s own unit before another item', () => {
  it('should read "10 sacos" after the cement as ten bags of it, and leave another unit alone', async () => {
    const bags = await chatOnFreshHost(tenant, brain, 'apart-unit', 'tienen cemento?', 'dame 10 sacos y 2 de arena');
    expect(bags[1]).toContain('10 x *Cemento Gris');
    expect(bags[1]).toContain('RD$10,450.00');
    const other = await chatOnFreshHost(tenant, brain, 'apart-other-unit', 'tienen cemento?', 'dame 10 galones y 2 de arena');
    expect(other[1]).not.toContain('10 x *Cemento Gris');
  });
});
