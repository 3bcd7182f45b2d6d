import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('the delivery asked for in the order total', () => {
  it('should add the served place and its fee to the total asked after the delivery answer', async () => {
    const [, delivery, total] = await chatOnFreshHost(tenant, brain, 'd1', 'necesito 200 blocks de 6', 'me lo pueden llevar a villa hermosa?', '¿cuánto sería todo?');
    expect(delivery).toMatch(/RD\$300\.00/);
    expect(total).toMatch(/Delivery a \*Villa Hermosa\*: RD\$300\.00/);
    expect(total).toMatch(/Total estimado: \*RD\$10,700\.00\*/);
  });

  it('should read "¿cuánto sería todo con el envío?" as that total, in either language', async () => {
    const es = await chatOnFreshHost(tenant, brain, 'd2', 'tienen cemento?', 'dame 20', 'llevan a bayahibe?', '¿cuánto sería todo con el envío?');
    expect(es[3]).toMatch(/RD\$14,300\.00/);
    expect(es[3]).not.toMatch(/A qué zona/);
    const en = await chatOnFreshHost(tenant, brain, 'd3', 'I need 200 blocks of 6 inches', 'can you deliver to Villa Hermosa?', 'and the total with delivery?');
    expect(en[2]).toMatch(/Delivery to \*Villa Hermosa\*/);
    expect(en[2]).toMatch(/RD\$10,700\.00/);
  });

  it('should leave the total alone when no delivery was asked, or only the zone list was given', async () => {
    const [, , plain] = await chatOnFreshHost(tenant, brain, 'd4', 'tienen cemento?', 'dame 20', '¿cuánto sería todo?');
    expect(plain).toMatch(/Total estimado: \*RD\$13,100\.00\*/);
    expect(plain).not.toMatch(/Delivery/);
    const [, , , zones] = await chatOnFreshHost(tenant, brain, 'd5', 'tienen cemento?', 'dame 20', 'hacen delivery?', '¿cuánto sería todo?');
    expect(zones).toMatch(/RD\$13,100\.00/);
    expect(zones).not.toMatch(/Delivery a/);
  });
});
