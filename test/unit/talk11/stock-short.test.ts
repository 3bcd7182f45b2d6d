import { describe, it, expect } from 'vitest';
import { shortStockNote } from '../../../src/actors/tools/stock-short.js';
import { loadDemo, chatOnFreshHost } from '../../helpers/memory-host.js';

describe('a line counted over its stock', () => {
  it('should say how many there are and how many sales orders, es and en', async () => {
    const { tenant } = await loadDemo();
    const cement = tenant.catalog.find((p) => p.name.startsWith('Cemento Gris Cemex'))!;
    expect(shortStockNote(tenant, cement, cement.stock + 70, 'es')).toMatch(new RegExp(`solo hay ${cement.stock} sacos.*70`));
    expect(shortStockNote(tenant, cement, cement.stock + 70, 'en')).toMatch(new RegExp(`only ${cement.stock} bags.*70`));
  });

  it('should say nothing when the count fits, nothing is left or the stock is unknown', async () => {
    const { tenant } = await loadDemo();
    const cement = tenant.catalog.find((p) => p.name.startsWith('Cemento Gris Cemex'))!;
    expect(shortStockNote(tenant, cement, cement.stock, 'es')).toBeNull();
    expect(shortStockNote(tenant, { ...cement, stock: 0 }, 10, 'es')).toBeNull();
    expect(shortStockNote(tenant, { ...cement, stock: Number.POSITIVE_INFINITY }, 10, 'es')).toBeNull();
  });

  it('should flag the cement over its stock in a priced list, not the paint within it', async () => {
    const { tenant, brain } = await loadDemo();
    const [reply] = await chatOnFreshHost(tenant, brain, 'talk11-short', 'cotízame 300 sacos de cemento y 5 galones de pintura');
    expect(reply).toMatch(/300 x \*Cemento Gris[^\n]*solo hay 230 sacos[^\n]*70/);
    expect(reply).toMatch(/5 x \*Pintura[^\n]*disponible: 95 galones/);
  });
});
