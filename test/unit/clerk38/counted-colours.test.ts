import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { withCountedColours } from '../../../src/actors/brain/rule/counted-colours.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { TenantData } from '../../../src/domain/tenant.js';

let tenant: TenantData;
let matcher: ProductMatcher;

beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  matcher = createProductMatcher(tenant.catalog);
});

/** The mentions of a message after the paint counted by its colour is read: query and count, in order. */
const read = (text: string): { query: string; quantity?: number }[] =>
  withCountedColours(text, tenant.catalog, matcher.extract(text)).mentions.map(({ query, quantity }) => ({ query, ...(quantity !== undefined ? { quantity } : {}) }));

describe('paint counted by its pack and named by its colour beside other goods', () => {
  it.each([
    ['dame 2 galones de blanco y una brocha', 'pintura blanco galon', 2, 0],
    ['dame precio de 5 galones de blanco hueso y 2 rodillos', 'pintura blanco hueso galon', 5, 0],
    ['quiero 3 cubetas de blanco hueso, 2 rodillos y una bandeja', 'pintura blanco hueso cubeta', 3, 0],
    ['necesito una brocha y 2 galones de la negra', 'pintura negro galon', 2, 1],
    ['2 gallons of white and a roller please', 'pintura blanco galon', 2, 0],
    ['tres galones de verde y un thinner', 'pintura verde galon', 3, 0],
  ])('should read %j with the paint line', (text, query, quantity, at) => {
    const mentions = read(text);
    expect(mentions.length).toBeGreaterThanOrEqual(2);
    expect(mentions[at]).toEqual({ query, quantity });
  });

  it.each(['5 galones de blanco hueso', '2 galones de pintura blanca y una brocha', 'dame 2 galones de thinner y una brocha', '10 sacos de cemento blanco y 2 de arena'])('should leave %j as the product words read it', (text) => {
    expect(read(text)).toEqual(matcher.extract(text).mentions.map(({ query, quantity }) => ({ query, ...(quantity !== undefined ? { quantity } : {}) })));
  });
});
