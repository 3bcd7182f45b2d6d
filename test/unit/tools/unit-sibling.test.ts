import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { unitSibling } from '../../../src/actors/tools/unit-sibling.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** "dame 100 pies" after the roll of cable is 100 feet of the cable sold by the foot, never 100 rolls. */
describe('a count in the unit a sibling is sold in', () => {
  it('should find the sibling sold in the unit counted, and none when the product is sold in it', () => {
    expect(unitSibling(tenant.catalog, 'ELE-002', 'pies')?.sku).toBe('ELE-001');
    expect(unitSibling(tenant.catalog, 'ELE-002', 'feet')?.sku).toBe('ELE-001');
    expect(unitSibling(tenant.catalog, 'ELE-001', 'rollos')?.sku).toBe('ELE-002');
    expect(unitSibling(tenant.catalog, 'ELE-001', 'pies')).toBeUndefined();
    expect(unitSibling(tenant.catalog, 'CEM-001', 'libras')).toBeUndefined();
    expect(unitSibling(tenant.catalog, 'ELE-002', 'colores')).toBeUndefined();
  });

  it.each(['dame 100 pies', 'dame 100 pies mejor no el rollo', '100 feet not the roll'])('should price "%s" after the roll in feet', async (text) => {
    const [, , reply] = await chatOnFreshHost(tenant, brain, 'unit-sibling', 'el cable 12 thhn a como el pie', 'y el rollo', text);
    expect(reply).toMatch(/100 × RD\$28\.00 = \*RD\$2,800\.00\*/);
  });
});
