import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const PASSWORD = 'call-back-console-pass-31';
const APP_SECRET = 'call-back-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'call-back-access-token';

/**
 * Call-back tickets in the agent console's API (real runtime, REST and signed WhatsApp webhooks,
 * console login): the ticket says the customer asked to be called and which number to call, and
 * the profile's phone shows it when the customer wrote it or writes from it (WhatsApp).
 */
describe('agent console, call-back tickets', () => {
  let server: TestServer;
  let graph: FakeGraph;
  let cookie: string;
  let wamids = 0;

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    server = await startHiloForTest({
      env: {
        HILO_DEMO_AGENT_PASSWORD: PASSWORD,
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
        HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'call-back-verify',
        HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
        HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
        HILO_WHATSAPP_PAIR_BURST: '1000',
      },
    });
    const res = await fetch(`${server.baseUrl}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: TENANT, username: 'demo', password: PASSWORD }) });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  });
  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  type Detail = { customer: { phone: string | null }; ticket: { number: string; reason: string; callBack: boolean; callTo: string | null } | null };
  const detail = async (id: string): Promise<Detail> => {
    const res = await fetch(`${server.baseUrl}/console/api/tenants/${TENANT}/conversations/${id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as Detail;
  };
  const rest = async (sender: string, text: string) => {
    const res = await fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    expect(res.status).toBe(200);
    return (await res.json()) as { conversation_id: string; messages: { author: string; text: string }[] };
  };
  const whatsApp = async (from: string, text: string): Promise<void> => {
    const raw = metaJson(waMessage({ id: `wamid.call-back.${process.pid}.${++wamids}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(Date.now() / 1000)) }, { from, name: 'Ana' }));
    const res = await fetch(`${server.baseUrl}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
  };
  const whatsAppConversation = async (from: string): Promise<string> => {
    const res = await fetch(`${server.baseUrl}/console/api/tenants/${TENANT}/inbox?view=open`, { headers: { cookie } });
    const items = ((await res.json()) as { items: Array<{ conversationId: string; customer: { phoneMasked: string | null } }> }).items;
    const found = items.find((i) => i.customer.phoneMasked === `•••• ${from.slice(-4)}`);
    expect(found, JSON.stringify(items)).toBeDefined();
    return found!.conversationId;
  };

  it('should show a web customer who wrote their number: asked for a call back, call on that number, and it as the phone', async () => {
    const turn = await rest(`cb-web-${process.pid}`, '¿me pueden llamar? mi número es 809-555-0142');
    expect(turn.messages.map((m) => m.text).join('\n')).toContain('0142');
    const d = await detail(turn.conversation_id);
    expect(d.ticket).toMatchObject({ reason: 'customer_request', callBack: true, callTo: '+18095550142' });
    expect(d.customer.phone).toBe('+18095550142');
  });

  it('should call the number written last when the customer gives another one after the ticket', async () => {
    const sender = `cb-web2-${process.pid}`;
    await rest(sender, 'llámenme al 829 555 0199 por favor');
    const turn = await rest(sender, 'mejor a este otro: 849-555-0177');
    const d = await detail(turn.conversation_id);
    expect(d.ticket).toMatchObject({ callBack: true, callTo: '+18495550177' });
  });

  it('should call a WhatsApp customer on the number they write from', async () => {
    await whatsApp('18095550123', '¿me pueden llamar?');
    const d = await detail(await whatsAppConversation('18095550123'));
    expect(d.ticket).toMatchObject({ callBack: true, callTo: '+18095550123' });
    expect(d.customer.phone).toBe('+18095550123');
  });

  it('should say when a web customer left no number, and not mark an ordinary handoff as a call back', async () => {
    const asked = await rest(`cb-none-${process.pid}`, '¿me pueden llamar?');
    expect((await detail(asked.conversation_id)).ticket).toMatchObject({ callBack: true, callTo: null });
    const plain = await rest(`cb-plain-${process.pid}`, 'quiero hablar con una persona, por favor');
    const d = await detail(plain.conversation_id);
    expect(d.ticket).toMatchObject({ reason: 'customer_request', callBack: false, callTo: null });
    expect(d.customer.phone).toBeNull();
  });
});
