import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { createRng, hostileRequest, weirdText, type HostileRequest, type Rng } from '../helpers/fuzz-input.js';

const TENANT = 'ferreteria';
const ADMIN_KEY = `admin_${'k'.repeat(30)}`;
const NORMAL = '¿Tienen cemento gris?';
const NORMAL_ANSWER = /RD\$/;
const BATCH = 14;

/**
 * The surfaces the entry-point fuzz test (entry-points-fuzz.e2e.test.ts) does not feed: the
 * operator's tenant admin API, the governance admin routes' bodies, the `Idempotency-Key` header
 * and the widget's `hello` frame. Seeded hostile input through real sockets on an embedded
 * deployment; each answer is a coded 4xx (or a 2xx for weird-but-valid input), an error frame and
 * a protocol close for a socket, never a 5xx or a 1011; afterwards the tenant is unchanged and
 * another conversation is still answered.
 */
describe('admin API, Idempotency-Key and hello under seeded hostile input', { timeout: 90_000 }, () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let apiKey: string;
  let storeJson: Record<string, unknown>;
  /** A copy of the tenants folder: an admin request that were accepted must not write the repository's. */
  let tenantsDir: string;
  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;

  beforeAll(async () => {
    environment = await createDurableEnvironment('pglite+memory');
    tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-fuzz-tenants-'));
    await cp(fileURLToPath(new URL('../../tenants', import.meta.url)), tenantsDir, { recursive: true });
    apiKey = `test_${randomBytes(16).toString('hex')}`;
    deployment = await startDeployment(environment, {
      HILO_DEMO_API_KEY: apiKey,
      HILO_ADMIN_KEY: ADMIN_KEY,
      HILO_TENANTS_DIR: tenantsDir,
      HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
      HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '100000',
    });
    storeJson = JSON.parse(await readFile(join(tenantsDir, 'ferreteria', 'store.json'), 'utf8')) as Record<string, unknown>;
  });

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
  });

  async function send(method: string, path: string, req: HostileRequest | null, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const all: Record<string, string> = { ...headers, ...(req?.headers ?? {}) };
    if (req?.contentType) all['content-type'] = req.contentType;
    const res = await fetch(`${base()}${path}`, { method, headers: all, ...(req ? { body: new Uint8Array(req.body) } : {}), signal: AbortSignal.timeout(5_000) });
    return { status: res.status, text: await res.text() };
  }

  function expectAnswered(req: HostileRequest, res: { status: number; text: string }, where: string): void {
    const context = `${where} / ${req.label}: ${res.status} ${res.text.slice(0, 200)}`;
    expect(res.status, context).toBeLessThan(500);
    if (req.mustRefuse) {
      expect(res.status, context).toBeGreaterThanOrEqual(400);
      if (res.status !== 431) expect(JSON.parse(res.text).error.code, context).toMatch(/^HILO_ERR_/);
    }
  }

  const rest = async (sender: string, text: string) => {
    const res = await fetch(`${base()}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    expect(res.status).toBe(200);
    return (await res.json()) as { conversation_id: string; messages: { author: string; text: string }[] };
  };
  const botText = (body: { messages: { author: string; text: string }[] }) => body.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n');
  const expectHealthy = async () => {
    expect((await fetch(`${base()}/health`)).status).toBe(200);
    expect(botText(await rest(`bystander-${randomBytes(4).toString('hex')}`, NORMAL))).toMatch(NORMAL_ANSWER);
  };

  it('tenant admin API: hostile bodies, tenant ids and keys are refused with a coded 4xx, and the tenant is unchanged', async () => {
    const rng = createRng(0x14a0);
    const admin = { authorization: `Bearer ${ADMIN_KEY}` };
    const before = (await (await fetch(`${base()}/api/admin/tenants/${TENANT}`, { headers: admin })).json()) as { version: number; status: string };
    for (let i = 0; i < BATCH; i++) {
      // Every variant replaces the store file by something no loader accepts (or breaks the request).
      const req = hostileRequest(rng, { store: storeJson }, { textFields: ['store'] });
      const res = await send('PATCH', `/api/admin/tenants/${TENANT}`, req, admin);
      expectAnswered(req, res, `admin PATCH #${i}`);
      expect(res.status, `${req.label}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      const put = hostileRequest(rng, { tenant: {}, store: storeJson, utterances: [], templates: {} }, { textFields: ['tenant', 'store', 'utterances', 'templates'] });
      const created = await send('PUT', `/api/admin/tenants/fuzz-${i}`, put, admin);
      expectAnswered(put, created, `admin PUT #${i}`);
      expect(created.status, `${put.label}: ${created.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    }
    for (const id of ['%00', 'A%0D%0AB', '%ED%A0%80', 'x'.repeat(300), '..%2Fferreteria', '%E2%80%AEferreteria', 'ferreteria%20']) {
      const res = await send('PATCH', `/api/admin/tenants/${id}`, { label: 'hostile id', body: Buffer.from(JSON.stringify({ store: storeJson })), contentType: 'application/json', headers: {}, mustRefuse: true }, admin);
      expect(res.status, `${id}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${id}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    }
    for (const auth of ['Bearer', `Bearer ${ADMIN_KEY}x`, `Bearer ${apiKey}`, `Basic ${ADMIN_KEY}`, `Bearer ${'\u00e9'.repeat(40)}`]) {
      const res = await send('GET', `/api/admin/tenants/${TENANT}`, null, { authorization: auth });
      expect([401, 403], `${auth.slice(0, 20)}: ${res.text.slice(0, 200)}`).toContain(res.status);
    }
    const after = (await (await fetch(`${base()}/api/admin/tenants/${TENANT}`, { headers: admin })).json()) as { version: number; status: string };
    expect(after).toEqual(before);
    await expectHealthy();
  });

  it('governance admin routes: numbers as strings, wrong types and deep JSON in the retention body, hostile contact ids', async () => {
    const rng = createRng(0x14a1);
    const bearer = { authorization: `Bearer ${apiKey}` };
    const refusedBodies = ['{"older_than_days":"30"}', '{"older_than_days":30.5}', '{"older_than_days":-1}', '{"older_than_days":1e400}', '{"older_than_days":null}', '{"older_than_days":[30]}', '{"older_than_days":{"$gt":0}}', '[{"older_than_days":30}]', '"30"', `{"older_than_days":${'['.repeat(5000)}${']'.repeat(5000)}}`, '{"older_than_days":30,"older_than_days":1}', '{"days":30}'];
    for (const body of refusedBodies) {
      const res = await send('POST', `/api/tenants/${TENANT}/retention/run`, { label: body.slice(0, 40), body: Buffer.from(body), contentType: 'application/json', headers: {}, mustRefuse: true }, bearer);
      expect(res.status, `${body.slice(0, 60)}: ${res.text.slice(0, 200)}`).toBe(400);
      expect(JSON.parse(res.text).error.code).toMatch(/^HILO_ERR_HTTP_(VALIDATION|INVALID_JSON)$/);
    }
    for (let i = 0; i < BATCH; i++) {
      const req = hostileRequest(rng, { older_than_days: 36_500 }, { textFields: ['older_than_days'] });
      const res = await send('POST', `/api/tenants/${TENANT}/retention/run`, req, bearer);
      expect(res.status, `${req.label}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (req.label.startsWith('weird')) expect(res.status).toBe(400); // text where a number belongs
      const id = Buffer.from(weirdText(rng).slice(0, 300), 'utf8').toString('hex').replace(/(..)/g, '%$1');
      const erased = await send('DELETE', `/api/tenants/${TENANT}/contacts/${id || '%00'}`, null, bearer);
      expect(erased.status, `DELETE ${id.slice(0, 60)}: ${erased.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(erased.status).toBeLessThan(500);
    }
    await expectHealthy();
  });

  /** Raw HTTP, so header values can carry bytes `fetch` refuses to send (Latin-1, controls). */
  const rawPost = (path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: deployment.hilo.port, method: 'POST', path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('Idempotency-Key: hostile keys are refused with 400 and run nothing; a valid key is replayed, never run twice', async () => {
    const rng = createRng(0x14a2);
    const sender = `fuzz-idem-${randomBytes(4).toString('hex')}`;
    const first = await rest(sender, 'hola');
    // Header strings go out as Latin-1 bytes: non-ASCII keys are sent as their UTF-8 bytes, between
    // two ASCII marks (uWS strips bytes over 0x7f at either end of a header value, as it does spaces).
    const utf8 = (text: string) => `|${Buffer.from(text, 'utf8').toString('latin1')}|`;
    const keys = ['', ' ', 'a b', 'k'.repeat(256), 'k'.repeat(10_000), utf8('clé'), utf8('🔑'), utf8('\u202ekey'), 'a\tb', 'x,y'];
    for (let i = 0; i < BATCH; i++) keys.push(utf8(weirdText(rng).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200)));
    let accepted = 0;
    for (const key of keys) {
      const post = () => rawPost(`/api/tenants/${TENANT}/messages`, { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': key }, JSON.stringify({ sender, text: NORMAL }));
      const res = await post();
      const context = `${JSON.stringify(key).slice(0, 40)}: ${res.status} ${res.text.slice(0, 200)}`;
      expect(res.status, context).toBeLessThan(500);
      if (/^[\x21-\x7e]{1,255}$/.test(key)) {
        // Weird but visible ASCII ('<script>…'): a key like any other, replayed byte for byte.
        expect(res.status, context).toBe(200);
        expect((await post()).text, context).toBe(res.text);
        accepted++;
        continue;
      }
      expect(res.status, context).toBe(400);
      expect(JSON.parse(res.text).error.code, context).toBe('HILO_ERR_HTTP_VALIDATION');
    }
    expect((await deployment.hilo.host.history(TENANT, first.conversation_id, 0)).filter((l) => l.direction === 'in')).toHaveLength(1 + accepted);
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': `fuzz-${randomBytes(8).toString('hex')}` };
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) texts.push((await rawPost(`/api/tenants/${TENANT}/messages`, headers, JSON.stringify({ sender, text: NORMAL }))).text);
    expect(new Set(texts).size).toBe(1);
    expect((await deployment.hilo.host.history(TENANT, first.conversation_id, 0)).filter((l) => l.direction === 'in')).toHaveLength(2 + accepted);
    await expectHealthy();
  });

  it('widget hello: hostile hello frames get an error frame and a protocol close (never 1011), and a good hello still works', async () => {
    const rng = createRng(0x14a3);
    const good = () => ({ type: 'hello', v: 1, tenant: TENANT, visitorId: randomBytes(16).toString('hex'), lang: 'es' });
    const variants: ((r: Rng) => unknown)[] = [
      (r) => ({ ...good(), visitorId: weirdText(r) }),
      (r) => ({ ...good(), tenant: weirdText(r) }),
      () => ({ ...good(), lastSeq: '3' }),
      () => ({ ...good(), lastSeq: 1e400 }),
      () => ({ ...good(), lastSeq: -1 }),
      () => ({ ...good(), v: '1' }),
      (r) => ({ ...good(), lang: weirdText(r) }),
      (r) => ({ ...good(), resumeToken: weirdText(r) }),
      () => ({ ...good(), visitorId: { $ne: null } }),
      () => ({ ...good(), visitorId: 12345678901234567890 }),
      () => `{"type":"hello","v":1,"tenant":"${TENANT}","visitorId":${'['.repeat(3000)}${']'.repeat(3000)}}`,
      () => '{"type":"hello"',
      () => ({ ...good(), tenant: 'ferreteria\r\nx-injected: 1' }),
    ];
    for (let i = 0; i < BATCH + variants.length; i++) {
      const variant = i < variants.length ? variants[i]! : rng.pick(variants);
      const frame = variant(rng);
      const raw = typeof frame === 'string' ? frame : JSON.stringify(frame);
      const ws = new WebSocket(`ws://127.0.0.1:${deployment.hilo.port}/ws?tenant=${TENANT}`);
      const frames: { type: string; code?: string }[] = [];
      ws.on('message', (data) => frames.push(JSON.parse(String(data)) as { type: string; code?: string }));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      ws.send(raw);
      const code = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 5_000))]);
      const context = `${raw.slice(0, 80)} → ${code} ${JSON.stringify(frames).slice(0, 200)}`;
      // A hello the server accepts (weird text may pass as a resume token) is welcomed instead.
      if (code === -1) {
        expect(frames[0]?.type, context).toBe('welcome');
        ws.close();
        continue;
      }
      expect([4400, 4401, 4404, 1009], context).toContain(code);
      if (code !== 1009) {
        expect(frames[0]?.type, context).toBe('error');
        expect(frames[0]?.code, context).toMatch(/^HILO_ERR_(WS_|TENANT_NOT_FOUND)/);
      }
    }
    const ws = new WebSocket(`ws://127.0.0.1:${deployment.hilo.port}/ws?tenant=${TENANT}`);
    const frames: { type: string }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data)) as { type: string }));
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    ws.send(JSON.stringify(good()));
    const deadline = Date.now() + 10_000;
    while (!frames.some((f) => f.type === 'welcome') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(frames.map((f) => f.type)).toContain('welcome');
    ws.close();
    await expectHealthy();
  });
});
