import { parseAndValidate } from '../../src/actors/brain/llm/json-schema.js';
import { BACKEND_TOOL_SPECS, TOOLS_BY_SOURCE } from '../../src/actors/brain/llm/backend-tools.js';
import { TOOL_SPECS } from '../../src/actors/brain/llm/tools.js';
import type { ModelUnderstanding } from '../../src/actors/brain/llm/understanding-schema.js';
import { createRuleBrain } from '../../src/actors/brain/rule/rule-brain.js';
import { LEAD_FIELDS, type LeadField } from '../../src/domain/lead.js';
import type { Lang } from '../../src/domain/nlu.js';
import type { TenantData } from '../../src/domain/tenant.js';
import type { Expectation, Understanding } from '../../src/domain/understanding.js';
import { reply, type ChatBody, type FakeHandler, type FakeResponse, type FakeToolCall } from './openai-server.js';

/**
 * What the fake model answered, one event per request: kinds, rounds and tool names only, never
 * customer text (the `fake-llm` script logs these lines).
 */
export type FakeModelEvent =
  | { kind: 'understand'; round: 1 | 2; answer: 'tool_calls' | 'json'; tools: string[] }
  | { kind: 'compose'; chars: number }
  | { kind: 'rejected'; reason: string };

export interface FakeToolModelStats {
  /** Understand requests answered (both rounds). */
  understand: number;
  /** Understand requests answered with tool calls (first rounds that found something to do). */
  toolRounds: number;
  /** Compose requests answered. */
  compose: number;
  /** Requests answered with a 400 (neither understand nor compose). */
  rejected: number;
  /** Tool calls emitted, by tool name. */
  toolCalls: Record<string, number>;
}

export interface FakeToolModelOptions {
  tenant: TenantData;
  /**
   * More tenants it may be asked about: a request is read as the tenant whose display name its
   * system prompt names ("assistant of Estudio Bella Vida"), else as `tenant`.
   */
  tenants?: readonly TenantData[];
  /** Wait this long between streamed compose chunks (a model that types); default no wait. */
  composeChunkDelayMs?: number;
  /** Called once per request with what was answered. */
  onRequest?: (event: FakeModelEvent) => void;
}

/** A `FakeHandler` that also counts what it answered. */
export type FakeToolModel = FakeHandler & { readonly stats: FakeToolModelStats };

type Message = NonNullable<ChatBody['messages']>[number];

const EXPECTS_LINE = /Right now the conversation expects: (.*)$/m;
const LANG_LINE = /The conversation language so far: (?:Spanish \(es\)|English \(en\))/;
const DRAFTS_OPEN = 'Draft replies (facts):\n"""\n';
const DRAFTS_CLOSE = '\n"""';
/** The LLM brain's repair request is a `user` message too; it is not the customer's. */
const REPAIR_PREFIX = 'Your previous answer does not match the required JSON schema';
const SPEC_BY_NAME = new Map([...TOOL_SPECS, ...BACKEND_TOOL_SPECS].map((s) => [s.name, s]));
/** `lead_fields` of the structured answer; interest area and urgency have their own keys. */
const JSON_LEAD_FIELDS = ['name', 'email', 'phone_or_username', 'company_name', 'problem_statement'] as const;

/**
 * A deterministic stand-in for a tool-using chat model, for `startFakeOpenAi({ handler })`. It
 * reads customer text with Hilo's rule brain, so it answers plausibly on anything a customer of
 * the tenant may write, and speaks the two conversations Hilo has with a model:
 *
 * - understand (`response_format` set): first round, tool calls for what the reading found (only
 *   tools offered); after the tool results, the structured reading without the lead fields it
 *   already saved through `save_lead_field`;
 * - compose (streamed, no `response_format`): the draft replies verbatim, behind "¡Claro! " or
 *   "Sure! ", so every fact survives the fact guard.
 *
 * Anything else is answered with a 400 that says why.
 *
 * @example
 * const model = createFakeToolModel({ tenant });
 * const fake = await startFakeOpenAi({ handler: model });
 * // … drive Hilo against fake.baseURL …
 * expect(model.stats.toolRounds).toBe(1);
 */
export function createFakeToolModel(options: FakeToolModelOptions): FakeToolModel {
  const { composeChunkDelayMs, onRequest } = options;
  const tenants = [options.tenant, ...(options.tenants ?? []).filter((t) => t.settings.id !== options.tenant.settings.id)];
  const brains = new Map<string, ReturnType<typeof createRuleBrain>>();
  const brainOf = (t: TenantData) => {
    let b = brains.get(t.settings.id);
    if (b === undefined) brains.set(t.settings.id, (b = createRuleBrain({ tenant: t })));
    return b;
  };
  const tenantOf = (system: string): TenantData => tenants.find((t) => system.includes(`assistant of ${t.settings.displayName}`)) ?? options.tenant;
  const stats: FakeToolModelStats = { understand: 0, toolRounds: 0, compose: 0, rejected: 0, toolCalls: {} };
  let callSeq = 0;

  const rejected = (reason: string): FakeResponse => {
    stats.rejected++;
    onRequest?.({ kind: 'rejected', reason });
    return reply.error(400, { message: `Fake tool model: ${reason}`, code: 'unsupported_request' });
  };

  async function understand(body: ChatBody): Promise<FakeResponse> {
    const messages = body.messages ?? [];
    const system = messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map((m) => textOf(m.content))
      .join('\n');
    const lastUser = findLastCustomerMessage(messages);
    if (lastUser === -1) return rejected('an understand request needs a user message');
    const text = textOf(messages[lastUser]?.content);
    const after = messages.slice(lastUser + 1);
    const round: 1 | 2 = after.some((m) => m.role === 'tool') ? 2 : 1;
    const expecting = parseExpectation(system);
    const tenant = tenantOf(system);
    const lang = parseLang(system) ?? tenant.settings.defaultLang;
    const reading = await brainOf(tenant).understand({ text, messageId: 'fake-model', expecting, lang, idempotencyKey: 'fake-model' });

    if (round === 1) {
      const offered = body.tool_choice === 'none' ? new Set<string>() : new Set((body.tools ?? []).map((t) => t.function.name));
      const calls = toolCallsFor(reading, expecting, offered, lang, tenant);
      if (calls.length > 0) {
        const toolCalls: FakeToolCall[] = calls.map((c) => ({ id: `call_${++callSeq}`, name: c.name, arguments: JSON.stringify(c.args) }));
        stats.understand++;
        stats.toolRounds++;
        for (const c of toolCalls) stats.toolCalls[c.name] = (stats.toolCalls[c.name] ?? 0) + 1;
        onRequest?.({ kind: 'understand', round, answer: 'tool_calls', tools: toolCalls.map((c) => c.name) });
        return reply.toolCalls(toolCalls);
      }
    }
    // A model that saved a field through the tool does not repeat it in its answer: Hilo must take
    // those fields from the tool calls.
    const saved = round === 2 ? savedFields(after) : new Set<LeadField>();
    stats.understand++;
    onRequest?.({ kind: 'understand', round, answer: 'json', tools: [] });
    return reply.json(toModelUnderstanding(reading, text, saved));
  }

  function compose(body: ChatBody): FakeResponse {
    const messages = body.messages ?? [];
    const system = textOf(messages.find((m) => m.role === 'system')?.content);
    const user = textOf(messages.filter((m) => m.role === 'user').at(-1)?.content);
    // The customer's text comes first in the prompt and may quote the markers: the real drafts are
    // the last block, followed only by the question line.
    const open = user.lastIndexOf(DRAFTS_OPEN);
    const close = user.lastIndexOf(DRAFTS_CLOSE);
    if (open === -1 || close < open + DRAFTS_OPEN.length) return rejected('a compose request needs the draft replies between the "Draft replies (facts)" markers');
    const drafts = user.slice(open + DRAFTS_OPEN.length, close);
    // "answer in <lang>": the prompt also says 'as "tú" in Spanish' whatever the language.
    const lang = /\banswer in (Spanish|English)\b/.exec(system)?.[1];
    const prefix = lang === 'Spanish' ? '¡Claro! ' : lang === 'English' ? 'Sure! ' : '';
    const content = `${prefix}${drafts}`;
    stats.compose++;
    onRequest?.({ kind: 'compose', chars: content.length });
    return reply.chat({ content, chunkSize: 6, ...(composeChunkDelayMs !== undefined && composeChunkDelayMs > 0 ? { chunkDelayMs: composeChunkDelayMs } : {}) });
  }

  const handler: FakeHandler = async (body) => {
    const format = body.response_format;
    if (format !== undefined) {
      if ((format.type === 'json_schema' && format.json_schema?.name === 'understanding') || format.type === 'json_object') return understand(body);
      return rejected(`unsupported response_format ${format.type}${format.json_schema ? ` (${format.json_schema.name})` : ''}; expected json_schema "understanding" or json_object`);
    }
    const system = textOf(body.messages?.find((m) => m.role === 'system')?.content);
    if (body.stream === true && system.startsWith('You are the customer-service assistant') && system.includes('Rewrite the draft replies')) return compose(body);
    return rejected('neither an understand request (response_format) nor a streamed compose request (system prompt "Rewrite the draft replies")');
  };
  return Object.assign(handler, { stats });
}

/** Message content as text: a string, or the text parts of a content array. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p: unknown) => (typeof p === 'object' && p !== null && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : ''))
      .join('');
  }
  return '';
}

function findLastCustomerMessage(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === 'user' && !textOf(m.content).startsWith(REPAIR_PREFIX)) return i;
  }
  return -1;
}

/** The inverse of `describeExpectation` (src/actors/brain/llm/prompts.ts). */
function parseExpectation(system: string): Expectation {
  const line = EXPECTS_LINE.exec(system)?.[1] ?? '';
  const field = /^the lead field "([a-z_]+)"/.exec(line)?.[1];
  if (field !== undefined) return (LEAD_FIELDS as readonly string[]).includes(field) ? { kind: 'lead_field', field: field as LeadField } : { kind: 'none' };
  if (line.startsWith('a yes/no confirmation')) return { kind: 'lead_confirmation' };
  if (line.includes('account number')) return { kind: 'account_id' };
  if (line.startsWith('the name of a product')) return { kind: 'product' };
  return { kind: 'none' };
}

function parseLang(system: string): Lang | null {
  const line = LANG_LINE.exec(system)?.[0];
  if (line === undefined) return null;
  return line.endsWith('(en)') ? 'en' : 'es';
}

/** The tool calls a reading calls for, restricted to the offered tools and to arguments that match each tool's schema. */
function toolCallsFor(reading: Understanding, expecting: Expectation, offered: ReadonlySet<string>, lang: Lang, tenant: TenantData): { name: string; args: Record<string, unknown> }[] {
  const wanted: { name: string; args: Record<string, unknown> }[] = [];
  const fields: Partial<Record<LeadField, string | null>> = { ...reading.leadFields };
  if (reading.interestArea !== undefined) fields.interest_area = reading.interestArea;
  if (reading.urgency !== undefined) fields.urgency_level = reading.urgency;
  for (const field of LEAD_FIELDS) {
    if (field in fields) wanted.push({ name: 'save_lead_field', args: { field, value: fields[field] ?? null } });
  }
  for (const p of reading.products) wanted.push({ name: 'search_catalog', args: { query: p.query, limit: 3 } });
  if (reading.accountId !== undefined) wanted.push({ name: 'account_status', args: { account_number: reading.accountId, verification: null } });
  if (reading.critical) {
    wanted.push({ name: 'escalate', args: { reason: 'critical', summary: lang === 'es' ? 'Caso crítico: una persona debe atenderlo ahora.' : 'Critical case: a person must take over now.' } });
  } else if (reading.nlu.intent.name === 'human_agent') {
    wanted.push({ name: 'escalate', args: { reason: 'customer_request', summary: lang === 'es' ? 'El cliente pide hablar con una persona.' : 'The customer asks to talk to a person.' } });
  }
  if (expecting.kind === 'lead_confirmation' && reading.affirmation === 'yes') wanted.push({ name: 'push_lead', args: { confirmed_by_customer: true } });
  // A tenant label answered from its backend: read it first, as a model would (the first tool of the source).
  const answer = tenant.intents?.find((i) => i.label === reading.nlu.intent.label)?.answer;
  if (answer !== undefined && 'source' in answer) wanted.push({ name: TOOLS_BY_SOURCE[answer.source][0]!, args: {} });
  return wanted.filter((c) => {
    const spec = SPEC_BY_NAME.get(c.name);
    return offered.has(c.name) && spec !== undefined && parseAndValidate(JSON.stringify(c.args), spec.arguments).ok;
  });
}

/** Lead fields this model already sent through `save_lead_field` since the customer's message. */
function savedFields(after: readonly Message[]): Set<LeadField> {
  const saved = new Set<LeadField>();
  for (const m of after) {
    if (m.role !== 'assistant' || !Array.isArray(m.tool_calls)) continue;
    for (const call of m.tool_calls as { function?: { name?: string; arguments?: string } }[]) {
      if (call.function?.name !== 'save_lead_field') continue;
      try {
        const field = (JSON.parse(call.function.arguments ?? '{}') as { field?: unknown }).field;
        if (typeof field === 'string' && (LEAD_FIELDS as readonly string[]).includes(field)) saved.add(field as LeadField);
      } catch {
        // Arguments this fake did not write: nothing saved.
      }
    }
  }
  return saved;
}

function toModelUnderstanding(reading: Understanding, text: string, saved: ReadonlySet<LeadField>): ModelUnderstanding {
  const lower = text.toLowerCase();
  const fields = reading.leadFields;
  const leadFields = Object.fromEntries(JSON_LEAD_FIELDS.map((f) => [f, saved.has(f) ? null : (fields[f] ?? null)])) as ModelUnderstanding['lead_fields'];
  const interest = reading.interestArea ?? null;
  const urgency = reading.urgency ?? null;
  const intent = reading.nlu.intent.name;
  return {
    // A tenant with its own intent set is answered in its labels (the schema lists those).
    intent: reading.nlu.intent.label ?? intent,
    confidence: Math.min(1, Math.max(0, reading.nlu.intent.confidence)),
    lang: reading.lang,
    // Values as the customer wrote them; normalised ones (E.164 phones) as their span of the text.
    entities: reading.nlu.entities
      .map((e) => ({ type: e.type, value: lower.includes(e.value.toLowerCase()) ? e.value : text.slice(e.start, e.end) }))
      .filter((e) => e.value.length >= 1 && e.value.length <= 200)
      .slice(0, 20),
    lead_fields: leadFields,
    interest_area: saved.has('interest_area') ? null : interest,
    urgency: saved.has('urgency_level') ? null : urgency,
    sentiment: intent === 'complaint' || reading.critical ? 'negative' : 'neutral',
    priority: Math.min(10, Math.max(0, Math.round(reading.priority))),
    critical: reading.critical,
    affirmation: reading.affirmation,
    products: reading.products
      .filter((p) => p.query.length >= 1 && p.query.length <= 200)
      .slice(0, 10)
      .map((p) => ({ query: p.query, quantity: p.quantity !== undefined && Number.isInteger(p.quantity) && p.quantity >= 1 && p.quantity <= 100_000 ? p.quantity : null })),
    account_id: reading.accountId !== undefined && reading.accountId.length <= 30 ? reading.accountId : null,
  };
}
