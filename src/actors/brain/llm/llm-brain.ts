import { createIntentSet, type IntentSet } from '../../../domain/intent-set.js';
import type { TenantIntent } from '../../../domain/intents.js';
import type { LeadField } from '../../../domain/lead.js';
import type { Entity, IntentScore, Lang, NluResult } from '../../../domain/nlu.js';
import type { Understanding, UnderstandInput } from '../../../domain/understanding.js';
import { HiloError, isHiloError } from '../../../kernel/errors.js';
import type { Clock } from '../../../kernel/clock.js';
import type { KeyPoolPort as KeyPool } from './key-pool-port.js';
import type { Logger } from '../../../kernel/logger.js';
import type { Brain } from '../brain.js';
import { parseAndValidate, toJsonSchema, toWireSchema, type SchemaProblem } from './json-schema.js';
import { createLlmClient, type ChatMessage, type ChatRequest, type LlmClient, type LlmClientOptions, type ResponseFormatMode } from './llm-client.js';
import { buildUnderstandSystemPrompt, resolvePrompts, resolveTenantPrompts, type PromptTemplates } from './prompts.js';
import { createModelUnderstanding, MODEL_UNDERSTANDING, UNDERSTANDING_SCHEMA, type ModelUnderstanding } from './understanding-schema.js';
import { createToolRunner, emptyToolTurn, type ToolCallRecord, type ToolRunner, type ToolTurn } from './tool-runner.js';
import type { TenantData, TenantPrompts } from '../../../domain/tenant.js';
import type { BackendClient } from '../../connectors/backend-client.js';

/** `understand` input with what only the host knows: the conversation (pool pinning) and recent messages. */
export interface LlmUnderstandInput extends UnderstandInput {
  conversationId?: string;
  /** Recent messages, oldest first; the brain sends at most `historyWindow` of them. */
  history?: { role: 'customer' | 'assistant'; text: string }[];
}

export type Sentiment = 'positive' | 'neutral' | 'negative';

/**
 * The LLM reading also carries the customer's sentiment and the tool calls the model made (both
 * absent when the fallback answered).
 */
export type LlmUnderstanding = Understanding & { sentiment?: Sentiment; tools?: ToolCallRecord[]; usage?: LlmUsage };

/** Tokens all calls of one reading used, and the model that answered (for analytics' cost; never persisted by the runtime). */
export interface LlmUsage {
  model: string;
  promptTokens: number;
  completionTokens: number;
}

/** Tool rounds per message before the model must answer (with `tool_choice: none`). */
export const MAX_TOOL_ROUNDS = 3;
/** Tool calls run per round; further calls in the same round are answered with an error. */
export const MAX_TOOL_CALLS_PER_ROUND = 8;

export interface LlmBrain extends Brain {
  readonly kind: 'llm';
  understand(input: LlmUnderstandInput): Promise<LlmUnderstanding>;
  /** Turns in a row the LLM failed for this conversation (the host hands off after N). */
  consecutiveFailures(conversationId: string): number;
  /** Starts the count again (after the host handed the conversation off, or it ended). */
  resetFailures(conversationId: string): void;
}

export interface LlmBrainOptions {
  pool: KeyPool;
  /** A ready client (shared by brains of several tenants), or options to build one on `pool`. */
  client?: LlmClient;
  clientOptions?: Omit<LlmClientOptions, 'pool' | 'logger' | 'clock'>;
  /** Answers every turn the LLM cannot: the rule brain. */
  fallback: Brain;
  tenant: { id: string; displayName: string; defaultLang: Lang };
  /** The tenant's intent set (`intents.json`): the labels the model picks from; absent, the built-in ones. */
  intents?: readonly TenantIntent[];
  /** Per-tenant templates by tenant id; defaults otherwise. */
  prompts?: Readonly<Record<string, PromptTemplates>>;
  /** The tenant's `prompts.json` (templates and tone); wins over `prompts`. */
  tenantPrompts?: TenantPrompts;
  logger: Logger;
  clock: Clock;
  historyWindow?: number;
  /** `json_object` for providers without structured outputs: the schema then travels in the system prompt. */
  responseFormat?: ResponseFormatMode;
  maxTokens?: number;
  temperature?: number;
  /**
   * The tenant's data for the model's tools (`src/actors/brain/llm/tools.ts`): with it, each
   * reading offers the tenant's tools of the conversation's state (`tenant-tools.ts`) and runs the
   * calls the model makes before it answers; without it, one structured-output call per message.
   * `backend`: the tenant's connector; its read-only tools (`backend-tools.ts`) call it.
   */
  tools?: { data: TenantData; backend?: BackendClient } | ToolRunner;
  /** All calls of one reading together (tool rounds, repair): the turn waits no longer. Default 45 s. */
  readingDeadlineMs?: number;
}

/**
 * The LLM brain: reads each message with a structured-output call (JSON schema), validates the
 * answer in code, asks once for a repair when it is invalid, and lets the fallback brain (rules)
 * answer the turn whenever the LLM fails, counting failures per conversation.
 *
 * @example
 * const brain = createLlmBrain({ pool, fallback: ruleBrain, tenant: settings, logger, clock });
 * const u = await brain.understand({ ...input, conversationId, history });
 * if (brain.consecutiveFailures(conversationId) >= 3) handOff();
 */
export function createLlmBrain(options: LlmBrainOptions): LlmBrain {
  const { pool, fallback, tenant, clock, historyWindow = 8, maxTokens = 600, temperature = 0, responseFormat = 'json_schema' } = options;
  const log = options.logger.child({ component: 'llm-brain', tenant: tenant.id });
  const client = options.client ?? createLlmClient({ ...options.clientOptions, pool, logger: options.logger, clock });
  const resolved = resolveTenantPrompts(options.tenantPrompts);
  const templates = options.tenantPrompts !== undefined ? resolved.understand : resolvePrompts(tenant.id, options.prompts);
  const failures = new Map<string, number>();
  const intents = createIntentSet(options.intents);
  // The answer's schema lists the tenant's labels: the model cannot pick another tenant's intent.
  const model = options.intents === undefined ? MODEL_UNDERSTANDING : createModelUnderstanding(intents.labels as [string, ...string[]]);
  const modelSchema = options.intents === undefined ? UNDERSTANDING_SCHEMA : toJsonSchema(model);
  // The runtime pins conversations as `<tenant>:<conversation>` (tenants share the pool); logs
  // name the conversation as every other component does.
  const prefix = `${tenant.id}:`;
  const logged = (conversationId: string): string => (conversationId.startsWith(prefix) ? conversationId.slice(prefix.length) : conversationId);
  const runner: ToolRunner | null =
    options.tools === undefined
      ? null
      : 'run' in options.tools
        ? options.tools
        : createToolRunner({ data: options.tools.data, ...(options.tools.backend ? { backend: { client: options.tools.backend, clock } } : {}) });

  const toolNames = runner?.registry.specs.map((s) => s.name);

  async function readWithLlm(input: LlmUnderstandInput, conversationId: string): Promise<LlmUnderstanding> {
    const tools = runner?.registry.toolsFor(runner.stateFor(input.expecting)) ?? [];
    const prompt = buildUnderstandSystemPrompt(templates, {
      tenantName: tenant.displayName,
      lang: input.lang,
      expecting: input.expecting,
      intents: intents.labels,
      withTools: tools.length > 0,
      ...(toolNames !== undefined ? { toolNames } : {}),
      tone: resolved.tone(input.lang),
    });
    // JSON mode does not send the schema: the model must read it in the prompt.
    const withSchema = responseFormat === 'json_object' ? `${prompt}\n\nThe JSON object must match this JSON schema:\n${JSON.stringify(toWireSchema(modelSchema))}` : prompt;
    // Older turns reach the model only as a bounded summary, so long conversations stay cheap.
    const system = input.historySummary ? `${withSchema}\n\nSummary of the earlier conversation:\n${input.historySummary}` : withSchema;
    const history = (input.history ?? []).slice(-historyWindow).map((m): ChatMessage => (m.role === 'customer' ? { role: 'user', content: m.text } : { role: 'assistant', content: m.text }));
    const messages: ChatMessage[] = [{ role: 'system', content: system }, ...history, { role: 'user', content: input.text }];
    const request = (msgs: ChatMessage[]): ChatRequest => ({
      messages: msgs,
      responseFormat: { name: 'understanding', schema: modelSchema, strict: true, mode: responseFormat },
      maxTokens,
      temperature,
    });
    const key = `${input.idempotencyKey}:understand`;
    const deadlineAt = clock.now() + (options.readingDeadlineMs ?? 45_000);
    const turn = emptyToolTurn();
    const customerTexts = [...(input.history ?? []).filter((m) => m.role === 'customer').map((m) => m.text), input.text];
    const usage: LlmUsage = { model: '', promptTokens: 0, completionTokens: 0 };
    const count = <R extends { model: string; usage: { promptTokens: number; completionTokens: number } | null }>(result: R): R => {
      usage.model = result.model;
      usage.promptTokens += result.usage?.promptTokens ?? 0;
      usage.completionTokens += result.usage?.completionTokens ?? 0;
      return result;
    };
    let first = count(await client.complete(tools.length > 0 ? { ...request(messages), tools, toolChoice: 'auto' } : request(messages), { conversationId, idempotencyKey: key, deadlineAt }));
    // The model may call tools before it answers: run them, give it the results, ask again. After
    // MAX_TOOL_ROUNDS it must answer (tool_choice none).
    for (let round = 1; runner !== null && first.toolCalls.length > 0 && round <= MAX_TOOL_ROUNDS; round++) {
      messages.push({ role: 'assistant', content: first.content, toolCalls: first.toolCalls });
      for (const [i, call] of first.toolCalls.entries()) {
        const content =
          i < MAX_TOOL_CALLS_PER_ROUND
            ? await runner.run(call, { tenantId: tenant.id, conversationId, expecting: input.expecting, customerTexts, lang: input.lang, contactPhone: input.contactPhone ?? null }, turn)
            : JSON.stringify({ error: 'too_many_calls', max_per_round: MAX_TOOL_CALLS_PER_ROUND });
        messages.push({ role: 'tool', toolCallId: call.id, content });
      }
      const choice = round < MAX_TOOL_ROUNDS ? 'auto' : 'none';
      first = count(await client.complete({ ...request(messages), tools, toolChoice: choice }, { conversationId, idempotencyKey: `${key}:tools${round}`, deadlineAt }));
    }
    if (turn.calls.length > 0) {
      log.info({ conversationId: logged(conversationId), messageId: input.messageId, tools: turn.calls, promptVersion: templates.version }, 'llm.tool_calls');
      const refused = turn.calls.filter((c) => c.outcome === 'forbidden' || c.outcome === 'not_in_customer_messages' || c.outcome === 'verification_failed');
      if (refused.length > 0) log.warn({ event: 'security.tool_refused', conversationId: logged(conversationId), messageId: input.messageId, tools: refused }, 'a tool call was refused by authorisation');
    }
    let parsed = parseAndValidate(first.content, model);
    if (!parsed.ok) {
      log.warn({ conversationId: logged(conversationId), problems: parsed.problems.slice(0, 5), promptVersion: templates.version }, 'LLM output invalid; asking for a repair');
      const repair: ChatMessage[] = [
        ...messages,
        { role: 'assistant', content: (first.content ?? '').slice(0, 4_000) },
        { role: 'user', content: repairInstruction(parsed.problems) },
      ];
      const second = count(await client.complete(request(repair), { conversationId, idempotencyKey: `${key}:repair`, deadlineAt }));
      parsed = parseAndValidate(second.content, model);
      if (!parsed.ok) throw new HiloError('HILO_ERR_LLM_BAD_OUTPUT', undefined, { details: parsed.problems.slice(0, 10) });
    }
    return { ...applyToolTurn(toUnderstanding(parsed.value, input.text, intents), turn), usage };
  }

  return {
    kind: 'llm',
    parse: (text) => fallback.parse(text),
    consecutiveFailures: (conversationId) => failures.get(conversationId) ?? 0,
    resetFailures: (conversationId) => {
      failures.delete(conversationId);
    },
    async understand(input) {
      // Without a conversation the pin lives for this message only.
      const conversationId = input.conversationId ?? `message:${input.messageId}`;
      try {
        const understanding = await readWithLlm(input, conversationId);
        failures.delete(conversationId);
        return understanding;
      } catch (err) {
        const code = isHiloError(err) ? err.code : 'HILO_ERR_INTERNAL';
        if (CAPACITY_CODES.has(code)) {
          // No model failed: Hilo's own caps (a full key pool, every key rate limited) kept this
          // turn from the model. The fallback answers; the streak toward a handoff is unchanged.
          log.info({ conversationId: logged(conversationId), code, consecutiveFailures: failures.get(conversationId) ?? 0, promptVersion: templates.version }, 'LLM at capacity; the fallback brain answers this turn');
          return fallback.understand(input);
        }
        const count = (failures.get(conversationId) ?? 0) + 1;
        failures.set(conversationId, count);
        log.warn({ conversationId: logged(conversationId), code, consecutiveFailures: count, promptVersion: templates.version }, 'LLM brain failed; the fallback brain answers this turn');
        return fallback.understand(input);
      } finally {
        if (input.conversationId === undefined) pool.release(conversationId);
      }
    },
  };
}

/**
 * Errors that say the model was not reached because of capacity, not that it failed: the key pool
 * is full (every key at its conversation cap) or every key is rate limited. They never count toward
 * the `brain_unavailable` handoff; a busy hour must not send customers to humans.
 */
const CAPACITY_CODES: ReadonlySet<string> = new Set(['HILO_ERR_LLM_POOL_EXHAUSTED', 'HILO_ERR_LLM_RATE_LIMITED']);

function repairInstruction(problems: SchemaProblem[]): string {
  const list = problems
    .slice(0, 10)
    .map((p) => `- ${p.path}: ${p.problem}`)
    .join('\n');
  return `Your previous answer does not match the required JSON schema:\n${list}\nAnswer again with only the corrected JSON object, no prose.`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * Folds what the model did through tools into its reading: saved lead fields win over the JSON's
 * (they were checked against the customer's messages), a confirmed `push_lead` is a "yes" to the
 * summary, `escalate`/`create_ticket` ask for a human (a critical one hands off at once), a looked-up
 * account and searched products are read as if the customer had named them in this message.
 */
export function applyToolTurn(u: LlmUnderstanding, turn: ToolTurn): LlmUnderstanding {
  if (turn.calls.length === 0) return u;
  const out: LlmUnderstanding = { ...u, leadFields: { ...u.leadFields, ...turn.leadFields }, tools: turn.calls };
  if (turn.interestArea !== undefined) out.interestArea = turn.interestArea;
  if (turn.urgency !== undefined) out.urgency = turn.urgency;
  if (turn.confirmed) out.affirmation = 'yes';
  if (turn.accountId !== undefined && out.accountId === undefined) out.accountId = turn.accountId;
  for (const p of turn.products) if (!out.products.some((q) => q.query.toLowerCase() === p.query.toLowerCase())) out.products = [...out.products, p];
  if (turn.handoff !== null) {
    if (turn.handoff.critical) {
      out.critical = true;
      out.priority = Math.max(out.priority, 9);
    } else if (out.nlu.intent.name !== 'human_agent' && out.nlu.intent.name !== 'complaint') {
      const ranking = [{ name: 'human_agent' as const, confidence: 1 }, ...out.nlu.ranking.filter((r) => r.name !== 'human_agent')];
      out.nlu = { ...out.nlu, intent: { name: 'human_agent', confidence: 1 }, ranking };
    }
  }
  return out;
}

/** Maps the model's JSON to Hilo's `Understanding`, keeping only what the message supports. */
export function toUnderstanding(m: ModelUnderstanding, text: string, intents: IntentSet = createIntentSet()): LlmUnderstanding {
  const others = intents.labels.filter((i) => i !== m.intent);
  const rest = others.length > 0 ? (1 - m.confidence) / others.length : 0;
  const top = intents.score(m.intent, m.confidence);
  const ranking: IntentScore[] = [top, ...others.map((label) => intents.score(label, rest))];
  const nlu: NluResult = { intent: top, ranking, entities: locateEntities(m.entities, text), lang: m.lang };

  const leadFields: Partial<Record<LeadField, string | null>> = {};
  const lf = m.lead_fields;
  if (lf.name !== null && lf.name.trim() !== '') leadFields.name = lf.name.trim();
  if (lf.email !== null && EMAIL.test(lf.email.trim())) leadFields.email = lf.email.trim().toLowerCase();
  if (lf.phone_or_username !== null && lf.phone_or_username.trim() !== '') leadFields.phone_or_username = lf.phone_or_username.trim();
  if (lf.company_name !== null && lf.company_name.trim() !== '') leadFields.company_name = lf.company_name.trim();
  if (lf.problem_statement !== null && lf.problem_statement.trim() !== '') leadFields.problem_statement = lf.problem_statement.trim();
  if (m.interest_area !== null) leadFields.interest_area = m.interest_area;
  if (m.urgency !== null) leadFields.urgency_level = m.urgency;

  const understanding: LlmUnderstanding = {
    nlu,
    lang: m.lang,
    affirmation: m.affirmation,
    leadFields,
    products: m.products.map((p) => (p.quantity !== null ? { query: p.query, quantity: p.quantity } : { query: p.query })),
    critical: m.critical,
    priority: m.priority,
    sentiment: m.sentiment,
  };
  if (m.interest_area !== null) understanding.interestArea = m.interest_area;
  if (m.urgency !== null) understanding.urgency = m.urgency;
  const account = m.account_id?.replace(/\D/g, '') ?? '';
  // Only digits the customer actually typed: the model must not invent an account to look up.
  if (account !== '' && text.replace(/\D/g, '').includes(account)) understanding.accountId = account;
  return understanding;
}

/**
 * Entities need spans of the original text; the model gives values. A value that cannot be found
 * in the message (hallucinated, or normalised beyond recognition) is dropped.
 */
function locateEntities(entities: ModelUnderstanding['entities'], text: string): Entity[] {
  const lower = text.toLowerCase();
  const out: Entity[] = [];
  for (const e of entities) {
    const value = e.value.trim();
    let start = lower.indexOf(value.toLowerCase());
    let end = start + value.length;
    let normalised = e.type === 'email' ? value.toLowerCase() : e.type === 'account_id' ? value.replace(/\D/g, '') : value;
    if (start < 0 && (e.type === 'phone' || e.type === 'account_id')) {
      // "+18095551234" vs "809-555-1234" in the text: match the digits, separators allowed.
      const digits = value.replace(/\D/g, '');
      const tail = e.type === 'phone' && digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
      if (tail.length >= 4) {
        const re = new RegExp(tail.split('').join('[\\s().-]*'));
        const m = re.exec(text);
        if (m !== null) {
          start = m.index;
          end = m.index + m[0].length;
        }
      }
    }
    if (start < 0) continue;
    if (e.type === 'phone') {
      const digits = normalised.replace(/\D/g, '');
      normalised = normalised.startsWith('+') ? `+${digits}` : digits.length === 10 ? `+1${digits}` : `+${digits}`;
    }
    out.push({ type: e.type, value: normalised, start, end });
  }
  return out;
}
