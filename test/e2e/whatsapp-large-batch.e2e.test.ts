import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaJson, metaSignature, startFakeGraph, waEnvelope, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const TENANT = 'ferreteria';
const APP_SECRET = 'large-batch-app-secret';
const PHONE_NUMBER_ID = '106540352242922';

/**
 * A provider webhook larger than the API's 64 KiB but within the channel limit
 * (`HILO_CHANNEL_MAX_BODY_BYTES`) on a whole server: Meta batches messages, and a burst of long
 * texts is 84 KB. It was refused by the gateway's API limit (413 HILO_ERR_HTTP_BODY_TOO_LARGE) on
 * every redelivery, so the messages were lost; now every message of it is recorded once, and a
 * body over the channel limit gets the channel's own 413.
 */
describe.each(['uws', 'node'] as const)('a large WhatsApp batch on %s', (transport) => {
  let server: TestServer;
  let graph: FakeGraph;

  beforeAll(async () => {
    graph = await startFakeGraph({ phoneNumberId: PHONE_NUMBER_ID });
    server = await startHiloForTest({
      transport,
      env: {
        HILO_PUBLIC_URL: 'https://hilo.example.com',
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
        HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'large-batch-verify',
        HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
        HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: 'test-token',
        HILO_CHANNEL_MAX_BODY_BYTES: String(256 * 1024),
        // Twenty replies to one number go out at once (Meta's pair pacing would hold close for minutes).
        HILO_WHATSAPP_PAIR_BURST: '1000',
      },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  const batch = (from: string, count: number, textLength: number): Buffer =>
    metaJson(
      waEnvelope(
        {
          contacts: [{ profile: { name: 'Ana' }, wa_id: from }],
          messages: Array.from({ length: count }, (_, i) => ({ from, id: `wamid.large-${transport}-${from}-${i}`, timestamp: '1763812800', type: 'text', text: { body: `${i}: necesito cemento gris y varilla `.repeat(200).slice(0, textLength) } })),
        },
        PHONE_NUMBER_ID,
      ),
    );
  const post = async (raw: Buffer): Promise<{ status: number; body: string }> => {
    const res = await fetch(`${server.baseUrl}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    return { status: res.status, body: await res.text() };
  };

  it('should record every message of a batch over 64 KiB once, and refuse one over the channel limit with its own code', async () => {
    const from = transport === 'uws' ? '18095550771' : '18095550772';
    const raw = batch(from, 20, 4000);
    expect(raw.byteLength).toBeGreaterThan(64 * 1024);
    expect(await post(raw)).toMatchObject({ status: 200 });
    // The provider's redelivery of the same batch records nothing twice.
    expect(await post(raw)).toMatchObject({ status: 200 });
    const conversationId = await server.hilo.host.resolveConversation(TENANT, 'whatsapp', from);
    const inbound = (await server.hilo.host.history(TENANT, conversationId, 0)).filter((l) => l.direction === 'in');
    expect(inbound.map((l) => l.messageId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `wamid.large-${transport}-${from}-${i}`).sort());

    const tooLarge = batch(`${from}9`, 70, 4000);
    expect(tooLarge.byteLength).toBeGreaterThan(256 * 1024);
    const refused = await post(tooLarge);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'HILO_ERR_CHANNEL_BODY_TOO_LARGE' } });
  });
});
