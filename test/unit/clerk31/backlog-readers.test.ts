import { describe, expect, it } from 'vitest';
import { otherOptions } from '../../../src/actors/tools/other-options.js';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { saysNotWhatOrdered, tellsWrongDelivery } from '../../../src/actors/brain/rule/purchase-trouble.js';
import { storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';
import { countAskedAfter } from '../../../src/actors/tools/count-asked-after.js';
import { chatSpelt, timesSpelt } from '../../../src/machines/count-words.js';
import { sheetFor } from '../../../src/actors/tools/sheet-for.js';
import { usedFor } from '../../../src/actors/brain/rule/use-purpose.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('otherOptions: the other grades or sizes of the everyday product', () => {
  it('should name the grade-60 rebar of 3/8 beside the grade-40, and no 1/2" bar', async () => {
    const { tenant } = await loadDemo();
    const index = createCatalogIndex(tenant.catalog);
    const rebar = tenant.catalog.find((p) => p.sku === 'VAR-001')!;
    expect(otherOptions(tenant, index, rebar, 'varilla de 3/8').map((p) => p.sku)).toEqual(['VAR-002']);
  });
  it('should name the 20 oz hammer beside the 16 oz one, and none when a brand or a count is said', async () => {
    const { tenant } = await loadDemo();
    const index = createCatalogIndex(tenant.catalog);
    const hammer = tenant.catalog.find((p) => p.sku === 'HER-005')!;
    expect(otherOptions(tenant, index, hammer, 'martillo').map((p) => p.sku)).toEqual(['HER-006']);
    expect(otherOptions(tenant, index, hammer, 'martillo truper')).toEqual([]);
    expect(otherOptions(tenant, index, hammer, '3 martillos')).toEqual([]);
  });
  it('should list nothing for "varilla" alone (sizes and grades at once: a clerk would ask)', async () => {
    const { tenant } = await loadDemo();
    const index = createCatalogIndex(tenant.catalog);
    const rebar = tenant.catalog.find((p) => p.sku === 'VAR-001')!;
    expect(otherOptions(tenant, index, rebar, 'varilla')).toEqual([]);
  });
  it('should leave other brands of the same cement to other-brands (no grade or size differs)', async () => {
    const { tenant } = await loadDemo();
    const index = createCatalogIndex(tenant.catalog);
    const cemex = tenant.catalog.find((p) => p.sku === 'CEM-001')!;
    expect(otherOptions(tenant, index, cemex, 'cemento')).toEqual([]);
  });
});

describe('saysNotWhatOrdered: a wrong delivery told vaguely', () => {
  it.each(['no es lo que pedí', 'eso no fue lo que yo pedi', 'oye, esto no es lo q pedi', 'me llegó algo que no pedí', 'no me mandaron lo que pedí', 'no era lo que encargue', 'esto no es lo que yo queria'])('%s → yes', (text) => {
    expect(saysNotWhatOrdered(text)).toBe(true);
  });
  it.each(['no es lo que pedí, me mandaron varilla de 1/2 y pedí de 3/8 y quiero que me la cambien hoy mismo por favor', 'no es eso', 'lo que pedí fue cemento', 'no sé lo que pedí', 'qué es lo que pedí?'])('%s → no (told in full, or no delivery)', (text) => {
    expect(saysNotWhatOrdered(text)).toBe(false);
  });
  it('should leave the wrong delivery told in full to tellsWrongDelivery', () => {
    expect(tellsWrongDelivery('me mandaron varilla de 1/2 y yo pedi de 3/8')).toBe(true);
  });
});

describe('storeFactsAsked: a tradesperson found too dear is their price, not goods', () => {
  it.each(['el plomero que me recomendaron cobra muy caro', 'ese maestro de obra es muy caro', 'el electricista me quiere cobrar demasiado', 'the plumber you recommended charges way too much', 'the electrician is too expensive'])('%s → installationPrice', (text) => {
    expect(storeFactsAsked(text)).toContain('installationPrice');
  });
  it.each(['el plomero me pidio 2 tubos de media', 'la cinta de plomero es muy cara?', 'necesito un plomero'])('%s → not the price', (text) => {
    expect(storeFactsAsked(text)).not.toContain('installationPrice');
  });
});

describe('countAskedAfter: the count after the price question', () => {
  it.each([['tubo pvc de media, cuanto por diez?', 10], ['cemento gris cuanto x 20', 20], ['pvc pipe, how much for ten?', 10], ['el cemento, ¿a como por 5?', 5], ['cuanto cuesta el tubo? y por 10?', 10]] as const)('%s → %d', (text, n) => {
    expect(countAskedAfter(text)).toBe(n);
  });
  it.each(['tubo pvc de media, cuanto cuesta?', 'cuanto por uno?', 'cuanto por favor', 'cemento por mayor cuanto?'])('%s → none', (text) => {
    expect(countAskedAfter(text)).toBeUndefined();
  });
});

describe('"x" for "por" before a count', () => {
  it('should read "cuanto x dos" and "x 10" as "por", never the "x" of a size', () => {
    expect(chatSpelt('y cuanto x dos')).toBe('y cuanto por dos');
    expect(chatSpelt('cuanto x 10')).toBe('cuanto por 10');
    expect(chatSpelt('madera 2 x 4')).toBe('madera 2 x 4');
    expect(timesSpelt('Y cuanto X dos?')).toBe('Y cuanto por dos?');
    expect(timesSpelt('tabla 2 x 4')).toBe('tabla 2 x 4');
  });
});

/** A product tool input with the brain's one product phrase found at `value` in `text`. */
function inputFor(text: string, value: string): ProductActorInput {
  const start = text.indexOf(value);
  return {
    text,
    understanding: { products: [{ query: value }], nlu: { entities: [{ type: 'product', value, start, end: start + value.length }] } },
  } as unknown as ProductActorInput;
}

describe('sheetFor: the sheets for the roof, with their count', () => {
  it.each([['I need 10 sheets for the roof', 'roof', 10], ["necesito 10 planchas pa'l techo", 'techo', 10], ['quiero diez laminas para el techo', 'techo', 10], ['10 galvanized sheets for my roof', 'roof', 10]] as const)('%s → %d', (text, value, n) => {
    expect(sheetFor(inputFor(text, value), { query: value })).toEqual({ query: `${value} ${/sheet/.test(text) ? 'sheet' : /plancha/.test(text) ? 'plancha' : 'lamina'}`, quantity: n });
  });
  it('should count no article ("una plancha para el techo" is a price question) and keep a count the brain gave', () => {
    expect(sheetFor(inputFor('una plancha para el techo', 'techo'), { query: 'techo' })).toEqual({ query: 'techo plancha' });
    expect(sheetFor(inputFor('I need 10 sheets for the roof', 'roof'), { query: 'roof', quantity: 4 })).toEqual({ query: 'roof sheet', quantity: 4 });
  });
});

describe('usedFor: what a job is done on, after the product', () => {
  const toks = (text: string) => text.split(' ').map((t) => ({ t }));
  const resolve = (word: string): string | null => (['tubo', 'inodoro', 'cemento', 'block', 'blocks'].includes(word) ? word : null);
  it('should read "el tubo para instalar el inodoro" and "cemento pa pegar blocks" as a use', () => {
    expect(usedFor(toks('el tubo para instalar el inodoro'), 5, resolve)).toBe(true);
    expect(usedFor(toks('cemento pa pegar blocks'), 3, resolve)).toBe(true);
  });
  it('should keep a second product joined by "y" or "con"', () => {
    expect(usedFor(toks('tubo y el inodoro'), 3, resolve)).toBe(false);
    expect(usedFor(toks('tubo con el inodoro'), 3, resolve)).toBe(false);
  });
});
