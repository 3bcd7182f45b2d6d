import { describe, expect, it } from 'vitest';
import { asksEstimateAgain } from '../../../src/machines/product-focus.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { countJoinAt } from '../../../src/actors/brain/rule/count-shapes.js';
import { countForPurpose } from '../../../src/actors/tools/count-for-purpose.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('"N of each" in future and polite verbs', () => {
  it('should read the count of each however the order is said', () => {
    expect(asksEstimateAgain("I'll need 2 of each")).toEqual({ each: 2 });
    expect(asksEstimateAgain("we'd like 3 of each")).toEqual({ each: 3 });
    expect(asksEstimateAgain('voy a necesitar 2 de cada uno')).toEqual({ each: 2 });
    expect(asksEstimateAgain('vamos a llevar 5 de cada uno')).toEqual({ each: 5 });
  });

  it('should leave other talk alone', () => {
    expect(asksEstimateAgain("I'll need a plumber")).toBeNull();
    expect(asksEstimateAgain('voy a necesitar ayuda')).toBeNull();
  });
});

describe('a count and the product pointed at with its article', () => {
  const toks = (s: string) => s.split(' ').map((t, i) => ({ t, s: i }));
  const numberOf = (t: string): number | null => (/^\d+$/.test(t) ? Number(t) : null);

  it('should step over "of the", "del", "de la" after a count or its unit', () => {
    expect(countJoinAt(toks('2 gallons of the primer'), 3, numberOf)).toBe(2);
    expect(countJoinAt(toks('1 of the enamel'), 2, numberOf)).toBe(2);
    expect(countJoinAt(toks('2 galones del primer'), 2, numberOf)).toBe(1);
    expect(countJoinAt(toks('10 de cemento'), 1, numberOf)).toBe(1);
  });

  it('should not step over an article no count comes before', () => {
    expect(countJoinAt(toks('price of the primer'), 2, numberOf)).toBe(0);
    expect(countJoinAt(toks('el precio del primer'), 2, numberOf)).toBe(0);
  });

  it('should count each product said so in the brain reading', async () => {
    const { brain } = await loadDemo();
    const read = async (text: string) => (await brain.understand({ text, lang: 'es', expecting: { kind: 'none' } } as never)).products;
    expect(await read('ok give me 2 gallons of the primer and 1 of the black enamel')).toEqual([
      { query: 'gallon primer', quantity: 2 },
      { query: 'black enamel', quantity: 1 },
    ]);
    expect((await read('dame 2 galones del primer y 1 del esmalte negro')).map((p) => p.quantity)).toEqual([2, 1]);
    expect((await read('el precio del primer')).every((p) => p.quantity === undefined)).toBe(true);
  });
});

describe('things bought apart, and a brand with its colour', () => {
  it('should read "do I need to buy the screws separately?" as what the product comes with, the other way round', () => {
    expect(readFocusQuestion('do I need to buy the screws separately?')).toEqual({ kind: 'includes', thing: 'screws', said: 'the screws', apart: true });
    expect(readFocusQuestion('are the screws sold separately?')).toMatchObject({ kind: 'includes', thing: 'screws', apart: true });
    expect(readFocusQuestion('¿los tornillos se compran aparte?')).toMatchObject({ kind: 'includes', thing: 'tornillos', apart: true });
    expect(readFocusQuestion('tengo que comprar los tornillos aparte?')).toMatchObject({ kind: 'includes', thing: 'tornillos', apart: true });
    expect(readFocusQuestion('does it come with screws?')).toEqual({ kind: 'includes', thing: 'screws', said: 'screws' });
    expect(readFocusQuestion('¿la garantía se paga aparte?')).toBeNull();
  });

  it('should read the brand as the pick when a colour follows it', () => {
    expect(readFocusQuestion('the Tropical bone white one')).toEqual({ kind: 'named', word: 'tropical' });
    expect(readFocusQuestion('la popular blanca')).toEqual({ kind: 'named', word: 'popular' });
    expect(readFocusQuestion('the Truper one')).toEqual({ kind: 'named', word: 'truper' });
  });
});

describe('a count said with what it is for', () => {
  const input = (text: string, focus = true): ProductActorInput =>
    ({
      tenantId: 'ferreteria', lang: 'es', text, intent: 'price_quote', idempotencyKey: 'k',
      understanding: { nlu: { intent: { name: 'price_quote', confidence: 0.5 }, ranking: [], entities: [{ type: 'product', value: 'techo', start: 16, end: 21 }], lang: 'es' }, lang: 'es', affirmation: null, leadFields: {}, products: [{ query: 'techo' }], critical: false, priority: 1 },
      ...(focus ? { focus: { sku: 'CEM-001', name: 'Cemento', price: 655, query: 'cemento' } } : {}),
    }) as unknown as ProductActorInput;

  it('should keep only the count, for the product on the counter', () => {
    const read = countForPurpose(input('dame 15 para el techo'), 'dame 15 para el techo');
    expect(read?.text).toBe('dame 15');
    expect(read?.input.understanding.products).toEqual([]);
    expect(countForPurpose(input('give me 15 for the roof'), 'give me 15 for the roof')?.text).toBe('give me 15');
  });

  it('should leave goods named before "para", and a counter with nothing on it, alone', () => {
    expect(countForPurpose(input('tornillos para el techo'), 'tornillos para el techo')).toBeNull();
    expect(countForPurpose(input('cerraduras para 30 puertas'), 'cerraduras para 30 puertas')).toBeNull();
    expect(countForPurpose(input('dame 15 para el techo', false), 'dame 15 para el techo')).toBeNull();
    expect(countForPurpose(input('dame 3 para mañana'), 'dame 3 para mañana')).toBeNull();
  });
});
