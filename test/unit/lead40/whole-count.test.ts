import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';
import { uncarriedItems } from '../../../src/actors/tools/uncarried-items.js';
import { countedFollowUps } from '../../../src/actors/tools/product-request.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import type { Brain } from '../../../src/actors/brain/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/catalog-search.js';

describe('lead40: the whole count insisted on beyond the stock', () => {
  let tenant: TenantData;
  let brain: Brain;
  let index: CatalogIndex;
  beforeAll(async () => {
    ({ tenant, brain } = await loadDemo());
    index = createCatalogIndex(tenant.catalog);
  });

  it('should order all 500 on one quote ticket, the 230 in stock and the 270 to order written for sales', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    try {
      await sayTo(host, 'c-500', 'cuanto cuesta el cemento gris?');
      expect(replyText(await sayTo(host, 'c-500', 'apartame 500'))).toContain('solo tengo *230*, no 500');
      const text = replyText(await sayTo(host, 'c-500', 'no, necesito los 500'));
      expect(text).toContain('*500 x Cemento Gris');
      expect(text).toMatch(/los 230 que hay ahora y los otros 270 se piden/);
      expect(text).not.toMatch(/500 kg/);
      const [ticket, ...more] = await tickets.list('ferreteria');
      expect(more).toHaveLength(0);
      expect(ticket!.kind).toBe('quote');
      expect(ticket!.summary).toContain('- 500 x Cemento Gris Cemex Tipo GU (saco 42.5 kg) (CEM-001)');
      expect(ticket!.summary).toContain('(en existencia: 230; por pedir: 270)');
    } finally {
      await host.close();
    }
  });

  it('should still set the 230 aside on a plain yes, and read "I need all 300" in English', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    try {
      await sayTo(host, 'c-yes', 'cuanto cuesta el cemento gris?');
      await sayTo(host, 'c-yes', 'apartame 500');
      expect(replyText(await sayTo(host, 'c-yes', 'si'))).toContain('apartar *230 x Cemento Gris');
      await sayTo(host, 'c-en', 'how much is the gray cement?');
      await sayTo(host, 'c-en', 'set aside 300 for me');
      expect(replyText(await sayTo(host, 'c-en', 'I need all 300'))).toMatch(/set aside the 230 we have now and order the other 70/);
      expect((await tickets.list('ferreteria')).map((t) => t.kind)).toEqual(['quote', 'quote']);
    } finally {
      await host.close();
    }
  });

  it('should not name a date of the order as goods not carried', () => {
    expect(uncarriedItems('500 blocks de 6 y 200 sacos de cemento, lo necesitamos antes del 20 de diciembre', index)).toEqual([]);
    expect(uncarriedItems('10 sacos de cemento y 2 jacuzzis', index)).toEqual(['jacuzzis']);
  });
});

describe('lead40: the counts of the goods listed, in order', () => {
  let tenant: TenantData;
  let index: CatalogIndex;
  beforeAll(async () => {
    ({ tenant } = await loadDemo());
    index = createCatalogIndex(tenant.catalog);
  });
  const focus = (): ProductFocus => ({ sku: 'CEM-001', name: 'Cemento Gris Cemex Tipo GU (saco 42.5 kg)', price: 655, query: 'cemento', options: ['CEM-001', 'VAR-001'] });

  it('should count each listed good in its order ("50 y 100", "50 bags and 100")', () => {
    const names = (sku: string) => tenant.catalog.find((p) => p.sku === sku)!.name;
    const expected = [{ query: names('CEM-001'), quantity: 50 }, { query: names('VAR-001'), quantity: 100 }];
    expect(countedFollowUps(index, focus(), '50 y 100', tenant.catalog)).toEqual(expected);
    expect(countedFollowUps(index, focus(), '50 bags and 100', tenant.catalog)).toEqual(expected);
  });

  it('should read no order from another number of counts, a size or no options', () => {
    expect(countedFollowUps(index, focus(), '50 y 100 y 3', tenant.catalog)).toBeNull();
    expect(countedFollowUps(index, focus(), 'de 3/8', tenant.catalog)).toBeNull();
    expect(countedFollowUps(index, { ...focus(), options: undefined }, '50 y 100', tenant.catalog)).toBeNull();
  });
});
