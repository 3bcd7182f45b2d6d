import { describe, expect, it } from 'vitest';
import { filesQuotes } from '../../../src/runtime/console/create-console.js';
import { TENANT_SETTINGS } from '../../../src/persistence/tenant-schemas.js';
import type { Product, TenantSettings } from '../../../src/domain/tenant.js';

const settings = (console?: TenantSettings['console']): TenantSettings => ({ id: 't', displayName: 'T', defaultLang: 'es', timeZone: 'America/Santo_Domingo', currency: 'DOP', ...(console ? { console } : {}) });
const product = {} as Product;

/** The console's quotes tab is for tenants that file quote tickets: a store with a catalog, or one that says so. */
describe('console: which tenants file quotes', () => {
  it('should file quotes for a tenant with a catalog and none for one without (the beauty studio)', () => {
    expect(filesQuotes({ settings: settings(), catalog: [product] })).toBe(true);
    expect(filesQuotes({ settings: settings(), catalog: [] })).toBe(false);
  });

  it("should follow tenant.json's console.quotes when it is set", () => {
    expect(filesQuotes({ settings: settings({ quotes: true }), catalog: [] })).toBe(true);
    expect(filesQuotes({ settings: settings({ quotes: false }), catalog: [product] })).toBe(false);
    const base = { id: 't', displayName: 'T', defaultLang: 'es', timeZone: 'America/Santo_Domingo', currency: 'DOP' };
    expect(TENANT_SETTINGS.safeParse({ ...base, console: { quotes: false } }).success).toBe(true);
    expect(TENANT_SETTINGS.safeParse({ ...base, console: { quotes: 'no' } }).success).toBe(false);
  });
});
