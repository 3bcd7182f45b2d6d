import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import { asksPaintForDamp, paintForDamp } from '../../../src/actors/tools/paint-damp.js';
import { exteriorPaintJob, paintsOutside } from '../../../src/actors/tools/paint-exterior.js';
import { roofOrCeiling } from '../../../src/actors/tools/paint-ceiling.js';
import { otherColours } from '../../../src/actors/tools/paint-colours-of.js';
import { paintedSurface, surfaceKit } from '../../../src/actors/tools/paint-surface.js';
import { whereAnswer } from '../../../src/actors/tools/product-where.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: CatalogIndex;
beforeAll(async () => {
  ({ tenant } = await loadDemo());
  index = createCatalogIndex(tenant.catalog);
});

const sku = (s: string): Product => tenant.catalog.find((p) => p.sku === s) as Product;
const optionsOf = (out: { focus?: { options?: readonly string[] } } | null): readonly string[] => out?.focus?.options ?? [];
const firstReply = (out: { replies: readonly unknown[] } | null): { template: string; params: Record<string, unknown> } => out?.replies[0] as { template: string; params: Record<string, unknown> };

/** "tengo humedad en el baño, qué pintura uso?": no paint's sheet says damp, so that, and what the sheets say seals. */
describe('paint asked for damp or mould', () => {
  it('should show the wall sealer and, in the bathroom, the silicone, never the white paint', () => {
    const out = paintForDamp(tenant, index, 'tengo humedad en el baño, qué pintura uso?', 'es');
    expect(firstReply(out).template).toBe('product.paint_damp');
    expect(optionsOf(out)).toEqual(['PIN-012', 'ADH-001']);
  });

  it('should leave the silicone out where no room with it is named, and read English and anti-mould', () => {
    const mould = paintForDamp(tenant, index, 'la pared tiene moho, que le pongo?', 'es');
    expect(mould?.focus?.sku).toBe('PIN-012');
    expect((firstReply(mould).params.items as unknown[]).length).toBe(1);
    expect(optionsOf(paintForDamp(tenant, index, 'what paint for a damp bathroom wall?', 'en'))).toContain('ADH-001');
    expect(asksPaintForDamp('tienen pintura antihongos?')).toBe(true);
  });

  it('should not read damp without paint, nor paint without damp', () => {
    expect(asksPaintForDamp('tengo humedad en la pared')).toBe(false);
    expect(asksPaintForDamp('quiero pintar el baño')).toBe(false);
  });

  it('should leave it to the search when some product sheet does say damp', () => {
    const marked = { ...tenant, catalog: tenant.catalog.map((p) => (p.sku === 'PIN-005' ? { ...p, use: { es: 'pintura antihongos para baños.', en: 'anti-mould paint for bathrooms.' } } : p)) };
    expect(paintForDamp(marked, index, 'tengo humedad en el baño, qué pintura uso?', 'es')).toBeNull();
  });
});

/** "quiero pintar la fachada de mi casa": outdoors honestly, the paints, the kit, the colours, the area. */
describe('a paint job outside', () => {
  it('should list one wall paint of each kind and the kit, the colours ready, and ask the area', () => {
    const out = exteriorPaintJob(tenant, index, 'quiero pintar la fachada de mi casa', 'es');
    const reply = firstReply(out);
    expect(reply.template).toBe('product.exterior_job');
    expect(optionsOf(out).slice(0, 2)).toEqual(['PIN-003', 'PIN-005']);
    expect(optionsOf(out)).toEqual(expect.arrayContaining(['PIN-012', 'PIN-017', 'PIN-018']));
    expect(reply.params.colours).toBe('Blanco Hueso y Blanco');
    expect(String(reply.params.mixing)).toMatch(/preparamos pintura/);
    expect(out?.focus?.measure).toEqual({ asked: 'area' });
  });

  it('should read the outside said any way, but not metal, wood or a roof', () => {
    expect(paintsOutside('voy a pintar la casa por fuera')).toBe(true);
    expect(paintsOutside('pintura exterior')).toBe(true);
    expect(paintsOutside('I want to paint my house outside')).toBe(true);
    expect(paintsOutside('quiero pintar la casa')).toBe(false);
    expect(paintsOutside('pintura para madera exterior')).toBe(false);
    expect(paintsOutside('voy a pintar el techo por fuera')).toBe(false);
  });

  it('should keep to the colour said and ask only the area', () => {
    const out = exteriorPaintJob(tenant, index, 'necesito pintura blanca pa exterior', 'es');
    expect(firstReply(out).template).toBe('product.exterior_job_colour');
    expect(optionsOf(out)).not.toContain('PIN-001');
  });

  it('should say the colours in English', () => {
    expect(firstReply(exteriorPaintJob(tenant, index, 'I want to paint my house outside', 'en')).params.colours).toBe('Off-white and White');
  });
});

/** The enamel for metal is not black only: the green on the shelf is said. */
describe('the other colours of a paint in a surface kit', () => {
  it('should name the green beside the black enamel, and nothing beside a one-colour product', () => {
    expect(otherColours(index, tenant.catalog, sku('PIN-008'), 'es')).toBe('Verde');
    expect(otherColours(index, tenant.catalog, sku('PIN-008'), 'en')).toBe('Green');
    expect(otherColours(index, tenant.catalog, sku('PIN-010'), 'es')).toBe('');
    const items = firstReply(surfaceKit(tenant, index, 'necesito pintar unas rejas de hierro', 'es')).params.items as { name: string; use: string }[];
    expect(items.find((i) => i.name.startsWith('Esmalte'))?.use).toMatch(/también en Verde$/);
  });

  it('should read "pintura para rejas" as the metal job, and not a product of iron asked for', () => {
    expect(paintedSurface('pintura para rejas')?.name.es).toBe('hierro o metal');
    expect(paintedSurface('pintura pa madera')?.name.es).toBe('madera');
    expect(paintedSurface('necesito hierro de 3/8 para una reja')).toBeNull();
    expect(paintedSurface('pintura para el baño')).toBeNull();
  });
});

/** "Techo" is the roof or the ceiling. */
describe('roof or ceiling', () => {
  it('should ask which for "pintura para techo", the roof coating on the counter', () => {
    const out = roofOrCeiling(tenant, index, 'pintura para techo', 'es');
    expect(firstReply(out)).toMatchObject({ template: 'product.roof_or_ceiling', params: { roofName: sku('PIN-011').name, wallName: sku('PIN-003').name } });
    expect(out?.focus).toMatchObject({ sku: 'PIN-011', recent: ['PIN-003'] });
  });

  it('should give the painting kit for a room\'s ceiling, and leave a roof said plainly to the search', () => {
    expect(firstReply(roofOrCeiling(tenant, index, 'voy a pintar el techo del cuarto', 'es')).template).toBe('product.job_kit_area');
    expect(firstReply(roofOrCeiling(tenant, index, 'ceiling paint', 'en')).template).toBe('product.job_kit_area');
    expect(roofOrCeiling(tenant, index, 'pintura para techo de concreto', 'es')).toBeNull();
    expect(roofOrCeiling(tenant, index, 'impermeabilizante para el techo', 'es')).toBeNull();
    expect(roofOrCeiling(tenant, index, 'techo de aluzinc', 'es')).toBeNull();
  });

  it('should answer "por dentro" after both with the other paint shown, and honestly without one', () => {
    const coating = sku('PIN-011');
    const focus = { sku: coating.sku, name: coating.name, price: coating.price, query: coating.name };
    const inside = whereAnswer(tenant, coating, { ...focus, recent: ['PIN-003'] }, 'indoor', 'es');
    expect(firstReply(inside).template).toBe('product.where.inside_other_area');
    expect(inside?.focus).toMatchObject({ sku: 'PIN-003', measure: { asked: 'area' } });
    expect(firstReply(whereAnswer(tenant, coating, focus, 'indoor', 'es')).template).toBe('product.where.unknown');
  });
});

/** "hueso" alone is the shelf's "Blanco Hueso", "perla" its "Gris Perla". */
describe('one-word names of two-word paint colours', () => {
  it('should read hueso, ivory and perla as the colours the catalog names', () => {
    expect(index.parse('pintura color hueso').attributes.colours).toEqual(['blanco hueso']);
    expect(index.parse('ivory paint').attributes.colours).toEqual(['blanco hueso']);
    expect(index.parse('pintura perla').attributes.colours).toEqual(['gris perla']);
    expect(index.parse('pintura blanco hueso').attributes.colours).toEqual(['blanco hueso']);
    expect(index.search('pintura color hueso', { limit: 1 })[0]?.product.sku).toBe('PIN-001');
  });
});

/** "quiero el mismo color que ya tengo en la pared": the store's colour matching, never a complaint. */
describe('the same colour as one already on the wall', () => {
  it('should be the paint-mixing question, in es and en, and not a colour follow-up of an order', async () => {
    const { storeFactsAsked } = await import('../../../src/actors/brain/rule/store-facts.js');
    expect(storeFactsAsked('quiero el mismo color que ya tengo en la pared')).toContain('paintMixing');
    expect(storeFactsAsked('necesito pintura del mismo color que tengo en la casa')).toContain('paintMixing');
    expect(storeFactsAsked('I need the same color as my wall')).toContain('paintMixing');
    expect(storeFactsAsked('can you match my paint color?')).toContain('paintMixing');
    expect(storeFactsAsked('quiero otro del mismo color')).not.toContain('paintMixing');
  });
});

/** "¿cuántas manos?" is how far the product in focus goes: a follow-up, with its own coats. */
describe('coats asked after a product', () => {
  it('should read the coats asked as a yield question and a follow-up of the product in focus', async () => {
    const { asksYield } = await import('../../../src/machines/material-questions.js');
    const { isProductFollowUp } = await import('../../../src/machines/product-focus.js');
    expect(asksYield('cuántas manos?')).toBe(true);
    expect(asksYield('how many coats does it need?')).toBe(true);
    expect(asksYield('dame 2 galones')).toBe(false);
    expect(isProductFollowUp('cuántas manos?')).toBe(true);
  });
});

/** A product's own coats in the yield answer, and honestly none where its sheet gives no yield. */
describe('coats and yield answered in a conversation', () => {
  const talk = async (messages: readonly string[]): Promise<string> => {
    const demo = await loadDemo();
    return (await chatOnFreshHost(demo.tenant, demo.brain, 'paint11-coats', ...messages)).at(-1) ?? '';
  };

  it('should say one coat for the primer and two for the wall paint', async () => {
    expect(await talk(['primer anticorrosivo', 'cuantas manos lleva?'])).toMatch(/lleva 1 mano\b/);
    expect(await talk(['pintura blanca', 'cuántas manos?'])).toMatch(/lleva 2 manos/);
  });

  it('should say the enamel sheet gives no yield rather than "no vendemos"', async () => {
    const reply = await talk(['esmalte negro', 'cuanto rinde?']);
    expect(reply).toMatch(/no dice cuánto rinde/);
    expect(reply).not.toMatch(/No vendemos/);
  });
});

/** "¿se rebaja con thinner o agua?": from what the thinner's sheet says it thins. */
describe('what thins the paint on the counter', () => {
  const focusOn = (s: string): { sku: string; name: string; price: number; query: string } => ({ sku: s, name: sku(s).name, price: sku(s).price, query: sku(s).name });

  it('should give the thinner for the enamel, with it set aside on a yes', async () => {
    const { thinningAnswer } = await import('../../../src/actors/tools/paint-thinning.js');
    const out = thinningAnswer(tenant, focusOn('PIN-008'), 'se rebaja con thinner o agua?', 'es');
    expect(firstReply(out).template).toBe('product.thin_with');
    expect(out?.reserve).toMatchObject({ sku: 'PIN-013', quantity: 1 });
  });

  it('should say the acrylic and satin paints take no thinner, and leave other questions and products alone', async () => {
    const { thinningAnswer } = await import('../../../src/actors/tools/paint-thinning.js');
    expect(firstReply(thinningAnswer(tenant, focusOn('PIN-003'), 'con que se diluye?', 'es')).template).toBe('product.thin_not');
    expect(firstReply(thinningAnswer(tenant, focusOn('PIN-005'), 'can I thin it with water?', 'en')).template).toBe('product.thin_not');
    expect(thinningAnswer(tenant, focusOn('PIN-003'), 'tienen rebaja?', 'es')).toBeNull();
    expect(thinningAnswer(tenant, focusOn('PIN-017'), 'con que se diluye?', 'es')).toBeNull();
  });

  it('should not read "rebaja con" as a discount asked', async () => {
    const { asksThinning } = await import('../../../src/machines/job-readers.js');
    expect(asksThinning('se rebaja con thinner o agua?')).toBe(true);
    expect(asksThinning('¿tienen rebaja?')).toBe(false);
  });
});
