import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

interface TurnAnswer {
  conversation_id: string;
  duplicate: boolean;
  messages: { seq: number; id: string; author: string; text: string; at: string }[];
  state: { value: string; tags: string[]; context: Record<string, any> };
}

let server: TestServer;
let senderCounter = 0;

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${server.apiKey}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

function newSender(): string {
  return `rest-test-${process.pid}-${++senderCounter}`;
}

async function say(sender: string, text: string, extra: Record<string, unknown> = {}): Promise<TurnAnswer> {
  const res = await api('POST', '/api/tenants/ferreteria/messages', { sender, text, ...extra });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as TurnAnswer;
}

const allText = (t: TurnAnswer) => t.messages.map((m) => m.text).join('\n');

beforeAll(async () => {
  server = await startHiloForTest();
});
afterAll(async () => {
  await server?.close();
});

describe('REST channel: the hardware store flows', () => {
  it('should answer a product inquiry with name, price and stock from the catalog', async () => {
    const t = await say(newSender(), '¿Tienen cemento gris?');
    expect(t.messages.length).toBeGreaterThan(0);
    expect(allText(t)).toMatch(/RD\$\s?[\d,]+/);
    expect(allText(t).toLowerCase()).toContain('cemento');
    expect(t.state.tags).toContain('awaitingInput');
  });

  it('should tolerate typos in product names', async () => {
    const t = await say(newSender(), 'tienen sement gris?');
    expect(allText(t).toLowerCase()).toContain('cemento');
  });

  it('should ask for the account number, sanitise it, ask for proof and only then answer the standing', async () => {
    const sender = newSender();
    const first = await say(sender, 'quiero saber si mi cuenta está al día');
    expect(first.state.context.expecting).toEqual({ kind: 'account_id' });
    expect(allText(first)).toMatch(/\?/);
    // Use a real account from the demo data, written with separators to exercise sanitising.
    const { readFile } = await import('node:fs/promises');
    const accounts = JSON.parse(await readFile(new URL('../../tenants/ferreteria/accounts.json', import.meta.url), 'utf8')) as { number: string; standing: string; phone: string }[];
    const account = accounts[0]!;
    const spaced = account.number.replace(/(\d{2})(?=\d)/g, '$1 ');
    const second = await say(sender, spaced);
    const word = { al_dia: 'al día', atrasada: 'atrasada', suspendida: 'suspendida' }[account.standing as 'al_dia'];
    // The number alone shows nothing: the holder proves it with the phone on file.
    expect(second.state.context.expecting).toEqual({ kind: 'account_verification' });
    expect(allText(second).toLowerCase()).not.toContain(word);
    const third = await say(sender, `termina en ${account.phone.replace(/\D/g, '').slice(-4)}`);
    expect(allText(third).toLowerCase()).toContain(word);
  });

  it('should answer opening hours and location', async () => {
    const t = await say(newSender(), '¿A qué hora abren y dónde están ubicados?');
    expect(allText(t)).toMatch(/\d{1,2}:\d{2}|a\.?\s?m\.?|p\.?\s?m\.?/i);
  });

  it('should answer offers and job vacancies', async () => {
    const offers = await say(newSender(), '¿Qué ofertas tienen esta semana?');
    expect(offers.messages.length).toBeGreaterThan(0);
    const jobs = await say(newSender(), '¿Están buscando personal? quiero trabajar con ustedes');
    expect(jobs.messages.length).toBeGreaterThan(0);
    expect(jobs.state.context.understanding.nlu.intent.name).toBe('job_vacancies');
  });

  it('should answer in English when the customer writes English', async () => {
    const t = await say(newSender(), 'What time do you open on Saturday?');
    expect(t.state.context.lang).toBe('en');
  });

  it('should qualify a sales lead field by field and push it to the CRM', async () => {
    const sender = newSender();
    let t = await say(sender, 'Hola, somos una constructora y queremos comprar materiales al por mayor para un proyecto');
    expect(t.state.value).toMatch(/^workflow\.form/);
    const answers: Record<string, string> = {
      name: 'Me llamo Carolina Méndez',
      email: 'carolina.mendez@constructorameridiano.do',
      company_name: 'Constructora Meridiano SRL',
      interest_area: 'Ventas',
      problem_statement: 'Estamos levantando un edificio de 4 niveles en La Romana y necesitamos suplir cemento, varillas y blocks durante 6 meses con entregas semanales.',
      urgency_level: 'Es urgente, empezamos la semana que viene',
    };
    for (let i = 0; i < 10 && t.state.value.startsWith('workflow.form.collecting'); i++) {
      const expecting = t.state.context.expecting as { kind: string; field?: string };
      expect(expecting.kind).toBe('lead_field');
      t = await say(sender, answers[expecting.field!]!);
    }
    expect(t.state.value).toMatch(/workflow\.form\.confirming/);
    t = await say(sender, 'sí, correcto');
    const lead = t.state.context.lead;
    expect(lead.status).toBe('submitted');
    expect(lead.leadId).toMatch(/^L-\d+/);
    expect(allText(t)).toContain(lead.leadId);
    expect(lead.draft.email.value).toBe('carolina.mendez@constructorameridiano.do');
    // Provenance: every field points at a customer message of this conversation.
    const conv = await api('GET', `/api/tenants/ferreteria/conversations/${t.conversation_id}`);
    const inboundIds = new Set((conv.json.transcript as { direction: string; id: string }[]).filter((e) => e.direction === 'in').map((e) => e.id));
    for (const f of Object.values(lead.draft) as { sourceMessageId: string }[]) expect(inboundIds.has(f.sourceMessageId)).toBe(true);
  });

  it('should reject an invalid email and ask again', async () => {
    const sender = newSender();
    let t = await say(sender, 'Quiero que un vendedor me contacte para una compra grande para mi empresa');
    for (let i = 0; i < 5 && t.state.context.expecting?.field !== 'email'; i++) {
      t = await say(sender, t.state.context.expecting?.field === 'name' ? 'Soy Pedro Almonte' : 'no');
    }
    expect(t.state.context.expecting).toEqual({ kind: 'lead_field', field: 'email' });
    t = await say(sender, 'pedro@@correo');
    expect(t.state.context.expecting).toEqual({ kind: 'lead_field', field: 'email' });
    expect(t.state.context.lead.draft.email).toBeUndefined();
  });

  it('should hand off to a human with a ticket number, relay while held, and come back after resolve', async () => {
    const sender = newSender();
    const t = await say(sender, 'quiero hablar con una persona por favor');
    expect(t.state.value).toBe('handoff.withHuman');
    const number = t.state.context.ticket.number as string;
    expect(number).toMatch(/^T-\d+/);
    expect(allText(t)).toContain(number);
    const held = await say(sender, '¿hola? sigo esperando');
    expect(held.messages).toEqual([]);
    const agent = await api('POST', `/api/tenants/ferreteria/conversations/${t.conversation_id}/agent-messages`, { agent: 'María', text: 'Hola, soy María. ¿En qué te ayudo?' });
    expect(agent.status).toBe(200);
    expect(agent.json.messages[0]).toMatchObject({ author: 'agent', text: 'Hola, soy María. ¿En qué te ayudo?' });
    const resolved = await api('POST', `/api/tenants/ferreteria/conversations/${t.conversation_id}/resolve`, { agent: 'María', outcome: 'resuelto por teléfono' });
    expect(resolved.status).toBe(200);
    expect(resolved.json.state.value).toBe('triage.idle');
    const back = await say(sender, '¿tienen varilla de 3/8?');
    expect(allText(back)).toMatch(/RD\$/);
  });

  it('should hand off after three messages in a row it does not understand', async () => {
    const sender = newSender();
    let t = await say(sender, 'asdkjh qwpoeiru zxmcnv');
    t = await say(sender, 'blorf snarg wibble');
    t = await say(sender, 'qqq www eee rrr');
    expect(t.state.value).toMatch(/^handoff/);
    expect(t.state.context.ticket.number).toMatch(/^T-/);
  });

  it('should not process a retried message twice and return the original replies', async () => {
    const sender = newSender();
    const a = await say(sender, '¿Tienen pintura blanca?', { message_id: 'wamid.retry-1' });
    const b = await say(sender, '¿Tienen pintura blanca?', { message_id: 'wamid.retry-1' });
    expect(b.duplicate).toBe(true);
    expect(b.messages.map((m) => m.id)).toEqual(a.messages.map((m) => m.id));
    const conv = await api('GET', `/api/tenants/ferreteria/conversations/${a.conversation_id}`);
    expect((conv.json.transcript as { direction: string }[]).filter((e) => e.direction === 'in')).toHaveLength(1);
  });

  it('should keep one conversation per sender and return its transcript in order', async () => {
    const sender = newSender();
    const a = await say(sender, 'hola');
    const b = await say(sender, 'gracias');
    expect(b.conversation_id).toBe(a.conversation_id);
    const conv = await api('GET', `/api/tenants/ferreteria/conversations/${a.conversation_id}`);
    expect(conv.status).toBe(200);
    const seqs = (conv.json.transcript as { seq: number }[]).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(conv.json.state.value).toBeTypeOf('string');
  });
});

describe('REST channel: NLU parse', () => {
  it('should classify and extract entities in the documented shape', async () => {
    const res = await api('POST', '/api/tenants/ferreteria/nlu/parse', { text: 'Soy Ana Pérez, mi correo es ana@example.com y mi cel 809-555-1234' });
    expect(res.status).toBe(200);
    expect(res.json.intent).toMatchObject({ name: expect.any(String), confidence: expect.any(Number) });
    expect(res.json.ranking.length).toBe(13);
    expect(res.json.lang).toBe('es');
    const types = (res.json.entities as { type: string; value: string }[]).map((e) => `${e.type}=${e.value}`);
    expect(types).toContain('email=ana@example.com');
    expect(types).toContain('phone=+18095551234');
  });
});

describe('REST channel: bad input gets a clear error and changes nothing', () => {
  it('should require an API key and the right one', async () => {
    const missing = await fetch(`${server.baseUrl}/api/tenants/ferreteria/nlu/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hola"}' });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe('HILO_ERR_AUTH_MISSING');
    const wrong = await api('POST', '/api/tenants/ferreteria/nlu/parse', { text: 'hola' }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('HILO_ERR_AUTH_INVALID');
  });

  it('should answer 404 for an unknown tenant and conversation', async () => {
    const t = await api('POST', '/api/tenants/nobody/messages', { sender: 'x', text: 'hola' });
    expect([403, 404]).toContain(t.status);
    const c = await api('GET', '/api/tenants/ferreteria/conversations/c_doesnotexist');
    expect(c.status).toBe(404);
    expect(c.json.error.code).toBe('HILO_ERR_CONVERSATION_NOT_FOUND');
  });

  it.each([
    ['not json', '{"sender": ', 'HILO_ERR_HTTP_INVALID_JSON'],
    ['missing text', { sender: 'x' }, 'HILO_ERR_HTTP_VALIDATION'],
    ['empty text', { sender: 'x', text: '' }, 'HILO_ERR_HTTP_VALIDATION'],
    ['text too long', { sender: 'x', text: 'a'.repeat(2001) }, 'HILO_ERR_HTTP_VALIDATION'],
    ['sender not a string', { sender: 42, text: 'hola' }, 'HILO_ERR_HTTP_VALIDATION'],
  ])('should reject %s', async (_name, body, code) => {
    const res = await api('POST', '/api/tenants/ferreteria/messages', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
  });

  it('should reject a body over the size limit with 413', async () => {
    const res = await api('POST', '/api/tenants/ferreteria/messages', { sender: 'x', text: 'a'.repeat(200_000) });
    expect(res.status).toBe(413);
  });

  it('should keep serving other conversations after bad input', async () => {
    const t = await say(newSender(), 'hola');
    expect(t.messages.length).toBeGreaterThan(0);
  });
});

describe('operations endpoints', () => {
  it('should serve /health, /metrics and the widget bundle', async () => {
    const health = await fetch(`${server.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
    const metrics = await fetch(`${server.baseUrl}/metrics`);
    expect(await metrics.text()).toMatch(/hilo_turns_total \d+/);
    const widget = await fetch(`${server.baseUrl}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    const page = await fetch(`${server.baseUrl}/`);
    expect(await page.text()).toContain('widget.js');
  });
});
