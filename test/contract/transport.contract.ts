/**
 * The conformance suite every transport adapter passes, over real loopback sockets.
 * `runTransportContract({ name, create })` is called by `test/unit/gateway/transport-*.test.ts`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { HttpRequest, HttpResponse, Transport, WsConnection, WsHandler, WsUpgradeRequest } from '../../src/runtime/gateway/transport.js';

export interface TransportContractOptions {
  name: string;
  create: () => Promise<Transport>;
}

const MAX_BODY = 4096;
const MAX_FRAME = 1024;

interface Recorder {
  requests: HttpRequest[];
  opened: WsConnection[];
  messages: { conn: WsConnection; text: string }[];
  closed: { conn: WsConnection; code: number }[];
  /** Sizes of frames over the limit reported to the handler. */
  tooLarge: number[];
  /** Resolvers for requests to `/slow`, released by the test. */
  slow: ((response: HttpResponse) => void)[];
  /** Upgrade requests the second path's check saw. */
  upgrades: WsUpgradeRequest[];
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Sends raw bytes and collects everything the server answers until it closes or `done` says so. */
function rawExchange(port: number, chunks: (string | Buffer)[], options: { endAfter?: (text: string) => boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let received = '';
    const finish = (): void => {
      socket.destroy();
      resolve(received);
    };
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on('data', (data) => {
      received += data.toString('latin1');
      if (options.endAfter?.(received)) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

/**
 * Posts a 5 MB body with fetch from another process (in this one the client's write and the
 * server's close share an event loop, which hides the race) and returns the status and error
 * code it read, or the socket error it met instead (`THROW EPIPE`).
 */
async function postWholeElsewhere(port: number, chunked: boolean): Promise<string> {
  const script = `
    const body = ${chunked} ? new ReadableStream({ start(c) { for (let i = 0; i < 80; i++) c.enqueue(new Uint8Array(64 * 1024).fill(97)); c.close(); } }) : Buffer.alloc(5 * 1024 * 1024, 97);
    try {
      const r = await fetch('http://127.0.0.1:${port}/big', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' });
      const t = await r.text();
      console.log(r.status + ' ' + (JSON.parse(t).error?.code ?? ''));
    } catch (e) { console.log('THROW ' + (e.cause?.code ?? e.message)); }`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return stdout.trim();
}

function openClient(port: number, path = '/ws?tenant=t1&x=y', headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The HTTP status of a refused upgrade (the client never opens). */
function refusedStatus(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('upgrade was accepted')));
    ws.once('error', () => undefined);
  });
}

function nextMessage(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(Buffer.from(data as Buffer).toString('utf8'))));
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve(-1);
    ws.once('close', (code) => resolve(code));
  });
}

export function runTransportContract({ name, create }: TransportContractOptions): void {
  describe(`transport contract: ${name}`, () => {
    let transport: Transport;
    let port: number;
    let rec: Recorder;

    beforeEach(async () => {
      rec = { requests: [], opened: [], messages: [], closed: [], tooLarge: [], slow: [], upgrades: [] };
      const handler: WsHandler = {
        open: (conn) => {
          rec.opened.push(conn);
        },
        message: (conn, text) => {
          rec.messages.push({ conn, text });
          if (text.startsWith('close:')) conn.close(Number(text.slice(6)), 'bye');
          else if (text.startsWith('burst:')) {
            // Like a turn's frames: sent later, outside the transport's callback, all in one tick.
            const [, count, closeCode] = text.split(':');
            setImmediate(() => {
              for (let i = 0; i < Number(count); i++) conn.send(`b${i}`);
              if (closeCode) conn.close(Number(closeCode), 'after burst');
            });
          } else conn.send(`echo:${text}`);
        },
        close: (conn, code) => {
          rec.closed.push({ conn, code });
        },
        tooLarge: (conn, bytes) => {
          rec.tooLarge.push(bytes);
          conn.send('too-large');
        },
      };
      transport = await create();
      port = await transport.listen({
        host: '127.0.0.1',
        port: 0,
        maxBodyBytes: MAX_BODY,
        http: async (req) => {
          rec.requests.push(req);
          if (req.path === '/slow') {
            const d = deferred<HttpResponse>();
            rec.slow.push(d.resolve);
            return d.promise;
          }
          if (req.path === '/boom') throw new Error('secret internal detail');
          if (req.path === '/binary') return { status: 201, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]) };
          return {
            status: 200,
            headers: { 'content-type': 'application/json', 'x-route': `${req.method} ${req.path}` },
            body: JSON.stringify({ method: req.method, path: req.path, query: req.query.toString(), bytes: req.body.byteLength }),
          };
        },
        ws: [
          { path: '/ws', handler, maxPayloadBytes: MAX_FRAME, idleTimeoutSeconds: 60, maxBackpressureBytes: 1024 * 1024 },
          {
            // A second path with a check before the upgrade (the agent console's cookie and Origin).
            path: '/second',
            handler: { ...handler, message: (conn, text) => conn.send(`second:${text}`) },
            maxPayloadBytes: MAX_FRAME,
            idleTimeoutSeconds: 60,
            maxBackpressureBytes: 1024 * 1024,
            upgrade: (req) => {
              rec.upgrades.push(req);
              if (req.headers.origin !== 'http://allowed.test') return { accept: false, status: 403 };
              if (!/(?:^|;\s*)k=good(?:;|$)/.test(req.headers.cookie ?? '')) return { accept: false, status: 401 };
              return { accept: true, attachment: { agent: 'a1', q: req.query.get('x') } };
            },
          },
        ],
      });
    });

    afterEach(async () => {
      for (const resolve of rec.slow) resolve({ status: 200, headers: {}, body: '' });
      await transport.close();
    });

    it('should listen on an ephemeral port and report it', () => {
      expect(port).toBeGreaterThan(0);
      expect(['uws', 'node']).toContain(transport.kind);
    });

    it('should pass method, path, query, lower-case headers and the client ip to the handler', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/a/b?x=1&y=two%20words`, { method: 'PUT', headers: { 'X-Custom-Thing': 'Value' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-route')).toBe('PUT /a/b');
      expect(await res.json()).toEqual({ method: 'PUT', path: '/a/b', query: 'x=1&y=two+words', bytes: 0 });
      const req = rec.requests[0]!;
      expect(req.query.get('y')).toBe('two words');
      expect(req.headers['x-custom-thing']).toBe('Value');
      expect(req.ip).toBe('127.0.0.1');
    });

    it('should route every method to the handler and return binary bodies intact', async () => {
      for (const method of ['GET', 'POST', 'DELETE', 'PATCH']) {
        const res = await fetch(`http://127.0.0.1:${port}/m`, { method });
        expect((await res.json()) as { method: string }).toMatchObject({ method });
      }
      const res = await fetch(`http://127.0.0.1:${port}/binary`);
      expect(res.status).toBe(201);
      expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    });

    it('should deliver a body up to the limit byte for byte', async () => {
      const body = Buffer.alloc(MAX_BODY, 7);
      body[0] = 0xff;
      const res = await fetch(`http://127.0.0.1:${port}/upload`, { method: 'POST', body });
      expect(res.status).toBe(200);
      expect(rec.requests[0]!.body.equals(body)).toBe(true);
    });

    it('should deliver a chunked body', async () => {
      const text = await rawExchange(
        port,
        ['POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n', '5\r\nhello\r\n', '6\r\n world\r\n', '0\r\n\r\n'],
        { endAfter: (t) => t.includes('"bytes"') },
      );
      expect(text).toMatch(/^HTTP\/1\.1 200/);
      expect(rec.requests[0]!.body.toString()).toBe('hello world');
    });

    it('should answer 413 to a declared length over the limit without running the handler', async () => {
      const text = await rawExchange(port, [`POST /big HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${MAX_BODY + 1}\r\n\r\n`, Buffer.alloc(MAX_BODY + 1, 97)]);
      expect(text).toMatch(/^HTTP\/1\.1 413/);
      expect(text).toContain('HILO_ERR_HTTP_BODY_TOO_LARGE');
      expect(rec.requests).toHaveLength(0);
    });

    it('should answer 413 to a chunked body that grows past the limit, keeping none of it', async () => {
      const big = Buffer.alloc(MAX_BODY * 2, 97);
      const text = await rawExchange(port, [
        'POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
        `${big.byteLength.toString(16)}\r\n`,
        big,
        '\r\n0\r\n\r\n',
      ]);
      expect(text).toMatch(/^HTTP\/1\.1 413/);
      expect(rec.requests).toHaveLength(0);
    });

    it('should let a client that writes a whole body far over the limit read the 413 (no EPIPE or reset)', async () => {
      // 5 MB against a 4 KiB limit, declared and chunked: the rest is read and dropped, then answered.
      for (const chunked of [false, true, false]) expect(await postWholeElsewhere(port, chunked)).toBe('413 HILO_ERR_HTTP_BODY_TOO_LARGE');
      expect(rec.requests).toHaveLength(0);
    });

    it('should stop reading a body declared larger than it drains, answering 413 at once', async () => {
      const text = await rawExchange(port, [`POST /big HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`]);
      expect(text).toMatch(/^HTTP\/1\.1 413/);
      expect(rec.requests).toHaveLength(0);
    });

    it('should not run the handler for a request aborted mid-body, and keep serving', async () => {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write('POST /partial HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-part');
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 50);
        });
        socket.on('error', () => undefined);
      });
      const res = await fetch(`http://127.0.0.1:${port}/after`);
      expect(res.status).toBe(200);
      expect(rec.requests.map((r) => r.path)).toEqual(['/after']);
    });

    it('should survive a client that disconnects while the handler is still running', async () => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
      await until(() => rec.slow.length === 1, 'the slow request');
      socket.destroy();
      await new Promise((r) => setTimeout(r, 50));
      rec.slow[0]!({ status: 200, headers: {}, body: 'late' });
      const res = await fetch(`http://127.0.0.1:${port}/after-abort`);
      expect(res.status).toBe(200);
    });

    it('should answer 500 without details when the handler throws', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/boom`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'HILO_ERR_INTERNAL', message: expect.any(String) } });
      expect(text).not.toContain('secret');
    });

    it('should open a WebSocket with the query and ip, exchange text frames and report the close code', async () => {
      const ws = await openClient(port);
      await until(() => rec.opened.length === 1, 'open');
      const conn = rec.opened[0]!;
      expect(conn.query.get('tenant')).toBe('t1');
      expect(conn.ip).toBe('127.0.0.1');
      expect(typeof conn.id).toBe('string');
      const reply = nextMessage(ws);
      ws.send('hola ñ 👋');
      expect(await reply).toBe('echo:hola ñ 👋');
      expect(conn.bufferedAmount()).toBeGreaterThanOrEqual(0);
      ws.close(4001, 'done');
      await until(() => rec.closed.length === 1, 'close');
      expect(rec.closed[0]!.code).toBe(4001);
      expect(rec.closed[0]!.conn).toBe(conn);
      expect(conn.send('after close')).toBe(false);
    });

    it('should let the server close a connection with an application code', async () => {
      const ws = await openClient(port);
      const code = closed(ws);
      ws.send('close:4408');
      expect(await code).toBe(4408);
      await until(() => rec.closed.length === 1, 'server-side close');
    });

    it('should deliver the frames of one tick in order, and all of them before a close that follows', async () => {
      const ws = await openClient(port);
      const got: string[] = [];
      ws.on('message', (data) => got.push(String(data)));
      ws.send('burst:5');
      await until(() => got.length === 5, 'burst');
      expect(got).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
      const code = closed(ws);
      ws.send('burst:3:4410');
      expect(await code).toBe(4410);
      expect(got).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b0', 'b1', 'b2']);
      await until(() => rec.closed.length === 1, 'close after burst');
    });

    it('should let the handler answer a frame over the limit, then close 1009 without delivering it', async () => {
      const ws = await openClient(port);
      const got: string[] = [];
      ws.on('message', (data) => got.push(String(data)));
      const code = closed(ws);
      ws.send('x'.repeat(MAX_FRAME + 1));
      // Both transports alike: the handler's last frame, then 1009 (message too big), never a bare 1006.
      expect(await code).toBe(1009);
      expect(got).toEqual(['too-large']);
      expect(rec.tooLarge).toEqual([MAX_FRAME + 1]);
      await until(() => rec.closed.length === 1, 'close after oversized frame');
      expect(rec.messages).toHaveLength(0);
    });

    it('should close a binary frame that is not valid UTF-8 with 1007 and a reason, delivering nothing, and read a valid one', async () => {
      // RFC 6455 §8.1. (Text frames: uWS refuses them natively with a bare TCP close, see docs/protocol.md.)
      const ws = await openClient(port);
      const why = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })));
      const reply = nextMessage(ws);
      ws.send(Buffer.from('hola ñ', 'utf8'), { binary: true });
      expect(await reply).toBe('echo:hola ñ');
      ws.send(Buffer.from([0x68, 0x6f, 0x6c, 0x61, 0x20, 0xed, 0xa0, 0x80]), { binary: true });
      expect(await why).toEqual({ code: 1007, reason: 'invalid UTF-8' });
      await until(() => rec.closed.length === 1, 'close after invalid UTF-8');
      expect(rec.messages.map((m) => m.text)).toEqual(['hola ñ']);
    });

    it('should refuse WebSocket upgrades on other paths', async () => {
      await expect(openClient(port, '/not-ws')).rejects.toThrow();
      expect(rec.opened).toHaveLength(0);
    });

    it('should serve a second WebSocket path whose upgrade check attaches what it accepted', async () => {
      const second = await openClient(port, '/second?x=7', { cookie: 'a=b; k=good', origin: 'http://allowed.test' });
      await until(() => rec.opened.length === 1, 'second open');
      expect(rec.opened[0]!.attachment).toEqual({ agent: 'a1', q: '7' });
      expect(rec.upgrades[0]).toMatchObject({ path: '/second', ip: '127.0.0.1' });
      const reply = nextMessage(second);
      second.send('hola');
      expect(await reply).toBe('second:hola');
      const first = await openClient(port);
      await until(() => rec.opened.length === 2, 'first open');
      expect(rec.opened[1]!.attachment).toBeUndefined();
      const echo = nextMessage(first);
      first.send('x');
      expect(await echo).toBe('echo:x');
      second.close();
      first.close();
      await until(() => rec.closed.length === 2, 'both closed');
    });

    it('should answer a refused upgrade with the check\'s status and open nothing', async () => {
      expect(await refusedStatus(port, '/second', { origin: 'http://allowed.test' })).toBe(401);
      expect(await refusedStatus(port, '/second', { cookie: 'k=good', origin: 'http://evil.test' })).toBe(403);
      expect(rec.upgrades).toHaveLength(2);
      expect(rec.opened).toHaveLength(0);
      // The server goes on serving both paths.
      const ws = await openClient(port, '/second', { cookie: 'k=good', origin: 'http://allowed.test' });
      ws.close();
      await until(() => rec.closed.length === 1, 'close');
    });

    it('should serve many concurrent clients', async () => {
      const clients = await Promise.all(Array.from({ length: 40 }, () => openClient(port)));
      const replies = await Promise.all(
        clients.map((ws, i) => {
          const reply = nextMessage(ws);
          ws.send(`n${i}`);
          return reply;
        }),
      );
      expect(replies).toEqual(clients.map((_, i) => `echo:n${i}`));
      const http = await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`http://127.0.0.1:${port}/c${i}`).then((r) => r.status)));
      expect(http.every((s) => s === 200)).toBe(true);
      const ids = new Set(rec.opened.map((c) => c.id));
      expect(ids.size).toBe(40);
      for (const ws of clients) ws.close();
      await until(() => rec.closed.length === 40, 'all closes');
    });

    it('should close idempotently with clients connected, closing their sockets', async () => {
      const clients = await Promise.all([openClient(port), openClient(port), openClient(port)]);
      const codes = Promise.all(clients.map(closed));
      await Promise.all([transport.close(), transport.close()]);
      const result = await codes;
      expect(result.every((code) => code === 1001 || code === 1006)).toBe(true);
      expect(rec.closed).toHaveLength(3);
      await expect(fetch(`http://127.0.0.1:${port}/gone`)).rejects.toThrow();
      await transport.close();
    });
  });
}
