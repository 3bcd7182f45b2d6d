import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryOutbox } from '../../../src/persistence/memory/memory-outbox.js';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../durable/durable-harness.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, waStatus, type FakeGraph } from '../../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const APP_SECRET = 'h21-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'h21-access-token';

/**
 * Found in the harden21 sweep: WhatsApp (and Twilio) send delivery statuses out of order — Meta
 * says so — and each one overwrote the reply's `delivery_status`, so a reply the customer had read
 * went back to `sent` when that late status arrived. The furthest status now stays.
 */
describe.each(['pglite+memory', 'postgres+redis'] as const)('delivery statuses arriving out of order (%s, real sockets)', (mode) => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    environment = await createDurableEnvironment(mode);
    deployment = await startDeployment(environment, {
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
    });
  }, 90_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    await graph?.close();
  }, 60_000);

  const post = async (body: Record<string, unknown>) => {
    const raw = metaJson(body);
    const res = await fetch(`http://127.0.0.1:${deployment.hilo.port}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
  };
  const statusOf = async (wamid: string) =>
    (await deployment.storage.db!.em().execute<{ delivery_status: string | null }[]>(`select delivery_status from outbox_entries where tenant_id = ? and provider_message_id = ?`, [TENANT, wamid]))[0]?.delivery_status;

  it('should keep the furthest status of a reply whatever order the provider sends them in', async () => {
    const customer = '18095550421';
    await post(waMessage({ id: `wamid.h21.${mode}.1`, type: 'text', text: { body: 'hola, tienen cemento gris?' }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from: customer, name: 'Ana' }));
    await deployment.hilo.drainOutbox();
    const rows = await deployment.storage.db!.em().execute<{ provider_message_id: string }[]>(`select provider_message_id from outbox_entries where tenant_id = ? and provider_message_id is not null order by id desc limit 1`, [TENANT]);
    const wamid = rows[0]!.provider_message_id;
    const say = (status: string) => post(waStatus({ id: wamid, status, recipient_id: customer, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }));

    await say('read');
    expect(await statusOf(wamid)).toBe('read');
    // Late ones, as Meta may deliver them: before, the row went back to `sent`.
    await say('delivered');
    await say('sent');
    expect(await statusOf(wamid)).toBe('read');

    // The order a row goes through normally still moves it along.
    await post(waMessage({ id: `wamid.h21.${mode}.2`, type: 'text', text: { body: 'y varilla de 3/8?' }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from: customer, name: 'Ana' }));
    await deployment.hilo.drainOutbox();
    const next = (await deployment.storage.db!.em().execute<{ provider_message_id: string }[]>(`select provider_message_id from outbox_entries where tenant_id = ? and provider_message_id is not null and provider_message_id <> ? order by id desc limit 1`, [TENANT, wamid]))[0]!.provider_message_id;
    for (const status of ['sent', 'delivered', 'read']) {
      await post(waStatus({ id: next, status, recipient_id: customer, timestamp: '1763812805' }));
      expect(await statusOf(next)).toBe(status);
    }
  }, 60_000);
});

describe('delivery statuses out of order in the in-memory outbox', () => {
  it('should keep the furthest status, and let a failure replace a sent one only', async () => {
    const clock = createManualClock();
    const outbox = createMemoryOutbox({ clock });
    await outbox.enqueue({ tenantId: 't', conversationId: 'c', kind: 'reply', payload: {}, idempotencyKey: 'k1' });
    const [row] = await outbox.claimDue(10, 60_000);
    await outbox.markDone(row!.id, { providerMessageId: 'wamid.m1' });
    const status = () => outbox.rows().find((r) => r.id === row!.id)?.deliveryStatus;
    for (const [sent, kept] of [['sent', 'sent'], ['failed', 'failed'], ['sent', 'failed'], ['delivered', 'delivered'], ['read', 'read'], ['delivered', 'read'], ['failed', 'read']] as const) {
      expect(await outbox.recordDeliveryStatus('t', 'wamid.m1', sent, null)).toBe(true);
      expect(status(), `after ${sent}`).toBe(kept);
    }
  });
});
