import { describe, expect, it } from 'vitest';
import { countsAColour } from '../../../src/actors/brain/rule/colour-only.js';
import { goodsBySize, withCountedSizes } from '../../../src/actors/brain/rule/goods-by-size.js';
import { leadingCount } from '../../../src/actors/tools/colour-count.js';
import { withoutContainers } from '../../../src/actors/tools/container-words.js';
import { resolverFor } from '../../../src/actors/catalog/index.js';
import { countedInstead } from '../../../src/actors/tools/order-total.js';
import { pickOnCounter } from '../../../src/actors/tools/counter-pick.js';
import { followUpCore } from '../../../src/machines/product-focus.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('a count of a colour with no product named', () => {
  it('should read the count of a colour as an order of it', async () => {
    const { tenant } = await loadDemo();
    expect(countsAColour(tenant.catalog, 'dame 3 galones de la blanca')).toBe(true);
    expect(countsAColour(tenant.catalog, "I'll take 4 of the white")).toBe(true);
    expect(countsAColour(tenant.catalog, '2 gallons of the green one')).toBe(true);
  });

  it('should leave a colour without a count, or a product named, to the other readers', async () => {
    const { tenant } = await loadDemo();
    expect(countsAColour(tenant.catalog, 'tienen blanco?')).toBe(false);
    expect(countsAColour(tenant.catalog, 'dame 3 galones de pintura blanca')).toBe(false);
    expect(countsAColour(tenant.catalog, 'tengo 3 hijos y una casa blanca en Higuey')).toBe(false);
  });

  it('should read the count said first before "de la" / "of the"', () => {
    expect(leadingCount('dame 2 de la negra')).toBe(2);
    expect(leadingCount("I'll take 4 of the white")).toBe(4);
    expect(leadingCount('la de 2 pulgadas')).toBeUndefined();
    expect(leadingCount('tienen negra?')).toBeUndefined();
  });
});

describe('the word that takes the answer in before a count and another size', () => {
  it('should drop "entonces", "pues", "dale" before the pick', () => {
    expect(followUpCore('entonces dame 10 de 3/8')).toBe('10 de 3/8');
    expect(followUpCore('pues dame 15 de 1/2')).toBe('15 de 1/2');
    expect(followUpCore('dale, 12 de la de media entonces')).toBe('12 de la de media');
    expect(followUpCore('ta bien dame 2 del de 40')).toBe('2 del de 40');
    expect(followUpCore('kiero 5 d las d 1/2')).toBe('5 de las de 1/2');
  });
});

describe('lumber counted by its size in a list', () => {
  it('should add each counted size beside the goods named by their words', async () => {
    const { tenant } = await loadDemo();
    const named = { mentions: [{ query: 'plywood', quantity: 4, start: 19, end: 26 }], entities: [] };
    const text = '10 2x4 y 4 planchas de plywood';
    const read = withCountedSizes(text, tenant.catalog, named);
    expect(read.mentions.map((m) => [m.query, m.quantity])).toEqual([
      ['2x4', 10],
      ['plywood', 4],
    ]);
  });

  it('should read every counted size when no product word is named', async () => {
    const { tenant } = await loadDemo();
    const text = '15 2x4 and 3 4x4';
    const read = withCountedSizes(text, tenant.catalog, goodsBySize(text, tenant.catalog)!);
    expect(read.mentions.map((m) => [m.query, m.quantity])).toEqual([
      ['2x4', 15],
      ['4x4', 3],
    ]);
  });

  it('should leave a size with no count before it alone', async () => {
    const { tenant } = await loadDemo();
    const named = { mentions: [{ query: 'ceramica', start: 0, end: 8 }], entities: [] };
    expect(withCountedSizes('ceramica para un piso de 4x4', tenant.catalog, named)).toBe(named);
  });

  it('should read the same cross-section again with another count and length', async () => {
    const { tenant } = await loadDemo();
    const text = 'ocupo 8 2x4 de 12 y 4 de 10';
    const read = withCountedSizes(text, tenant.catalog, goodsBySize(text, tenant.catalog)!);
    expect(read.mentions.map((m) => [m.query, m.quantity])).toEqual([
      ['2x4 de 12', 8],
      ['2x4 de 10', 4],
    ]);
  });

  it('should read a box of loose goods in a list as those goods, uncounted', async () => {
    const { tenant } = await loadDemo();
    const index = resolverFor(tenant.catalog) as never;
    expect(withoutContainers(index, [{ query: '2x4', quantity: 10 }, { query: 'box nail', quantity: 1 }])).toEqual([{ query: '2x4', quantity: 10 }, { query: 'nail' }]);
    expect(withoutContainers(index, [{ query: '2x4', quantity: 10 }, { query: 'clavo en caja', quantity: 2 }])).toEqual([{ query: '2x4', quantity: 10 }, { query: 'clavo' }]);
    // Alone, the box is said not sold (the single answer names what there is).
    expect(withoutContainers(index, [{ query: 'box nail', quantity: 1 }])).toEqual([{ query: 'box nail', quantity: 1 }]);
  });

  it('should count the lumber in the brain reading of a list', async () => {
    const { brain } = await loadDemo();
    const products = (await brain.understand({ text: 'I need 10 2x4s, 5 2x6 and 3 sheets of plywood', lang: 'en', expecting: { kind: 'none' } } as never)).products;
    expect(products.map((p) => p.quantity)).toEqual([10, 5, 3]);
  });
});

describe('a count of another of the family of the one shown', () => {
  const focus = (sku: string, extra: Partial<ProductFocus> = {}): ProductFocus => ({ sku, name: '', query: 'cemento', turn: 1, ...extra }) as ProductFocus;

  it('should take the brand named, counted, from the shown product\'s family', async () => {
    const { tenant } = await loadDemo();
    expect(pickOnCounter(tenant, focus('CEM-001'), 'dame 10 del cibao')).toMatchObject({ product: { sku: 'CEM-002' }, quantity: 10 });
    expect(pickOnCounter(tenant, focus('CEM-001'), 'dame 10 de arena')).toBeNull();
  });

  it('should take the shown one off the counter when another of its family is counted instead', async () => {
    const { tenant } = await loadDemo();
    expect(countedInstead(tenant, focus('CEM-001'), focus('CEM-002', { quantity: 10 }))).toBe(true);
    expect(countedInstead(tenant, focus('CEM-001', { quantity: 5 }), focus('CEM-002', { quantity: 10 }))).toBe(false);
    expect(countedInstead(tenant, focus('CEM-001'), focus('AGR-001', { quantity: 2 }))).toBe(false);
  });
});

describe('a board asked in a length there is not, in a list', () => {
  it('should take the board of that cross-section when only its length is unmet', async () => {
    const { boardInOtherLength } = await import('../../../src/actors/tools/board-length.js');
    expect(boardInOtherLength('2x6 8 ft', { product: { name: "Madera Pino Tratado 2x6x12'" }, unmet: ['size'] })).toBe(true);
    expect(boardInOtherLength('2x6 8 ft', { product: { name: "Madera Pino Tratado 2x4x12'" }, unmet: ['size'] })).toBe(false);
    expect(boardInOtherLength('2x6 rojo', { product: { name: "Madera Pino Tratado 2x6x12'" }, unmet: ['colour'] })).toBe(false);
    expect(boardInOtherLength('tubo 5 pulgadas', { product: { name: 'Tubo PVC 4"' }, unmet: ['size'] })).toBe(false);
  });
});
