import { describe, expect, it } from 'vitest';
import type { ConsoleActor, ConsoleAuth, ConsoleHost } from '../../../src/actors/console/index.js';
import { createInboxFeed } from '../../../src/actors/console/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { CONSOLE_WS_CLOSE_SESSION, createConsoleSocket } from '../../../src/runtime/console/console-socket.js';
import type { WsConnection } from '../../../src/runtime/gateway/index.js';

const actor: ConsoleActor = { tenantId: 'ferreteria', agentId: 'a1', displayName: 'Ana', role: 'agent', auditActor: 'agent:a1', csrfToken: 'x', sessionHash: 'h', agent: null };

function fakeConn(id: string, cookie: string) {
  const sent: unknown[] = [];
  const closes: number[] = [];
  const conn: WsConnection = {
    id, ip: '127.0.0.1', query: new URLSearchParams(), attachment: cookie,
    send: (text) => (sent.push(JSON.parse(text)), true),
    close: (code) => void closes.push(code),
    bufferedAmount: () => 0,
  };
  return { conn, sent, closes };
}

/**
 * An open console socket learns that its session ended: harden12 found that a logged-out,
 * expired or deleted agent's open console kept receiving the inbox feed (customer names, last
 * messages) and watched transcripts until the page was closed.
 */
describe('console socket: the session is checked again while it is open', () => {
  it('should close a socket whose session ended with the error frame and 4401, keep the live one, and never count the check as activity', async () => {
    const live = new Set(['cookie-ana', 'cookie-luis']);
    const touches: unknown[] = [];
    const auth = { authenticate: async (id: string, options?: { touch?: boolean }) => (touches.push(options?.touch), live.has(id) ? { ...actor, agentId: id } : null) } as unknown as ConsoleAuth;
    const feed = createInboxFeed(createSilentLogger());
    const host = { subscribe: () => () => undefined, getConversation: async () => null } as unknown as ConsoleHost;
    const socket = createConsoleSocket({ auth, host, feed, publicUrl: null, logger: createSilentLogger(), sessionCheckMs: 20 });
    try {
      const ana = fakeConn('c1', 'cookie-ana');
      const luis = fakeConn('c2', 'cookie-luis');
      socket.handler.open(ana.conn);
      socket.handler.open(luis.conn);
      await new Promise((r) => setTimeout(r, 10));
      feed.publish('ferreteria', { type: 'inbox.removed', conversationId: 'c_1' });
      expect(ana.sent).toHaveLength(1);
      // Ana logs out (or expires, or is deleted): her session is gone from the store.
      live.delete('cookie-ana');
      await expect.poll(() => ana.closes, { timeout: 2000 }).toEqual([CONSOLE_WS_CLOSE_SESSION]);
      expect(ana.sent.at(-1)).toMatchObject({ type: 'error', code: 'HILO_ERR_AUTH_MISSING' });
      socket.handler.close(ana.conn, CONSOLE_WS_CLOSE_SESSION);
      feed.publish('ferreteria', { type: 'inbox.removed', conversationId: 'c_2' });
      expect(ana.sent.filter((f) => (f as { type: string }).type === 'inbox.removed')).toHaveLength(1);
      expect(luis.closes).toEqual([]);
      expect(luis.sent.filter((f) => (f as { type: string }).type === 'inbox.removed')).toHaveLength(2);
      // The open-time lookup counts as activity (undefined), the periodic checks do not.
      expect(touches.slice(2).every((t) => t === false)).toBe(true);
      expect(touches.length).toBeGreaterThan(2);
    } finally {
      socket.closeAll();
    }
  });

  it('should keep a socket open when the session store fails a check', async () => {
    let failing = false;
    const auth = { authenticate: async () => { if (failing) throw new Error('db down'); return actor; } } as unknown as ConsoleAuth;
    const socket = createConsoleSocket({ auth, host: {} as ConsoleHost, feed: createInboxFeed(createSilentLogger()), publicUrl: null, logger: createSilentLogger(), sessionCheckMs: 10 });
    try {
      const c = fakeConn('c3', 'cookie');
      socket.handler.open(c.conn);
      await new Promise((r) => setTimeout(r, 5));
      failing = true;
      await new Promise((r) => setTimeout(r, 80));
      expect(c.closes).toEqual([]);
    } finally {
      socket.closeAll();
    }
  });
});
