import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import { paintedSurface, surfaceKit } from '../../../src/actors/tools/paint-surface.js';
import { paintUseNotSaid } from '../../../src/actors/tools/paint-use.js';
import { inColourAsked, mixedEstimate } from '../../../src/actors/tools/paint-job-colour.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: CatalogIndex;
beforeAll(async () => {
  ({ tenant } = await loadDemo());
  index = createCatalogIndex(tenant.catalog);
});

const skusOf = (out: ReturnType<typeof surfaceKit>): string[] => (out?.focus?.options ?? []) as string[];

/** "necesito pintar unas rejas de hierro": what a clerk hands over for metal or wood, not the wall kit. */
describe('paint for a surface that is not a wall', () => {
  it('should give the primer first, then the enamel, thinner and a brush for iron', () => {
    const out = surfaceKit(tenant, index, 'necesito pintar unas rejas de hierro, ¿qué me recomiendan?', 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'product.surface_kit' });
    expect(skusOf(out)).toEqual(['PIN-010', 'PIN-008', 'PIN-013', 'PIN-015']);
  });

  it('should leave the rust primer out for wood, and never list another shelf', () => {
    const skus = skusOf(surfaceKit(tenant, index, 'what paint should I use on wooden furniture?', 'en'));
    expect(skus).toContain('PIN-008');
    expect(skus).not.toContain('PIN-010');
    expect(skus.every((sku) => sku.startsWith('PIN-'))).toBe(true);
  });

  it('should not read a product asked for, or a wall job, as one', () => {
    expect(paintedSurface('necesito hierro de 3/8 para una reja')).toBeNull();
    expect(paintedSurface('quiero pintar mi casa, qué necesito?')).toBeNull();
    expect(paintedSurface('k pintura le pongo a una puerta de hierro')).not.toBeNull();
  });
});

/** "¿tienen pintura para piso?": no paint's sheet says so, and the answer says that. */
describe('paint for a use no sheet marks', () => {
  it('should say it honestly for floors and outdoors, with the paint there is', () => {
    const floor = paintUseNotSaid(tenant, index, 'quisiera saber si tienen pintura para piso', 'es');
    expect(floor?.replies[0]).toMatchObject({ template: 'product.paint_use_unknown', params: { use: 'piso' } });
    expect(paintUseNotSaid(tenant, index, 'do you have paint for outdoors?', 'en')?.replies[0]).toMatchObject({ params: { use: 'outdoor use' } });
  });

  it('should leave a use some product of the shelf says to the search', () => {
    expect(paintUseNotSaid(tenant, index, 'pintura para techo', 'es')).toBeNull();
    expect(paintUseNotSaid(tenant, index, 'pintura pa madera', 'es')).toBeNull();
  });
});

/** The gallons worked out for a colour the store mixes name that colour, on its base. */
describe('the gallons of a mixed colour', () => {
  it('should name the colour mixed on the white base in the estimate line', () => {
    const base = tenant.catalog.find((p) => p.sku === 'PIN-003') as Product;
    const lead = [{ template: 'product.coverage', params: { area: '100', coats: 2, gallons: 6, name: base.name } }];
    const out = mixedEstimate(tenant, index, lead, 'azul', base, 6, 'en');
    expect(out?.replies[0]).toMatchObject({ template: 'product.coverage_mixed', params: { colour: 'blue', name: base.name } });
  });

  it('should mix the gallons asked in a colour the paint is not, and leave a white asked alone', () => {
    const base = tenant.catalog.find((p) => p.sku === 'PIN-003') as Product;
    const priced = { lead: [{ template: 'product.coverage', params: { gallons: 6, name: base.name } }], lines: [{ product: base, quantity: 6 }] };
    expect(inColourAsked(tenant, index, 'cuántos galones de pintura azul para 100 m2', priced, 'es')?.replies[0]).toMatchObject({ template: 'product.coverage_mixed', params: { colour: 'azul' } });
    expect(inColourAsked(tenant, index, 'cuántos galones de pintura blanca para 100 m2', priced, 'es')).toBeNull();
  });
});
