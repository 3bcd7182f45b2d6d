import { afterEach, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../../src/actors/brain/llm/json-schema.js';
import { validateJson } from '../../../src/actors/brain/llm/json-schema.js';
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

describe('json schema validator', () => {
  it('should check types, enums, bounds, patterns, required and extra keys', () => {
    const schema: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      required: ['a', 'b'],
      properties: { a: { type: 'integer', minimum: 1 }, b: { type: ['string', 'null'], enum: ['x', null] }, c: { type: 'array', maxItems: 1, items: { type: 'string', pattern: '^\\d+$' } } },
    };
    expect(validateJson({ a: 1, b: null, c: ['12'] }, schema)).toEqual([]);
    expect(validateJson({ a: 1.5, b: 'y', c: ['1', 'z'], d: 1 }, schema).map((p) => p.path)).toEqual(['a', 'b', 'c', 'c[1]', 'd']);
    expect(validateJson({ b: 'x' }, schema)).toEqual([{ path: 'a', problem: 'required' }]);
    expect(validateJson([], schema)).toEqual([{ path: '(root)', problem: 'expected object, got array' }]);
  });
});
