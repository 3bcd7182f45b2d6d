import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/channels/widget/protocol.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * Cross-tenant isolation with both demo tenants on one runtime (the hardware store and the booking
 * studio): every tenant's own key opens only that tenant, the same sender or visitor id in two
 * tenants is two conversations, each read by its own tenant's NLU and answered in its own voice,
 * and no tenant's path or socket reaches the other's conversations.
 */
const TENANTS = ['ferreteria', 'estudio'] as const;
type Tenant = (typeof TENANTS)[number];
const KEYS: Record<Tenant, string> = { ferreteria: `iso_f_${randomBytes(12).toString('hex')}`, estudio: `iso_e_${randomBytes(12).toString('hex')}` };
const BRAND: Record<Tenant, string> = { ferreteria: 'Ferretería La Romana', estudio: 'Estudio Bella Vida' };
const other = (t: Tenant): Tenant => (t === 'ferreteria' ? 'estudio' : 'ferreteria');

let server: TestServer;

beforeAll(async () => {
  server = await startHiloForTest({ env: { HILO_API_KEYS: TENANTS.map((t) => `${t}:${KEYS[t]}`).join(',') } });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function api(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

const botText = (json: any): string => ((json?.messages ?? []) as { author: string; text: string }[]).filter((m) => m.author === 'bot').map((m) => m.text).join('\n');

describe('tenant isolation over REST (ferreteria × estudio)', () => {
  it.each(TENANTS)("should let %s's key open only its own tenant, and the demo key open both", async (tenant) => {
    const mine = await api('POST', `/api/tenants/${tenant}/messages`, KEYS[tenant], { sender: `iso-key-${tenant}`, text: 'hola' });
    expect(mine.status).toBe(200);
    const theirs = await api('POST', `/api/tenants/${other(tenant)}/messages`, KEYS[tenant], { sender: `iso-key-${tenant}`, text: 'hola' });
    expect([401, 403]).toContain(theirs.status);
    expect(theirs.json.error.code).toMatch(/^HILO_ERR_AUTH_/);
    expect((await api('POST', `/api/tenants/${tenant}/nlu/parse`, KEYS[other(tenant)], { text: 'hola' })).status).not.toBe(200);
    expect((await api('POST', `/api/tenants/${tenant}/messages`, server.apiKey, { sender: `iso-demo-${tenant}`, text: 'hola' })).status).toBe(200);
  });

  it('should keep the same sender in two tenants as two conversations, each read by its own NLU and answered in its own voice', async () => {
    const sender = `iso-same-${process.pid}`;
    const seen = new Map<Tenant, string>();
    for (const tenant of TENANTS) {
      const res = await api('POST', `/api/tenants/${tenant}/messages`, KEYS[tenant], { sender, text: 'hola buenas' });
      expect(res.status).toBe(200);
      expect(botText(res.json)).toContain(BRAND[tenant]);
      expect(botText(res.json)).not.toContain(BRAND[other(tenant)]);
      seen.set(tenant, res.json.conversation_id as string);
    }
    expect(seen.get('ferreteria')).not.toBe(seen.get('estudio'));
    // Each tenant's NLU answers with its own labels only.
    const f = await api('POST', '/api/tenants/ferreteria/nlu/parse', KEYS.ferreteria, { text: 'que paquetes tienen?' });
    const e = await api('POST', '/api/tenants/estudio/nlu/parse', KEYS.estudio, { text: 'que paquetes tienen?' });
    expect(f.json.ranking.every((r: { label?: string }) => r.label === undefined)).toBe(true);
    expect(e.json.intent).toMatchObject({ label: 'consultar_paquetes' });
    // One tenant's conversation is not found under the other's path, even with the demo key that opens both.
    for (const tenant of TENANTS) {
      const id = seen.get(tenant)!;
      expect((await api('GET', `/api/tenants/${tenant}/conversations/${id}`, KEYS[tenant])).status).toBe(200);
      expect((await api('GET', `/api/tenants/${other(tenant)}/conversations/${id}`, server.apiKey)).status).toBe(404);
    }
  });
});

/** Connects a widget socket to `tenant` and says hello as `visitorId`. */
async function hello(tenant: Tenant, visitorId: string, resumeToken?: string): Promise<{ ws: WebSocket; frames: ServerFrame[]; welcome: Extract<ServerFrame, { type: 'welcome' }> }> {
  const ws = new WebSocket(`${server.wsUrl}?tenant=${tenant}`);
  const frames: ServerFrame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as ServerFrame));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello', v: 1, tenant, visitorId, lang: 'es', lastSeq: 0, ...(resumeToken ? { resumeToken } : {}) }));
  const welcome = await until(frames, (f) => f.type === 'welcome' || f.type === 'error');
  expect(welcome.type, JSON.stringify(welcome)).toBe('welcome');
  return { ws, frames, welcome: welcome as Extract<ServerFrame, { type: 'welcome' }> };
}

async function until(frames: ServerFrame[], pred: (f: ServerFrame) => boolean): Promise<ServerFrame> {
  for (let i = 0; i < 200; i++) {
    const found = frames.find(pred);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no matching frame; got ${JSON.stringify(frames.map((f) => f.type))}`);
}

describe('tenant isolation over the widget WebSocket (ferreteria × estudio)', () => {
  it('should give the same visitor id a separate conversation per tenant, each answered by its own tenant', async () => {
    const visitor = `iso_${randomBytes(16).toString('base64url')}`;
    const sockets = await Promise.all(TENANTS.map((t) => hello(t, visitor)));
    expect(sockets[0]!.welcome.conversationId).not.toBe(sockets[1]!.welcome.conversationId);
    for (const [i, tenant] of TENANTS.entries()) {
      const s = sockets[i]!;
      s.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'm1', text: 'hola buenas' }));
      await until(s.frames, (f) => f.type === 'ack');
      const bot = await until(s.frames, (f) => f.type === 'message' && f.message.author === 'bot');
      expect(bot.type === 'message' && bot.message.text).toContain(BRAND[tenant]);
      expect(s.frames.some((f) => f.type === 'message' && f.message.text.includes(BRAND[other(tenant)]))).toBe(false);
    }
    // A resume token of one tenant's conversation does not resume it on the other tenant's socket.
    const token = sockets[0]!.welcome.resumeToken;
    expect(token).toEqual(expect.any(String));
    for (const s of sockets) s.ws.close();
    const elsewhere = await hello('estudio', `iso_${randomBytes(16).toString('base64url')}`, token);
    expect(elsewhere.welcome.conversationId).not.toBe(sockets[0]!.welcome.conversationId);
    expect(elsewhere.welcome.history.some((m) => m.text.includes(BRAND.ferreteria))).toBe(false);
    elsewhere.ws.close();
  });
});
