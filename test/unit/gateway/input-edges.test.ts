import { describe, expect, it } from 'vitest';
import { isStableIdentifier } from '../../../src/channels/normalize-text.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { parseJsonBody, repeatedKeyPath } from '../../../src/runtime/gateway/json-body.js';
import { createRouter } from '../../../src/runtime/gateway/router.js';
import { MESSAGE_BODY, validateBody } from '../../../src/runtime/gateway/validate.js';
import { MessageFrame, readFrame } from '../../../src/runtime/gateway/widget-frames.js';

/** The error a call throws (a HiloError's code and details), or null. */
function thrown(run: () => unknown): { code: string; details: unknown } | null {
  try {
    run();
    return null;
  } catch (err) {
    if (!isHiloError(err)) throw err;
    return { code: err.code, details: (err as { details?: unknown }).details };
  }
}

describe('input at the HTTP and WebSocket edge (regressions found by the entry-point fuzz test)', () => {
  describe('identifiers are refused, never normalised into another id', () => {
    it('should tell stable ids from ones the text normalisation would change', () => {
      for (const id of ['m-1', 'web:abc_DEF', 'ana-809', 'pedido #12 ñ', '😀']) expect(isStableIdentifier(id), id).toBe(true);
      for (const id of ['m\ud800', '\udc00', 'a\u0000', 'a\u200bb', 'x\u202e', 'a\r\nb', 'e\u0301']) expect(isStableIdentifier(id), JSON.stringify(id)).toBe(false);
    });

    it('should answer 400 for a REST message_id or sender that two different ids would share (was: the second message taken as a retry)', () => {
      for (const body of [
        { sender: 'ana', text: 'hola', message_id: 'm\ud800' },
        { sender: 'ana', text: 'hola', message_id: 'm\udc00' },
        { sender: 'ana', text: 'hola', message_id: 'a\u0000b' },
      ]) {
        expect(thrown(() => validateBody(body, MESSAGE_BODY))).toEqual({ code: 'HILO_ERR_HTTP_VALIDATION', details: [{ path: 'message_id', problem: expect.stringContaining('unpaired surrogates') }] });
      }
      expect(thrown(() => validateBody({ sender: 'ana\u0000', text: 'hola' }, MESSAGE_BODY))?.details).toEqual([{ path: 'sender', problem: expect.stringContaining('control characters') }]);
      // The text itself is still normalised and answered, not refused.
      expect(validateBody({ sender: 'ana', text: 'hola', message_id: 'm-1' }, MESSAGE_BODY)).toEqual({ sender: 'ana', text: 'hola', message_id: 'm-1' });
    });

    it('should refuse a widget clientMessageId with a lone surrogate or a control (was: a unique violation quarantined the turn)', () => {
      for (const id of ['k\ud800', 'k\udc00', '\u0000', 'a\u0007b']) {
        expect(readFrame(MessageFrame, { type: 'message', clientMessageId: id, text: 'hola' })).toEqual({ ok: false, problem: expect.stringContaining('clientMessageId must not contain') });
      }
      expect(readFrame(MessageFrame, { type: 'message', clientMessageId: 'c-1', text: 'ho\u0000la' })).toMatchObject({ ok: true, value: { clientMessageId: 'c-1', text: 'hola' } });
    });
  });

  describe('JSON bodies that name a key twice', () => {
    it('should find the repeated key with its path, decoded, at any depth', () => {
      expect(repeatedKeyPath('{"sender":"a","text":"hola","text":"cemento"}')).toBe('text');
      expect(repeatedKeyPath('{"text":"a","t\\u0065xt":"b"}')).toBe('text');
      expect(repeatedKeyPath('{"a":{"b":1,"c":{"d":[1,{"e":1,"e":2}]}}}')).toBe('a.c.d[1].e');
      expect(repeatedKeyPath('[{"a":1},{"a":1,"a":2}]')).toBe('[1].a');
      expect(repeatedKeyPath('{"a":"\\",\\"a\\":","b":{"a":1},"c":[{"a":1}]}')).toBeNull();
      expect(repeatedKeyPath('{"a":[],"b":{},"c":"{\\"c\\":1}"}')).toBeNull();
    });

    it('should answer HILO_ERR_HTTP_VALIDATION naming the key (was: the last one won silently)', () => {
      expect(thrown(() => parseJsonBody(Buffer.from('{"sender":"a","text":"hola","text":"cemento"}')))).toEqual({ code: 'HILO_ERR_HTTP_VALIDATION', details: [{ path: 'text', problem: 'appears more than once' }] });
      expect(parseJsonBody(Buffer.from('{"sender":"a","text":"hola"}'))).toEqual({ sender: 'a', text: 'hola' });
    });

    it('should scan a deeply nested body without using the call stack', () => {
      const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
      expect(repeatedKeyPath(deep)).toBeNull();
      expect(thrown(() => parseJsonBody(Buffer.from(`{"x":${'['.repeat(30_000)}${']'.repeat(30_000)},"x":1}`)))?.details).toEqual([{ path: 'x', problem: 'appears more than once' }]);
    });
  });

  describe('path parameters', () => {
    const route = createRouter([{ method: 'GET', path: '/api/tenants/:tenant/conversations/:id', handler: async () => ({ status: 200, headers: {}, body: '' }) }]);

    // A bad path since harden23 (400 HILO_ERR_HTTP_PATH_INVALID); it was "no route" (404) before.
    it('should match no route for an id with a control character (was: PostgreSQL refused the NUL, 500)', () => {
      for (const id of ['%00', 'c_1%00', '%1B%5B31m', '%C2%85', '%7F']) expect(route('GET', `/api/tenants/ferreteria/conversations/${id}`).kind, id).toBe('bad_path');
      expect(route('GET', '/api/tenants/%00/conversations/c_1').kind).toBe('bad_path');
      expect(route('GET', '/api/tenants/ferreteria/conversations/c_%C3%B1%20x')).toMatchObject({ kind: 'found', params: { tenant: 'ferreteria', id: 'c_ñ x' } });
    });
  });
});
