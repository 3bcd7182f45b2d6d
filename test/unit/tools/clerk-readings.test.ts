import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { missingMaterialNote } from '../../../src/actors/tools/product-materials.js';
import { askedUnitSizes } from '../../../src/actors/tools/product-sizes.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { asksEstimateAgain } from '../../../src/machines/product-focus.js';
import { askedRoom, roomsOf } from '../../../src/machines/room-questions.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const product = (sku: string) => {
  const p = tenant.catalog.find((x) => x.sku === sku);
  if (!p) throw new Error(`no ${sku}`);
  return p;
};

/** Everyday things a hardware-store clerk reads right: each reader on its own, then whole conversations. */
describe('clerk readings', () => {
  it('should read "los dos" / "ambos" / "both" as every product just talked about, with a count when said', () => {
    expect(asksEstimateAgain('mándame los dos')).toEqual({ both: true });
    expect(asksEstimateAgain('dame ambos')).toEqual({ both: true });
    expect(asksEstimateAgain("I'll take both")).toEqual({ both: true });
    expect(asksEstimateAgain('dame 10 de los dos')).toEqual({ each: 10, both: true });
    expect(asksEstimateAgain('me lo manda los dos')).toEqual({ both: true });
    // Not "both": a count of two, or the two words inside a product name.
    expect(asksEstimateAgain('dame dos')).toBeNull();
    expect(asksEstimateAgain('inodoro de dos piezas')).toBeNull();
    expect(asksEstimateAgain('los dos taladros son caros')).toBeNull();
  });

  it('should read a price asked by a unit ("¿cuánto el pie?", "how much per foot?") and nothing else as one', () => {
    expect(readFocusQuestion('cuánto el pie?')).toEqual({ kind: 'per_unit', unit: 'ft' });
    expect(readFocusQuestion('a como el pie tablar?')).toEqual({ kind: 'per_unit', unit: 'bf' });
    expect(readFocusQuestion('y el metro a cómo?')).toEqual({ kind: 'per_unit', unit: 'm' });
    expect(readFocusQuestion('how much per foot?')).toEqual({ kind: 'per_unit', unit: 'ft' });
    expect(readFocusQuestion('a cómo la libra?')).toEqual({ kind: 'per_unit', unit: 'lb' });
    expect(readFocusQuestion('el de DeWalt')).toEqual({ kind: 'named', word: 'dewalt' });
    expect(readFocusQuestion('extensión de 25 pies')).toBeNull();
  });

  it('should read material for a room, but a hotel\'s forty bathrooms or a quote stays a lead', () => {
    const rooms = roomsOf(tenant.catalog);
    expect(askedRoom('necesito material para un baño', rooms)).toBe('bano');
    expect(askedRoom('voy a arreglar la cocina, qué me hace falta?', rooms)).toBe('cocina');
    expect(askedRoom('I need materials for a bathroom', rooms)).toBe('bathroom');
    expect(askedRoom('cotización de material para 40 baños de un hotel', rooms)).toBeNull();
    expect(askedRoom('dónde queda el baño?', rooms)).toBeNull();
  });

  it('should say a material we do not carry only when nothing shown is of it', () => {
    expect(missingMaterialNote('tubería de cobre', [product('PVC-001')], 'es')).toEqual({ template: 'product.no_material', params: { material: 'cobre' } });
    expect(missingMaterialNote('copper pipe', [product('PVC-001')], 'en')).toEqual({ template: 'product.no_material', params: { material: 'copper' } });
    expect(missingMaterialNote('cable de cobre', [product('ELE-001')], 'es')).toBeNull();
    expect(missingMaterialNote('llave de paso de bronce', [product('PLO-001')], 'es')).toBeNull();
    expect(missingMaterialNote('tubo pvc', [product('PVC-001')], 'es')).toBeNull();
  });

  it('should say a bag size asked in pounds in pounds, with ours converted', () => {
    const index = createCatalogIndex(tenant.catalog);
    const sized = askedUnitSizes(index, 'el cemento en fundas de 50 libras', [product('CEM-001')], 'es');
    expect(sized?.wanted).toBe('50 libras');
    expect(JSON.stringify(sized?.note)).toContain('94 libras');
    expect(askedUnitSizes(index, 'cement in 50 lb bags', [product('CEM-001')], 'en')?.wanted).toBe('50 pounds');
    expect(askedUnitSizes(index, 'cemento gris', [product('CEM-001')], 'es')).toBeNull();
  });

  it('should answer as a clerk in whole conversations (es and en)', async () => {
    const cases: [string[], RegExp, RegExp?][] = [
      [['tienen cemento?', 'y varilla de 3/8?', 'mándame los dos'], /655[\s\S]*265[\s\S]*920/],
      [['tienen taladros?', 'dame 20 de esa'], /De cuál[\s\S]*Truper[\s\S]*DeWalt/, /57,800|119,000/],
      [['tienen madera?', 'cuánto el pie?'], /47\.50[\s\S]*71\.25/],
      [['do you have lumber?', 'how much per foot?'], /47\.50[\s\S]*board foot/],
      [['ustedes instalan?', 'no'], /algo más/, /otras palabras/],
      [['necesito material para un baño'], /Plomería[\s\S]*Inodoro|inodoro/i, /nombre completo/],
      [['tubería de cobre'], /cobre[\s\S]*no lo tengo[\s\S]*Tubo PVC/],
      [['qué colores de pintura tienen?'], /en pintura acrílica; Negro y Verde en esmalte de aceite/],
    ];
    for (const [i, [messages, expected, unexpected]] of cases.entries()) {
      const replies = await chatOnFreshHost(tenant, brain, `clerk-${i}`, ...messages);
      const last = replies.at(-1) ?? '';
      expect(last, messages.join(' | ')).toMatch(expected);
      if (unexpected) expect(last, messages.join(' | ')).not.toMatch(unexpected);
    }
  });
});
