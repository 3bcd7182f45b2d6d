import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { isPaint, mixedOfMissing, mixingNote } from '../../../src/actors/tools/paint-mixing.js';
import { coloursOfOneKind } from '../../../src/actors/tools/product-colours.js';
import { perUnitOfOptions } from '../../../src/actors/tools/product-unit-price.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let index: ProductResolver;

beforeAll(async () => {
  ({ tenant, brain, index } = await loadDemoWithIndex());
});

const bySku = (sku: string): Product => tenant.catalog.find((p) => p.sku === sku) as Product;

const ask = async (text: string): Promise<string> => (await chatOnFreshHost(tenant, brain, 'paint-mixing', text))[0]!;

describe('paint mixing in an estimate', () => {
  it('should tell a paint colour the store mixes from goods it lacks', () => {
    const out = mixedOfMissing(tenant, index, ['pintura azul', 'jacuzzis', 'cemento rojo'], 'es');
    expect(out.mixed).toEqual(['pintura azul']);
    expect(out.rest).toEqual(['jacuzzis', 'cemento rojo']);
    expect(out.note).toMatch(/preparamos/i);
    expect(mixedOfMissing(tenant, index, ['jacuzzis'], 'es')).toEqual({ mixed: [], rest: ['jacuzzis'], note: null });
  });
});

describe('paint mixing beside the colours', () => {
  it('should tell paint (acrylic, enamel) from what is used with it', () => {
    expect(isPaint(bySku('PIN-003'))).toBe(true);
    expect(isPaint(bySku('PIN-008'))).toBe(true);
    expect(isPaint(bySku('PIN-017'))).toBe(false); // "Rodillo de Pintura", "paint roller": for paint, not paint
    expect(isPaint(bySku('PIN-018'))).toBe(false);
    expect(isPaint(tenant.catalog.find((p) => /^Cable/.test(p.name)) as Product)).toBe(false);
  });

  it('should give the store\'s short words on mixing for paint only, and nothing for a store that does not mix', () => {
    expect(mixingNote(tenant, [bySku('PIN-003'), bySku('PIN-009')], 'es')).toMatch(/preparamos pintura/);
    expect(mixingNote(tenant, [bySku('PIN-003')], 'en')).toMatch(/we mix paint/);
    const cable = tenant.catalog.find((p) => /^Cable/.test(p.name)) as Product;
    expect(mixingNote(tenant, [cable], 'es')).toBeNull();
    const { paintMixing: _gone, ...facts } = tenant.store.facts ?? {};
    expect(mixingNote({ ...tenant, store: { ...tenant.store, facts } }, [bySku('PIN-003')], 'es')).toBeNull();
  });

  it('should read several items of one kind in colours as one colour question, and leave different things alone', () => {
    const out = coloursOfOneKind(tenant, index, [{ query: 'pintura azul' }, { query: 'roja' }], 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'product.no_colour_mix' });
    expect(coloursOfOneKind(tenant, index, [{ query: 'cemento' }, { query: 'pintura azul' }], 'es')).toBeNull();
    expect(coloursOfOneKind(tenant, index, [{ query: 'pintura azul', quantity: 2 }, { query: 'blanca', quantity: 2 }], 'es')).toBeNull();
  });

  it('should say a colour not in stock can be mixed, with the colours there are', async () => {
    const reply = await ask('necesito pintura azul');
    expect(reply).toMatch(/No tengo \*pintura\* en azul/);
    expect(reply).toMatch(/preparamos pintura en el color que quieras/);
    expect(reply).toMatch(/Blanco Hueso/);
  });

  it('should answer both colours of "azul y blanco": the white there is, the blue mixed', async () => {
    const reply = await ask('quiero pintar mi casa azul y blanco');
    expect(reply).toMatch(/Pintura Acrílica Tropical Blanco \(galón\)/);
    expect(reply).toMatch(/Azul no tengo de fábrica/);
    expect(reply).not.toMatch(/azul blanco/);
  });

  it('should list the colours for "pinturas de colores", never white alone', async () => {
    const reply = await ask('¿tienen pinturas de colores?');
    expect(reply).toMatch(/Negro y Verde/);
    expect(reply).not.toMatch(/En otros colores no lo manejo/);
  });
});

describe('a price by the unit with several options on the counter', () => {
  const focusOn = (skus: string[]) => ({ sku: skus[0] as string, name: bySku(skus[0] as string).name, price: bySku(skus[0] as string).price, query: 'pintura', options: skus });

  it('should give each option\'s price by that unit, or the one price they share', () => {
    const each = perUnitOfOptions(tenant, focusOn(['PIN-003', 'PIN-007', 'PIN-009']), ['PIN-003', 'PIN-007', 'PIN-009'].map(bySku), 'gal', 'es');
    expect(each?.replies[0]).toMatchObject({ template: 'product.per_unit.each' });
    expect(each?.focus?.options).toEqual(['PIN-003', 'PIN-007', 'PIN-009']);
    const one = perUnitOfOptions(tenant, focusOn(['PIN-003', 'PIN-001']), ['PIN-003', 'PIN-001'].map(bySku), 'gal', 'en');
    expect(one?.replies[0]).toMatchObject({ template: 'product.per_unit.all', params: { price: 'RD$1,250.00', count: '2' } });
  });

  it('should leave one option sold by that unit to the one-product answer', () => {
    expect(perUnitOfOptions(tenant, focusOn(['PIN-001', 'PIN-002']), ['PIN-001', 'PIN-002'].map(bySku), 'gal', 'es')).toBeNull();
  });
});
