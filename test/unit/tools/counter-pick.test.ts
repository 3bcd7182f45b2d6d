import { beforeAll, describe, expect, it } from 'vitest';
import { pickOnCounter } from '../../../src/actors/tools/counter-pick.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';
import type { Brain } from '../../../src/actors/brain/brain.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const rebar = { sku: 'VAR-003', name: 'Varilla Corrugada 1/2" Grado 40 (20 pies)', price: 465, query: 'varilla 1/2', options: ['VAR-003', 'VAR-004'] };

describe('a count of one option on the counter (pickOnCounter)', () => {
  it.each([
    ['dame 20 de la grado 60', 'VAR-004', 20],
    ['la grado 60, 20', 'VAR-004', 20],
    ['dame 5 de la grado 40', 'VAR-003', 5],
    ['dame 2 de la segunda', 'VAR-004', 2],
    ['give me 3 of the first one', 'VAR-003', 3],
    ['I need 30 of the grade 60', 'VAR-004', 30],
  ])('should read "%s" as %s × %d', (text, sku, quantity) => {
    expect(pickOnCounter(tenant, rebar, text)).toMatchObject({ product: { sku }, quantity });
  });

  it.each(['dame 20 de arena', 'dame 20 de la varilla', 'dame 20', 'la varilla'])('should leave "%s" to the usual reading', (text) => {
    expect(pickOnCounter(tenant, rebar, text)).toBeNull();
  });

  // counter11: an option named by its own words alone is that option, with no count ("el de drywall").
  it('should take "la grado 60" as that option, with no count', () => {
    const picked = pickOnCounter(tenant, rebar, 'la grado 60');
    expect(picked?.product.sku).toBe('VAR-004');
    expect(picked?.quantity).toBeUndefined();
  });
});

describe('a count of one option said in English', () => {
  it('should price "I need 30 of the grade 60" after the two grades of 1/2" rebar, never "what do you need?"', async () => {
    const [, reply] = await chatOnFreshHost(tenant, brain, 'grade-en', 'hi do you have 1/2 rebar', 'I need 30 of the grade 60');
    expect(reply).toMatch(/30 × RD\$510\.00 = \*RD\$15,300\.00\*/);
  });
});
