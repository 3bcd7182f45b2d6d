import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const TENANT = 'ferreteria';
const PASSWORD = 'handoff35-console-pass';

/**
 * What people read of a customer's handoff, through the real runtime (REST channel, the
 * conversation API, the agent console's API): the emoji the customer wrote beside the words are
 * kept (the bot still reads the words: "dame 5 😁" is priced), and a person asked for with what went
 * wrong is a complaint ticket, "queja" in the console's Motivo.
 */
describe('a complaint with emoji, as the transcript API and the console show it', { timeout: 60_000 }, () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startHiloForTest({ env: { HILO_DEMO_AGENT_PASSWORD: PASSWORD } });
    const res = await fetch(`${server.baseUrl}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: TENANT, username: 'demo', password: PASSWORD }) });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  const rest = async (sender: string, text: string) => {
    const res = await fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { conversation_id: string; messages: { author: string; text: string }[] };
    return { id: body.conversation_id, reply: body.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n') };
  };

  it('should price "dame 5 😁" and show every emoji in the transcript API and the console, with the complaint filed as one', async () => {
    const sender = `h35-${process.pid}`;
    await rest(sender, 'tienen cemento gris? 🙏');
    expect((await rest(sender, 'dame 5 😁')).reply).toMatch(/5 × RD\$655\.00/);
    const handed = await rest(sender, 'quiero hablar con una persona 😡 el pedido de ayer llegó incompleto');
    expect(handed.reply).toMatch(/Lamento mucho lo que pasó[\s\S]*T-0/);
    const written = ['tienen cemento gris? 🙏', 'dame 5 😁', 'quiero hablar con una persona 😡 el pedido de ayer llegó incompleto'];

    const api = await fetch(`${server.baseUrl}/api/tenants/${TENANT}/conversations/${handed.id}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    const view = (await api.json()) as { transcript: { author: string; text: string }[] };
    expect(view.transcript.filter((l) => l.author === 'customer').map((l) => l.text)).toEqual(written);

    const res = await fetch(`${server.baseUrl}/console/api/tenants/${TENANT}/conversations/${handed.id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as { transcript: { author: string; text: string }[]; ticket: { reason: string; summary: string } | null };
    expect(detail.transcript.filter((l) => l.author === 'customer').map((l) => l.text)).toEqual(written);
    expect(detail.ticket?.reason).toBe('complaint');
    expect(detail.ticket?.summary).toContain('Queja del cliente (pidió hablar con una persona): "quiero hablar con una persona 😡 el pedido de ayer llegó incompleto"');
    expect(detail.ticket?.summary).toContain('- "dame 5 😁"');
    expect(detail.ticket?.summary).not.toContain('Productos');
  });
});
