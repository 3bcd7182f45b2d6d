import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createConsoleApi } from '../../../web-console/src/api.js';
import { connectionShown, createConsoleStore } from '../../../web-console/src/store.js';

describe("the console's badge when REST calls do not reach the server", () => {
  it('should show offline while REST is unreachable, whatever the socket says, and the socket again once a call reaches', () => {
    const store = createConsoleStore({ lang: 'es' });
    store.trigger.connectionChanged({ status: 'online' });
    expect(connectionShown(store.getSnapshot().context)).toBe('online');
    store.trigger.reachChanged({ reached: false });
    expect(connectionShown(store.getSnapshot().context)).toBe('offline');
    store.trigger.connectionChanged({ status: 'connecting' });
    expect(connectionShown(store.getSnapshot().context)).toBe('offline');
    store.trigger.reachChanged({ reached: true });
    expect(connectionShown(store.getSnapshot().context)).toBe('connecting');
  });

  it('should keep the same state object when nothing changed (no re-render per call)', () => {
    const store = createConsoleStore({ lang: 'es' });
    const before = store.getSnapshot().context;
    store.trigger.reachChanged({ reached: true });
    expect(store.getSnapshot().context).toBe(before);
  });
});

describe("the console API's onReach", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should say false for a call no server answered and true for any answer, an error status too', async () => {
    const heard: boolean[] = [];
    const api = createConsoleApi({ onUnauthorized: () => undefined, onReach: (r) => heard.push(r) });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.inbox('waiting', '')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'HILO_ERR_X', message: 'no' } }), { status: 500 })));
    await expect(api.inbox('waiting', '')).rejects.toBeInstanceOf(ApiError);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200 })));
    await api.inbox('waiting', '');
    expect(heard).toEqual([false, true, true]);
  });
});
