import { describe, expect, it } from 'vitest';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

describe('a delivery asked with a day after a product', () => {
  it('should say the zone\u2019s time and fee once, not the store answer and the product answer both', async () => {
    const { tenant, brain } = await loadDemo();
    const [, reply] = await chatOnFreshHost(tenant, brain, 'delivery-once', 'cuanto cuesta el cemento?', 'me lo llevan mañana a villa hermosa?');
    expect(reply).toContain('Villa Hermosa');
    expect(reply!.split('Costo del delivery').length - 1).toBe(1);
  });
});
