import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { partAmount, partCount } from '../../../src/machines/part-amounts.js';
import { readFollowUpQuantity } from '../../../src/machines/product-focus.js';
import { withoutWholePackWords } from '../../../src/machines/whole-pack.js';
import { pieceNaming, poundsOfProduct } from '../../../src/actors/tools/said-amounts.js';
import { countText, soldInParts } from '../../../src/actors/tools/units.js';
import { quantityOf } from '../../../src/actors/tools/product-request.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemoWithIndex());
});

const product = (sku: string) => {
  const p = tenant.catalog.find((x) => x.sku === sku);
  if (!p) throw new Error(`no ${sku}`);
  return p;
};

describe('parts of a unit said (counter14)', () => {
  it('should read halves, quarters and written fractions with their unit', () => {
    expect(partAmount('un cuarto de libra de clavos')).toEqual({ value: 0.25, unit: 'libra' });
    expect(partAmount('tres cuartos de libra')).toEqual({ value: 0.75, unit: 'libra' });
    expect(partAmount('a quarter pound of nails')).toEqual({ value: 0.25, unit: 'libra' });
    expect(partAmount('dos libras y cuarto de alambre')).toEqual({ value: 2.25, unit: 'libra' });
    expect(partAmount('1/2 lb de clavos')).toEqual({ value: 0.5, unit: 'libra' });
    expect(partAmount('1 1/2 libras de clavos')).toEqual({ value: 1.5, unit: 'libra' });
    expect(partAmount('libra y media de clavos de 2 1/2')).toEqual({ value: 1.5, unit: 'libra' });
    // A size is no amount: the nails' 2 1/2 inches, the half-inch pipe.
    expect(partAmount('clavos de 2 1/2')).toBeUndefined();
    expect(partAmount('tubo pvc de media')).toBeUndefined();
  });

  it('should read a part of a pound or a foot as a follow-up count, and nothing else', () => {
    expect(partCount('dame media libra')).toEqual({ quantity: 0.5, unit: 'libras' });
    expect(partCount('ok, libra y media nada más')).toEqual({ quantity: 1.5, unit: 'libras' });
    expect(partCount('give me half a pound')).toEqual({ quantity: 0.5, unit: 'libras' });
    expect(partCount('dame 1.5 libras')).toEqual({ quantity: 1.5, unit: 'libras' });
    expect(partCount('2,5 pies')).toEqual({ quantity: 2.5, unit: 'pies' });
    expect(partCount('media libra de clavos de 3')).toBeUndefined();
    // What is sold whole: the next whole one.
    expect(partCount('medio galon')).toEqual({ quantity: 1, unit: 'galones' });
    expect(partCount('dame saco y medio')).toEqual({ quantity: 2, unit: 'sacos' });
    expect(partCount('dame 3 libras')).toBeUndefined();
    expect(readFollowUpQuantity('y si son 2 libras y media?')).toEqual({ quantity: 2.5, unit: 'libras' });
    expect(readFollowUpQuantity('dame 3 libras')).toEqual({ quantity: 3, unit: 'libras' });
  });

  it('should keep parts only for what is weighed or cut, and write them in the language', () => {
    expect(soldInParts('libra')).toBe(true);
    expect(soldInParts('pie')).toBe(true);
    expect(soldInParts('saco 42.5 kg')).toBe(false);
    expect(soldInParts('galón')).toBe(false);
    expect(countText(0.5, 'es')).toBe('0,5');
    expect(countText(1.25, 'en')).toBe('1.25');
    expect(countText(3, 'es')).toBe(3);
    expect(quantityOf({ query: 'clavos', quantity: 0.5 })).toBe(0.5);
    expect(quantityOf({ query: 'clavos' })).toBe(1);
  });

  it('should read the pounds said before "of" of what is sold by the pound, in the part of a list naming it', () => {
    expect(poundsOfProduct('and 20 lbs of tie wire', product('VAR-008'))).toBe(20);
    expect(poundsOfProduct('5 lb de clavos', product('CLA-003'))).toBe(5);
    expect(poundsOfProduct('20 lbs of tie wire', product('CEM-001'))).toBeUndefined();
    expect(pieceNaming('media libra de clavos de 3 y 2 libras de alambre dulce', 'libra alambre dulce')).toBe('2 libras de alambre dulce');
    expect(pieceNaming('libra y media de clavos', 'clavo')).toBe('libra y media de clavos');
  });

  it('should blank the words that only say the whole pack, keeping the spans', () => {
    const text = 'actually whats the price of the whole roll';
    const blanked = withoutWholePackWords(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.trim()).toBe('whats the price of the       roll');
    expect(withoutWholePackWords('cuanto sale el rollo completo').trim()).toBe('cuanto sale el rollo');
    expect(withoutWholePackWords('Inodoro Completo')).toBe('Inodoro Completo');
  });
});

describe('weighing and cutting at the counter (counter14)', () => {
  it('should price half a pound of nails and of tie wire exactly, never a whole pound', async () => {
    const [nails] = await chatOnFreshHost(tenant, brain, 'counter14-half', 'media libra de clavos de 3"');
    expect(nails).toContain('RD$30.00');
    expect(nails).not.toContain('≈ 1 libra');
    const [wire] = await chatOnFreshHost(tenant, brain, 'counter14-wire', 'dame media libra de alambre dulce');
    expect(wire).toContain('RD$37.50');
    const [, after] = await chatOnFreshHost(tenant, brain, 'counter14-after', '3 inch nails', 'give me half a pound');
    expect(after).toContain('RD$30.00');
  });

  it('should still count a part of a sack or a gallon as the next whole one, said', async () => {
    const [sack] = await chatOnFreshHost(tenant, brain, 'counter14-sack', 'medio saco de cemento');
    expect(sack).toContain('≈ 1 saco');
    const [, after] = await chatOnFreshHost(tenant, brain, 'counter14-sack-after', 'cemento', 'dame medio saco');
    expect(after).toContain('≈ 1 saco');
    expect(after).toContain('655.00');
  });

  it('should count 20 lbs of tie wire and price the whole roll after wire by the foot', async () => {
    const [, , wire] = await chatOnFreshHost(tenant, brain, 'counter14-lbs', 'how much are 3/8 stirrups', 'I need 200', 'and 20 lbs of tie wire');
    expect(wire).toContain('1,500.00');
    const [, , roll] = await chatOnFreshHost(tenant, brain, 'counter14-roll', 'price for #12 THHN wire?', 'I need about 100 feet', 'actually whats the price of the whole roll');
    expect(roll).toContain('12,500.00');
    expect(roll).not.toContain('1,250,000');
  });
});
