import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, HiloError, isHiloError } from '../../src/kernel/errors.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documented = new Map([...doc.matchAll(/^\| `(HILO_ERR_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));

describe('error codes', () => {
  it('should document every code in docs/errors.md with its status', () => {
    for (const [code, def] of Object.entries(ERROR_CODES)) {
      expect(documented.get(code), `${code} missing from docs/errors.md`).toBe(def.status);
    }
  });

  it('should not document codes that do not exist', () => {
    for (const code of documented.keys()) expect(Object.keys(ERROR_CODES)).toContain(code);
  });

  it('should serialise to the documented JSON shape and be recognised by code', () => {
    const err = new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: [{ path: 'text', problem: 'required' }] });
    expect(err.toJSON()).toEqual({ error: { code: 'HILO_ERR_HTTP_VALIDATION', message: 'Request body failed validation.', details: [{ path: 'text', problem: 'required' }] } });
    expect(err.status).toBe(400);
    expect(isHiloError(err, 'HILO_ERR_HTTP_VALIDATION')).toBe(true);
    expect(isHiloError({ code: 'HILO_ERR_HTTP_VALIDATION' })).toBe(true);
    expect(isHiloError(new Error('x'))).toBe(false);
  });
});
