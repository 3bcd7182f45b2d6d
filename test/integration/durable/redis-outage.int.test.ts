import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CuttableProxy } from '../../helpers/cuttable-proxy.js';
import { createDurableEnvironment, newSender, REDIS_URL, type DurableDeployment, type DurableEnvironment } from './durable-harness.js';
import { restOf, startBehindProxy } from './outage-harness.js';

const TENANT = 'ferreteria';

/**
 * Redis going away under a running server (real Redis behind a TCP proxy that is cut, real
 * PostgreSQL, the REST API over a real socket): a message whose conversation must be *loaded*
 * (a new one, or one passivated) fails as clearly as one whose turn cannot be saved —
 * HILO_ERR_TURN_FAILED, nothing recorded — and its retry with the same message id, once Redis is
 * back, is answered exactly once. Conversations that met the outage are not left broken for later.
 */
describe('Redis unreachable while a conversation is loaded', { timeout: 90_000 }, () => {
  let environment: DurableEnvironment;
  let proxy: CuttableProxy;
  let deployment: DurableDeployment;

  beforeAll(async () => {
    environment = await createDurableEnvironment('postgres+redis');
    ({ proxy, deployment } = await startBehindProxy(environment, 'REDIS_URL', REDIS_URL));
  });

  afterAll(async () => {
    await deployment?.close();
    await proxy?.close();
    await environment?.destroy();
  });

  const { post, inboundIds } = restOf(() => deployment, TENANT);

  it('should answer HILO_ERR_TURN_FAILED for a load that meets the outage, record nothing, and answer the retry once', async () => {
    const passivated = newSender('load-outage-passive');
    const live = newSender('load-outage-live');
    const fresh = newSender('load-outage-new');
    const first = await post(passivated, 'hola, tienen cemento gris?', 'p-1');
    expect(first.status).toBe(200);
    const passivatedId = first.body.conversation_id!;
    const liveFirst = await post(live, 'hola, tienen varilla de 3/8?', 'l-1');
    expect(liveFirst.status).toBe(200);
    // Out of memory: its next message must be loaded from Redis (the snapshot) first.
    await deployment.hilo.host.evict(TENANT, passivatedId);
    expect(deployment.hilo.host.isActive(TENANT, passivatedId)).toBe(false);

    proxy.cut();
    const loadFailed = await post(passivated, 'y cuánto cuesta el saco?', 'p-2');
    const newFailed = await post(fresh, 'buenas, venden pintura?', 'n-1');
    const saveFailed = await post(live, 'y la de 1/2?', 'l-2');
    for (const failed of [loadFailed, newFailed, saveFailed]) {
      // A coded, retryable failure; was HILO_ERR_INTERNAL ("a bug") for the two loads.
      expect(failed.status).toBe(500);
      expect(failed.body.error?.code).toBe('HILO_ERR_TURN_FAILED');
      expect(failed.body.error?.message).toMatch(/nothing of this message was recorded/);
    }
    expect(loadFailed.body.error?.message).toMatch(/could not be loaded/);
    expect(await inboundIds(passivatedId)).toEqual(['p-1']);
    expect(deployment.hilo.host.isActive(TENANT, passivatedId)).toBe(false);

    proxy.restore();
    const retried = await post(passivated, 'y cuánto cuesta el saco?', 'p-2');
    expect(retried.status).toBe(200);
    expect(retried.body.duplicate).toBe(false);
    expect(retried.body.messages!.length).toBeGreaterThan(0);
    const again = await post(passivated, 'y cuánto cuesta el saco?', 'p-2');
    expect(again.body.duplicate).toBe(true);
    expect(again.body.messages).toEqual(retried.body.messages);
    expect(await inboundIds(passivatedId)).toEqual(['p-1', 'p-2']);

    // The conversation that had never been saved starts now, once; the live one goes on.
    const newRetried = await post(fresh, 'buenas, venden pintura?', 'n-1');
    expect(newRetried.status).toBe(200);
    expect(newRetried.body.duplicate).toBe(false);
    expect(await inboundIds(newRetried.body.conversation_id!)).toEqual(['n-1']);
    const liveRetried = await post(live, 'y la de 1/2?', 'l-2');
    expect(liveRetried.status).toBe(200);
    expect(liveRetried.body.duplicate).toBe(false);
    expect(await inboundIds(liveFirst.body.conversation_id!)).toEqual(['l-1', 'l-2']);
  });
});
