import { describe, expect, it } from 'vitest';
import { parseOutgoingWebhook } from '../../../src/channels/rocketchat/index.js';
import { isHiloError, type HiloErrorCode } from '../../../src/kernel/errors.js';
import { outgoingWebhookBody } from '../../fakes/rocketchat.js';

const TOKEN = 'rc-outgoing-Zq81LmN0pW';

function raw(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8');
}

function codeOf(fn: () => unknown): HiloErrorCode | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (err) {
    if (!isHiloError(err)) throw err;
    return err.code;
  }
}

describe('parseOutgoingWebhook', () => {
  it('should read an agent reply addressed with a #T-000123 prefix', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '#T-000123 Hola Ana, ya le aplicamos el reembolso.', tmid: 'thr1' })), { token: TOKEN });
    expect(event).toEqual({
      kind: 'agent_message',
      ticketNumber: 'T-000123',
      ticketSource: 'prefix',
      channelName: 'soporte-hilo',
      agentName: 'maria.agente',
      text: 'Hola Ana, ya le aplicamos el reembolso.',
      messageId: 'Yk3bTq9cWnXr2mZa1',
      threadId: 'thr1',
    });
  });

  it('should accept a lower-case prefix with a colon', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '#t-42: listo' })), { token: TOKEN });
    expect(event).toMatchObject({ kind: 'agent_message', ticketNumber: 'T-42', text: 'listo' });
  });

  it('should find the ticket from a per-ticket room when the text has no prefix', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, channelName: 'ticket-t-000124', text: 'Buenas tardes' })), { token: TOKEN });
    expect(event).toMatchObject({ kind: 'agent_message', ticketNumber: 'T-000124', ticketSource: 'channel', text: 'Buenas tardes' });
  });

  it('should leave the ticket undefined when nothing names it', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: 'Hola equipo, #T-1 está listo' })), { token: TOKEN });
    expect(event).toMatchObject({ kind: 'agent_message', ticketSource: 'none', text: 'Hola equipo, #T-1 está listo' });
    expect(event).not.toHaveProperty('ticketNumber');
  });

  it('should parse /cerrar-ticket with a ticket number and an outcome', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '/cerrar-ticket T-000123 reembolso aplicado' })), { token: TOKEN });
    expect(event).toEqual({
      kind: 'command',
      command: 'cerrar-ticket',
      args: 'T-000123 reembolso aplicado',
      ticketNumber: 'T-000123',
      text: 'reembolso aplicado',
      agentName: 'maria.agente',
      channelName: 'soporte-hilo',
      messageId: 'Yk3bTq9cWnXr2mZa1',
    });
  });

  it('should take the ticket of a per-ticket room for !cerrar-ticket without a number', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, channelName: 't-000777', text: '!cerrar-ticket resuelto por teléfono' })), { token: TOKEN });
    expect(event).toMatchObject({ kind: 'command', command: 'cerrar-ticket', ticketNumber: 'T-000777', text: 'resuelto por teléfono' });
  });

  it('should parse /crear-ticket with its subject', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '/crear-ticket Cliente pide cotización de 20 laptops' })), { token: TOKEN });
    expect(event).toMatchObject({ kind: 'command', command: 'crear-ticket', args: 'Cliente pide cotización de 20 laptops', text: 'Cliente pide cotización de 20 laptops', agentName: 'maria.agente' });
    expect(event).not.toHaveProperty('ticketNumber');
  });

  it('should refuse /cerrar-ticket that names no ticket', () => {
    expect(codeOf(() => parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '/cerrar-ticket listo' })), { token: TOKEN }))).toBe('HILO_ERR_HANDOFF_VALIDATION');
    expect(codeOf(() => parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '#T-5   ' })), { token: TOKEN }))).toBe('HILO_ERR_HANDOFF_VALIDATION');
  });

  it('should read JSON (with or without a charset, or no Content-Type) and refuse another Content-Type with 415', () => {
    const body = raw(outgoingWebhookBody({ token: TOKEN, text: '#T-000123 listo' }));
    for (const contentType of ['application/json', 'application/json; charset=utf-8', undefined]) {
      expect(parseOutgoingWebhook(body, { token: TOKEN, ...(contentType ? { contentType } : {}) }).kind).toBe('agent_message');
    }
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
      expect(codeOf(() => parseOutgoingWebhook(body, { token: TOKEN, contentType }))).toBe('HILO_ERR_CHANNEL_UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('should not treat a longer word as a command', () => {
    const event = parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '/cerrar-tickets T-1' })), { token: TOKEN });
    expect(event.kind).toBe('agent_message');
  });

  it('should ignore Hilo’s own posts echoed back and messages without text', () => {
    expect(parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '*#T-1* · Cliente: hola', bot: { i: 'hilo' } })), { token: TOKEN })).toEqual({ kind: 'ignored', reason: 'bot', messageId: 'Yk3bTq9cWnXr2mZa1' });
    expect(parseOutgoingWebhook(raw(outgoingWebhookBody({ token: TOKEN, text: '  ' })), { token: TOKEN })).toMatchObject({ kind: 'ignored', reason: 'empty' });
  });

  it('should reject every mutation of the token', () => {
    const mutations = new Set<string>(['', ' ', TOKEN.toUpperCase(), TOKEN.toLowerCase(), TOKEN.slice(1), TOKEN.slice(0, -1), `${TOKEN}x`, `x${TOKEN}`, ` ${TOKEN}`, `${TOKEN} `]);
    for (let i = 0; i < TOKEN.length; i++) {
      mutations.add(TOKEN.slice(0, i) + (TOKEN[i] === 'a' ? 'b' : 'a') + TOKEN.slice(i + 1));
      mutations.add(TOKEN.slice(0, i) + TOKEN.slice(i + 1));
    }
    mutations.delete(TOKEN);
    for (const token of mutations) {
      expect(codeOf(() => parseOutgoingWebhook(raw(outgoingWebhookBody({ token, text: '#T-1 hola' })), { token: TOKEN })), token).toBe('HILO_ERR_HANDOFF_TOKEN_INVALID');
    }
    const body = outgoingWebhookBody({ token: TOKEN, text: 'hola' });
    for (const value of [undefined, null, 123, [TOKEN], { t: TOKEN }]) {
      expect(codeOf(() => parseOutgoingWebhook(raw({ ...body, token: value }), { token: TOKEN }))).toBe('HILO_ERR_HANDOFF_TOKEN_INVALID');
    }
    // A deployment without a configured token accepts nothing, not even an empty token.
    expect(codeOf(() => parseOutgoingWebhook(raw({ ...body, token: '' }), { token: '' }))).toBe('HILO_ERR_HANDOFF_TOKEN_INVALID');
  });

  it('should reject every truncation of a valid body', () => {
    const bytes = raw(outgoingWebhookBody({ token: TOKEN, text: '#T-000123 hola' }));
    for (let n = 0; n < bytes.length; n++) {
      const code = codeOf(() => parseOutgoingWebhook(bytes.subarray(0, n), { token: TOKEN }));
      expect(code, `first ${n} bytes`).toBe('HILO_ERR_HANDOFF_INVALID_BODY');
    }
  });

  it('should reject bodies that are not a JSON object, not UTF-8, or too large', () => {
    for (const body of ['[]', 'null', '"x"', '42', 'token=x&text=y']) {
      expect(codeOf(() => parseOutgoingWebhook(body, { token: TOKEN })), body).toBe('HILO_ERR_HANDOFF_INVALID_BODY');
    }
    const invalidUtf8 = Buffer.concat([Buffer.from(`{"token":"${TOKEN}","text":"`), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(codeOf(() => parseOutgoingWebhook(invalidUtf8, { token: TOKEN }))).toBe('HILO_ERR_HANDOFF_INVALID_BODY');
    const big = raw(outgoingWebhookBody({ token: TOKEN, text: 'a'.repeat(70_000) }));
    expect(codeOf(() => parseOutgoingWebhook(big, { token: TOKEN }))).toBe('HILO_ERR_HANDOFF_INVALID_BODY');
  });

  it('should reject an authenticated body with a required field missing or of the wrong type', () => {
    const body = outgoingWebhookBody({ token: TOKEN, text: '#T-1 hola', tmid: 't1' });
    const broken: Array<[string, unknown]> = [];
    for (const field of ['message_id', 'channel_name', 'user_name', 'text']) {
      broken.push([field, undefined], [field, null], [field, 42], [field, { x: 1 }], [field, ['a']]);
    }
    broken.push(['message_id', ''], ['message_id', 'has space'], ['user_name', ' '], ['tmid', 5], ['bot', 'yes'], ['bot', [1]], ['text', 'x'.repeat(10_001)]);
    for (const [field, value] of broken) {
      const mutated: Record<string, unknown> = { ...body };
      if (value === undefined) delete mutated[field];
      else mutated[field] = value;
      const err = (() => {
        try {
          parseOutgoingWebhook(raw(mutated), { token: TOKEN });
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(isHiloError(err, 'HILO_ERR_HANDOFF_VALIDATION'), `${field}=${JSON.stringify(value)}`).toBe(true);
      expect((err as { details: Array<{ path: string }> }).details.map((d) => d.path)).toContain(field);
    }
  });
});
