import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { JsonSchema } from '../../../src/actors/brain/llm/json-schema.js';
import { parseAndValidate, toJsonSchema, toWireSchema } from '../../../src/actors/brain/llm/json-schema.js';
import { MODEL_UNDERSTANDING, UNDERSTANDING_SCHEMA, type ModelUnderstanding } from '../../../src/actors/brain/llm/understanding-schema.js';
import type { InterestArea, UrgencyLevel } from '../../../src/domain/lead.js';
import type { EntityType, Lang } from '../../../src/domain/nlu.js';
import { z } from '../../../src/kernel/schema.js';
import { createToolRegistry, TOOL_SPECS, type ToolContext } from '../../../src/actors/brain/llm/tools.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { clientKit } from './llm-test-kit.js';

const ctx = (state: string): ToolContext => ({ tenantId: 't-tools', conversationId: 'c-tools', contactId: 'contact-7', state });

/** OpenAI strict mode: every object lists all its properties as required and forbids others. */
function strictProblems(schema: JsonSchema, path = ''): string[] {
  const out: string[] = [];
  if (schema.properties !== undefined) {
    if (schema.additionalProperties !== false) out.push(`${path}: additionalProperties must be false`);
    const keys = Object.keys(schema.properties).sort();
    if (JSON.stringify([...(schema.required ?? [])].sort()) !== JSON.stringify(keys)) out.push(`${path}: every property must be required`);
    for (const [k, s] of Object.entries(schema.properties)) out.push(...strictProblems(s, `${path}.${k}`));
  }
  if (schema.items !== undefined) out.push(...strictProblems(schema.items, `${path}[]`));
  return out;
}

describe('tool registry', () => {
  it('should declare the five skills with strict-mode function schemas', () => {
    expect(TOOL_SPECS.map((t) => `${t.skill}/${t.name}`).sort()).toEqual([
      'account/account_status',
      'crm_integration/create_ticket',
      'crm_integration/push_lead',
      'handoff/escalate',
      'lead_capture/save_lead_field',
      'lead_capture/verify_email',
      'product_kb/get_price',
      'product_kb/search_catalog',
    ]);
    for (const t of TOOL_SPECS) expect(strictProblems(t.parameters), t.name).toEqual([]);
  });

  it('should offer only the skills relevant to the machine state', () => {
    const registry = createToolRegistry();
    const names = (state: string) => registry.toolsFor(state).map((t) => t.name).sort();
    expect(names('triage')).toEqual(['account_status', 'escalate', 'get_price', 'save_lead_field', 'search_catalog', 'verify_email']);
    expect(names('qualifying.collecting')).toEqual(['create_ticket', 'escalate', 'get_price', 'push_lead', 'save_lead_field', 'search_catalog', 'verify_email']);
    expect(names('closed')).toEqual([]);
    expect(names('no-such-state')).toEqual([]);
  });

  it('should validate arguments against the schema', async () => {
    const registry = createToolRegistry();
    const good = await registry.check({ id: '1', name: 'search_catalog', arguments: '{"query":"tubo pvc","limit":3}' }, ctx('answering'));
    expect(good).toMatchObject({ ok: true, args: { query: 'tubo pvc', limit: 3 }, contactId: 'contact-7' });
    const bad = await registry.check({ id: '2', name: 'search_catalog', arguments: '{"query":"t","limit":50,"contact_id":"contact-8"}' }, ctx('answering'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.reason).toBe('invalid_arguments');
      expect(bad.problems.map((p) => p.path).sort()).toEqual(['contact_id', 'limit', 'query']);
    }
    expect(await registry.check({ id: '3', name: 'get_price', arguments: '{"sku":' }, ctx('answering'))).toMatchObject({ ok: false, reason: 'invalid_arguments' });
    expect(await registry.check({ id: '4', name: 'drop_tables', arguments: '{}' }, ctx('answering'))).toMatchObject({ ok: false, reason: 'unknown_tool' });
    expect(await registry.check({ id: '5', name: 'push_lead', arguments: '{"confirmed_by_customer":true}' }, ctx('triage'))).toMatchObject({ ok: false, reason: 'not_offered' });
  });

  it('should refuse tools that name another contact\'s record unless the authorisation hook approves', async () => {
    const call = { id: '1', name: 'account_status', arguments: '{"account_number":"40021","verification":null}' };
    expect(await createToolRegistry().check(call, ctx('answering'))).toMatchObject({ ok: false, reason: 'forbidden' });
    const owned = new Map([['contact-7', ['40021']]]);
    const registry = createToolRegistry({
      authorize: ({ args, context }) => (owned.get(context.contactId) ?? []).includes(String(args['account_number'])),
    });
    expect(await registry.check(call, ctx('answering'))).toMatchObject({ ok: true });
    expect(await registry.check({ ...call, arguments: '{"account_number":"55555","verification":null}' }, ctx('answering'))).toMatchObject({ ok: false, reason: 'forbidden' });
    // Bound tools act on the conversation's contact, whatever the model says.
    const saved = await registry.check({ id: '2', name: 'save_lead_field', arguments: '{"field":"email","value":"ana@ejemplo.com"}' }, ctx('qualifying'));
    expect(saved).toMatchObject({ ok: true, contactId: 'contact-7' });
  });

  describe('over the wire', () => {
    let fake: FakeOpenAi | undefined;
    afterEach(async () => {
      await fake?.close();
    });

    it('should send the state\'s tools to the provider and check the tool calls it answers with', async () => {
      fake = await startFakeOpenAi({
        script: [
          reply.toolCalls([
            { id: 'call_1', name: 'search_catalog', arguments: '{"query":"cemento","limit":2}' },
            { id: 'call_2', name: 'push_lead', arguments: '{"confirmed_by_customer":true}' },
          ]),
        ],
      });
      const { client } = clientKit(fake);
      const registry = createToolRegistry();
      const result = await client.complete({ messages: [{ role: 'user', content: 'precio del cemento' }], tools: registry.toolsFor('answering') }, { conversationId: 'c-wire', idempotencyKey: 'wire-1' });
      const sent = fake.requests[0]!.body.tools!;
      expect(sent.map((t) => t.function.name).sort()).toEqual(['account_status', 'escalate', 'get_price', 'save_lead_field', 'search_catalog', 'verify_email']);
      for (const t of sent) expect(t).toMatchObject({ type: 'function', function: { strict: true } });
      // Constraints stay on Hilo's side; providers get the portable subset.
      expect(JSON.stringify(sent)).not.toMatch(/pattern|maximum|maxLength/);
      const checks = await Promise.all(result.toolCalls.map((c) => registry.check(c, ctx('answering'))));
      expect(checks.map((c) => (c.ok ? 'ok' : c.reason))).toEqual(['ok', 'not_offered']);
    });
  });
});

describe('model output schemas (zod)', () => {
  it('should send providers exactly the JSON schemas Hilo sent before zod (the golden file changes only on purpose)', async () => {
    const golden = JSON.parse(await readFile(new URL('../../fixtures/llm-wire-schemas.json', import.meta.url), 'utf8')) as { understanding: unknown; tools: Record<string, unknown> };
    expect(JSON.stringify(toWireSchema(UNDERSTANDING_SCHEMA), null, 2)).toBe(JSON.stringify(golden.understanding, null, 2));
    expect(Object.keys(golden.tools)).toEqual(TOOL_SPECS.map((t) => t.name));
    for (const t of TOOL_SPECS) expect(JSON.stringify(toWireSchema(t.parameters), null, 2), t.name).toBe(JSON.stringify(golden.tools[t.name], null, 2));
    expect(strictProblems(UNDERSTANDING_SCHEMA)).toEqual([]);
  });

  it('should derive the ModelUnderstanding type the hand-written interface declared', () => {
    // The interface as it was written before zod; tsc fails this file if the derived type drifts.
    // `intent` is now any tenant's label (the built-in schema still allows only `IntentName`s: test/unit/brain/intent-set.test.ts).
    interface Before {
      intent: string;
      confidence: number;
      lang: Lang;
      entities: { type: EntityType; value: string }[];
      lead_fields: { name: string | null; email: string | null; phone_or_username: string | null; company_name: string | null; problem_statement: string | null };
      interest_area: InterestArea | null;
      urgency: UrgencyLevel | null;
      sentiment: 'positive' | 'neutral' | 'negative';
      priority: number;
      critical: boolean;
      affirmation: 'yes' | 'no' | null;
      products: { query: string; quantity: number | null }[];
      account_id: string | null;
    }
    expectTypeOf<ModelUnderstanding>().toEqualTypeOf<Before>();
    expect(MODEL_UNDERSTANDING.safeParse({}).success).toBe(false);
  });

  it('should keep the constraints in the full schema for Hilo\'s own check', () => {
    expect(UNDERSTANDING_SCHEMA.properties?.lead_fields?.properties?.problem_statement).toEqual({ type: ['string', 'null'], maxLength: 1000 });
    expect(UNDERSTANDING_SCHEMA.properties?.products?.items?.properties?.quantity).toEqual({ type: ['integer', 'null'], minimum: 1, maximum: 100000 });
    expect(UNDERSTANDING_SCHEMA.properties?.interest_area).toEqual({ type: ['string', 'null'], enum: ['Ventas', 'Soporte', 'Facturación', 'Otro', null] });
  });

  it('should check types, enums, bounds, patterns, required and extra keys, naming each path', () => {
    const schema = z.strictObject({ a: z.int().min(1), b: z.enum(['x']).nullable(), c: z.array(z.string().regex(/^\d+$/u)).max(2) });
    expect(parseAndValidate('{"a":1,"b":null,"c":["12"]}', schema)).toEqual({ ok: true, value: { a: 1, b: null, c: ['12'] } });
    const bad = parseAndValidate('{"a":1.5,"b":"y","c":["1","z"],"d":1}', schema);
    expect(bad.ok ? [] : bad.problems).toEqual([
      { path: 'a', problem: 'expected int, got number' },
      { path: 'b', problem: 'must be one of "x"' },
      { path: 'c[1]', problem: 'does not match /^\\d+$/u' },
      { path: 'd', problem: 'not allowed' },
    ]);
    const missing = parseAndValidate('{"b":"x","c":[]}', schema);
    expect(missing.ok ? [] : missing.problems).toEqual([{ path: 'a', problem: 'required' }]);
    const long = parseAndValidate('{"a":0,"b":null,"c":["1","2","3"]}', schema);
    expect(long.ok ? [] : long.problems).toEqual([
      { path: 'a', problem: 'less than 1' },
      { path: 'c', problem: 'more than 2 items' },
    ]);
    const notObject = parseAndValidate('[]', schema);
    expect(notObject.ok ? [] : notObject.problems).toEqual([{ path: '(root)', problem: 'expected object, got array' }]);
    expect(parseAndValidate('```json\n{"a":2,"b":"x","c":[]}\n```', schema).ok).toBe(true);
    expect(parseAndValidate('', schema)).toEqual({ ok: false, problems: [{ path: '(root)', problem: 'empty answer' }] });
    expect(parseAndValidate('{"a":', schema)).toMatchObject({ ok: false, problems: [{ path: '(root)', problem: expect.stringMatching(/^not JSON: /) }] });
  });

  it('should refuse to generate a schema strict mode would not accept', () => {
    expect(() => toJsonSchema(z.object({ a: z.string() }))).toThrow(/z\.strictObject/);
    expect(() => toJsonSchema(z.strictObject({ a: z.string().optional() }))).toThrow(/every key must be required/);
    expect(() => toJsonSchema(z.strictObject({ a: z.union([z.string(), z.number()]) }))).toThrow(/no single type|T \| null/);
  });
});
