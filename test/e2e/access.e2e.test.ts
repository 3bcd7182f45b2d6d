import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const METRICS_TOKEN = `metrics_${randomBytes(12).toString('hex')}`;

/** POST with a raw body (fetch would re-encode a string). */
function postRaw(port: number, path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'content-length': String(body.byteLength) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function openSocket(url: string): Promise<{ ws: WebSocket; frames: Record<string, unknown>[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Record<string, unknown>[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Record<string, unknown>));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('error', reject);
  });
}

/** The exposed edges of a whole server (issue 11 "Also"), on the transport it picks by default. */
describe('access to a running Hilo', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startHiloForTest({ env: { HILO_METRICS_TOKEN: METRICS_TOKEN } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should keep /metrics behind HILO_METRICS_TOKEN', async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/metrics.json`, { headers: { authorization: `Bearer ${server.apiKey}` } })).status).toBe(403);
    const ok = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('hilo_turns_total');
  });

  it('should name the tenants on /health only to an authenticated caller', async () => {
    const anonymous = (await (await fetch(`${server.baseUrl}/health`)).json()) as Record<string, unknown>;
    expect(anonymous.status).toBe('ok');
    expect(JSON.stringify(anonymous)).not.toContain('ferreteria');
    expect(JSON.stringify(anonymous)).not.toContain('estudio');
    // The demo key opens both demo tenants.
    const tenant = (await (await fetch(`${server.baseUrl}/health`, { headers: { authorization: `Bearer ${server.apiKey}` } })).json()) as Record<string, unknown>;
    expect([...(tenant.tenants as string[])].sort()).toEqual(['estudio', 'ferreteria']);
  });

  it('should answer 400 to a REST message that is not valid UTF-8, and record nothing', async () => {
    const sender = `utf8-${randomBytes(4).toString('hex')}`;
    const body = Buffer.concat([Buffer.from(`{"sender":"${sender}","text":"hola `), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const res = await postRaw(server.hilo.port, '/api/tenants/ferreteria/messages', { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body);
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('HILO_ERR_HTTP_INVALID_JSON');
    const id = await server.hilo.host.resolveConversation('ferreteria', 'rest', sender);
    expect(await server.hilo.host.history('ferreteria', id, 0)).toEqual([]);
  });

  it('should close an unknown tenant with 4404 and an oversized frame with its error, then 1009', async () => {
    const unknown = await openSocket(`${server.wsUrl}?tenant=nobody`);
    unknown.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'nobody', visitorId: randomBytes(16).toString('base64url') }));
    expect(await unknown.closed).toBe(4404);
    expect(unknown.frames[0]).toMatchObject({ type: 'error', code: 'HILO_ERR_TENANT_NOT_FOUND' });

    const big = await openSocket(`${server.wsUrl}?tenant=ferreteria`);
    big.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: randomBytes(16).toString('base64url') }));
    for (let i = 0; i < 100 && big.frames.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(big.frames[0]).toMatchObject({ type: 'welcome' });
    big.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'big', text: 'x'.repeat(20_000) }));
    expect(await big.closed).toBe(1009);
    expect(big.frames.at(-1)).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_FRAME_TOO_LARGE' });
  });
});
