import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** "la de 3/4" right after a price is the size the customer meant: it takes the priced one's place on the counter. */
describe('another size picked right after a price', () => {
  it('should set aside only the size picked, not the one priced first', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'pick-1', 'cuanto cuesta una plancha de plywood?', 'la de 3/4', 'si');
    expect(replies[2]).toContain('1 x Plywood 4x8 3/4" Pino');
    expect(replies[2]).not.toContain('1/2" Pino');
  });

  it('should keep the count said for the first size and drop that size from the total', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'pick-2', 'dame 3 planchas de plywood', 'la de 3/4', 'cuanto es todo?');
    expect(replies[1]).toContain('RD$7,050.00');
    expect(replies[2]).toContain('RD$7,050.00');
    expect(replies[2]).not.toContain('1/2" Pino');
  });

  it('should add the other size when the customer says so ("y 5 de 3/4")', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'pick-3', 'dame 10 tubos pvc de 1/2', 'y 5 de 3/4', 'cuanto es todo?');
    expect(replies[2]).toContain('Tubo PVC 1/2"');
    expect(replies[2]).toContain('Tubo PVC 3/4"');
  });
});
