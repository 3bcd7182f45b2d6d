import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../src/runtime/console/console-http.js';
import { MESSAGE_BODY, validateBody } from '../../../src/runtime/gateway/validate.js';

/** A body of `n` unknown keys beside a valid message, as an attacker fits it under 64 KiB. */
const keyFlood = (n: number) => Object.fromEntries([...Array.from({ length: n }, (_, i) => [`k${i}`, 1]), ['sender', 'keys'], ['text', 'hola']]);

function refusal(run: () => unknown): { code: string; details: { path: string; problem: string }[] } {
  try {
    run();
  } catch (err) {
    return err as { code: string; details: { path: string; problem: string }[] };
  }
  throw new Error('expected a refusal');
}

describe('validation problems are bounded (no amplification)', () => {
  it('should list the first 20 problems of a REST body and count the rest, instead of one per unknown key', () => {
    const err = refusal(() => validateBody(keyFlood(5_000), MESSAGE_BODY));
    expect(err.code).toBe('HILO_ERR_HTTP_VALIDATION');
    expect(err.details).toHaveLength(21);
    expect(err.details[0]).toEqual({ path: 'k0', problem: 'is not allowed' });
    expect(err.details[20]).toEqual({ path: '', problem: 'and 4980 more problems' });
    expect(JSON.stringify(err.details).length).toBeLessThan(2_000);
  });

  it('should keep a short list as it is, and cut a huge field name', () => {
    expect(refusal(() => validateBody({ sender: 'a', text: 'hola', admin: true }, MESSAGE_BODY)).details).toEqual([{ path: 'admin', problem: 'is not allowed' }]);
    const [long] = refusal(() => validateBody({ sender: 'a', text: 'hola', ['x'.repeat(40_000)]: 1 }, MESSAGE_BODY)).details;
    expect(long!.path.length).toBeLessThanOrEqual(201);
  });

  it('should answer the console’s key flood the same way, never echoing every key in one message', () => {
    const schema = z.strictObject({ tenant: z.string(), username: z.string(), password: z.string() });
    const body = Buffer.from(JSON.stringify({ ...keyFlood(5_000), tenant: 't', username: 'u', password: 'p' }));
    const err = refusal(() => readBody({ method: 'POST', path: '/console/api/login', query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, ip: '127.0.0.1', body }, schema));
    expect(err.code).toBe('HILO_ERR_HTTP_VALIDATION');
    expect(err.details).toHaveLength(21);
    expect(err.details[0]).toEqual({ path: 'k0', problem: 'is not allowed' });
    expect(JSON.stringify(err.details).length).toBeLessThan(2_000);
  });
});
