import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger } from '../../../src/kernel/logger.js';
import type { Transport } from '../../../src/runtime/gateway/transport.js';
import { wsHardLimitBytes } from '../../../src/runtime/gateway/transport.js';
import { createUwsTransport } from '../../../src/runtime/gateway/uws-transport.js';

/**
 * What uWS does alone: a frame over its hard limit (`wsHardLimitBytes`) is cut by its native
 * parser with no close frame (the client sees 1006) and no setting lets Hilo answer it, so the
 * refusal is logged (harden11 saw a 300 KiB widget frame close 1006 with nothing said anywhere).
 * A frame between the route's limit and the hard limit still gets the handler's error frame and 1009.
 */
describe('uWS transport: frames over the hard limit', () => {
  let transport: Transport | null = null;
  afterEach(async () => {
    await transport?.close();
    transport = null;
  });

  it('should log a frame uWS cut for its size, and answer one under the hard limit with the error frame and 1009', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({ write(chunk: Buffer, _e, done) { for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>); done(); } });
    transport = await createUwsTransport({ logger: createLogger({ level: 'info', destination }) });
    const tooLarge: number[] = [];
    const maxPayloadBytes = 1024;
    const port = await transport.listen({
      host: '127.0.0.1', port: 0, maxBodyBytes: 1024, http: async () => ({ status: 404, headers: {}, body: '' }),
      ws: { path: '/ws', maxPayloadBytes, idleTimeoutSeconds: 60, maxBackpressureBytes: 1024 * 1024, handler: { open: () => undefined, message: () => undefined, close: () => undefined, tooLarge: (conn, bytes) => { tooLarge.push(bytes); conn.send('too-large'); } } },
    });
    const send = (bytes: number): Promise<{ code: number; frames: string[] }> => new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
      const frames: string[] = [];
      ws.on('open', () => ws.send('x'.repeat(bytes)));
      ws.on('message', (data) => frames.push(String(data)));
      ws.on('error', () => undefined);
      ws.on('close', (code) => resolve({ code, frames }));
    });
    const hard = wsHardLimitBytes(maxPayloadBytes);
    expect(await send(hard - 1024)).toEqual({ code: 1009, frames: ['too-large'] });
    expect(await send(hard + 40 * 1024)).toEqual({ code: 1006, frames: [] });
    expect(tooLarge).toEqual([hard - 1024]);
    await expect.poll(() => lines.some((l) => l.msg === 'websocket closed by uWS: a frame over its hard limit' && l.limitBytes === hard)).toBe(true);
  });
});
