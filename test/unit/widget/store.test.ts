import { describe, expect, it } from 'vitest';
import { loadResumeToken, loadVisitorId, randomId, renewVisitorId, saveResumeToken, visitorKey } from '../../../web-widget/src/ids.js';
import { createWidgetStore } from '../../../web-widget/src/store.js';

describe('createWidgetStore', () => {
  it('should queue offline messages as pending until the ack', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.connectionChanged({ status: 'offline' });
    store.trigger.queued({ clientMessageId: 'c1', text: 'hola' });
    expect(store.getSnapshot().context.pending).toEqual([{ clientMessageId: 'c1', text: 'hola' }]);
    store.trigger.welcomed({ history: [{ seq: 1, id: 'm1', author: 'bot', text: 'Bienvenido', at: '2026-11-02T10:00:00Z' }] });
    expect(store.getSnapshot().context.connection).toBe('online');
    expect(store.getSnapshot().context.pending).toHaveLength(1);
    store.trigger.acked({ clientMessageId: 'c1', seq: 2 });
    const { messages, pending } = store.getSnapshot().context;
    expect(pending).toEqual([]);
    expect(messages.map((m) => [m.seq, m.author, m.status])).toEqual([
      [1, 'bot', 'sent'],
      [2, 'customer', 'sent'],
    ]);
  });

  it('should stop showing "sending" once the server types or streams a reply, and show it again after a drop', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.welcomed({ history: [] });
    store.trigger.queued({ clientMessageId: 'c1', text: '¿tienen cemento?' });
    const received = () => store.getSnapshot().context.messages.map((m) => m.received === true);
    expect(received()).toEqual([false]);
    store.trigger.deltaReceived({ replyId: 'out:1', text: 'Sí, ' });
    expect(received()).toEqual([true]);
    // Still pending: sent again after a reconnect until the ack.
    expect(store.getSnapshot().context.pending).toEqual([{ clientMessageId: 'c1', text: '¿tienen cemento?' }]);
    store.trigger.connectionChanged({ status: 'offline' });
    expect(received()).toEqual([false]);
    store.trigger.welcomed({ history: [] });
    store.trigger.typingChanged({ on: true });
    expect(received()).toEqual([true]);
    store.trigger.acked({ clientMessageId: 'c1', seq: 1 });
    expect(store.getSnapshot().context.messages[0]!.status).toBe('sent');
  });

  it('should clear typing when a reply arrives or the connection drops', () => {
    const store = createWidgetStore({ open: false });
    store.trigger.typingChanged({ on: true });
    store.trigger.received({ message: { seq: 1, id: 'm1', author: 'bot', text: 'hola', at: '2026-11-02T10:00:00Z' } });
    expect(store.getSnapshot().context.typing).toBe(false);
    store.trigger.typingChanged({ on: true });
    store.trigger.connectionChanged({ status: 'offline' });
    expect(store.getSnapshot().context.typing).toBe(false);
  });

  it('should show an error inline for its message and as a notice otherwise', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.queued({ clientMessageId: 'c1', text: 'hola' });
    store.trigger.failed({ clientMessageId: 'c1', message: 'Demasiados mensajes', noticeKey: 'n:1' });
    store.trigger.failed({ message: 'Servicio no disponible', noticeKey: 'n:2' });
    const { messages } = store.getSnapshot().context;
    expect(messages.map((m) => [m.key, m.author, m.status, m.error ?? m.text])).toEqual([
      ['c:c1', 'customer', 'error', 'Demasiados mensajes'],
      ['n:2', 'system', 'sent', 'Servicio no disponible'],
    ]);
  });

  it('should toggle open state', () => {
    const store = createWidgetStore({ open: false });
    store.trigger.opened();
    expect(store.getSnapshot().context.open).toBe(true);
    store.trigger.closed();
    expect(store.getSnapshot().context.open).toBe(false);
  });
});

describe('visitor ids', () => {
  const memoryStorage = () => {
    const map = new Map<string, string>();
    return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  };

  it('should create a 22-char base64url id once and reuse it', () => {
    const storage = memoryStorage();
    const id = loadVisitorId(storage, 'ferreteria');
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(storage.map.get(visitorKey('ferreteria'))).toBe(id);
    expect(loadVisitorId(storage, 'ferreteria')).toBe(id);
    expect(loadVisitorId(storage, 'otro')).not.toBe(id);
  });

  it('should replace a corrupt stored id', () => {
    const storage = memoryStorage();
    storage.setItem('hilo:ferreteria:visitor', '<script>');
    expect(loadVisitorId(storage, 'ferreteria')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('should still work when storage throws or is missing', () => {
    const broken = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadVisitorId(broken, 'ferreteria')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(loadVisitorId(null, 'ferreteria')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('should encode bytes as base64url without padding', () => {
    expect(randomId((bytes) => bytes.fill(0xff), 16)).toBe('_____________________w');
    expect(randomId((bytes) => bytes.fill(0xfb), 3)).toBe('-_v7');
  });
});

describe('widget store › moving to a linked thread', () => {
  it('should replace the history when a welcome names another conversation', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.welcomed({ conversationId: 'c_web', history: [{ seq: 1, id: 'w1', author: 'bot', text: 'Hola', at: '2026-11-02T10:00:00Z' }, { seq: 2, id: 'w2', author: 'customer', text: '8095550101', at: '2026-11-02T10:00:01Z' }] });
    store.trigger.queued({ clientMessageId: 'c9', text: 'sigo aquí' });
    store.trigger.welcomed({ conversationId: 'c_wa', history: [{ seq: 1, id: 'a1', author: 'customer', text: 'Me llamo Carolina', at: '2026-11-01T10:00:00Z' }, { seq: 2, id: 'a2', author: 'bot', text: '¡Hola, Carolina!', at: '2026-11-02T10:00:02Z' }] });
    const { messages, conversationId, pending } = store.getSnapshot().context;
    expect(conversationId).toBe('c_wa');
    expect(messages.filter((m) => m.seq !== null).map((m) => m.text)).toEqual(['Me llamo Carolina', '¡Hola, Carolina!']);
    expect(pending).toEqual([{ clientMessageId: 'c9', text: 'sigo aquí' }]);
  });

  it('should keep merging when the welcome is for the same conversation (a reconnect)', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.welcomed({ conversationId: 'c_web', history: [{ seq: 1, id: 'w1', author: 'bot', text: 'Hola', at: '2026-11-02T10:00:00Z' }] });
    store.trigger.welcomed({ conversationId: 'c_web', history: [{ seq: 2, id: 'w2', author: 'bot', text: '¿Algo más?', at: '2026-11-02T10:00:05Z' }] });
    expect(store.getSnapshot().context.messages.map((m) => m.text)).toEqual(['Hola', '¿Algo más?']);
  });
});

describe('resume tokens in storage', () => {
  const memoryStorage = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
  };

  it('should keep a token for its visitor id only and forget it when the id is renewed', () => {
    const storage = memoryStorage();
    const id = loadVisitorId(storage, 'ferreteria');
    expect(loadResumeToken(storage, 'ferreteria', id)).toBeUndefined();
    saveResumeToken(storage, 'ferreteria', id, 'r1.token_value-1');
    expect(loadResumeToken(storage, 'ferreteria', id)).toBe('r1.token_value-1');
    expect(loadResumeToken(storage, 'ferreteria', 'another-visitor-id-0000')).toBeUndefined();
    expect(loadResumeToken(storage, 'otro', id)).toBeUndefined();
    const renewed = renewVisitorId(storage, 'ferreteria');
    expect(renewed).not.toBe(id);
    expect(renewed).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(loadVisitorId(storage, 'ferreteria')).toBe(renewed);
    expect(loadResumeToken(storage, 'ferreteria', renewed)).toBeUndefined();
    expect(loadResumeToken(storage, 'ferreteria', id)).toBeUndefined();
  });
});
