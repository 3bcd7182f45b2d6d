import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment } from '../durable/durable-harness.js';

/**
 * `Idempotency-Key` answers across a restart (docs/rest-api.md). With Redis configured they are
 * kept there, so the retry after a restart gets the first answer byte for byte with
 * `Idempotent-Replayed: true`, and the same key with another body (another sender: another
 * conversation, where the key's message id means nothing) is refused. The embedded deployment keeps
 * them in memory: after a restart only the message-id fallback protects, which the second block pins.
 */
async function post(deployment: DurableDeployment, body: Record<string, unknown>, key: string) {
  const res = await fetch(`http://127.0.0.1:${deployment.hilo.port}/api/tenants/ferreteria/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${deployment.hilo.demoApiKey}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), text: await res.text() };
}
const inbound = async (deployment: DurableDeployment, conversationId: string) =>
  (await deployment.hilo.host.history('ferreteria', conversationId, 0)).filter((l) => l.direction === 'in').map((l) => l.text);

describe('Idempotency-Key across a restart, kept in Redis (PostgreSQL + Redis deployment)', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;

  beforeAll(async () => {
    environment = await createDurableEnvironment('postgres+redis');
    deployment = await startDeployment(environment);
  }, 60_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  it('should replay the first answer after a restart and refuse the key with another body', { timeout: 60_000 }, async () => {
    const sender = newSender('idem-redis');
    const key = `order-${sender}`;
    const first = await post(deployment, { sender, text: 'tienen cemento gris?' }, key);
    expect(first.status).toBe(200);
    expect(first.replayed).toBeNull();
    const conversationId = (JSON.parse(first.text) as { conversation_id: string }).conversation_id;

    await deployment.restart();
    const again = await post(deployment, { sender, text: 'tienen cemento gris?' }, key);
    expect(again.status).toBe(200);
    expect(again.replayed).toBe('true');
    expect(again.text).toBe(first.text);
    expect(JSON.parse(again.text)).toMatchObject({ duplicate: false });

    // Another sender under the key: another conversation, so only the kept key can tell.
    const other = await post(deployment, { sender: newSender('idem-other'), text: 'tienen cemento gris?' }, key);
    expect(other.status).toBe(422);
    expect((JSON.parse(other.text) as { error: { code: string } }).error.code).toBe('HILO_ERR_IDEMPOTENCY_KEY_REUSED');
    expect(await inbound(deployment, conversationId)).toEqual(['tienen cemento gris?']);
    expect(deployment.hilo.host.stats.turns).toBe(0);
  });

  it('should share a key between two servers on the same stores', { timeout: 60_000 }, async () => {
    const sender = newSender('idem-two');
    const key = `two-${sender}`;
    // The same API key (keys are scoped per tenant and API key), as two members of one deployment have.
    const second = await startDeployment(environment, { HILO_DEMO_API_KEY: deployment.hilo.demoApiKey });
    try {
      const a = await post(deployment, { sender, text: 'venden pintura blanca?' }, key);
      const b = await post(second, { sender, text: 'venden pintura blanca?' }, key);
      expect(a.status).toBe(200);
      expect(b.replayed).toBe('true');
      expect(b.text).toBe(a.text);
    } finally {
      await second.close();
    }
  });
});

describe('Idempotency-Key across a restart, in memory (embedded deployment)', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;

  beforeAll(async () => {
    environment = await createDurableEnvironment('pglite+memory');
    deployment = await startDeployment(environment);
  }, 60_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  it('should run the turn once after a restart through the key\'s message id, answering duplicate: true', { timeout: 60_000 }, async () => {
    const sender = newSender('idem-memory');
    const key = `order-${sender}`;
    const first = await post(deployment, { sender, text: 'tienen varilla de 3/8?' }, key);
    expect(first.status).toBe(200);
    await deployment.restart();
    const again = await post(deployment, { sender, text: 'tienen varilla de 3/8?' }, key);
    expect(again.status).toBe(200);
    expect(again.replayed).toBeNull();
    const body = JSON.parse(again.text) as { conversation_id: string; duplicate: boolean; messages: unknown[] };
    expect(body.duplicate).toBe(true);
    expect(body.messages).toEqual((JSON.parse(first.text) as { messages: unknown[] }).messages);
    expect(await inbound(deployment, body.conversation_id)).toEqual(['tienen varilla de 3/8?']);
  });
});
