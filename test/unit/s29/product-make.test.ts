import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { paintBase } from '../../../src/actors/tools/product-specs.js';
import { specAsked } from '../../../src/machines/product-spec-question.js';
import { returnCondition } from '../../../src/machines/return-followups.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

describe('a question about the make of the product on the counter (session 29)', () => {
  it.each([
    ['¿De qué marca es?', 'brand'],
    ['q marca es?', 'brand'],
    ['y de cuál marca?', 'brand'],
    ['y de cuál marca es esa?', 'brand'],
    ['what brand is it?', 'brand'],
    ['which brand are they?', 'brand'],
    ['¿es de agua o de aceite?', 'base'],
    ['es de aceite?', 'base'],
    ['y esa pintura es de aceite o de agua?', 'base'],
    ['es esmalte?', 'base'],
    ['is it oil based?', 'base'],
    ['water or oil based?', 'base'],
  ] as const)('%s → %s', (text, kind) => {
    expect(specAsked(text)).toBe(kind);
  });

  it.each(['¿qué marcas tienen?', 'tienen otra marca?', 'tienen de aceite?', 'pintura de aceite', 'es de cemento?', 'dame 3'])('%s asks neither', (text) => {
    const asked = specAsked(text);
    expect(asked === 'brand' || asked === 'base').toBe(false);
  });

  it('reads a paint’s base off its name, and says nothing when the name does not tell', () => {
    expect(paintBase('Pintura Acrílica Tropical Blanco (galón)')).toBe('water');
    expect(paintBase('Pintura Satinada Popular Blanco (galón)')).toBe('water');
    expect(paintBase('Esmalte de Aceite Tropical Negro (galón)')).toBe('oil');
    expect(paintBase('Primer Anticorrosivo Gris (galón)')).toBeNull();
  });
});

describe('the answers, through a whole conversation', () => {
  let tenant: TenantData;
  let brain: Brain;
  beforeAll(async () => ({ tenant, brain } = await loadDemo()));

  it('says the brand of the one shown, and each brand when several are shown', async () => {
    const one = await chatOnFreshHost(tenant, brain, 'make-1', 'tienen pintura blanca?', 'de que marca es?');
    expect(one[1]).toContain('*Tropical*');
    expect(one[1]).not.toMatch(/no te entend/i);
    const two = await chatOnFreshHost(tenant, brain, 'make-2', 'tienen taladro?', 'de que marca es?');
    expect(two[1]).toContain('*Truper*');
    expect(two[1]).toContain('*DeWalt*');
  });

  it('answers the base, and names the other base’s paints only when the customer hoped for that one', async () => {
    const acrylic = await chatOnFreshHost(tenant, brain, 'base-1', 'do you have white paint?', 'is it oil based?');
    expect(acrylic[1]).toMatch(/water-based/);
    expect(acrylic[1]).toContain('Esmalte de Aceite');
    const enamel = await chatOnFreshHost(tenant, brain, 'base-2', 'tienen esmalte negro?', 'es de aceite?');
    expect(enamel[1]).toMatch(/de aceite/);
    expect(enamel[1]).not.toContain('Acrílica');
    const either = await chatOnFreshHost(tenant, brain, 'base-3', 'tienen pintura blanca?', 'es de agua o de aceite?');
    expect(either[1]).toMatch(/a base de agua/);
    expect(either[1]).not.toContain('Esmalte');
  });

  it('does not read a base into cement', async () => {
    const cement = await chatOnFreshHost(tenant, brain, 'base-4', 'tienen cemento?', 'es de aceite?');
    expect(cement[1]).not.toMatch(/a base de agua|de aceite \(esmalte\)/);
  });
});

describe('a return without the receipt (session 29)', () => {
  let tenant: TenantData;
  let brain: Brain;
  beforeAll(async () => ({ tenant, brain } = await loadDemo()));

  it.each(['no tengo la factura', 'se me perdió el recibo', 'la boté, no tengo factura', 'sin factura', 'I lost the receipt', "I don't have the receipt"])('%s is the receipt missing', (text) => {
    expect(returnCondition(text)).toBe('no_receipt');
  });

  it.each(['tengo la factura', 'no la he usado, tengo la factura'])('%s still qualifies', (text) => {
    expect(returnCondition(text)).toBe('eligible');
  });

  it('never answers "then it applies, bring the receipt" to a customer who has none; a person is offered and a yes takes it', async () => {
    const es = await chatOnFreshHost(tenant, brain, 'receipt-1', 'tienen devoluciones?', 'no tengo la factura', 'sí');
    expect(es[1]).not.toMatch(/Entonces sí aplica/);
    expect(es[1]).toMatch(/factura/);
    expect(es[1]).toMatch(/te pase con alguien/);
    expect(es[2]).toMatch(/Te paso con una persona/);
    const en = await chatOnFreshHost(tenant, brain, 'receipt-2', 'do you take returns?', 'I lost the receipt');
    expect(en[1]).toMatch(/receipt/);
    expect(en[1]).not.toMatch(/case number/);
  });

  it('a delivery that arrived wrong is no question of how to get to the store', async () => {
    const out = await chatOnFreshHost(tenant, brain, 'receipt-3', 'me llego la pintura con otro color, la quiero devolver');
    expect(out[0]).not.toMatch(/Av\. Padre Abreu No\. 62/);
  });
});
