import { beforeAll, describe, expect, it } from 'vitest';
import { brandAsked } from '../../../src/actors/tools/product-brands.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { demoTenant } from './helpers.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await demoTenant();
});

const skusOf = (text: string, lang: 'es' | 'en' = 'es'): string[] | null => {
  const out = brandAsked(tenant, text, lang);
  return out === null ? null : (out.replies[0]?.options ?? []).map((o) => o.text);
};

describe('a brand asked for alone', () => {
  it.each([
    ['¿tienen Truper?', 'Truper'],
    ['que tienen de stanley?', 'Stanley'],
    ['do you carry 3M?', '3M'],
    ['tienen productos collins?', 'Collins'],
    ['cemex', 'Cemex'],
  ])('should answer "%s" with what the store has of %s', (text, brand) => {
    const names = skusOf(text);
    expect(names, text).not.toBeNull();
    expect(names!.length).toBeGreaterThan(0);
    for (const name of names!) expect(name).toContain(brand);
  });

  it.each(['martillo truper', 'cemento cemex', 'tienen delivery a santo domingo?', 'lo más popular', 'hola', 'tienen en el cibao?'])(
    'should leave "%s" to the product search or the other readers',
    (text) => {
      expect(skusOf(text)).toBeNull();
    },
  );
});
