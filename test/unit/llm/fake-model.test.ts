import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionMessageToolCall, ChatCompletionTool } from 'openai/resources/chat/completions';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAndValidate, toWireSchema } from '../../../src/actors/brain/llm/json-schema.js';
import { buildComposeMessages, buildUnderstandSystemPrompt, DEFAULT_COMPOSE_PROMPTS, DEFAULT_PROMPTS } from '../../../src/actors/brain/llm/prompts.js';
import { TOOL_SPECS } from '../../../src/actors/brain/llm/tools.js';
import { MODEL_UNDERSTANDING, UNDERSTANDING_SCHEMA, type ModelUnderstanding } from '../../../src/actors/brain/llm/understanding-schema.js';
import { checkFacts, extractFacts } from '../../../src/actors/guards/fact-guard.js';
import { INTENTS } from '../../../src/domain/intents.js';
import type { Lang } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Expectation } from '../../../src/domain/understanding.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createFakeToolModel, type FakeModelEvent, type FakeToolModel } from '../../fakes/fake-model.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';

const ANA = 'Soy Ana Pérez de Ferretería Cruz, mi correo es ana@cruz.do';

let tenant: TenantData;
let fake: FakeOpenAi | undefined;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: { composeChunkDelayMs?: number } = {}): Promise<{ model: FakeToolModel; openai: OpenAI; events: FakeModelEvent[] }> {
  const events: FakeModelEvent[] = [];
  const model = createFakeToolModel({ tenant, ...options, onRequest: (e) => events.push(e) });
  fake = await startFakeOpenAi({ handler: model });
  const openai = new OpenAI({ baseURL: fake.baseURL, apiKey: 'sk-test', maxRetries: 0 });
  return { model, openai, events };
}

/** Function tools as the LLM client sends them (wire schemas). */
function toolsNamed(...names: string[]): ChatCompletionTool[] {
  return names.map((name) => {
    const spec = TOOL_SPECS.find((s) => s.name === name);
    if (spec === undefined) throw new Error(`no tool ${name}`);
    return { type: 'function', function: { name, description: spec.description, parameters: toWireSchema(spec.parameters) as Record<string, unknown>, strict: true } };
  });
}

/** The first-round messages of an understand request, built with Hilo's own prompt. */
function understandMessages(text: string, options: { expecting?: Expectation; lang?: Lang; withTools?: boolean } = {}): ChatCompletionMessageParam[] {
  const system = buildUnderstandSystemPrompt(DEFAULT_PROMPTS, {
    tenantName: tenant.settings.displayName,
    lang: options.lang ?? 'es',
    expecting: options.expecting ?? { kind: 'none' },
    intents: INTENTS,
    withTools: options.withTools ?? true,
  });
  return [
    { role: 'system', content: system },
    { role: 'user', content: text },
  ];
}

const responseFormat = { type: 'json_schema' as const, json_schema: { name: 'understanding', schema: toWireSchema(UNDERSTANDING_SCHEMA) as Record<string, unknown>, strict: true } };

function functionCalls(calls: ChatCompletionMessageToolCall[] | undefined): { id: string; name: string; args: Record<string, unknown> }[] {
  return (calls ?? []).map((c) => {
    if (c.type !== 'function') throw new Error(`unexpected tool call type ${c.type}`);
    return { id: c.id, name: c.function.name, args: JSON.parse(c.function.arguments) as Record<string, unknown> };
  });
}

function parseUnderstanding(content: string | null): ModelUnderstanding {
  const parsed = parseAndValidate(content, MODEL_UNDERSTANDING);
  if (!parsed.ok) throw new Error(`the answer does not match UNDERSTANDING_SCHEMA: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

describe('createFakeToolModel', () => {
  describe('understand, first round', () => {
    it('should call save_lead_field for the name, company and e-mail, with ids and arguments that match the tool schema', async () => {
      const { openai } = await setup();
      const res = await openai.chat.completions.create({ model: 'fake-tool-model', messages: understandMessages(ANA), tools: toolsNamed('save_lead_field', 'escalate'), tool_choice: 'auto', response_format: responseFormat });

      const choice = res.choices[0]!;
      expect(choice.finish_reason).toBe('tool_calls');
      expect(choice.message.content).toBeNull();
      const calls = functionCalls(choice.message.tool_calls);
      expect(calls.map((c) => c.name)).toEqual(['save_lead_field', 'save_lead_field', 'save_lead_field']);
      expect(Object.fromEntries(calls.map((c) => [c.args.field, c.args.value]))).toEqual({ name: 'Ana Pérez', email: 'ana@cruz.do', company_name: 'Ferretería Cruz' });
      for (const c of calls) {
        expect(c.id).toMatch(/^call_\d+$/);
        expect(parseAndValidate(JSON.stringify(c.args), TOOL_SPECS.find((s) => s.name === c.name)!.arguments).ok).toBe(true);
      }
      expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
    });

    it('should call search_catalog for a product the customer asks about', async () => {
      const { openai } = await setup();
      const res = await openai.chat.completions.create({ model: 'fake-tool-model', messages: understandMessages('¿tienen cemento gris?'), tools: toolsNamed('search_catalog', 'save_lead_field'), response_format: responseFormat });

      expect(functionCalls(res.choices[0]!.message.tool_calls)).toEqual([{ id: expect.stringMatching(/^call_\d+$/), name: 'search_catalog', args: { query: 'cemento gris', limit: 3 } }]);
    });

    it('should escalate when the customer asks for a person, with a reason the schema allows', async () => {
      const { openai } = await setup();
      const res = await openai.chat.completions.create({ model: 'fake-tool-model', messages: understandMessages('quiero hablar con una persona'), tools: toolsNamed('escalate'), response_format: responseFormat });

      const calls = functionCalls(res.choices[0]!.message.tool_calls);
      expect(calls.map((c) => [c.name, c.args.reason])).toEqual([['escalate', 'customer_request']]);
    });

    it('should never call a tool that is not offered, and answer the JSON directly instead', async () => {
      const { openai, model } = await setup();
      // Name, company and e-mail would call save_lead_field; a person would call escalate.
      const lead = await openai.chat.completions.create({ model: 'fake-tool-model', messages: understandMessages(ANA), tools: toolsNamed('search_catalog', 'escalate'), response_format: responseFormat });
      const human = await openai.chat.completions.create({ model: 'fake-tool-model', messages: understandMessages('quiero hablar con una persona'), tools: toolsNamed('save_lead_field'), response_format: responseFormat });
      const none = await openai.chat.completions.create({ model: 'fake-tool-model', messages: understandMessages('¿tienen cemento gris?', { withTools: false }), response_format: responseFormat });

      for (const res of [lead, human, none]) {
        expect(res.choices[0]!.message.tool_calls ?? []).toEqual([]);
        expect(res.choices[0]!.finish_reason).toBe('stop');
      }
      // Nothing was saved through a tool, so the reading carries the fields itself.
      expect(parseUnderstanding(lead.choices[0]!.message.content).lead_fields).toMatchObject({ name: 'Ana Pérez', email: 'ana@cruz.do', company_name: 'Ferretería Cruz' });
      expect(parseUnderstanding(human.choices[0]!.message.content).intent).toBe('human_agent');
      expect(parseUnderstanding(none.choices[0]!.message.content).products).toEqual([{ query: 'cemento gris', quantity: null }]);
      expect(model.stats).toMatchObject({ understand: 3, toolRounds: 0, toolCalls: {} });
    });

    it('should read the expectation from the prompt: a bare name while asking for it, push_lead on a confirmed summary', async () => {
      const { openai } = await setup();
      const name = await openai.chat.completions.create({
        model: 'fake-tool-model',
        messages: understandMessages('Juan Pérez', { expecting: { kind: 'lead_field', field: 'name' } }),
        tools: toolsNamed('save_lead_field', 'push_lead'),
        response_format: responseFormat,
      });
      const confirmed = await openai.chat.completions.create({
        model: 'fake-tool-model',
        messages: understandMessages('sí, correcto', { expecting: { kind: 'lead_confirmation' } }),
        tools: toolsNamed('save_lead_field', 'push_lead'),
        response_format: responseFormat,
      });
      const unexpected = await openai.chat.completions.create({ model: 'fake-tool-model', messages: understandMessages('sí, correcto'), tools: toolsNamed('save_lead_field', 'push_lead'), response_format: responseFormat });

      expect(functionCalls(name.choices[0]!.message.tool_calls).map((c) => c.args)).toEqual([{ field: 'name', value: 'Juan Pérez' }]);
      expect(functionCalls(confirmed.choices[0]!.message.tool_calls).map((c) => [c.name, c.args])).toEqual([['push_lead', { confirmed_by_customer: true }]]);
      expect(unexpected.choices[0]!.message.tool_calls ?? []).toEqual([]);
    });
  });

  describe('understand, second round', () => {
    it('should answer JSON that matches UNDERSTANDING_SCHEMA without the lead fields it saved through the tool', async () => {
      const { openai, model, events } = await setup();
      const messages = understandMessages(ANA);
      const tools = toolsNamed('save_lead_field', 'escalate');
      const first = await openai.chat.completions.create({ model: 'fake-tool-model', messages, tools, response_format: responseFormat });
      const calls = first.choices[0]!.message.tool_calls ?? [];
      expect(calls).toHaveLength(3);

      messages.push({ role: 'assistant', content: null, tool_calls: calls });
      for (const c of calls) messages.push({ role: 'tool', tool_call_id: c.id, content: JSON.stringify({ saved: 'ok' }) });
      const second = await openai.chat.completions.create({ model: 'fake-tool-model', messages, tools, tool_choice: 'auto', response_format: responseFormat });

      expect(second.choices[0]!.message.tool_calls ?? []).toEqual([]);
      const reading = parseUnderstanding(second.choices[0]!.message.content);
      expect(reading.lead_fields).toEqual({ name: null, email: null, phone_or_username: null, company_name: null, problem_statement: null });
      expect(reading).toMatchObject({ lang: 'es', sentiment: 'neutral', critical: false, interest_area: null, urgency: null });
      // Entities are copied from the text, so Hilo can locate them.
      for (const e of reading.entities) expect(ANA.toLowerCase()).toContain(e.value.toLowerCase());
      expect(reading.entities.map((e) => e.type).sort()).toEqual(['company', 'email', 'person_name']);
      expect(model.stats).toMatchObject({ understand: 2, toolRounds: 1, compose: 0, rejected: 0, toolCalls: { save_lead_field: 3 } });
      expect(events).toEqual([
        { kind: 'understand', round: 1, answer: 'tool_calls', tools: ['save_lead_field', 'save_lead_field', 'save_lead_field'] },
        { kind: 'understand', round: 2, answer: 'json', tools: [] },
      ]);
      expect(JSON.stringify(events)).not.toContain('Ana');
    });

    it('should keep the fields it did not save, read a critical complaint as negative, and speak JSON mode too', async () => {
      const { openai } = await setup();
      const text = 'es urgente, el pedido llegó roto y mi correo es ana@cruz.do';
      const messages = understandMessages(text);
      const tools = toolsNamed('escalate', 'search_catalog');
      const first = await openai.chat.completions.create({ model: 'fake-tool-model', messages, tools, response_format: { type: 'json_object' } });
      const calls = first.choices[0]!.message.tool_calls ?? [];
      expect(functionCalls(calls).map((c) => [c.name, c.args.reason])).toEqual([['escalate', 'critical']]);

      messages.push({ role: 'assistant', content: null, tool_calls: calls }, { role: 'tool', tool_call_id: calls[0]!.id, content: '{"handed_off":true}' });
      const second = await openai.chat.completions.create({ model: 'fake-tool-model', messages, tools, response_format: { type: 'json_object' } });
      const reading = parseUnderstanding(second.choices[0]!.message.content);
      // The rule reading behind the fake names an interest area only when the customer names one.
      expect(reading).toMatchObject({ intent: 'complaint', critical: true, sentiment: 'negative', urgency: 'Alto', interest_area: null });
      expect(reading.lead_fields.email).toBe('ana@cruz.do');
      expect(reading.priority).toBeGreaterThanOrEqual(9);
    });
  });

  describe('compose', () => {
    const drafts = ['Sí, tenemos *Cemento gris Portland 42.5kg* a *RD$655.00* (120 en existencia). Tu ticket es TK-1042.', '¿Cuántos sacos necesitas?'];

    function composeMessages(lang: Lang): ChatCompletionMessageParam[] {
      const { system, user } = buildComposeMessages(DEFAULT_COMPOSE_PROMPTS, {
        tenantName: tenant.settings.displayName,
        lang,
        channel: 'web',
        canary: 'HILO-CANARY-0123456789abcdef',
        customerText: 'tienen cemento?',
        replies: drafts,
        endsWithQuestion: true,
      });
      return [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ];
    }

    async function streamText(openai: OpenAI, messages: ChatCompletionMessageParam[]): Promise<{ text: string; deltas: string[] }> {
      const stream = await openai.chat.completions.create({ model: 'fake-tool-model', messages, stream: true, stream_options: { include_usage: true } });
      const deltas: string[] = [];
      for await (const chunk of stream) {
        const d = chunk.choices[0]?.delta.content;
        if (d) deltas.push(d);
      }
      return { text: deltas.join(''), deltas };
    }

    it('should stream the drafts behind "¡Claro!" with every fact and the question kept', async () => {
      const { openai, model } = await setup();
      const { text, deltas } = await streamText(openai, composeMessages('es'));

      expect(text).toBe(`¡Claro! ${drafts.join('\n\n')}`);
      expect(deltas.length).toBeGreaterThan(5);
      expect(Math.max(...deltas.map((d) => d.length))).toBeLessThanOrEqual(6);
      for (const fact of extractFacts(drafts.join('\n\n'))) expect(extractFacts(text)).toContainEqual(fact);
      for (const n of ['42.5', '655.00', '120', '1042']) expect(text).toContain(n);
      expect(checkFacts(drafts.join('\n\n'), text)).toMatchObject({ ok: true });
      expect(model.stats).toMatchObject({ compose: 1, understand: 0 });
    });

    it('should answer in English behind "Sure!" and wait composeChunkDelayMs between chunks', async () => {
      const { openai } = await setup({ composeChunkDelayMs: 15 });
      const started = Date.now();
      const { text, deltas } = await streamText(openai, composeMessages('en'));
      const elapsed = Date.now() - started;

      expect(text.startsWith('Sure! ')).toBe(true);
      expect(elapsed).toBeGreaterThanOrEqual((deltas.length - 1) * 15 * 0.8);
    });
  });

  it('should answer anything else with a 400 that says why', async () => {
    const { openai, model, events } = await setup();
    const err = await openai.chat.completions.create({ model: 'fake-tool-model', messages: [{ role: 'user', content: 'hola' }] }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
    expect((err as Error).message).toContain('Fake tool model');
    expect(model.stats.rejected).toBe(1);
    expect(events[0]?.kind).toBe('rejected');
  });
});
