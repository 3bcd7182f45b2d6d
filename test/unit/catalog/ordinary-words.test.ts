import { beforeAll, describe, expect, it } from 'vitest';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { parseProductText } from '../../../src/actors/catalog/attributes.js';
import { demoTenant } from '../tools/helpers.js';

let matcher: ProductMatcher;

beforeAll(async () => {
  matcher = createProductMatcher((await demoTenant()).catalog);
});

/** Ordinary words one letter from a colour, a finish or a number are none of them. */
describe('attribute words a customer did not mean', () => {
  it.each([
    'cemento colocado', 'cemento ya colocado', 'qué tan caro es el generador?', 'promo de cemento?', 'I bought it back then',
    'write me the price', 'while you are at it', 'clavos de 2 pulgadas', 'claro, dame cemento', 'crear una cuenta',
    'el banco de trabajo', 'se vende cemento?', 'hueco en la pared', 'no importa el color', 'constructor', 'soy de Constructora Los Pinos',
    'toString', 'a matter of time',
  ])('should read no colour or finish in "%s"', (text) => {
    const { attributes } = parseProductText(text);
    expect(attributes.colours).toEqual([]);
    expect(attributes.finish).toBeUndefined();
  });

  it.each([
    ['pintura colorada', 'rojo'],
    ['cemento colorao', 'rojo'],
    ['pintura blnca', 'blanco'],
    ['pintura banca', 'blanco'],
    ['pintura amarilo', 'amarillo'],
    ['pintura asul', 'azul'],
    ['silicon claro', 'transparente'],
    ['white paint', 'blanco'],
    ['negra', 'negro'],
  ])('should still read the colour in "%s" (%s)', (text, colour) => {
    expect(parseProductText(text).attributes.colours).toEqual([colour]);
  });

  it('should read "azul claro" as blue, not as a clear product', () => {
    expect(parseProductText('pintura azul claro').attributes.colours).toEqual(['azul']);
  });

  it('should find no quantity or number in a word that is a member of every object', () => {
    expect(parseProductText('constructor de casas').quantity).toBeUndefined();
    expect(matcher.extract('I am a constructor, price of cement?').entities.filter((e) => e.type === 'quantity')).toEqual([]);
  });
});

/** "kiero 3 galone de pintura": a unit typed as customers type it keeps its quantity. */
describe('selling units as customers type them', () => {
  it.each([
    ['kiero 3 galone de pintura', 3, 'galon pintura'],
    ['necesito 4 galónes de pintura blanca', 4, 'galon pintura blanca'],
    ['2 glns de pintura', 2, 'galon pintura'],
    ['I need 3 galons of white paint', 3, 'galon white paint'],
    ['dame 5 qq de cemento', 5, 'quintal cemento'],
    ['10 zacos de cemento', 10, 'saco cemento'],
    ['quiero 3 fundas de cemento gris', 3, 'funda cemento gris'],
    ['6 sacos de cemento', 6, 'saco cemento'],
  ])('should keep the quantity of "%s"', (text, quantity, query) => {
    const [mention] = matcher.extract(text).mentions;
    expect(mention?.quantity).toBe(quantity);
    expect(mention?.query).toBe(query);
  });

  it.each([['kiero 3 galone de pintura', 3, 'galon'], ['5 qq de cemento', 5, 'saco'], ['2 glns de pintura', 2, 'galon']])(
    'should read the pack and the quantity of "%s" in the catalog parser',
    (text, quantity, pack) => {
      const parsed = parseProductText(text);
      expect(parsed.quantity).toBe(quantity);
      expect(parsed.attributes.pack).toBe(pack);
    },
  );
});
