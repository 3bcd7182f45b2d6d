import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * `HILO_INSPECT=ws://…` streams live conversations to a Stately inspector bridge. Here the bridge is
 * a real WebSocket server on loopback that records what it receives.
 */
describe('Stately inspector attachment', () => {
  let bridge: WebSocketServer;
  const received: { type?: string; raw: string; event?: { type?: string } }[] = [];
  let server: TestServer;

  beforeAll(async () => {
    bridge = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => bridge.once('listening', () => r()));
    bridge.on('connection', (socket: WebSocket) => {
      socket.on('message', (data) => {
        try {
          received.push({ ...JSON.parse(String(data)), raw: String(data) });
        } catch {
          received.push({ type: 'unparsable', raw: String(data) });
        }
      });
    });
    const port = (bridge.address() as AddressInfo).port;
    server = await startHiloForTest({ env: { HILO_INSPECT: `ws://127.0.0.1:${port}` } });
  });

  afterAll(async () => {
    await server?.close();
    await new Promise<void>((r) => bridge.close(() => r()));
  });

  it('should stream the conversation actor, its events and snapshots to the inspector', async () => {
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: 'inspected-visitor', text: '¿Tienen cemento?' }),
    });
    expect(res.status).toBe(200);
    const { conversation_id: id } = (await res.json()) as { conversation_id: string };
    const deadline = Date.now() + 10_000;
    // Inspection events name actors by session id; the conversation shows in the actor's context.
    while (Date.now() < deadline && !received.some((e) => e.type === '@xstate.snapshot' && e.raw.includes(id))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(received.some((e) => e.type === '@xstate.actor')).toBe(true);
    expect(received.some((e) => e.type === '@xstate.event' && e.event?.type === 'user.message')).toBe(true);
    expect(received.some((e) => e.type === '@xstate.snapshot' && e.raw.includes(id) && e.raw.includes('awaitingInput'))).toBe(true);
  });
});
