import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { bucketCountAt, dealAt } from '../../../src/actors/brain/rule/count-shapes.js';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { countInUnit } from '../../../src/actors/tools/piece-counts.js';
import { readMaterialQuestion } from '../../../src/machines/material-questions.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let matcher: ProductMatcher;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemoWithIndex());
  matcher = createProductMatcher(tenant.catalog);
});

const read = (text: string) => matcher.extract(text).mentions.map((m) => ({ query: m.query, quantity: m.quantity }));
const toks = (text: string) => text.split(' ').map((t, i) => ({ t, s: i }));
const numberOf = (t: string): number | null => (/^\d+$/.test(t) ? Number(t) : t === 'five' ? 5 : t === 'three' ? 3 : null);

describe('counts said around a gauge, a size or a pack (counter10)', () => {
  it('should count the feet before a gauge followed by "de"', () => {
    expect(read('dame 30 pies de #12 de cable')).toEqual([{ query: 'cable #12', quantity: undefined }]);
    expect(read('dame 30 pies de #12 de cable')[0]?.quantity).not.toBe(12);
  });

  it('should read "tubo de 4 drenaje" as one pipe of 4 inches, not four drains', () => {
    expect(read('tubo de 4 drenaje')).toEqual([{ query: 'tubo 4 drenaje', quantity: undefined }]);
    expect(read('2 tubos de 3 drenaje')).toEqual([{ query: 'tubo 3 drenaje', quantity: 2 }]);
    // A number before a product never made in that size still counts it.
    expect(read('block de 6 cemento').map((m) => m.query)).toEqual(['block', 'cemento']);
  });

  it('should read a deal after a product as no size', () => {
    expect(read('todavia tienen lo de los candados 2x1?')).toEqual([{ query: 'candado', quantity: undefined }]);
    expect(read('madera 2x4')[0]?.query).toBe('madera 2x4');
    expect(dealAt(toks('2x1'), 0)).toBe(1);
    expect(dealAt(toks('3 x 2'), 0)).toBe(3);
    expect(dealAt(toks('2x4'), 0)).toBe(0);
    expect(dealAt(toks('2 x 1 pulgada'), 0)).toBe(0);
  });

  it('should count buckets said with their gallons before them', () => {
    expect(read('3 five-gallon buckets of tropical paint')).toEqual([{ query: 'bucket tropical paint', quantity: 3 }]);
    expect(bucketCountAt(toks('3 five gallon buckets'), 2, numberOf)).toBe(0);
    expect(bucketCountAt(toks('five gallon buckets'), 1, numberOf)).toBeNull();
  });

  it('should read "a dozen" and "half a dozen" as counts, not product words', () => {
    expect(read('a dozen drywall screws')).toEqual([{ query: 'drywall screw', quantity: 12 }]);
    expect(read('half a dozen padlocks')).toEqual([{ query: 'padlock', quantity: 6 }]);
  });

  it('should say boxes of goods no box holds after them, and keep boxes that are goods', () => {
    expect(read('dame 2 cajas de tornillos')).toEqual([{ query: 'tornillo en caja', quantity: 2 }]);
    expect(read('2 cajas de guantes')).toEqual([{ query: 'caja guantes', quantity: 2 }]);
    expect(read('2 sacos de cemento')).toEqual([{ query: 'saco cemento', quantity: 2 }]);
  });

  it('should never turn a count of pieces in dozens into pounds', () => {
    expect(countInUnit({ query: 'drywall screw', quantity: 12 }, 'libra', 'a dozen drywall screws')).toEqual({ query: 'drywall screw' });
    expect(countInUnit({ query: 'clavo', quantity: 5 }, 'libra', '5 libras de clavos')).toEqual({ query: 'clavo', quantity: 5 });
    expect(countInUnit({ query: 'tornillo', quantity: 200 }, 'ciento', '200 tornillos')).toEqual({ query: 'tornillo', quantity: 2 });
  });

  it('should read "how much with the discount" as a price, not how much paint a job takes', () => {
    expect(readMaterialQuestion('if I buy 3 five-gallon buckets of tropical paint, how much with the discount?')).toBeNull();
    expect(readMaterialQuestion('cuantos galones necesito para 40 metros cuadrados?')).not.toBeNull();
  });
});

describe('the counter answers them (counter10)', () => {
  it('should price 30 feet of #12 wire', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-feet', 'dame 30 pies de #12 de cable');
    expect(reply).toContain('840');
  });

  it('should show the 4" drain pipe for "tubo de 4 drenaje"', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-drain', 'tubo de 4 drenaje');
    expect(reply).toContain('1,290');
    expect(reply).not.toContain('2,080');
  });

  it('should say the padlock 2x1 ended', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-2x1', 'todavia tienen lo de los candados 2x1?');
    expect(reply).toMatch(/termin/);
    expect(reply).not.toContain('No lo tengo en');
  });

  it('should price three five-gallon buckets with the offer', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-buckets', 'if I buy 3 five-gallon buckets of tropical paint, how much with the discount?');
    expect(reply).toContain('15,255');
  });

  it('should show screws, not electrical boxes, for boxes of screws', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-boxes', 'dame 2 cajas de tornillos');
    expect(reply).toContain('Tornillo');
    expect(reply).not.toContain('Octagonal');
    expect(reply).not.toContain('330');
  });

  it('should show the price per pound for a dozen screws sold by weight', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-dozen', 'a dozen drywall screws');
    expect(reply).toContain('165');
    expect(reply).not.toContain('1,980');
    expect(reply).not.toContain('dozen drywall');
  });
});

describe('a count in a pack the goods are not sold in is not kept for the pick (counter10)', () => {
  it('should price the nails picked after "2 cajas de clavos" per pound, not as 2 pounds', async () => {
    const [, picked] = await chatOnFreshHost(tenant, brain, 'counter10-box-pick', '2 cajas de clavos', 'el de 3 pulgadas');
    expect(picked).toContain('60');
    expect(picked).not.toContain('120');
  });
});
