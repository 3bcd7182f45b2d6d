import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/channels/widget/protocol.js';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const APP_SECRET = 'e2e-identity-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'e2e-identity-access-token';

type Welcome = Extract<ServerFrame, { type: 'welcome' }>;

/** A widget protocol client that records every frame. */
class WidgetClient {
  readonly frames: ServerFrame[] = [];
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  #waiters: { pred: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  #sent = 0;
  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      this.#waiters = this.#waiters.filter((w) => (w.pred(frame) ? (w.resolve(frame), false) : true));
    });
  }
  /** The first frame from index `from` on that matches. */
  next<T extends ServerFrame>(pred: (f: ServerFrame) => boolean, from = 0): Promise<T> {
    const found = this.frames.slice(from).find(pred);
    if (found) return Promise.resolve(found as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame; got ${JSON.stringify(this.frames.map((f) => f.type))}`)), 15_000);
      this.#waiters.push({ pred, resolve: (f) => (clearTimeout(timer), resolve(f as T)) });
    });
  }
  /** Sends a customer message and waits for its ack. */
  async say(text: string): Promise<void> {
    const clientMessageId = `m${++this.#sent}`;
    const from = this.frames.length;
    this.ws.send(JSON.stringify({ type: 'message', clientMessageId, text }));
    const answer = await this.next((f) => (f.type === 'ack' && f.clientMessageId === clientMessageId) || f.type === 'error', from);
    expect(answer.type).toBe('ack');
  }
  botTexts(): string[] {
    return this.frames.flatMap((f) => (f.type === 'message' && f.message.author === 'bot' ? [f.message.text] : []));
  }
  welcomes(): Welcome[] {
    return this.frames.filter((f): f is Welcome => f.type === 'welcome');
  }
  close(): void {
    this.ws.close();
  }
}

/**
 * Issue 5 item 6, over real sockets in durable mode (PGlite): a WhatsApp customer leaves a lead;
 * the same person opens the widget, gives their phone, receives a one-time code on WhatsApp (fake
 * Graph API), types it, and the widget moves to the WhatsApp thread with its history.
 */
describe('omnichannel identity, end to end', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let graph: FakeGraph;
  let wamids = 0;
  const clients: WidgetClient[] = [];

  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;

  async function customerSays(from: string, text: string): Promise<void> {
    const raw = metaJson(waMessage({ id: `wamid.identity.${process.pid}.${++wamids}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(deployment.clock.now() / 1000)) }, { from, name: 'Carolina' }));
    const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    await deployment.hilo.drainOutbox();
  }

  const textsTo = (to: string): string[] =>
    graph.requests.filter((r) => r.status === 200 && r.body?.to === to).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));

  async function leaveLead(customer: string, email: string): Promise<void> {
    await customerSays(customer, 'Hola, somos una constructora y queremos comprar materiales al por mayor para un proyecto');
    const byField: Record<string, string> = {
      name: 'Me llamo Carolina Méndez',
      email,
      company_name: 'Constructora Meridiano SRL',
      interest_area: 'Ventas',
      problem_statement: 'Estamos levantando un edificio de 4 niveles en La Romana y necesitamos cemento y varillas.',
      urgency_level: 'Es urgente, empezamos la semana que viene',
    };
    for (let i = 0; i < 12; i++) {
      const id = await deployment.hilo.host.resolveConversation(TENANT, 'whatsapp', customer);
      const state = (await deployment.hilo.host.getConversation(TENANT, id))?.state;
      if (state?.value.startsWith('workflow.form.confirming')) {
        await customerSays(customer, 'sí, correcto');
        return;
      }
      const field = (state?.context.expecting as { field?: string } | undefined)?.field ?? '';
      await customerSays(customer, byField[field] ?? 'no');
    }
    throw new Error('the lead never reached its confirmation');
  }

  // Widget visitor ids carry 128 random bits (docs/protocol.md "Resume tokens").
  const VISITOR_OK = `visitor_identity_ok_${randomBytes(16).toString('base64url')}`;
  const VISITOR_BAD = `visitor_identity_bad_${randomBytes(16).toString('base64url')}`;

  async function openWidget(visitorId: string): Promise<{ client: WidgetClient; welcome: Welcome }> {
    const client = new WidgetClient(`ws://127.0.0.1:${deployment.hilo.port}/ws?tenant=${TENANT}`);
    clients.push(client);
    await client.opened;
    client.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId, lang: 'es' }));
    const welcome = await client.next<Welcome>((f) => f.type === 'welcome');
    return { client, welcome };
  }

  /** The code in the last WhatsApp text to `to` that carries one. */
  const codeSentTo = (to: string): string | undefined => textsTo(to).flatMap((t) => /código para continuar en el chat de la web es (\d{6})/.exec(t)?.[1] ?? []).at(-1);

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    environment = await createDurableEnvironment('pglite+memory');
    deployment = await startDeployment(environment, {
      HILO_PUBLIC_URL: 'https://hilo.example.com',
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'e2e-identity-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
    });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await deployment?.close();
    await environment?.destroy();
    await graph?.close();
  });

  it('should continue the WhatsApp thread in the widget after the code sent on WhatsApp', async () => {
    const customer = '18095550111';
    await leaveLead(customer, 'carolina.identity1@constructorameridiano.do');
    const waThread = await deployment.hilo.host.resolveConversation(TENANT, 'whatsapp', customer);
    const lead = (await deployment.storage.leads.list(TENANT)).find((l) => l.conversationId === waThread);
    expect(lead).toBeDefined();

    const { client, welcome } = await openWidget(VISITOR_OK);
    expect(welcome.conversationId).not.toBe(waThread);
    expect(welcome.history).toEqual([]);

    await client.say('mi número es 809-555-0111');
    await deployment.hilo.drainOutbox();
    const offer = await client.next((f) => f.type === 'message' && f.message.text.includes('+1 809 ***-**11'));
    expect(offer.type).toBe('message');
    const code = codeSentTo(customer);
    expect(code).toMatch(/^\d{6}$/);
    // Nothing of the WhatsApp contact reached the visitor but the masked number.
    expect(client.botTexts().join('\n')).not.toMatch(/Carolina|constructorameridiano|0111/);

    const before = client.frames.length;
    await client.say(code === '000000' ? '999999' : '000000');
    expect(client.botTexts().at(-1)).toMatch(/no coincide/);
    expect(client.welcomes()).toHaveLength(1);

    await client.say(code!);
    const moved = await client.next<Welcome>((f) => f.type === 'welcome' && f.conversationId === waThread, before);
    // The code's ack (old thread) comes before the new thread's welcome.
    const ackAt = client.frames.findIndex((f, i) => i >= before && f.type === 'ack' && f.clientMessageId === 'm3');
    expect(ackAt).toBeGreaterThanOrEqual(0);
    expect(ackAt).toBeLessThan(client.frames.indexOf(moved));
    const history = moved.history.map((m) => m.text).join('\n');
    expect(history).toContain('Me llamo Carolina Méndez');
    expect(history).toContain(lead!.leadId);
    // The linked thread greets her by name and mentions her open request.
    const greeting = moved.history.slice(-2).map((m) => m.text).join('\n');
    expect(greeting).toMatch(/Carolina/);
    expect(greeting).toContain(lead!.leadId);
    expect(await deployment.hilo.host.resolveConversation(TENANT, 'web', VISITOR_OK)).toBe(waThread);

    // The visitor's next message goes on in the WhatsApp thread.
    const next = client.frames.length;
    await client.say('gracias');
    const reply = await client.next((f) => f.type === 'message' && f.message.author === 'bot', next);
    expect(reply.type).toBe('message');
    const thread = await deployment.hilo.host.history(TENANT, waThread, 0);
    expect(thread.some((l) => l.direction === 'in' && l.channel === 'web' && l.text === 'gracias')).toBe(true);
  }, 90_000);

  it('should not link after three wrong codes', async () => {
    const customer = '18095550112';
    await customerSays(customer, 'Hola');
    const waThread = await deployment.hilo.host.resolveConversation(TENANT, 'whatsapp', customer);
    const { client, welcome } = await openWidget(VISITOR_BAD);
    await client.say('mi número es 809-555-0112');
    await deployment.hilo.drainOutbox();
    const code = codeSentTo(customer);
    expect(code).toMatch(/^\d{6}$/);
    for (const wrong of ['111111', '222222', '333333', '444444'].filter((c) => c !== code).slice(0, 3)) await client.say(wrong);
    expect(client.botTexts().at(-1)).toMatch(/No pudimos confirmar/);
    await client.say(code!);
    expect(client.welcomes()).toHaveLength(1);
    expect(await deployment.hilo.host.resolveConversation(TENANT, 'web', VISITOR_BAD)).toBe(welcome.conversationId);
    expect(waThread).not.toBe(welcome.conversationId);
    const waLines = await deployment.hilo.host.history(TENANT, waThread, 0);
    expect(waLines.some((l) => l.channel === 'web')).toBe(false);
    // Every step is in the tenant's audit chain, without the phone number or the client IP.
    const events = await deployment.storage.db!.em().execute<{ type: string; payload: unknown }[]>(`select type, payload from audit_events where tenant_id = ? order by seq`, [TENANT]);
    const types = events.map((e) => e.type);
    expect(types).toContain('identity.code_sent');
    expect(types).toContain('identity.linked');
    expect(types.filter((t) => t === 'identity.code_failed').length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(events)).not.toMatch(/5550112|5550111|127\.0\.0\.1/);
    // The wrong codes were counted in SQL (they outlive this process).
    const counters = await deployment.storage.db!.em().execute<{ key: string; count: number }[]>(`select key, count from access_counters`);
    expect(counters.some((c) => c.key.endsWith(':fail') && c.count >= 3)).toBe(true);
  }, 90_000);
});
