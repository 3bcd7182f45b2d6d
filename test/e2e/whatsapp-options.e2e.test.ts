import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const APP_SECRET = 'e2e-options-app-secret-7d2e';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'e2e-options-access-token';
const CUSTOMER = '18095550177';

interface ButtonMessage {
  type?: string;
  interactive?: { body?: { text?: string }; action?: { buttons?: Array<{ reply: { id: string; title: string } }> } };
  text?: { body?: string };
}

/**
 * Reply options on WhatsApp over real sockets: signed webhooks in, the SQL outbox out to a fake
 * Graph API. A clarifying question goes out as interactive reply buttons, and a tap on one comes
 * back as that option's text.
 */
describe('reply options on WhatsApp, end to end', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;
  let wamids = 0;

  async function post(message: Record<string, unknown>): Promise<void> {
    const raw = metaJson(waMessage({ id: `wamid.options.${process.pid}.${++wamids}`, timestamp: String(Math.floor(deployment.clock.now() / 1000)), ...message }, { from: CUSTOMER, name: 'Ana' }));
    const res = await fetch(`http://127.0.0.1:${deployment.hilo.port}/webhooks/whatsapp/${TENANT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    await deployment.hilo.drainOutbox();
  }

  const sent = (): ButtonMessage[] => graph.requests.filter((r) => r.status === 200 && r.body?.to === CUSTOMER).map((r) => r.body as ButtonMessage);

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    environment = await createDurableEnvironment('pglite+memory');
    deployment = await startDeployment(environment, {
      HILO_PUBLIC_URL: 'https://hilo.example.com',
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'e2e-options-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
    });
  }, 60_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    await graph?.close();
  });

  it('should ask a vague message\'s question with reply buttons and read a tap as the chosen option', { timeout: 60_000 }, async () => {
    await post({ type: 'text', text: { body: 'cosas' } });
    const question = sent().find((m) => m.type === 'interactive');
    expect(question, JSON.stringify(sent())).toBeDefined();
    const buttons = question!.interactive!.action!.buttons!;
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) {
      expect(b.reply.id.startsWith('hilo-opt:')).toBe(true);
      expect(Array.from(b.reply.title).length).toBeLessThanOrEqual(20);
    }
    // The question's text has no numbered lines: the buttons are the choices.
    expect(question!.interactive!.body!.text).not.toMatch(/^1\. /m);

    const before = sent().length;
    const chosen = buttons[0]!.reply;
    await post({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: chosen.id, title: chosen.title } } });
    const answers = sent().slice(before);
    expect(answers.length).toBeGreaterThan(0);
    // The tap was understood: the bot does not ask the same question again.
    const again = answers.find((m) => m.type === 'interactive' && m.interactive?.body?.text === question!.interactive!.body!.text);
    expect(again).toBeUndefined();

    // The transcript recorded the option's text as what the customer said, and the question's options.
    const rows = await deployment.storage.db!.em().execute<{ direction: string; text: string; options: unknown }[]>(
      `select direction, text, options from messages where tenant_id = ? and channel = 'whatsapp' order by conversation_id, seq`,
      [TENANT],
    );
    const inbound = rows.filter((r) => r.direction === 'in').map((r) => r.text);
    expect(inbound).toContain(chosen.id.slice('hilo-opt:'.length));
    // Clarifying options say more than their short titles ("Empleos" → "Empleos en la tienda").
    if (chosen.title !== chosen.id.slice('hilo-opt:'.length)) expect(inbound).not.toContain(chosen.title);
    expect(rows.some((r) => r.direction === 'out' && Array.isArray(r.options) && r.options.length === buttons.length)).toBe(true);
  });
});
