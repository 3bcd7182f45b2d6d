import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const ask = async (text: string): Promise<string> => (await chatOnFreshHost(tenant, brain, 'said', text)).join('\n');

describe('items as the customer said them', () => {
  it('should count what is said apart from the product', async () => {
    expect(await ask('tienen cemento? necesito 40 sacos')).toContain('40 × RD$655.00');
    expect(await ask('quisiera saber si tienen cemento porque necesito como 40 fundas para mañana')).toContain('40 × RD$655.00');
    expect(await ask('tienen tubo de 4? necesito 3')).toContain('3 × RD$1,290.00');
  });

  it('should read "un par de" as two, and pairs of gloves as pairs', async () => {
    expect(await ask('un par de brochas')).toContain('2 × RD$95.00');
    expect(await ask('dos pares de guantes')).toContain('2 × RD$195.00');
  });

  it('should not price what an item is for as a second item', async () => {
    const out = await ask('10 sacos de cemento para una losa');
    expect(out).toContain('10 × RD$655.00');
    expect(out).not.toContain('Cerámica');
  });
});
