import { describe, expect, it } from 'vitest';
import { isHiloError } from '../../../src/kernel/errors.js';
import { tooDeep } from '../../../src/kernel/schema.js';
import { checkTenantBody } from '../../../src/runtime/tenant-files.js';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('tooDeep', () => {
  it('should name the first value past the limit, and pass shallow values', () => {
    expect(tooDeep({ a: [[[1]]] }, 2)).toBe('$.a[0]');
    expect(tooDeep({ a: [[[1]]] }, 4)).toBeNull();
    expect(tooDeep('text', 0)).toBeNull();
    expect(tooDeep(nested(50_000), 64)).not.toBeNull();
  });
});

describe('checkTenantBody and deep JSON (found by the admin fuzz test: a 500 RangeError)', () => {
  it('should refuse a tenant file nested thousands deep with HILO_ERR_TENANT_INVALID', () => {
    let thrown: unknown;
    try {
      checkTenantBody({ store: nested(20_000) }, 'patch');
    } catch (err) {
      thrown = err;
    }
    expect(isHiloError(thrown, 'HILO_ERR_TENANT_INVALID')).toBe(true);
    expect(JSON.stringify((thrown as { details: unknown }).details)).toMatch(/deeper than 64 levels/);
  });

  it('should accept a file of ordinary depth', () => {
    expect(checkTenantBody({ store: { name: 'X', hours: [{ days: ['mon'], open: '08:00' }] } }, 'patch')).toHaveProperty('store');
  });
});
