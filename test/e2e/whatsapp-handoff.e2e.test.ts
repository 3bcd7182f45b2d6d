import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { startFakeCrmReceiver, type FakeCrmReceiver } from '../fakes/crm-receiver.js';
import { outgoingWebhookBody, startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, waStatus, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const APP_SECRET = 'e2e-app-secret-4f1c9a';
const VERIFY_TOKEN = 'e2e-verify-token';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'e2e-access-token';
const AGENT_TOKEN = 'e2e-rocketchat-outgoing-token';
const CRM_SECRET = 'e2e-crm-secret-0123456789';

/**
 * The "done when", over real sockets: signed WhatsApp webhooks in, Graph API calls out
 * to a fake server, the handoff announced in a fake Rocket.Chat, the agent's answer delivered on
 * WhatsApp, `!cerrar-ticket` handing back to the bot, and a finished lead reaching a fake CRM
 * exactly once. Durable mode (PGlite + in-memory snapshots) so replies go through the SQL outbox.
 */
describe('WhatsApp to human handoff, end to end', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;
  let rocket: FakeRocketChat;
  let crm: FakeCrmReceiver;
  let wamids = 0;

  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;
  const clock = { now: () => deployment.clock.now() };

  async function postWhatsApp(body: Record<string, unknown>, signature?: string): Promise<Response> {
    const raw = metaJson(body);
    return fetch(`${base()}/webhooks/whatsapp/${TENANT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? metaSignature(APP_SECRET, raw) },
      body: new Uint8Array(raw),
    });
  }

  /** One customer text, signed as Meta signs it; returns the wamid used. */
  async function customerSays(from: string, text: string, wamid = `wamid.e2e.${process.pid}.${++wamids}`): Promise<string> {
    const res = await postWhatsApp(waMessage({ id: wamid, type: 'text', text: { body: text }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from, name: 'Ana' }));
    expect(res.status).toBe(200);
    await deployment.hilo.drainOutbox();
    return wamid;
  }

  async function agentPosts(text: string, messageId: string): Promise<Response> {
    const res = await fetch(`${base()}/webhooks/rocketchat/${TENANT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(outgoingWebhookBody({ token: AGENT_TOKEN, text, messageId, userName: 'maria.agente' })),
    });
    await deployment.hilo.drainOutbox();
    return res;
  }

  const textsTo = (to: string): string[] =>
    graph.requests.filter((r) => r.status === 200 && r.body?.to === to).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    rocket = await startFakeRocketChat();
    crm = await startFakeCrmReceiver({ secret: CRM_SECRET, clock, failures: [{ kind: 'drop' }] });
    environment = await createDurableEnvironment('pglite+memory');
    deployment = await startDeployment(environment, {
      HILO_PUBLIC_URL: 'https://hilo.example.com',
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: VERIFY_TOKEN,
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      // The manual clock does not move while the test waits: no pacing delays between replies.
      HILO_WHATSAPP_PAIR_BURST: '1000',
      HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl,
      HILO_ROCKETCHAT_OUTGOING_TOKEN: AGENT_TOKEN,
      HILO_CRM_WEBHOOK_URL: crm.url,
      HILO_CRM_WEBHOOK_SECRET: CRM_SECRET,
    });
  }, 60_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    await graph?.close();
    await rocket?.close();
    await crm?.close();
  });

  it('should answer Meta’s verification handshake only with the right token', async () => {
    const ok = await fetch(`${base()}/webhooks/whatsapp/${TENANT}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${base()}/webhooks/whatsapp/${TENANT}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(403);
  });

  it('should refuse a bad signature and an unknown tenant without running a turn', async () => {
    const bad = await postWhatsApp(waMessage({ id: 'wamid.bad', type: 'text', text: { body: 'hola' } }, { from: '18095550999' }), `sha256=${'0'.repeat(64)}`);
    expect(bad.status).toBe(403);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('HILO_ERR_CHANNEL_SIGNATURE_INVALID');
    const raw = metaJson(waMessage({ id: 'wamid.x', type: 'text', text: { body: 'hola' } }));
    const unknown = await fetch(`${base()}/webhooks/whatsapp/nadie`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(unknown.status).toBe(404);
    await deployment.hilo.drainOutbox();
    expect(textsTo('18095550999')).toEqual([]);
  });

  it('should hand off to Rocket.Chat, keep the bot silent, deliver the agent on WhatsApp and hand back on cerrar-ticket', async () => {
    const customer = '18095550101';
    await customerSays(customer, 'quiero hablar con una persona por favor');
    const handoffReply = textsTo(customer).join('\n');
    const number = /T-\d{6}/.exec(handoffReply)?.[0];
    expect(number).toBeDefined();
    const announcement = rocket.messages.find((m) => JSON.stringify(m).includes(number!));
    expect(announcement).toBeDefined();
    expect(JSON.stringify(announcement)).toContain('quiero hablar con una persona');

    // While the human holds it: customer messages are relayed and the bot sends nothing at all.
    const beforeFirst = textsTo(customer).length;
    await customerSays(customer, 'es sobre una factura');
    expect(textsTo(customer).slice(beforeFirst)).toEqual([]);
    const sentBefore = textsTo(customer).length;
    const held = await customerSays(customer, '¿hola? sigo esperando');
    expect(textsTo(customer)).toHaveLength(sentBefore);
    const relays = () => rocket.messages.filter((m) => String(m.text ?? '').includes(`#${number!}`) && String(m.text ?? '').includes('sigo esperando'));
    expect(relays()).toHaveLength(1);
    expect(rocket.messages.filter((m) => String(m.text ?? '').includes('es sobre una factura'))).toHaveLength(1);
    // No agent has answered yet and the customer keeps writing: announced once more as pending (yellow).
    await deployment.hilo.drainOutbox();
    const pending = rocket.messages.filter((m) => JSON.stringify(m).includes(number!) && JSON.stringify(m).includes('#ffd21f'));
    expect(pending).toHaveLength(1);

    // Meta redelivers the same message (same wamid): processed once.
    await customerSays(customer, '¿hola? sigo esperando', held);
    expect(relays()).toHaveLength(1);
    expect(textsTo(customer)).toHaveLength(sentBefore);

    // The agent answers from Rocket.Chat; the customer receives it on WhatsApp.
    const agent = await agentPosts(`#${number!} Hola, soy María. ¿En qué te ayudo?`, 'rc-msg-1');
    expect(agent.status).toBe(200);
    expect(textsTo(customer).at(-1)).toContain('Hola, soy María');
    // Rocket.Chat retries the same outgoing webhook: the customer gets it once.
    await agentPosts(`#${number!} Hola, soy María. ¿En qué te ayudo?`, 'rc-msg-1');
    expect(textsTo(customer).filter((t) => t.includes('Hola, soy María'))).toHaveLength(1);

    // A wrong token is refused; an answer without a ticket gets a hint for the agent.
    const forged = await fetch(`${base()}/webhooks/rocketchat/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(outgoingWebhookBody({ token: 'forged', text: `#${number!} hola` })) });
    expect(forged.status).toBe(403);
    const hint = await agentPosts('hola, ¿quién me escribe?', 'rc-msg-2');
    expect(((await hint.json()) as { text?: string }).text).toContain('#T-000123');

    // Closing the ticket hands the conversation back to the bot.
    const close = await agentPosts(`!cerrar-ticket ${number!} resuelto por teléfono`, 'rc-msg-3');
    expect(close.status).toBe(200);
    const ticket = (await deployment.storage.tickets.list(TENANT)).find((t) => t.number === number);
    expect(ticket).toMatchObject({ status: 'closed', outcome: 'resuelto por teléfono' });
    const beforeBot = textsTo(customer).length;
    await customerSays(customer, '¿tienen varilla de 3/8?');
    expect(textsTo(customer).slice(beforeBot).join('\n')).toMatch(/RD\$/);

    // Delivery statuses land on the outbox row that sent the message.
    const sentId = graph.requests.filter((r) => r.status === 200 && r.body?.to === customer).length;
    expect(sentId).toBeGreaterThan(0);
    const rows = await deployment.storage.db!.em().execute<{ provider_message_id: string }[]>(`select provider_message_id from outbox_entries where tenant_id = ? and kind = 'reply' and provider_message_id is not null order by id desc limit 1`, [TENANT]);
    const wamidOut = rows[0]!.provider_message_id;
    const status = await postWhatsApp(waStatus({ id: wamidOut, status: 'read', recipient_id: customer, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }));
    expect(status.status).toBe(200);
    const after = await deployment.storage.db!.em().execute<{ delivery_status: string }[]>(`select delivery_status from outbox_entries where tenant_id = ? and provider_message_id = ?`, [TENANT, wamidOut]);
    expect(after[0]?.delivery_status).toBe('read');

    // An agent takes the customer over on their own initiative: /crear-ticket with the phone.
    const beforeTakeover = textsTo(customer).length;
    const takeover = await agentPosts('/crear-ticket +1 809 555 0101', 'rc-msg-4');
    expect(takeover.status).toBe(200);
    const takeoverAnswer = ((await takeover.json()) as { text?: string }).text ?? '';
    const second = /T-\d{6}/.exec(takeoverAnswer)?.[0];
    expect(second).toBeDefined();
    expect(second).not.toBe(number);
    expect(textsTo(customer).slice(beforeTakeover).join('\n')).toContain(second!);
    const unknown = await agentPosts('/crear-ticket +1 809 555 9999', 'rc-msg-5');
    expect(((await unknown.json()) as { text?: string }).text).toMatch(/Indica el cliente/);
  }, 60_000);

  it('should deliver a finished lead to the CRM exactly once, signed, through the outbox', async () => {
    const customer = '18095550102';
    await customerSays(customer, 'Hola, somos una constructora y queremos comprar materiales al por mayor para un proyecto');
    const answers: Array<[RegExp, string]> = [
      [/nombre|llamas|name/i, 'Me llamo Carolina Méndez'],
      [/correo|email/i, 'carolina.mendez@constructorameridiano.do'],
      [/empresa|compañía|company/i, 'Constructora Meridiano SRL'],
      [/área|area|interes/i, 'Ventas'],
      [/necesit|proyecto|problema|cuéntame|describe/i, 'Estamos levantando un edificio de 4 niveles en La Romana y necesitamos cemento, varillas y blocks durante 6 meses.'],
      [/urgen|cuándo|cuando|prisa/i, 'Es urgente, empezamos la semana que viene'],
    ];
    let confirmId: string | null = null;
    for (let i = 0; i < 12; i++) {
      const conversation = await deployment.hilo.host.getConversation(TENANT, await deployment.hilo.host.resolveConversation(TENANT, 'whatsapp', customer));
      const state = conversation?.state?.value ?? '';
      if (state.startsWith('workflow.form.confirming')) {
        confirmId = await customerSays(customer, 'sí, correcto');
        break;
      }
      const expecting = (conversation?.state?.context.expecting ?? {}) as { field?: string };
      const field = expecting.field ?? '';
      const byField: Record<string, string> = {
        name: answers[0]![1],
        email: answers[1]![1],
        company_name: answers[2]![1],
        interest_area: answers[3]![1],
        problem_statement: answers[4]![1],
        urgency_level: answers[5]![1],
      };
      await customerSays(customer, byField[field] ?? 'no');
    }
    expect(confirmId).not.toBeNull();
    await deployment.hilo.drainOutbox();
    const applied = crm.applied.filter((a) => JSON.stringify(a.body).includes('carolina.mendez@constructorameridiano.do'));
    expect(applied).toHaveLength(1);
    expect(applied[0]!.idempotencyKey).toMatch(new RegExp(`^${TENANT}:L-`));
    // The first attempt was dropped by the receiver and retried.
    expect(crm.requests.length).toBeGreaterThanOrEqual(2);

    // The confirmation delivered again by Meta does not push the lead again.
    await customerSays(customer, 'sí, correcto', confirmId!);
    await deployment.hilo.drainOutbox();
    expect(crm.applied.filter((a) => JSON.stringify(a.body).includes('carolina.mendez@constructorameridiano.do'))).toHaveLength(1);
    const rows = await deployment.storage.db!.em().execute<{ status: string }[]>(`select status from outbox_entries where tenant_id = ? and kind = 'crm.lead'`, [TENANT]);
    expect(rows.map((r) => r.status)).toEqual(['done']);
  }, 60_000);
});
