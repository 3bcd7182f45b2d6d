import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelUnderstanding } from '../../src/actors/brain/llm/understanding-schema.js';
import { createBrainFactory } from '../../src/runtime/brain-factory.js';
import { systemClock } from '../../src/kernel/clock.js';
import { loadLlmConfig } from '../../src/runtime/llm-config.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type ChatBody, type FakeOpenAi, type FakeResponse } from '../fakes/openai-server.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { draftValues, modelUnderstanding, NO_LEAD_FIELDS } from '../helpers/model-understanding.js';

interface TurnAnswer {
  conversation_id: string;
  messages: { author: string; text: string }[];
  state: { value: string; tags: string[]; context: Record<string, any> };
}

const NO_FIELDS = NO_LEAD_FIELDS;
const understanding = (over: Partial<ModelUnderstanding>): ModelUnderstanding => modelUnderstanding({ confidence: 0.92, priority: 4, ...over });

const OPENING = 'Buenas, soy Carolina Méndez de Constructora Meridiano SRL; tenemos una obra grande y quiero que alguien nos cotice los materiales';
const PROBLEM = 'Estamos levantando un edificio de 4 niveles en La Romana y necesitamos cemento, varillas y blocks durante 6 meses.';

/** What the fake model reads in each customer message of the lead conversation. */
const READINGS: Record<string, ModelUnderstanding> = {
  [OPENING]: understanding({ lead_fields: { ...NO_FIELDS, name: 'Carolina Méndez', company_name: 'Constructora Meridiano SRL' }, interest_area: 'Ventas' }),
  'carolina.mendez@constructorameridiano.do': understanding({ lead_fields: { ...NO_FIELDS, email: 'carolina.mendez@constructorameridiano.do' } }),
  [PROBLEM]: understanding({ lead_fields: { ...NO_FIELDS, problem_statement: PROBLEM } }),
  'Bastante, empezamos la semana que viene': understanding({ urgency: 'Alto', sentiment: 'positive' }),
  'sí, todo correcto': understanding({ affirmation: 'yes', sentiment: 'positive' }),
};

/** The customer's answer to each field the bot asks for. */
const ANSWERS: Record<string, string> = {
  email: 'carolina.mendez@constructorameridiano.do',
  problem_statement: PROBLEM,
  urgency_level: 'Bastante, empezamos la semana que viene',
};

let fake: FakeOpenAi;
let server: TestServer;
let failing = false;
/** Customer texts the fake model had no reading for (each would make the rule brain answer). */
const unscripted: string[] = [];
let sender = 0;

const lastUserText = (body: ChatBody): string => String(body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '');

beforeAll(async () => {
  fake = await startFakeOpenAi({
    handler: (body): FakeResponse => {
      if (failing) return reply.error(500, { message: 'The server had an error while processing your request.' });
      const text = lastUserText(body);
      const reading = READINGS[text];
      if (reading === undefined) unscripted.push(text);
      return reading !== undefined ? reply.json(reading) : reply.error(400, { message: 'Fake model: no reading scripted for this message.' });
    },
  });
  const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'a=sk-test-a', HILO_LLM_TIMEOUT_MS: '3000', HILO_LLM_DEADLINE_MS: '8000' });
  server = await startHiloForTest({
    createBrain: createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), clientOptions: { maxRetries: 1, backoffBaseMs: 1, backoffMaxMs: 5 } }),
  });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${server.apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function say(from: string, text: string): Promise<TurnAnswer> {
  const res = await api('POST', '/api/tenants/ferreteria/messages', { sender: from, text });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as TurnAnswer;
}

const newSender = () => `llm-e2e-${process.pid}-${++sender}`;
const botText = (t: TurnAnswer) => t.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n');

describe('LLM brain over REST with the fake provider', () => {
  it('should qualify a lead from the model structured readings and show the pool on /metrics.json', async () => {
    const from = newSender();
    const before = fake.requests.length;
    let t = await say(from, OPENING);
    let turns = 1;
    // The model read name, company and area from the first message: the bot asks for the email next.
    expect(t.state.context.expecting).toEqual({ kind: 'lead_field', field: 'email' });
    for (let i = 0; i < 8 && t.state.value.startsWith('workflow.form.collecting'); i++) {
      const field = (t.state.context.expecting as { field: string }).field;
      const answer = ANSWERS[field];
      expect(answer, `unexpected question for ${field}`).toBeDefined();
      t = await say(from, answer!);
      turns++;
    }
    expect(t.state.value).toMatch(/workflow\.form\.confirming/);
    t = await say(from, 'sí, todo correcto');
    turns++;

    const lead = t.state.context.lead;
    expect(lead.status).toBe('submitted');
    expect(botText(t)).toContain(lead.leadId);
    const values = draftValues(lead.draft);
    expect(values).toMatchObject({
      name: 'Carolina Méndez',
      company_name: 'Constructora Meridiano SRL',
      interest_area: 'Ventas',
      email: 'carolina.mendez@constructorameridiano.do',
      problem_statement: PROBLEM,
      urgency_level: 'Alto',
    });
    // One structured-output call per turn, each for the customer's own message.
    const calls = fake.requests.slice(before);
    expect(calls).toHaveLength(turns);
    expect(calls.every((r) => r.body.response_format?.type === 'json_schema' && r.body.model === 'fake-model' && r.apiKey === 'sk-test-a')).toBe(true);
    expect(calls.map((r) => lastUserText(r.body))[0]).toBe(OPENING);
    // Later turns carry the conversation so far (bounded), oldest first, ending with the new message.
    const second = calls[1]!.body.messages as { role: string; content: string }[];
    expect(second[0]!.role).toBe('system');
    expect(second[1]).toEqual({ role: 'user', content: OPENING });
    expect(second[2]!.role).toBe('assistant');
    const last = calls.at(-1)!.body.messages as { role: string; content: string }[];
    expect(last.length).toBeLessThanOrEqual(1 + 8 + 1);
    expect(last[0]!.content).toContain('Summary of the earlier conversation');
    expect(last[0]!.content).toContain('Customer profile: name: Carolina Méndez');
    expect(unscripted).toEqual([]);

    const metrics = await api('GET', '/metrics.json');
    expect(metrics.status).toBe(200);
    expect(metrics.json.pool_status).toEqual([{ key_id: 'a', active_conversations: 1, capacity_pct: 1 }]);
    expect(metrics.json).toMatchObject({ total_active: 1, pool_capacity_pct: 1, alert: false });
    expect(JSON.stringify(metrics.json)).not.toContain('sk-test-a');
  });

  it('should keep answering with the rule brain while the provider fails, then hand the customer to a human', async () => {
    failing = true;
    try {
      const from = newSender();
      const before = fake.requests.length;
      const first = await say(from, '¿Tienen cemento gris?');
      expect(botText(first)).toMatch(/RD\$\s?[\d,]+/);
      expect(first.state.tags).toContain('awaitingInput');
      const second = await say(from, '¿A qué hora abren el sábado?');
      expect(botText(second)).toMatch(/\d{1,2}:\d{2}|a\.?\s?m\.?|p\.?\s?m\.?/i);
      expect(second.state.value).not.toMatch(/^handoff/);
      const third = await say(from, '¿Y la varilla de 3/8?');
      expect(third.state.value).toMatch(/^handoff/);
      expect(third.state.context.handoffReason).toBe('brain_unavailable');
      const ticket = third.state.context.ticket.number as string;
      expect(ticket).toMatch(/^T-\d+/);
      expect(botText(third)).toContain(ticket);
      // Each failing turn tried the provider (one call plus one retry).
      expect(fake.requests.length - before).toBe(6);
    } finally {
      failing = false;
    }
  });
});
