import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { followUpQuantity, isProductFollowUp, readFollowUpQuantity } from '../../../src/machines/product-focus.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** One customer's conversation through the real host: each turn's replies. */
const chat = (sender: string, ...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, sender, ...messages);

describe('readFollowUpQuantity', () => {
  it.each([
    ['cuánto me costarían 7?', 7],
    ['bueno, ponme 12', 12],
    ['and how much for 40?', 40],
    ['entonces serían 15 fundas?', 15],
    ['dame veinte', 20],
    ['y si llevo 6 de esas?', 6],
    ['okay give me 4 please', 4],
    ['what about 9?', 9],
    ['make it 15', 15],
    ['y si fueran 40?', 40],
    ["I'll take 4", 4],
    ['y pa 8?', 8],
    ['10 sacos mas', 10],
  ])('should read "%s" as a quantity of %i', (text, n) => {
    expect(followUpQuantity(text)).toBe(n);
    expect(isProductFollowUp(text)).toBe(true);
  });

  it.each(['y de 6?', 'cuánto cuesta el de 4?', 'la primera', 'una', 'quiero hablar con alguien', 'mi cuenta 12345'])('should not read "%s" as a quantity', (text) => {
    expect(followUpQuantity(text)).toBeUndefined();
  });

  it('should keep the selling unit the customer named', () => {
    expect(readFollowUpQuantity('y 3 cubetas?')).toEqual({ quantity: 3, unit: 'cubetas' });
    // "more" is no unit: it says the count is on top of the one on the counter.
    expect(readFollowUpQuantity('and 2 more')).toEqual({ quantity: 2, change: 'more' });
  });

  it('should read the count in "si llevo 10, ¿cuánto pago?"', () => {
    expect(readFollowUpQuantity('si llevo 10 cuanto pago?')).toEqual({ quantity: 10 });
    expect(readFollowUpQuantity('if I take 5 how much do I pay?')).toEqual({ quantity: 5 });
    expect(readFollowUpQuantity('y si cojo 12 cuanto pago?')).toEqual({ quantity: 12 });
    expect(readFollowUpQuantity('si agarro 20?')).toEqual({ quantity: 20 });
  });
});

describe('quantities › through the whole host', () => {
  it('should multiply a price-worded quantity follow-up with the product in focus', async () => {
    const [, total] = await chat('pq-1', 'precio del inodoro', 'cuánto me costarían 4?');
    expect(total).toContain('4 × RD$6,950.00 = *RD$27,800.00*');
  });

  it('should take "bueno, ponme 12" after a hammer as 12 hammers', async () => {
    const [, total] = await chat('pq-2', 'martillo truper', 'bueno, ponme 12');
    expect(total).toContain('12 × RD$495.00 = *RD$5,940.00*');
  });

  it('should read a pack word in the follow-up as the same product when it is sold that way', async () => {
    const [, total] = await chat('pq-3', 'a como el saco de cemento gris', 'entonces serían 15 fundas?');
    expect(total).toContain('15 × RD$655.00 = *RD$9,825.00*');
  });

  it('should switch pack when the follow-up names another one (bucket after a gallon)', async () => {
    const [, total] = await chat('pq-4', 'galón de pintura satinada blanca', 'y 2 cubetas?');
    expect(total).toContain('Pintura Satinada Popular Blanco (cubeta 5 gal)');
    expect(total).toContain('RD$13,900.00');
  });

  it('should price a pack word said after the product ("white paint bucket")', async () => {
    const [answer] = await chat('pq-5', 'satin paint bucket price');
    expect(answer).toContain('(cubeta 5 gal)');
  });

  it('should multiply a length before a product sold by the foot, in words too', async () => {
    const [es, en] = await chat('pq-6', '50 pies de cable 14', 'two hundred feet of cable 10');
    expect(es).toContain('50 × RD$19.00 = *RD$950.00*');
    expect(en).toContain('200 × RD$42.00 = *RD$8,400.00*');
  });

  it('should keep a length before a product sold by the unit as its size, not a quantity', async () => {
    const [answer] = await chat('pq-7', '20 pies de tubo pvc de 1/2');
    expect(answer).not.toMatch(/20 ×/);
  });

  it('should read an English inch size written in words before the product', async () => {
    const [pipe, elbow] = await chat('pq-8', 'one inch pvc pipe please', 'three quarter inch elbow');
    expect(pipe).toContain('Tubo PVC 1" SDR-26');
    expect(elbow).toContain('Codo PVC 3/4"');
  });

  it('should count a product sold by the hundred in hundreds, whether the customer counts hundreds or pieces', async () => {
    const [hundreds, pieces, dozens] = await chat('pq-9', '4 cientos de tornillos autorroscantes', '500 tornillos autorroscantes', 'dame 2 docenas de tornillos autorroscantes');
    expect(hundreds).toContain('4 × RD$140.00 = *RD$560.00*');
    expect(pieces).toContain('5 × RD$140.00 = *RD$700.00*');
    // 24 screws come in one box of a hundred: one hundred, not 24.
    expect(dozens).not.toContain('24 ×');
  });

  it('should keep the count and the size written before an English product in a list', async () => {
    const [answer] = await chat('pq-10', 'how much for 40 three quarter inch elbows and 12 one inch pvc pipes');
    expect(answer).toContain('40 x *Codo PVC 3/4" x 90°*: RD$28.00 each = *RD$1,120.00*');
    expect(answer).toContain('12 x *Tubo PVC 1" SDR-26 (6 m)*: RD$385.00 each = *RD$4,620.00*');
  });

  it('should take a count before another attribute of the product in focus ("y 6 de 3/4?", "and 4 of the white one?")', async () => {
    const [, pipes] = await chat('pq-11', 'tubo pvc de 1/2', 'y 6 de 3/4?');
    expect(pipes).toContain('6 × RD$260.00 = *RD$1,560.00*');
    const [, white] = await chat('pq-12', 'how much is the grey cement?', 'and 4 of the white one?');
    expect(white).toContain('4 × RD$1,150.00 = *RD$4,600.00*');
  });

  it('should point out the 5-gallon cubeta when a whole number of them is cheaper than the gallons', async () => {
    const [ten, three] = await chat('pq-13', '15 galones de pintura satinada blanca', '3 galones de pintura satinada blanca');
    expect(ten).toContain('15 × RD$1,480.00 = *RD$22,200.00*');
    expect(ten).toContain('3 × *Pintura Satinada Popular Blanco (cubeta 5 gal)* a RD$6,950.00 = *RD$20,850.00* (ahorras RD$1,350.00)');
    expect(three).not.toContain('cubeta');
  });
});

describe('a count changed', () => {
  it.each([
    ['no, que sean 15', 15],
    ['cámbialo a 15', 15],
    ['ponle 15', 15],
    ['change it to 15', 15],
    ['actually 15', 15],
    ['ese mismo, dame 5', 5],
    ['dame 5 de ese mismo', 5],
    ['ese, dame 5', 5],
    ['same one, 5 please', 5],
    ['that one, 5 bags', 5],
    ['sí pero 10', 10],
    ['yes, but 10', 10],
  ])('reads %s as %i', (text, n) => {
    expect(followUpQuantity(text)).toBe(n);
  });
});

describe('the other one on the counter', () => {
  it('reads a pick of the other product, with its count', async () => {
    const { otherCount, pickedOther } = await import('../../../src/machines/product-focus.js');
    for (const text of ['el otro', 'y la otra?', 'mejor el otro', '¿cuánto cuesta el otro?', 'the other one', 'y 5 del otro', '2 of the other one']) expect(pickedOther(text)).toBe(true);
    for (const text of ['tengo otro problema', 'otro día', 'quiero otra cosa', 'el blanco']) expect(pickedOther(text)).toBe(false);
    expect(otherCount('y 5 del otro')).toBe(5);
    expect(otherCount('dame 3 de la otra')).toBe(3);
    expect(otherCount('el otro')).toBeUndefined();
  });
});

describe('a count changed by some', () => {
  it('reads "5 más" as more and "quítale 2" as fewer', () => {
    expect(readFollowUpQuantity('dame 5 más')).toEqual({ quantity: 5, change: 'more' });
    expect(readFollowUpQuantity('5 more please')).toEqual({ quantity: 5, change: 'more' });
    expect(readFollowUpQuantity('quítale 2')).toEqual({ quantity: 2, change: 'less' });
    expect(readFollowUpQuantity('take 2 off')).toEqual({ quantity: 2, change: 'less' });
    expect(readFollowUpQuantity('2 menos')).toEqual({ quantity: 2, change: 'less' });
    expect(readFollowUpQuantity('quítale la arena')).toBeUndefined();
  });
});

describe('whether the product on the counter is there', () => {
  it('reads "¿no hay?" and its kin, not other questions', async () => {
    const { asksIfInStock, isProductFollowUp } = await import('../../../src/machines/product-focus.js');
    for (const text of ['¿no hay?', 'hay o no?', '¿lo tienen?', 'y no tienen?', 'is it in stock?', 'do you have it?']) expect(asksIfInStock(text)).toBe(true);
    for (const text of ['¿hay delivery?', 'no hay problema', 'tienen cemento?', 'do you have rebar?']) expect(asksIfInStock(text)).toBe(false);
    expect(isProductFollowUp('¿no hay?')).toBe(true);
  });
});
