import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { confirmShown } from '../../../src/actors/tools/product-confirm.js';
import { bareAsFeet, dimsWithNewLength, withoutBoardSize } from '../../../src/actors/tools/board-length.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let matcher: ProductMatcher;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  matcher = createProductMatcher(tenant.catalog);
});

const focusOn = (sku: string): ProductFocus => {
  const p = tenant.catalog.find((x) => x.sku === sku)!;
  return { sku, name: p.name, query: p.name, price: p.price } as ProductFocus;
};

/** Another length of a board or a roofing sheet asked after one was priced: that length, never the old board or a count. */
describe('another length asked of the board or sheet on the counter', () => {
  it('should keep the cross-section and change the length', () => {
    const ft = [{ value: 12, unit: 'ft' as const }];
    const previous = [{ value: 10, unit: 'ft' as const }];
    expect(dimsWithNewLength('2x4x10', previous, ft)).toBe('2x4');
    expect(dimsWithNewLength('2x4x10', previous, [{ value: 12, unit: '' as const }])).toBe('2x4');
    expect(dimsWithNewLength('4x8', previous, ft)).toBe('4x8');
    expect(dimsWithNewLength('2x4x10', previous, [{ value: 3, unit: 'in' as const }])).toBe('2x4x10');
    expect(bareAsFeet('y de 12?', previous, '2x4')).toBe("y de 12'?");
    expect(bareAsFeet('y de 12?', [{ value: 3, unit: 'in' as const }], undefined)).toBe('y de 12?');
    expect(withoutBoardSize("Madera Pino Tratado 2x4x10'")).toBe('Madera Pino Tratado');
  });

  it.each([
    ['madera 2x4x10 tratada', 'y la de 12 pies?'],
    ['price of 2x4x10 treated pine', 'and the 12 foot one?'],
    ['2x4 de 10 pies', 'y de 12?'],
    ['madera tratada 2x4x10', 'y en 12 pies'],
  ])('%s → %s: the 2x4x12 board', async (first, second) => {
    const replies = await chatOnFreshHost(tenant, brain, `board-${first}-${second}`, first, second);
    expect(replies.at(-1)).toContain("2x4x12'");
    expect(replies.at(-1)).toContain('565');
    expect(replies.at(-1)).not.toMatch(/No tenemos|We don't have|Cable|5,700/);
  });

  it('should read another length in feet of a roofing sheet as that sheet, not a count', async () => {
    for (const [first, second] of [['aluzinc 12 feet', 'and the 16 foot one?'], ['aluzinc de 12 pies', 'y en 16 pies']] as const) {
      const replies = await chatOnFreshHost(tenant, brain, `sheet-${second}`, first, second);
      expect(replies.at(-1), second).toContain('RD$1,920.00');
      expect(replies.at(-1), second).not.toContain('30,720');
    }
  });

  it('should still read feet of a roll of cable as feet of cable sold by the foot', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'roll-feet', 'cable 12 thhn el rollo', 'dame 100 pies mejor no el rollo');
    expect(replies.at(-1)).toContain('RD$2,800.00');
  });

  it('should price a count of another length', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'board-count', 'madera 2x4x10', 'dame 10 de 12 pies');
    expect(replies.at(-1)).toContain('RD$5,650.00');
  });
});

/** "¿y en blanco?" after the Blanco Hueso: white is another colour the catalog sells, not a check of this one. */
describe('another colour whose word is inside the name shown', () => {
  it('should not confirm the off-white for white, and still confirm the white for white', () => {
    expect(confirmShown(tenant, focusOn('PIN-001'), 'y en blanco?', 'es')).toBeNull();
    expect(confirmShown(tenant, focusOn('PIN-001'), 'and in white?', 'en')).toBeNull();
    expect(confirmShown(tenant, focusOn('PIN-003'), 'es blanco?', 'es')?.replies[0]).toMatchObject({ template: 'product.confirm' });
    expect(confirmShown(tenant, focusOn('PIN-001'), 'es tropical?', 'es')?.replies[0]).toMatchObject({ template: 'product.confirm' });
  });

  it('should answer the white one, saying the white bucket is out of stock', async () => {
    const gallon = await chatOnFreshHost(tenant, brain, 'white-gallon', 'galon de pintura tropical blanco hueso', 'y en blanco?');
    expect(gallon.at(-1)).toContain('Pintura Acrílica Tropical Blanco (galón)');
    const bucket = await chatOnFreshHost(tenant, brain, 'white-bucket', 'cuanto cuesta la cubeta de pintura tropical blanco hueso', 'y en blanco?');
    expect(bucket.at(-1)).toMatch(/Tropical Blanco \(cubeta 5 gal\)\*[^\n]*agotado/);
  });
});

/** "llave de paso 3/4", "candado de latón 50 mm": a size after "de" and the words is the product's size. */
describe('a size after the words joined by "de"', () => {
  const read = (text: string) => matcher.extract(text).mentions.map((m) => m.query);
  it.each([
    ['candado de laton 50 mm', ['candado laton 50 mm']],
    ['candado de latón 50mm', ['candado laton 50 mm']],
    ['tubo de pvc 1/2', ['tubo pvc 1/2']],
    ['llave de paso 3/4', ['llave paso 3/4']],
  ])('%s', (text, queries) => {
    expect(read(text)).toEqual(queries);
  });

  it('should keep a size said before a material word the catalog lacks ("50 mm brass padlock")', () => {
    expect(read('50 mm brass padlock')).toEqual(['50 mm padlock']);
    expect(read('16 oz steel hammer')).toEqual(['16 oz hammer']);
  });

  it('should still read a count after the words as a count', () => {
    expect(matcher.extract('cemento de cemex 10 sacos').mentions[0]?.quantity).toBe(10);
  });
});

/** The lead's urgency said as a time frame: "lo necesito este mes" is a level, not a question to ask again. */
describe('urgency said as a time frame', () => {
  it('should read this month as medium and next month as low', async () => {
    const { detectUrgency } = await import('../../../src/actors/brain/rule/lead-levels.js');
    expect(detectUrgency('500 sacos de cemento para una obra, lo necesito este mes')).toBe('Medio');
    expect(detectUrgency('we need it this month')).toBe('Medio');
    expect(detectUrgency('empezamos el mes que viene')).toBe('Bajo');
    expect(detectUrgency('we start next month')).toBe('Bajo');
    expect(detectUrgency('lo necesito hoy mismo')).toBe('Alto');
  });
});

/** Packs counted ("3 cubetas", "3 five-gallon buckets") with a price or a discount asked: a price, never "how many square metres?". */
describe('packs counted with a price asked', () => {
  it('should not read them as a question of how much material a job takes', async () => {
    const { readMaterialQuestion } = await import('../../../src/machines/material-questions.js');
    expect(readMaterialQuestion('necesito 3 cubetas de pintura tropical blanco hueso cuanto con el descuento')).toBeNull();
    expect(readMaterialQuestion('if I buy 3 five-gallon buckets of tropical paint, how much with the discount?')).toBeNull();
    expect(readMaterialQuestion('cuanta pintura necesito para una pared de 4 por 3')).not.toBeNull();
    expect(readMaterialQuestion('how much paint do I need')).not.toBeNull();
  });

  it('should count the buckets, not the gallons each holds', () => {
    const quantities = (text: string) => matcher.extract(text).entities.filter((e) => e.type === 'quantity').map((e) => e.value);
    expect(quantities('if I buy 3 five-gallon buckets of tropical paint')).toEqual(['3']);
    expect(quantities('a five gallon bucket of paint')).toEqual([]);
    expect(quantities('2 cubetas de 5 galones de pintura')).toEqual(['2']);
  });

  it('should price them with the offer', async () => {
    for (const text of ['if I buy 3 five-gallon buckets of tropical paint, how much with the discount?', 'necesito 3 cubetas de pintura tropical blanco hueso cuanto con el descuento']) {
      const [reply] = await chatOnFreshHost(tenant, brain, `buckets-${text}`, text);
      expect(reply, text).toContain('15,255');
    }
  });
});
