import { beforeAll, describe, expect, it } from 'vitest';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { demoTenant } from '../tools/helpers.js';

let matcher: ProductMatcher;

beforeAll(async () => {
  matcher = createProductMatcher((await demoTenant()).catalog);
});

const phrases = (text: string): string[] => matcher.extract(text).mentions.map((m) => m.query);

describe('rule brain product phrases over the demo catalog', () => {
  it.each([
    // The gallons are the bucket's size: one bucket (or the buckets counted), never five gallons.
    ['la cubeta de 5 galones de pintura blanca', 'cubeta pintura blanca', undefined],
    ['2 cubetas de 5 galones de pintura', 'cubeta pintura', 2],
    ['el cubo de 5 galones de impermeabilizante', 'cubo impermeabilizante', undefined],
    // Said after the product, the same size, joined so that no reader counts it.
    ['pintura blanco hueso de 5 galones', 'pintura blanco hueso 5gal', undefined],
    // A count of gallons is still a count.
    ['5 galones de pintura blanca', 'galon pintura blanca', 5],
    // What a job is done on is the product's use, not a second product; it says which one when a product carries both words.
    ['cemento pa pegar blocks', 'cemento', undefined],
    ['pegamento para pegar ceramica', 'pegamento ceramica', undefined],
    // WhatsApp's "d" for "de".
    ['kiero 2 galones d pintura', 'galon pintura', 2],
    ['tiene varillas d 3/8', 'varilla 3/8', undefined],
    // A unit word that leads a product's name ("Hojas de Segueta") is that product, not the unit it is counted in.
    ['hojas de segueta', 'hoja segueta', undefined],
    ['2 hojas de segueta', 'hoja segueta', 2],
  ])('should read "%s" as %s (quantity %s)', (text, query, quantity) => {
    const [mention, ...rest] = matcher.extract(text).mentions;
    expect(rest).toEqual([]);
    expect(mention?.query).toBe(query);
    expect(mention?.quantity).toBe(quantity);
  });

  it.each([
    ['screws for drywall', 'screw drywall'],
    ['tienen pintura impermeabilizante?', 'pintura impermeabilizante'],
    ['tornillos para techo', 'tornillo techo'],
    ['llave de lavamanos', 'llave lavamano'],
    ['roofing sheets', 'roofing sheet'],
    ['block u para dintel', 'block dintel'],
    ['bloque de ocho', 'bloque 8'],
    ['pvc glue quarter gallon', 'pvc glue 1/4 gal'],
    ['pintura blanca de cubeta', 'pintura blanca de cubeta'],
  ])('should keep "%s" as one product phrase (%s)', (text, query) => {
    expect(phrases(text)).toEqual([query]);
  });

  it.each([
    'gracias',
    'muchas gracias, bye',
    'will you marry me?',
    'what do you think about politics?',
    "what's the weather like tomorrow?",
    'cómo renuevo la licencia de conducir?',
    'qué formas de pago tienen?',
    'me mandas la ubicación',
    'the drill on sale? no',
    'el taladro no funciona',
  ])('should not read a product where there is none, or a stray word into one: "%s"', (text) => {
    const found = phrases(text);
    expect(found.filter((q) => !/^(?:taladro|drill)$/.test(q))).toEqual([]);
  });

  it('should still split products a customer lists', () => {
    expect(phrases('cemento, arena y grava')).toEqual(['cemento', 'arena', 'grava']);
    expect(phrases('tienen cemento y varillas de 3/8?')).toEqual(['cemento', 'varilla 3/8']);
  });
});
