import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { namesOnlyAColour } from '../../../src/actors/brain/rule/colour-only.js';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { colouredKind, colourOnlyQuery } from '../../../src/actors/tools/product-colour-only.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let index: ProductResolver;

beforeAll(async () => {
  ({ tenant, brain, index } = await loadDemoWithIndex());
});

const ask = async (text: string): Promise<string> => (await chatOnFreshHost(tenant, brain, 'colour-only', text))[0]!;

/** A colour asked for with no product ("¿tienen azul cielo?"): the paint colours there are, never "No vendemos azul". */
describe('a colour alone', () => {
  it('should find the kind sold in the most colours from the catalog itself', () => {
    expect(colouredKind(index, tenant.catalog)).toEqual({ es: 'pintura', en: 'paint' });
    expect(colourOnlyQuery(index, tenant.catalog, '¿tienen azul cielo?', 'es')).toBe('pintura azul');
    expect(colourOnlyQuery(index, tenant.catalog, 'cemento gris', 'es')).toBeNull();
  });

  it.each(['azul cielo', 'azul marino', 'verde oliva', 'sky blue', 'navy blue', 'color crema'])('should read "%s" as a colour, with no product word left', (text) => {
    const parsed = index.parse(text);
    expect(parsed.content).toEqual([]);
    expect(parsed.attributes.colours).toHaveLength(1);
  });

  it('should tell a colour asked for from a colour said in passing', () => {
    expect(namesOnlyAColour(tenant.catalog, '¿tienen azul cielo?')).toBe(true);
    expect(namesOnlyAColour(tenant.catalog, 'do you have sky blue?')).toBe(true);
    expect(namesOnlyAColour(tenant.catalog, 'hola mi negro')).toBe(false);
    expect(namesOnlyAColour(tenant.catalog, 'cemento gris')).toBe(false);
  });

  it.each([
    ['¿tienen azul cielo?', /pintura.*azul/i, /Blanco Hueso/],
    ['azul', /pintura.*azul/i, /Gris Perla/],
    ['color crema', /pintura/i, /Blanco/],
    ['do you have sky blue?', /paint.*blue/i, /Off-white/],
  ])('should answer "%s" with the paint colours there are', async (text, said, colours) => {
    const reply = await ask(text);
    expect(reply).toMatch(said);
    expect(reply).toMatch(colours);
    expect(reply).not.toMatch(/No vendemos|We don't sell|no te entendí|didn't quite get|Cable/);
  });
});

describe('a colour with its shade that the store lacks', () => {
  it.each(['pintura azul claro', 'pintura azul cielo'])('should answer "%s" with the colours there are, never white as the closest', async (text) => {
    const reply = await ask(text);
    expect(reply).toMatch(/No tengo \*pintura\* en azul/);
    expect(reply).toMatch(/Gris Perla/);
    expect(reply).not.toMatch(/Lo más parecido/);
  });
});
