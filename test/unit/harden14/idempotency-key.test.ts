import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import type { Gateway } from '../../../src/runtime/gateway/index.js';
import { createIdempotencyKeys } from '../../../src/runtime/gateway/idempotency-keys.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import { createAssets, http, startHostGateway } from '../gateway/fakes.js';

const T = 'ferreteria';
const KEY_A = 'hilo_test_key_ferreteria_a';
const KEY_B = 'hilo_test_key_ferreteria_b';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/**
 * `Idempotency-Key` on `POST /api/tenants/{t}/messages`, over real HTTP against a real host (the
 * machine, the rule brain, in-memory stores): Stripe's semantics, scoped per tenant and API key.
 */
describe.each(['node', 'uws'] as const)('Idempotency-Key on the REST messages API (%s transport)', (transport) => {
  let made: ReturnType<typeof createMemoryHost>;
  let assets: ReturnType<typeof createAssets>;
  let gateway: Gateway;

  const start = async (): Promise<Gateway> => {
    return startHostGateway({ made, assets, transport, tenantId: T, keys: [KEY_A, KEY_B] });
  };

  beforeEach(async () => {
    made = createMemoryHost({ tenant, brain });
    assets = createAssets();
    gateway = await start();
  });

  afterEach(async () => {
    await gateway.close();
    assets.cleanup();
  });

  const post = async (body: string | Record<string, unknown>, headers: Record<string, string> = {}, apiKey = KEY_A) => {
    const res = await http(gateway.port, 'POST', `/api/tenants/${T}/messages`, {
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: res.json() as Record<string, any> };
  };
  const inbound = async (conversationId: string) => (await made.host.history(T, conversationId, 0)).filter((l) => l.direction === 'in').map((l) => l.text);

  it('should replay the stored answer for the same key and body, running the turn once', async () => {
    const first = await post({ sender: 'ana-809', text: 'tienen cemento gris?' }, { 'idempotency-key': 'order-7f3a' });
    expect(first.status).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Same fields, other spacing and order: the same request.
    const again = await post('{ "text": "tienen cemento gris?",  "sender": "ana-809" }', { 'idempotency-key': 'order-7f3a' });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await inbound(first.body.conversation_id)).toEqual(['tienen cemento gris?']);
    // Without the header the same text is a new message, as before.
    const plain = await post({ sender: 'ana-809', text: 'tienen cemento gris?' });
    expect(plain.body.duplicate).toBe(false);
    expect(await inbound(first.body.conversation_id)).toHaveLength(2);
  });

  it('should refuse the same key with another body with 422 HILO_ERR_IDEMPOTENCY_KEY_REUSED and record nothing', async () => {
    const first = await post({ sender: 'luis-829', text: 'venden pintura?' }, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(200);
    for (const other of [{ sender: 'luis-829', text: 'venden clavos?' }, { sender: 'otro-849', text: 'venden pintura?' }, { sender: 'luis-829', text: 'venden pintura?', message_id: 'm-9' }]) {
      const reused = await post(other, { 'idempotency-key': 'k-1' });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('HILO_ERR_IDEMPOTENCY_KEY_REUSED');
      expect(reused.body.error.message).toMatch(/different request body/);
    }
    expect(await inbound(first.body.conversation_id)).toEqual(['venden pintura?']);
    expect(made.host.stats.turns).toBe(1);
  });

  it('should scope keys per API key: the same key under another API key is another request', async () => {
    const a = await post({ sender: 'rosa-809', text: 'hola' }, { 'idempotency-key': 'shared' }, KEY_A);
    const b = await post({ sender: 'rosa-809', text: 'hola' }, { 'idempotency-key': 'shared' }, KEY_B);
    expect(b.status).toBe(200);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.duplicate).toBe(false);
    expect(await inbound(a.body.conversation_id)).toEqual(['hola', 'hola']);
    // Under B, another body for the key A used is not a conflict either.
    const c = await post({ sender: 'pedro-809', text: 'buenas' }, { 'idempotency-key': 'only-a' }, KEY_A);
    const d = await post({ sender: 'pedro-809', text: 'otra cosa' }, { 'idempotency-key': 'only-a' }, KEY_B);
    expect([c.status, d.status]).toEqual([200, 200]);
  });

  it('should run the turn once after the gateway forgot the key (a restart), the key being the message id', async () => {
    const first = await post({ sender: 'juan-809', text: 'tienen varilla de 3/8?' }, { 'idempotency-key': 'restart-1' });
    await gateway.close();
    gateway = await start();
    const again = await post({ sender: 'juan-809', text: 'tienen varilla de 3/8?' }, { 'idempotency-key': 'restart-1' });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.messages).toEqual(first.body.messages);
    const reused = await post({ sender: 'juan-809', text: 'y de 1/2?' }, { 'idempotency-key': 'restart-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('HILO_ERR_IDEMPOTENCY_KEY_REUSED');
    expect(await inbound(first.body.conversation_id)).toEqual(['tienen varilla de 3/8?']);
  });

  it('should answer two requests with one key at once with one turn', async () => {
    const body = { sender: 'carla-809', text: 'tienen tubos pvc?' };
    const [x, y] = await Promise.all([post(body, { 'idempotency-key': 'race' }), post(body, { 'idempotency-key': 'race' })]);
    expect(x.status).toBe(200);
    expect(y.status).toBe(200);
    expect(x.body.messages).toEqual(y.body.messages);
    expect(await inbound(x.body.conversation_id)).toEqual(['tienen tubos pvc?']);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'a b'],
    // UTF-8 bytes, as a client sends them (Node's client writes a header string as Latin-1); inside
    // the value: uWS strips bytes over 0x7f at either end of a header value, as it does spaces.
    ['not ASCII', Buffer.from('clé-1', 'utf8').toString('latin1')],
  ])('should refuse a key that is %s with 400 HILO_ERR_HTTP_VALIDATION', async (_label, key) => {
    const res = await post({ sender: 'x-1', text: 'hola' }, { 'idempotency-key': key });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('HILO_ERR_HTTP_VALIDATION');
    expect(res.body.error.details[0].path).toBe('header Idempotency-Key');
    expect(made.host.stats.turns).toBe(0);
  });
});

describe('createIdempotencyKeys', () => {
  const ok = (text: string) => ({ status: 200, headers: {}, body: text });

  it('should keep only 2xx answers, so a failed request runs again under its key', async () => {
    const keys = createIdempotencyKeys({ clock: createManualClock() });
    await expect(keys.run('s', 'k', 'f', () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect((await keys.run('s', 'k', 'f', async () => ({ status: 500, headers: {}, body: 'x' }))).status).toBe(500);
    expect((await keys.run('s', 'k', 'f', async () => ok('ran'))).body).toBe('ran');
    const replay = await keys.run('s', 'k', 'f', async () => ok('ran twice'));
    expect(replay.body).toBe('ran');
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('should forget a key after its time to live and keep at most maxKeys', async () => {
    const clock = createManualClock();
    const keys = createIdempotencyKeys({ clock, ttlMs: 1_000, maxKeys: 2 });
    await keys.run('s', 'k', 'f', async () => ok('first'));
    clock.advance(1_001);
    expect((await keys.run('s', 'k', 'g', async () => ok('second'))).body).toBe('second');
    await keys.run('s', 'k2', 'f', async () => ok('x'));
    await keys.run('s', 'k3', 'f', async () => ok('y'));
    // 'k' was the least recently used of three: gone, so another body under it runs.
    expect((await keys.run('s', 'k', 'h', async () => ok('third'))).body).toBe('third');
    expect(keys.size).toBe(0);
  });
});
