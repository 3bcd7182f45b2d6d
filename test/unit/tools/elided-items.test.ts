import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let matcher: ProductMatcher;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  matcher = createProductMatcher(tenant.catalog);
});

async function ask(text: string): Promise<string> {
  const { host } = createMemoryHost({ tenant, brain });
  try {
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'elided', text });
    return turn.replies.map((r) => r.text).join('\n---\n');
  } finally {
    await host.close();
  }
}

const items = (text: string): [string, number | undefined][] => matcher.extract(text).mentions.map((m) => [m.query, m.quantity]);

/** "varilla de 1/2 y de 3/8": the second product is the first one again with another size or colour. */
describe('a product said again with only its new size or colour', () => {
  it.each([
    ['varilla de 1/2 y de 3/8', [['varilla 1/2', undefined], ['varilla 3/8', undefined]]],
    ['varrilla de 1/2 y 3/8', [['varilla 1/2', undefined], ['varilla 3/8', undefined]]],
    ['precio del cemento gris y del blanco', [['cemento gris', undefined], ['cemento blanco', undefined]]],
    ['tienen pintura blanca y azul?', [['pintura blanca', undefined], ['pintura azul', undefined]]],
    ['tubo pvc de 1/2 y 3/4', [['tubo pvc 1/2', undefined], ['tubo pvc 3/4', undefined]]],
    ['el block de 6 y el de 8', [['block 6', undefined], ['block 8', undefined]]],
    ['varilla de 3/8, de 1/2 y de 1/4', [['varilla 3/8', undefined], ['varilla 1/2', undefined], ['varilla 1/4', undefined]]],
    ['10 varillas de 3/8 y 20 de 1/2', [['varilla 3/8', 10], ['varilla 1/2', 20]]],
    ['how much is the 1/2 pvc pipe and the 3/4?', [['1/2 pvc pipe', undefined], ['pvc pipe 3/4', undefined]]],
    ['do you have white and blue paint?', [['white paint', undefined], ['blue paint', undefined]]],
    ['price of white cement and the gray one', [['white cement', undefined], ['cement gray', undefined]]],
  ])('should read "%s" as every item', (text, expected) => {
    expect(items(text)).toEqual(expected);
  });

  it.each([
    ['cemento y arena', [['cemento', undefined], ['arena', undefined]]],
    ['tienen tubo de 4 y cuanto cuesta', [['tubo 4', undefined]]],
    ['cement and white paint', [['cement', undefined], ['white paint', undefined]]],
    ['varilla de 3/8 y cemento gris', [['varilla 3/8', undefined], ['cemento gris', undefined]]],
  ])('should not invent an item in "%s"', (text, expected) => {
    expect(items(text)).toEqual(expected);
  });

  it.each([
    ['varilla de 1/2 y de 3/8', [/Varilla Corrugada 1\/2"/, /Varilla Corrugada 3\/8"/]],
    ['precio del cemento gris y del blanco', [/Cemento Gris Cemex/, /Cemento Blanco Cemex/]],
    ['cuánto cuestan el cemento gris y el blanco?', [/Cemento Gris Cemex/, /Cemento Blanco Cemex/]],
    ['el block de 6 y el de 8', [/Block de Hormigón 6"/, /Block de Hormigón 8"/]],
    ['how much is the 1/2 pvc pipe and the 3/4?', [/Tubo PVC 1\/2"/, /Tubo PVC 3\/4"/]],
    ['10 varillas de 3/8 y 20 de 1/2', [/10 x \*Varilla Corrugada 3\/8"/, /20 x \*Varilla Corrugada 1\/2"/]],
  ])('should price every item of "%s"', async (text, products) => {
    const reply = await ask(text);
    for (const product of products) expect(reply).toMatch(product);
  });

  it.each([
    ['tienen pintura blanca y azul?', /Pintura Acrílica Tropical Blanco[\s\S]*Azul no tengo de fábrica[\s\S]*preparamos pintura/],
    ['tienen cemento gris y cemento rojo?', /Cemento Gris Cemex[\s\S]*No tengo \*cemento rojo\*/],
    ['do you have white and blue paint?', /Pintura Acrílica Tropical Blanco[\s\S]*I don't have blue off the shelf[\s\S]*we mix paint/],
  ])('should say which of "%s" the store does not have, instead of another colour', async (text, answer) => {
    expect(await ask(text)).toMatch(answer);
  });
});

/** "kiero 3 galone de pintura": the quantity survives the unit's spelling, and the total is computed. */
describe('a quantity in a unit typed as customers type it', () => {
  it.each([
    ['kiero 3 galone de pintura', /3 galones de Pintura[\s\S]*RD\$3,750\.00/],
    ['necesito 4 galónes de pintura blanca', /4 galones de Pintura[\s\S]*RD\$5,000\.00/],
    ['dame 5 qq de cemento gris', /5 sacos de Cemento Gris[\s\S]*RD\$3,275\.00/],
    ['10 zacos de cemento', /10 sacos de Cemento Gris[\s\S]*RD\$6,550\.00/],
    ['quiero 3 fundas de cemento gris', /3 sacos de Cemento Gris[\s\S]*RD\$1,965\.00/],
    ['I need 3 galons of white paint', /3 gallons of Pintura[\s\S]*RD\$3,750\.00/],
  ])('should price "%s" with its quantity', async (text, answer) => {
    expect(await ask(text)).toMatch(answer);
  });
});
