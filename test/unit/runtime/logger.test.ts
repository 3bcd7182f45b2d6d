import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubPersonalData, serializeError } from '../../../src/kernel/logger.js';

describe('scrubPersonalData', () => {
  it('should replace e-mails and phone numbers in any common spelling', () => {
    expect(scrubPersonalData('Key (email)=(ana.p+x@correo.do) already exists')).toBe('Key (email)=([email]) already exists');
    for (const phone of ['+18095550199', '+1 809 555 0199', '(809) 555-0199', '809-555-0199', '809.555.0199']) {
      expect(scrubPersonalData(`llamar al ${phone} hoy`)).toBe('llamar al [phone] hoy');
    }
  });

  it('should keep what an engineer needs: line numbers, dates, ids, short numbers', () => {
    const kept = [
      'at handler (/srv/hilo/src/runtime/gateway.ts:430:20)',
      'seq 12 of 2026-11-22T12:00:00.000Z',
      'conversation c_4ca5b5e680467010118c',
      'Migration20261122000000_initial',
      'account 10587 has 3 items',
    ];
    for (const text of kept) expect(scrubPersonalData(text)).toBe(text);
  });
});

describe('serializeError', () => {
  it('should keep type, code, message and stack only, scrubbed, with its cause', () => {
    const cause = Object.assign(new Error('connection to ana@correo.do lost'), { code: 'ECONNRESET', address: '10.0.0.1' });
    const err = Object.assign(new Error('insert failed for +1 809 555 0199', { cause }), {
      code: '23505',
      detail: 'Key (email)=(ana@correo.do) already exists.',
      where: 'phone 8095550199',
      table: 'contacts',
    });
    const out = serializeError(err) as unknown as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['cause', 'code', 'message', 'stack', 'type']);
    expect(out.message).toBe('insert failed for [phone]');
    expect(String(out.stack)).toMatch(/^Error: insert failed for \[phone\]\n\s+at /);
    expect(out.cause).toMatchObject({ type: 'Error', code: 'ECONNRESET', message: 'connection to [email] lost' });
    expect(JSON.stringify(out)).not.toMatch(/correo|8095550199|already exists/);
  });

  it('should scrub a plain string and survive non-errors', () => {
    expect(serializeError('failed for ana@correo.do')).toBe('failed for [email]');
    expect(serializeError(42)).toBe('42');
    expect(serializeError(null)).toBe('null');
  });

  it('should be what the root logger uses for err and error keys, children included', () => {
    const chunks: string[] = [];
    const destination = new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c.toString()), cb()) });
    const log = createLogger({ level: 'info', destination }).child({ component: 'x' });
    const err = Object.assign(new Error('boom for ana@correo.do'), { code: '22P05', where: 'ana@correo.do' });
    log.error({ err }, 'one');
    log.error({ error: err }, 'two');
    log.warn({ problem: 'refused payload for +1 809 555 0199' }, 'three');
    const [one, two] = chunks.map((c) => JSON.parse(c) as { err?: Record<string, unknown>; error?: Record<string, unknown> });
    expect(one?.err).toMatchObject({ type: 'Error', code: '22P05', message: 'boom for [email]' });
    expect(one?.err).not.toHaveProperty('where');
    expect(two?.error).toMatchObject({ code: '22P05', message: 'boom for [email]' });
    expect(JSON.parse(chunks[2]!)).toMatchObject({ problem: 'refused payload for [phone]' });
  });
});
