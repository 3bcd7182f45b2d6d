import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { mixBase, mixFollowUp } from '../../../src/actors/tools/paint-mix-order.js';
import { jobColour } from '../../../src/actors/tools/paint-job-colour.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorInput, ProductFocus } from '../../../src/machines/conversation.contract.js';
import { readMeasureWithColour } from '../../../src/machines/material-questions.js';
import { readFollowUpQuantity } from '../../../src/machines/product-focus.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let index: ProductResolver;

beforeAll(async () => {
  ({ tenant, brain, index } = await loadDemoWithIndex());
});

const chat = (...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, `paint-orders-${messages.join('|')}`, ...messages);

/** The focus the colour answer leaves: the colours listed as options, blue offered to mix. */
const offered = (): ProductFocus => ({ sku: 'PIN-003', name: 'Pintura Acrílica Tropical Blanco (galón)', price: 1250, query: 'pintura azul', options: ['PIN-003', 'PIN-001', 'PIN-007', 'PIN-008', 'PIN-009'], mix: 'azul' });
const input = (focus: ProductFocus): ProductActorInput => ({
  tenantId: 'ferreteria',
  lang: 'es',
  intent: 'product_inquiry',
  understanding: { nlu: { intent: { name: 'product_inquiry', confidence: 0.9 }, ranking: [], entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields: {}, products: [], critical: false, priority: 4 },
  focus,
  idempotencyKey: 'k',
});

describe('a paint colour the store mixes, ordered', () => {
  it('should tint the white base paint of the pack asked for, in stock', () => {
    expect(mixBase(tenant, index, 'galon pintura azul')?.sku).toBe('PIN-003');
    // The acrylic white bucket is out: the satin one, in stock.
    expect(mixBase(tenant, index, 'cubeta pintura azul')?.sku).toBe('PIN-006');
    expect(mixBase(tenant, index, 'pintura satinada azul')?.sku).toBe('PIN-005');
  });

  it('should take a count, a pack or a yes after the colour offered as the order of that colour', () => {
    const two = mixFollowUp(tenant, index, input(offered()), 'dame 2 galones', 'es');
    expect(two?.replies[0]).toMatchObject({ template: 'product.mix_order', params: { quantity: 2, wanted: 'azul', total: 'RD$2,500.00' } });
    expect(two?.reserve).toMatchObject({ sku: 'PIN-003', quantity: 2, name: 'Pintura Acrílica Tropical Blanco (galón), preparada en azul' });
    expect(mixFollowUp(tenant, index, input(offered()), 'sí', 'es')?.replies[0]).toMatchObject({ template: 'product.mix_ask' });
    expect(mixFollowUp(tenant, index, input(offered()), 'una cubeta', 'es')?.focus?.sku).toBe('PIN-006');
  });

  it('should leave a pick, a price question or another colour to the usual answers', () => {
    // "2" alone over the colours listed picks the second one; "¿cuánto sale el galón?" asks each one's price.
    expect(mixFollowUp(tenant, index, input(offered()), '2', 'es')).toBeNull();
    expect(mixFollowUp(tenant, index, input(offered()), '¿cuánto sale el galón?', 'es')).toBeNull();
    expect(mixFollowUp(tenant, index, input(offered()), 'dame 2 del blanco hueso', 'es')).toBeNull();
    expect(mixFollowUp(tenant, index, input(offered()), 'y 2 brochas', 'es')).toBeNull();
    expect(mixFollowUp(tenant, index, input({ ...offered(), mix: undefined }), 'dame 2 galones', 'es')).toBeNull();
  });

  it('should add "2 más" to the count ordered', () => {
    const ordered: ProductFocus = { ...offered(), quantity: 3 };
    expect(mixFollowUp(tenant, index, input(ordered), 'otros 2 del mismo color', 'es')?.replies[0]).toMatchObject({ params: { quantity: 5 } });
    expect(readFollowUpQuantity('otros 2 del mismo color')).toEqual({ quantity: 2, change: 'more' });
    expect(readFollowUpQuantity('2 more in the same colour')).toEqual({ quantity: 2, change: 'more' });
  });

  it('should answer "sí" to the colour offered with the order, not "¿Qué más necesitas?"', async () => {
    const [, yes, count] = await chat('necesito pintura azul', 'sí', 'dame 2 galones');
    expect(yes).toMatch(/Te preparamos la pintura en \*azul\*.*¿Cuántos galones necesitas\?/);
    expect(count).toContain('*2 galones de pintura en azul*, preparada sobre *Pintura Acrílica Tropical Blanco (galón)*: 2 × RD$1,250.00 = *RD$2,500.00*');
  });
});

describe('a white bucket when the everyday one is out', () => {
  it('should name the one out, the satin bucket there is, and the bucket the same offer covers', async () => {
    const [answer] = await chat('necesito 2 cubetas de pintura blanca');
    expect(answer).toContain('*Pintura Acrílica Tropical Blanco (cubeta 5 gal)* está agotada');
    expect(answer).toContain('2 x *Pintura Satinada Popular Blanco (cubeta 5 gal)*: RD$6,950.00 c/u = *RD$13,900.00*');
    expect(answer).toMatch(/2 x \*Pintura Acrílica Tropical Blanco Hueso \(cubeta 5 gal\)\*[^\n]*\n\s*🏷️ \*Con la oferta\* \(Pintura Tropical: 10 % de descuento en cubetas\) te sale en \*RD\$10,170\.00\*/);
  });
});

describe('the paint job answered with its m² and colour', () => {
  it('should read the colour beside the measurement, and the measurement without it', () => {
    const paint: ProductFocus = { sku: 'PIN-003', name: 'Pintura Acrílica Tropical Blanco (galón)', price: 1250, query: 'pintura', measure: { asked: 'area' } };
    expect(jobColour(tenant, index, paint, 'unos 80 metros, blanco hueso')).toMatchObject({ colour: 'blanco hueso', product: { sku: 'PIN-001' } });
    expect(jobColour(tenant, index, paint, 'como 60 m2 de color azul')).toMatchObject({ colour: 'azul', rest: 'como 60 m2' });
    expect(jobColour(tenant, index, paint, '80 metros')).toBeNull();
    expect(readMeasureWithColour('unos 80 metros, blanco hueso', 'area')).toMatchObject({ area: 80 });
    expect(readMeasureWithColour('about 50 square meters, white', 'area')).toMatchObject({ area: 50 });
    expect(readMeasureWithColour('80 metros', 'area')).toBeNull();
  });

  it('should work out the gallons for the m² in the colour said, not one gallon', async () => {
    const [, offWhite] = await chat('voy a pintar la casa', 'unos 80 metros, blanco hueso');
    expect(offWhite).toContain('Para 80 m² a 2 manos te hacen falta unos *5 galones* de *Pintura Acrílica Tropical Blanco Hueso (galón)*');
    const [, blue] = await chat('voy a pintar la casa', 'como 60 m2 de color azul');
    expect(blue).toContain('*4 galones de pintura en azul*');
  });
});
