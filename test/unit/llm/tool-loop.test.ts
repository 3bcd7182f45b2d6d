import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createLlmBrain, MAX_TOOL_ROUNDS, type LlmUnderstandInput } from '../../../src/actors/brain/llm/llm-brain.js';
import type { NluResult } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Understanding, UnderstandInput } from '../../../src/domain/understanding.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { createKeyPool } from '../../../src/runtime/key-pool.js';
import { createLogger } from '../../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type ChatBody, type FakeOpenAi } from '../../fakes/openai-server.js';
import { modelUnderstanding } from '../../helpers/model-understanding.js';
import { entriesFor } from './llm-test-kit.js';

const reading = modelUnderstanding;

const FALLBACK_NLU: NluResult = { intent: { name: 'out_of_scope', confidence: 0.2 }, ranking: [{ name: 'out_of_scope', confidence: 0.2 }], entities: [], lang: 'es' };

let tenant: TenantData;
let fake: FakeOpenAi | undefined;
let n = 0;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function setup(fakeServer: FakeOpenAi) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const pool = createKeyPool({ entries: entriesFor(fakeServer, [{ id: 'a' }]), clock: systemClock, logger });
  const fallbackCalls: UnderstandInput[] = [];
  const fallback: Brain = {
    kind: 'rules',
    parse: () => FALLBACK_NLU,
    understand: async (i) => {
      fallbackCalls.push(i);
      const u: Understanding = { nlu: FALLBACK_NLU, lang: 'es', affirmation: null, leadFields: {}, products: [], critical: false, priority: 1 };
      return u;
    },
  };
  const brain = createLlmBrain({
    pool,
    fallback,
    tenant: { id: 'ferreteria', displayName: 'Ferretería La Romana', defaultLang: 'es' },
    logger,
    clock: systemClock,
    tools: { data: tenant },
    clientOptions: { timeoutMs: 2_000, deadlineMs: 6_000, maxRetries: 1, backoffBaseMs: 1, backoffMaxMs: 2 },
  });
  return { brain, lines, fallbackCalls };
}

function input(text: string, over: Partial<LlmUnderstandInput> = {}): LlmUnderstandInput {
  n++;
  return { text, messageId: `m-${n}`, expecting: { kind: 'none' }, lang: 'es', idempotencyKey: `conv:m-${n}:understand`, conversationId: 'conv-tools', ...over };
}

const call = (id: string, name: string, args: unknown) => ({ id, name, arguments: JSON.stringify(args) });
const toolMessages = (body: ChatBody) => (body.messages ?? []).filter((m) => m.role === 'tool').map((m) => ({ id: m.tool_call_id, content: JSON.parse(String(m.content)) as Record<string, any> }));

describe('llm brain with tools', () => {
  it('should run the model tool calls, send their results back and take the lead fields from the tools', async () => {
    const text = 'Soy Ana Rosario, de Constructora Rosario SRL; mi correo es ana@rosario.do. ¿Tienen cemento gris?';
    fake = await startFakeOpenAi({
      script: [
        reply.toolCalls([
          call('c1', 'save_lead_field', { field: 'name', value: 'Ana Rosario' }),
          call('c2', 'save_lead_field', { field: 'company_name', value: 'Constructora Rosario SRL' }),
          call('c3', 'save_lead_field', { field: 'email', value: 'Ana@Rosario.do' }),
          call('c4', 'search_catalog', { query: 'cemento gris', limit: 2 }),
        ]),
        // The model that saved the fields does not repeat them in its reading.
        reply.json(reading({ intent: 'sales_lead' })),
      ],
    });
    const { brain, lines } = setup(fake);
    const u = await brain.understand(input(text));

    expect(fake.requests).toHaveLength(2);
    const [first, second] = fake.requests.map((r) => r.body);
    expect(first!.tool_choice).toBe('auto');
    expect(first!.tools!.map((t) => t.function.name).sort()).toEqual(['account_status', 'escalate', 'get_price', 'save_lead_field', 'search_catalog', 'verify_email']);
    expect(String(first!.messages![0]!.content)).toContain('save_lead_field');
    expect(first!.response_format?.type).toBe('json_schema');
    // The second request carries the model's calls and one result per call, in order.
    const assistant = second!.messages!.find((m) => m.role === 'assistant' && m.tool_calls !== undefined)!;
    expect((assistant.tool_calls as { id: string }[]).map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    const results = toolMessages(second!);
    expect(results.map((r) => r.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(results[0]!.content).toEqual({ saved: 'name' });
    const cement = tenant.catalog.find((p) => p.name.startsWith('Cemento Gris'))!;
    expect(results[3]!.content.results[0]).toEqual({ sku: cement.sku, name: cement.name, price_dop: cement.price, unit: cement.unit, stock: cement.stock });

    expect(u.leadFields).toEqual({ name: 'Ana Rosario', company_name: 'Constructora Rosario SRL', email: 'ana@rosario.do' });
    expect(u.products).toEqual([{ query: 'cemento gris' }]);
    expect(u.tools).toEqual([
      { name: 'save_lead_field', outcome: 'ok' },
      { name: 'save_lead_field', outcome: 'ok' },
      { name: 'save_lead_field', outcome: 'ok' },
      { name: 'search_catalog', outcome: 'ok' },
    ]);
    const logged = lines.find((l) => l.msg === 'llm.tool_calls')!;
    expect(logged.tools).toEqual(u.tools);
    // Tool arguments carry personal data: never logged.
    expect(JSON.stringify(lines)).not.toContain('ana@rosario.do');
  });

  it('should refuse calls that are not offered, invalid, or touch data the customer did not give', async () => {
    const text = 'Hola, quiero saber cómo está mi cuenta';
    fake = await startFakeOpenAi({
      script: [
        reply.toolCalls([
          // Another customer's account: the customer typed no number.
          call('c1', 'account_status', { account_number: '10587', verification: null }),
          // A name the customer never wrote.
          call('c2', 'save_lead_field', { field: 'name', value: 'Pedro Inventado' }),
          call('c3', 'push_lead', { confirmed_by_customer: true }),
          call('c4', 'search_catalog', { query: 'x', limit: 99 }),
          call('c5', 'drop_tables', {}),
        ]),
        reply.json(reading({ intent: 'account_status' })),
      ],
    });
    const { brain, lines } = setup(fake);
    const u = await brain.understand(input(text));
    const results = toolMessages(fake.requests[1]!.body);
    expect(results.map((r) => r.content.error)).toEqual(['forbidden', 'not_in_customer_messages', 'not_offered', 'invalid_arguments', 'unknown_tool']);
    expect(JSON.stringify(results)).not.toContain('Ramírez');
    expect(u.accountId).toBeUndefined();
    expect(u.leadFields).toEqual({});
    expect(u.affirmation).toBeNull();
    const security = lines.find((l) => l.event === 'security.tool_refused')!;
    expect(security.tools).toEqual([
      { name: 'account_status', outcome: 'forbidden' },
      { name: 'save_lead_field', outcome: 'not_in_customer_messages' },
    ]);
  });

  it('should give the model no account data without the second identifier the customer typed', async () => {
    const account = tenant.accounts[1]!;
    fake = await startFakeOpenAi({
      script: [
        reply.toolCalls([
          call('c1', 'account_status', { account_number: account.number, verification: null }),
          // An identifier the customer never typed (the model guessing or reading it elsewhere).
          call('c2', 'account_status', { account_number: account.number, verification: account.phone!.slice(-4) }),
        ]),
        reply.json(reading({ intent: 'account_status' })),
      ],
    });
    const { brain } = setup(fake);
    const u = await brain.understand(input(`dame el estado de la cuenta ${account.number}, es de mi vecino`));
    const results = toolMessages(fake.requests[1]!.body).map((r) => r.content);
    expect(results.map((r) => r.error)).toEqual(['verification_required', 'not_in_customer_messages']);
    expect(JSON.stringify(results)).not.toMatch(new RegExp(`${account.balance}|${account.standing}|${account.holder.split(' ')[0]}`));
    // The machine still learns which account was named, and asks for the proof itself.
    expect(u.accountId).toBe(account.number);
  });

  it('should answer an unknown account number exactly like a known one whose proof fails (no enumeration)', async () => {
    const account = tenant.accounts[1]!;
    const unknown = '99999';
    expect(tenant.accounts.some((a) => a.number === unknown)).toBe(false);
    fake = await startFakeOpenAi({
      script: [
        reply.toolCalls([
          call('c1', 'account_status', { account_number: unknown, verification: null }),
          call('c2', 'account_status', { account_number: account.number, verification: null }),
        ]),
        reply.json(reading({ intent: 'account_status' })),
        reply.toolCalls([
          call('c3', 'account_status', { account_number: unknown, verification: '4321' }),
        ]),
        reply.json(reading({ intent: 'account_status' })),
      ],
    });
    const { brain } = setup(fake);
    await brain.understand(input(`estado de las cuentas ${unknown} y ${account.number}`));
    const asked = toolMessages(fake.requests[1]!.body).map((r) => r.content);
    expect(asked.map((r) => r.error)).toEqual(['verification_required', 'verification_required']);
    expect(JSON.stringify(asked[0]).replace(unknown, 'N')).toBe(JSON.stringify(asked[1]).replace(account.number, 'N'));
    await brain.understand(input(`la ${unknown}, el teléfono termina en 4321`, { expecting: { kind: 'account_id' } }));
    const guessed = toolMessages(fake.requests[3]!.body).map((r) => r.content);
    expect(guessed.map((r) => r.error)).toEqual(['verification_failed']);
    expect(JSON.stringify(guessed)).not.toMatch(/not_found/);
  });

  it('should check one typed identifier per turn and return the data only when it matches', async () => {
    const account = tenant.accounts[1]!;
    const last4 = account.phone!.replace(/\D/g, '').slice(-4);
    const wrong = last4 === '0000' ? '1111' : '0000';
    fake = await startFakeOpenAi({
      script: [
        reply.toolCalls([
          call('c1', 'account_status', { account_number: account.number, verification: wrong }),
          call('c2', 'account_status', { account_number: account.number, verification: last4 }),
        ]),
        reply.json(reading({ intent: 'account_status' })),
        reply.toolCalls([call('c3', 'account_status', { account_number: account.number, verification: last4 })]),
        reply.json(reading({ intent: 'account_status' })),
      ],
    });
    const { brain, lines } = setup(fake);
    await brain.understand(input(`cuenta ${account.number}, teléfono termina en ${wrong} o ${last4}`));
    const guessed = toolMessages(fake.requests[1]!.body).map((r) => r.content);
    // The second guess in the same turn is not even checked.
    expect(guessed.map((r) => r.error)).toEqual(['verification_failed', 'verification_failed']);
    expect(lines.some((l) => l.event === 'security.tool_refused')).toBe(true);
    const u = await brain.understand(input(`mi cuenta es la ${account.number.slice(0, 2)}-${account.number.slice(2)}, los últimos 4 del teléfono son ${last4}`, { expecting: { kind: 'account_id' } }));
    const result = toolMessages(fake.requests[3]!.body)[0]!.content;
    expect(result).toEqual({ account_number: account.number, holder_first_name: account.holder.split(' ')[0], standing: account.standing, balance_dop: account.balance, due_date: account.dueDate });
    expect(u.accountId).toBe(account.number);
  });

  it('should accept push_lead only when the customer confirms the shown summary', async () => {
    fake = await startFakeOpenAi({
      script: [
        reply.toolCalls([call('c1', 'push_lead', { confirmed_by_customer: true })]),
        reply.json(reading({ affirmation: null })),
        reply.toolCalls([call('c2', 'push_lead', { confirmed_by_customer: true })]),
        reply.json(reading({ affirmation: null })),
      ],
    });
    const { brain } = setup(fake);
    const early = await brain.understand(input('sí', { expecting: { kind: 'lead_field', field: 'email' } }));
    expect(toolMessages(fake.requests[1]!.body)[0]!.content.error).toBe('not_ready');
    expect(early.affirmation).toBeNull();
    const confirmed = await brain.understand(input('sí, todo bien', { expecting: { kind: 'lead_confirmation' } }));
    expect(toolMessages(fake.requests[3]!.body)[0]!.content.status).toBe('submitting');
    expect(confirmed.affirmation).toBe('yes');
  });

  it('should turn escalate into a handoff: a request for a person, or a critical case at once', async () => {
    fake = await startFakeOpenAi({
      script: [
        reply.toolCalls([call('c1', 'escalate', { reason: 'customer_request', summary: 'Quiere hablar con un vendedor.' })]),
        reply.json(reading({ intent: 'sales_lead' })),
        reply.toolCalls([call('c2', 'escalate', { reason: 'critical', summary: 'Un empleado se lesionó con una herramienta.' })]),
        reply.json(reading({ intent: 'complaint', priority: 5 })),
      ],
    });
    const { brain } = setup(fake);
    const person = await brain.understand(input('Pásame con alguien por favor'));
    expect(person.nlu.intent).toEqual({ name: 'human_agent', confidence: 1 });
    expect(person.critical).toBe(false);
    const critical = await brain.understand(input('Un empleado se cortó con la sierra que compramos'));
    expect(critical).toMatchObject({ critical: true, priority: 9 });
  });

  it(`should make the model answer after ${MAX_TOOL_ROUNDS} tool rounds`, async () => {
    fake = await startFakeOpenAi({
      handler: (body) =>
        body.tool_choice === 'none' ? reply.json(reading({ intent: 'product_inquiry' })) : reply.toolCalls([call(`c${fake!.requests.length}`, 'search_catalog', { query: 'clavos', limit: 1 })]),
    });
    const { brain, fallbackCalls } = setup(fake);
    const u = await brain.understand(input('¿Tienen clavos?'));
    expect(fake.requests.map((r) => r.body.tool_choice)).toEqual(['auto', 'auto', 'auto', 'none']);
    expect(u.nlu.intent.name).toBe('product_inquiry');
    expect(u.tools).toHaveLength(MAX_TOOL_ROUNDS);
    expect(fallbackCalls).toHaveLength(0);
  });

  it('should not call the provider again for the same message (actor restored mid-turn), tool rounds included', async () => {
    fake = await startFakeOpenAi({
      script: [reply.toolCalls([call('c1', 'save_lead_field', { field: 'email', value: 'luis@obra.do' })]), reply.json(reading())],
    });
    const { brain } = setup(fake);
    const msg = input('mi correo: luis@obra.do');
    const a = await brain.understand(msg);
    const b = await brain.understand(msg);
    expect(fake.requests).toHaveLength(2);
    expect(b).toEqual(a);
    expect(b.leadFields).toEqual({ email: 'luis@obra.do' });
    // Each round has its own idempotency key.
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([`${msg.idempotencyKey}:understand`, `${msg.idempotencyKey}:understand:tools1`]);
  });

  it('should drop what the tools recorded when the reading fails, and let the rule brain answer', async () => {
    fake = await startFakeOpenAi({
      script: [reply.toolCalls([call('c1', 'save_lead_field', { field: 'email', value: 'luis@obra.do' })]), reply.error(500), reply.error(500)],
    });
    const { brain, fallbackCalls } = setup(fake);
    const u = await brain.understand(input('mi correo: luis@obra.do'));
    expect(fallbackCalls).toHaveLength(1);
    expect(u.leadFields).toEqual({});
    expect(u.tools).toBeUndefined();
  });
});
