import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../../../src/actors/console/password-hash.js';

describe('password hash', () => {
  it('should verify the right password and refuse a wrong one, with a salt per hash', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('should refuse (not throw on) a stored value it did not write', async () => {
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$aa$bb')).toBe(false);
  });

  it('should read the parameters from the stored hash (cheap ones verify too)', async () => {
    const cheap = await hashPassword('pw', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('pw', cheap)).toBe(true);
  });

  it('should take tens of milliseconds per check with the default parameters (printed)', async () => {
    const stored = await hashPassword('pw');
    const runs = 5;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await verifyPassword('wrong', stored);
    const ms = (performance.now() - started) / runs;
    console.log(`scrypt N=${DEFAULT_SCRYPT.N} r=${DEFAULT_SCRYPT.r} p=${DEFAULT_SCRYPT.p}: ${ms.toFixed(1)} ms per verification`);
    expect(ms).toBeGreaterThan(5);
  });
});
