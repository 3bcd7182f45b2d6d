import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const APP_SECRET = 'e2e-media-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'e2e-media-access-token';
const API_KEY = 'e2e-media-api-key-0123456789';

type Mode = 'pglite+memory' | 'postgres+redis' | 'memory';

/** All in memory (`HILO_STORAGE=memory`): the same deployment helper, nothing to remove afterwards. */
async function environmentFor(mode: Mode): Promise<DurableEnvironment> {
  if (mode !== 'memory') return createDurableEnvironment(mode);
  return { mode: 'pglite+memory', env: { HILO_STORAGE: 'memory' }, destroy: async () => {} };
}

interface TranscriptLine {
  seq: number;
  direction: 'in' | 'out';
  author: string;
  text: string;
  media?: Array<Record<string, unknown>>;
}

/**
 * Photos and voice notes over signed WhatsApp webhooks, through the running runtime: the customer's
 * line keeps the provider's reference (REST transcript), the bot acknowledges in the
 * conversation's language, and while a human holds the conversation the reference reaches the
 * fake Rocket.Chat and the bot stays silent. Durable (PGlite, PostgreSQL + Redis) and in memory.
 */
describe.each(['pglite+memory', 'postgres+redis', 'memory'] as const)('WhatsApp media, end to end (%s)', (mode) => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;
  let rocket: FakeRocketChat;
  let wamids = 0;

  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;
  const nextWamid = () => `wamid.media.${process.pid}.${mode}.${++wamids}`;
  const now = () => String(Math.floor(deployment.clock.now() / 1000));

  async function post(from: string, message: Record<string, unknown>): Promise<void> {
    const raw = metaJson(waMessage({ timestamp: now(), ...message }, { from, name: 'Ana' }));
    const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    await deployment.hilo.drainOutbox();
  }
  const says = (from: string, text: string) => post(from, { id: nextWamid(), type: 'text', text: { body: text } });

  const textsTo = (to: string): string[] =>
    graph.requests.filter((r) => r.status === 200 && r.body?.to === to).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));

  async function transcriptOf(from: string): Promise<TranscriptLine[]> {
    const id = await deployment.hilo.host.resolveConversation(TENANT, 'whatsapp', from);
    const res = await fetch(`${base()}/api/tenants/${TENANT}/conversations/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { transcript: TranscriptLine[] }).transcript;
  }

  /** A phone number of digits only, unique to this test (WhatsApp senders are digits). */
  const newPhone = () => `1809${String(newSender('x').replace(/\D/g, '')).slice(-7).padStart(7, '0')}`;

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    rocket = await startFakeRocketChat();
    environment = await environmentFor(mode);
    deployment = await startDeployment(environment, {
      HILO_DEMO_API_KEY: API_KEY,
      HILO_PUBLIC_URL: 'https://hilo.example.com',
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'e2e-media-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
      HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl,
      HILO_ROCKETCHAT_OUTGOING_TOKEN: 'e2e-media-outgoing-token',
    });
  }, 60_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    await graph?.close();
    await rocket?.close();
  });

  it('should acknowledge a photo in English in an English conversation and keep its reference on the transcript line', async () => {
    const customer = newPhone();
    await says(customer, 'Hi! Do you sell white cement?');
    const before = textsTo(customer).length;
    await post(customer, { id: nextWamid(), type: 'image', image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'e3b0c442' } });
    const ack = textsTo(customer).slice(before);
    expect(ack).toHaveLength(1);
    expect(ack[0]).toMatch(/Thanks for the photo/);
    expect(ack[0]).toMatch(/which product it is/);
    expect(ack[0]).not.toMatch(/[¿¡]/);

    const lines = await transcriptOf(customer);
    const photo = lines.find((l) => l.media !== undefined);
    expect(photo).toMatchObject({ direction: 'in', author: 'customer', text: '', media: [{ kind: 'image', id: '1479537139650973', mimeType: 'image/jpeg' }] });
    // The acknowledgement is recorded right after it, in English.
    expect(lines.find((l) => l.seq === photo!.seq + 1)).toMatchObject({ direction: 'out', author: 'bot' });
    expect(lines.find((l) => l.seq === photo!.seq + 1)?.text).toMatch(/Thanks for the photo/);
  });

  it('should acknowledge a voice note in Spanish, once even when Meta redelivers it, and read a caption as the message', async () => {
    const customer = newPhone();
    const wamid = nextWamid();
    const voice = { id: wamid, type: 'audio', audio: { id: '88120031', mime_type: 'audio/ogg; codecs=opus', voice: true } };
    await post(customer, voice);
    await post(customer, voice);
    const acks = textsTo(customer);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatch(/nota de voz/);
    expect(acks[0]).toMatch(/escribes/);

    // A photo with a caption: the brain reads the caption (a product question), the line keeps both.
    const before = textsTo(customer).length;
    await post(customer, { id: nextWamid(), type: 'image', image: { id: '5550001', mime_type: 'image/png', caption: '¿tienen cemento gris?' } });
    expect(textsTo(customer).slice(before).join('\n')).toMatch(/RD\$/);
    const lines = await transcriptOf(customer);
    expect(lines.filter((l) => l.direction === 'in')).toMatchObject([
      { text: '', media: [{ kind: 'voice', id: '88120031' }] },
      { text: '¿tienen cemento gris?', media: [{ kind: 'image', id: '5550001', mimeType: 'image/png', caption: '¿tienen cemento gris?' }] },
    ]);
  });

  it('should relay an image and a voice note to Rocket.Chat during a handoff, with their references, and send the customer nothing', async () => {
    const customer = newPhone();
    await says(customer, 'quiero hablar con una persona por favor');
    const number = /T-\d{6}/.exec(textsTo(customer).join('\n'))?.[0];
    expect(number).toBeDefined();
    const sentBefore = textsTo(customer).length;

    await post(customer, { id: nextWamid(), type: 'image', image: { id: '7700112233', mime_type: 'image/jpeg', caption: 'así llegó el tubo' } });
    await post(customer, { id: nextWamid(), type: 'audio', audio: { id: '7700445566', mime_type: 'audio/ogg; codecs=opus', voice: true } });
    expect(textsTo(customer)).toHaveLength(sentBefore);

    const relayed = rocket.messages.map((m) => String(m.text ?? '')).filter((t) => t.includes(`#${number!}`));
    const photo = relayed.find((t) => t.includes('7700112233'));
    expect(photo).toContain('así llegó el tubo');
    expect(photo).toContain('📎 imagen (image/jpeg) — id 7700112233');
    const voice = relayed.find((t) => t.includes('7700445566'));
    expect(voice).toContain('📎 nota de voz (audio/ogg; codecs=opus) — id 7700445566');

    const lines = await transcriptOf(customer);
    expect(lines.filter((l) => l.media !== undefined).map((l) => l.media![0]!.id)).toEqual(['7700112233', '7700445566']);
    // Nothing from the bot after the ticket reply: the human holds the conversation.
    const lastTicketReply = lines.findLast((l) => l.direction === 'out')!;
    expect(lastTicketReply.seq).toBeLessThan(lines.find((l) => l.media !== undefined)!.seq);

    if (deployment.storage.db) {
      // The contact export (SQL modes) carries the references too.
      const conversationId = await deployment.hilo.host.resolveConversation(TENANT, 'whatsapp', customer);
      const exported = await fetch(`${base()}/api/tenants/${TENANT}/contacts/${encodeURIComponent(conversationId)}/export`, { headers: { authorization: `Bearer ${API_KEY}` } });
      expect(exported.status).toBe(200);
      const dump = JSON.stringify(await exported.json());
      expect(dump).toContain('"id":"7700112233"');
      expect(dump).toContain('"kind":"voice"');
      const rows = await deployment.storage.db.em().execute<{ payload: { media?: Array<{ kind: string; id: string }> } }[]>(
        `select payload from outbox_entries where tenant_id = ? and kind = 'handoff.relay' order by id`,
        [TENANT],
      );
      const media = rows.flatMap((r) => r.payload.media ?? []).map((m) => `${m.kind}:${m.id}`);
      expect(media).toEqual(expect.arrayContaining(['image:7700112233', 'voice:7700445566']));
    }
  });
});
