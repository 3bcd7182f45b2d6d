import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { quoteSummaryLines } from '../../../src/actors/tools/estimate-delivery.js';
import { dealTotal } from '../../../src/actors/tools/product-offers.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createMemoryHost, replyText, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});

describe('an offer deal worked out on a count (dealTotal)', () => {
  const cement = { price: 655 };
  it.each([
    [{ minQuantity: 50, unitPrice: 615 }, 60, 36_900],
    [{ minQuantity: 50, unitPrice: 615 }, 50, 30_750],
    [{ minQuantity: 50, unitPrice: 615 }, 49, null],
    [{ unitPrice: 700 }, 10, null], // an "offer" price above the catalog's is never applied
    [{ percentOff: 10 }, 3, 1_768.5],
    [{ percentOff: 10, minQuantity: 5 }, 4, null],
    [{ buy: 3, pay: 2 }, 7, 5 * 655],
    [{ buy: 3, pay: 2 }, 2, null],
    [{ buy: 2, pay: 1 }, 2.5, null], // a fractional count has no groups
  ])('should price %o at count %d as %s', (deal, quantity, total) => {
    expect(dealTotal(deal, cement, quantity)).toBe(total);
  });
});

describe('offers said with the product answers', () => {
  it('should say the cement offer with its price, the total with it from 50 bags, and nothing once it has ended', async () => {
    const { host, clock } = createMemoryHost({ tenant, brain: createRuleBrain({ tenant }) });
    const price = replyText(await sayTo(host, 'c1', 'cuanto cuesta el cemento?'));
    expect(price).toContain('RD$655.00');
    expect(price).toContain('Llevando 50 sacos o más de Cemento Gris Cemex, cada saco a RD$615.00 (hasta el 31 de diciembre de 2026)');
    const counted = replyText(await sayTo(host, 'c1', 'dame 60 sacos'));
    expect(counted).toContain('60 × RD$655.00 = *RD$39,300.00*');
    expect(counted).toContain('te sale en *RD$36,900.00*: ahorras RD$2,400.00');
    // Same question, same reading, a day after the offer's last: the cached answer is not given again.
    clock.set(Date.UTC(2027, 0, 1, 15, 0, 0));
    const later = replyText(await sayTo(host, 'c2', 'cuanto cuesta el cemento?'));
    expect(later).toContain('RD$655.00');
    expect(later).not.toContain('615');
    await host.close();
  });

  it('should leave a tenant whose templates have no place for offers as it was', async () => {
    const templates = {
      es: Object.fromEntries(Object.entries(tenant.templates.es).map(([k, v]) => [k, v.replace('{offer}', '')])),
      en: Object.fromEntries(Object.entries(tenant.templates.en).map(([k, v]) => [k, v.replace('{offer}', '')])),
    };
    const plain: TenantData = { ...tenant, templates };
    const { host } = createMemoryHost({ tenant: plain, brain: createRuleBrain({ tenant: plain }) });
    const price = replyText(await sayTo(host, 'c1', 'cuanto cuesta el cemento?'));
    expect(price).toContain('RD$655.00');
    expect(price).not.toContain('615');
    await host.close();
  });
});

describe("a quote ticket's summary for the sales team (quoteSummaryLines)", () => {
  it('should add what the lines come to with the current offers, naming them, after the list total', () => {
    const lines = [{ sku: 'CEM-001', quantity: 60 }, { sku: 'PIN-002', quantity: 5 }];
    const summary = quoteSummaryLines(tenant, { lines, delivery: { place: 'Villa Hermosa', fee: 0 } }, 'es', Date.UTC(2026, 10, 22, 12));
    expect(summary.at(-2)).toBe('Total estimado: RD$67,550.00');
    expect(summary.at(-1)).toBe('Con ofertas vigentes: RD$62,325.00 (ahorro RD$5,225.00: Cemento Cemex a precio especial (OF-2026-11); Pintura Tropical: 10 % de descuento en cubetas (OF-2026-12))');
    // Below the cement's minimum and after the paint's offer ended: nothing to add.
    const later = quoteSummaryLines(tenant, { lines: [{ sku: 'CEM-001', quantity: 10 }, { sku: 'PIN-002', quantity: 5 }] }, 'es', Date.UTC(2027, 0, 20, 12));
    expect(later.at(-1)).toBe('Total estimado: RD$34,800.00');
  });
});
