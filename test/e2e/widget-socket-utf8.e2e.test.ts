import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

type Frame = Record<string, unknown> & { type: string };

/** A widget visitor over a real socket: frames received, and how the socket closed. */
class Visitor {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })));
    // A connection the server drops without a close frame is an error on this side: expected here.
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data) => this.frames.push(JSON.parse(String(data)) as Frame));
  }
  async until(pred: (f: Frame) => boolean, what: string, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(pred);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what}; got ${JSON.stringify(this.frames.map((f) => f.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** A JSON `message` frame whose text holds `bad` raw bytes (not valid UTF-8). */
const messageWithBytes = (id: string, bad: number[]): Buffer =>
  Buffer.concat([Buffer.from(`{"type":"message","clientMessageId":"${id}","text":"necesito cemento `), Buffer.from(bad), Buffer.from('"}')]);

/** Byte sequences that are not UTF-8: a stray 0xFF, an encoded lone surrogate (U+D800), a truncated 3-byte sequence. */
const INVALID = { stray: [0xff, 0x28], surrogate: [0xed, 0xa0, 0x80], truncated: [0xe2, 0x82] };

/**
 * RFC 6455 §8.1: a widget frame whose payload is not valid UTF-8 fails that connection (1007 with a
 * reason where Hilo sees the bytes), nothing of it is stored, and other visitors keep talking.
 * Both transports, over real sockets (the `ws` client sends the raw bytes as a text frame).
 */
describe.each(['uws', 'node'] as const)('widget socket, payload not valid UTF-8 (%s transport)', (transport) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startHiloForTest({ transport });
    expect(server.hilo.transport).toBe(transport);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function greeted(visitorId = `u8_${randomBytes(16).toString('base64url')}`, resumeToken?: string): Promise<{ visitor: Visitor; welcome: Frame; visitorId: string }> {
    const visitor = new Visitor(`${server.wsUrl}?tenant=ferreteria`);
    await visitor.opened;
    visitor.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId, lang: 'es', ...(resumeToken ? { resumeToken } : {}) }));
    const welcome = await visitor.until((f) => f.type === 'welcome', 'welcome');
    return { visitor, welcome, visitorId };
  }

  /** The visitor's thread as the server keeps it, read back on a fresh connection. */
  async function storedThread(visitorId: string, resumeToken: string): Promise<Array<{ author: string; text: string }>> {
    const { visitor, welcome } = await greeted(visitorId, resumeToken);
    visitor.ws.close();
    return welcome.history as Array<{ author: string; text: string }>;
  }

  it('should fail the connection on a text frame that is not UTF-8, store nothing, and keep another visitor answered', async () => {
    const other = await greeted();
    for (const [name, bad] of Object.entries(INVALID)) {
      const { visitor, welcome, visitorId } = await greeted();
      visitor.ws.send(messageWithBytes(`bad-${name}`, bad), { binary: false });
      const closed = await visitor.closed;
      // uWS refuses such a text frame in its native parser, before Hilo sees it, by closing the TCP
      // connection without a close frame (1006 on this side); `node` answers 1007 with a reason.
      expect(closed, name).toEqual(transport === 'uws' ? { code: 1006, reason: '' } : { code: 1007, reason: 'invalid UTF-8' });
      expect(visitor.frames.filter((f) => f.type !== 'welcome'), name).toEqual([]);
      expect(await storedThread(visitorId, String(welcome.resumeToken)), name).toEqual([]);
    }
    other.visitor.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'ok', text: '¿Tienen cemento gris?' }));
    const reply = await other.visitor.until((f) => f.type === 'message' && (f.message as { author: string }).author === 'bot', 'bot reply');
    expect((reply.message as { text: string }).text).toMatch(/RD\$/);
    other.visitor.ws.close();
  });

  it('should close a binary frame that is not UTF-8 with 1007 and a reason (it used to be decoded with U+FFFD), and still read a valid one', async () => {
    for (const [name, bad] of Object.entries(INVALID)) {
      const { visitor, welcome, visitorId } = await greeted();
      visitor.ws.send(messageWithBytes(`bad-${name}`, bad), { binary: true });
      expect(await visitor.closed, name).toEqual({ code: 1007, reason: 'invalid UTF-8' });
      expect(visitor.frames.filter((f) => f.type !== 'welcome'), name).toEqual([]);
      expect(await storedThread(visitorId, String(welcome.resumeToken)), name).toEqual([]);
    }
    const { visitor } = await greeted();
    visitor.ws.send(Buffer.from(JSON.stringify({ type: 'message', clientMessageId: 'bin-ok', text: 'hola, ¿abren los domingos?' })), { binary: true });
    await visitor.until((f) => f.type === 'ack' && f.clientMessageId === 'bin-ok', 'ack of a valid binary frame');
    visitor.ws.close();
  });
});
