import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/index.js';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import { exteriorPaintJob } from '../../../src/actors/tools/paint-exterior.js';
import { asksRestOfJob } from '../../../src/actors/tools/paint-job-tools.js';
import { readMaterialQuestion } from '../../../src/machines/material-questions.js';
import { surfaceKit } from '../../../src/actors/tools/paint-surface.js';
import { asksForRoofLeak, roofLeakAnswer } from '../../../src/actors/tools/paint-roof-leak.js';
import { unknownKind } from '../../../src/actors/tools/product-unknown-kind.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { readFollowUpQuantity } from '../../../src/machines/product-focus.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let index: CatalogIndex;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  index = createCatalogIndex(tenant.catalog);
});

const products = async (text: string): Promise<string[]> =>
  (await brain.parse(text)).entities.filter((e) => e.type === 'product').map((e) => e.value);
const talk = async (...messages: string[]): Promise<string> => (await chatOnFreshHost(tenant, brain, 'paint12', ...messages)).at(-1) ?? '';

/** "off white paint": the off-white on the shelf is Blanco Hueso, never plain white. */
describe('off white is one colour', () => {
  it('should keep "off" before "white" in the product read, hyphen or not', async () => {
    expect(await products('off white paint')).toEqual(['off white paint']);
    expect(await products('off-white paint please')).toEqual(['off white paint']);
    expect(await products('pintura off white')).toEqual(['pintura off white']);
  });

  it('should not make a lone "off" a product word', async () => {
    expect((await products('cut off wheels')).join(' ')).not.toMatch(/\boff\b/);
  });

  it('should not take "off-white" for a kind the catalog lacks', () => {
    expect(unknownKind(index, 'off-white paint please', 'en')).toBeNull();
    expect(unknownKind(index, 'barbed wire', 'en')).toBe('barbed wire');
  });

  it('should swap the whole colour for white after the off white gallon ("and in white?")', async () => {
    const reply = await talk('tropical paint off white gallon', 'and in white?');
    expect(reply).toMatch(/Pintura Acrílica Tropical Blanco \(galón\)/);
    expect(reply).not.toMatch(/don't sell/);
  });

  it('should quote Blanco Hueso, with the count and the bucket', async () => {
    expect(await talk('off white paint')).toMatch(/Blanco Hueso/);
    expect(await talk('off white paint')).not.toMatch(/Tropical Blanco \(/);
    const three = await talk('3 5-gallon buckets of tropical off white paint');
    expect(three).toMatch(/3 buckets of Pintura Acrílica Tropical Blanco Hueso \(cubeta 5 gal\)/);
    expect(three).toMatch(/RD\$16,950\.00/);
  });
});

/** "pintura azul para exterior": the blue is mixed, only the area is asked, and the gallons next are blue. */
describe('a colour not on the shelf for an outside job', () => {
  it('should say the mixing, ask only the area in that colour and keep the colour for the gallons', () => {
    const out = exteriorPaintJob(tenant, index, 'pintura azul para exterior', 'es');
    const reply = out?.replies[0] as { template: string; params: Record<string, unknown> };
    expect(reply.template).toBe('product.exterior_job_mix');
    expect(reply.params.colour).toBe('azul');
    expect(out?.focus?.mix).toBe('azul');
    expect(exteriorPaintJob(tenant, index, 'I need blue paint for the outside', 'en')?.replies[0]).toMatchObject({ params: { colour: 'blue' } });
  });

  it('should keep a ready colour on the shelf and set no mix', () => {
    const out = exteriorPaintJob(tenant, index, 'necesito pintura blanca pa exterior', 'es');
    expect(out?.focus?.mix).toBeUndefined();
  });

  it('should work out the gallons of blue, never of white, after the area', async () => {
    const reply = await talk('pintura azul para exterior', '40 metros');
    expect(reply).toMatch(/galones de pintura en azul/);
    expect(reply).not.toMatch(/\*3 galones de Pintura Acrílica Tropical Blanco/);
    const first = await talk('pintura azul para exterior');
    expect(first).toMatch(/vas a pintar en azul\?/);
    expect(first).not.toMatch(/de qué color/);
  });
});

/** "mi techo tiene filtraciones, qué pintura le pongo": the roof coating, the area asked. */
describe('a leaking roof', () => {
  it('should read a leaking roof with what to put on it, any way said', () => {
    expect(asksForRoofLeak('mi techo tiene filtraciones, qué pintura le pongo')).toBe(true);
    expect(asksForRoofLeak('la azotea tiene goteras, que le echo?')).toBe(true);
    expect(asksForRoofLeak('my roof leaks, what paint should I use?')).toBe(true);
    expect(asksForRoofLeak('pintura para el techo')).toBe(false);
    expect(asksForRoofLeak('tengo humedad en el baño, qué pintura uso?')).toBe(false);
  });

  it('should show the roof coating and ask the area, never the zinc sheet nor the white paint', () => {
    const out = roofLeakAnswer(tenant, index, 'mi techo tiene filtraciones, qué pintura le pongo', 'es');
    expect(out?.focus?.sku).toBe('PIN-011');
    expect(JSON.stringify(out?.replies)).not.toMatch(/Aluzinc|Tropical Blanco/);
    expect(out?.focus?.measure).toEqual({ asked: 'area' });
  });

  it('should leave it when no sheet says it seals roofs', () => {
    const bare = { ...tenant, catalog: tenant.catalog.map((p) => (p.sku === 'PIN-011' ? { ...p, jobs: [], use: { es: 'pintura.', en: 'paint.' } } : p)) };
    expect(roofLeakAnswer(bare, index, 'mi techo tiene filtraciones, qué pintura le pongo', 'es')).toBeNull();
  });

  it('should work out the buckets for the roof after the area', async () => {
    const reply = await talk('mi techo tiene filtraciones, qué pintura le pongo', '60 metros');
    expect(reply).toMatch(/5 cubetas de Impermeabilizante/);
    expect(reply).not.toMatch(/Aluzinc/);
  });
});

/** "quiero otro del mismo color" after a quote: one more of the paint on the counter. */
describe('one more of the same colour', () => {
  it('should read one more, said with the colour or without', () => {
    expect(readFollowUpQuantity('quiero otro del mismo color')).toMatchObject({ quantity: 1, change: 'more' });
    expect(readFollowUpQuantity('otra del mismo color')).toMatchObject({ quantity: 1, change: 'more' });
    expect(readFollowUpQuantity('quiero otro del mismo')).toMatchObject({ quantity: 1, change: 'more' });
    expect(readFollowUpQuantity('2 más del mismo color')).toMatchObject({ quantity: 2, change: 'more' });
  });

  it('should add one to the gallons quoted', async () => {
    const reply = await talk('2 galones de pintura blanco hueso', 'quiero otro del mismo color');
    expect(reply).toMatch(/3 galones de Pintura Acrílica Tropical Blanco Hueso/);
    expect(reply).not.toMatch(/no te entendí/);
  });
});

/** "pintura para madera exterior": the wood kit, with the honest word that no sheet says outdoors. */
describe('wood or metal painted outside', () => {
  const template = (text: string, lang: 'es' | 'en' = 'es'): string | undefined => (surfaceKit(tenant, index, text, lang)?.replies[0] as { template?: string } | undefined)?.template;

  it('should say the sheets do not mark the kit for outdoors when outside is said', () => {
    expect(template('pintura para madera exterior')).toBe('product.surface_kit_outside');
    expect(template('pintura para rejas de afuera')).toBe('product.surface_kit_outside');
    expect(template('what paint for an outdoor wooden fence?', 'en')).toBe('product.surface_kit_outside');
  });

  it('should keep the plain kit indoors, and leave the note out when a sheet says outdoors', () => {
    expect(template('quiero pintar la puerta de madera')).toBe('product.surface_kit');
    const marked = { ...tenant, catalog: tenant.catalog.map((p) => (p.name.startsWith('Esmalte') ? { ...p, use: { es: 'esmalte para madera y metal, interior y exterior.', en: 'enamel for wood and metal, indoors and outdoors.' } } : p)) };
    expect((surfaceKit(marked, index, 'pintura para madera exterior', 'es')?.replies[0] as { template?: string }).template).toBe('product.surface_kit');
  });
});

/** "pintura para 40 m2 y lo que necesito para pintar": the gallons worked out and the tools beside them, one estimate. */
describe('paint for an area with the rest of the job', () => {
  it('should read goods asked for an area as how much it takes', () => {
    expect(readMaterialQuestion('pintura para 40 m2')?.area).toBe(40);
    expect(readMaterialQuestion('paint for about 50 square meters')?.area).toBe(50);
    expect(readMaterialQuestion('pintura de 40 m2')).toBeNull();
    // Tiles for an area are answered kind by kind elsewhere.
    expect(readMaterialQuestion('necesito cerámica para 20 metros cuadrados')).toBeNull();
  });

  it('should read the rest of the job asked', () => {
    expect(asksRestOfJob('pintura para 40 m2 y lo que necesito para pintar')).toBe(true);
    expect(asksRestOfJob('paint for 40 m2 and everything I need to paint')).toBe(true);
    expect(asksRestOfJob('pintura para 40 m2')).toBe(false);
  });

  it('should price the gallons with a brush, a roller, a tray, masking tape and sandpaper', async () => {
    const reply = await talk('pintura para 40 m2 y lo que necesito para pintar');
    expect(reply).toMatch(/3 x \*Pintura Acrílica Tropical Blanco \(galón\)\*/);
    expect(reply).toMatch(/1 x \*Rodillo de Pintura/);
    expect(reply).toMatch(/1 x \*Brocha/);
    expect(reply).toMatch(/1 x \*Cinta Masking 1"/);
    expect(reply).toMatch(/1 x \*Lija Grano 120/);
    expect(reply).toMatch(/RD\$4,520\.00/);
    expect(reply).not.toMatch(/Cuántos metros cuadrados/);
  });
});
