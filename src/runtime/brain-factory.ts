import { createRuleBrain } from '../actors/brain/index.js';
import type { Brain } from '../actors/brain/brain.js';
import { createReplyComposer, type ComposeReplies } from '../actors/brain/llm/compose-replies.js';
import { resolveTenantPrompts, type ResolvedPrompts } from '../actors/brain/llm/prompts.js';
import { createLlmBrain, type LlmBrain, type LlmUnderstanding } from '../actors/brain/llm/llm-brain.js';
import { createLlmClient, type LlmClient, type LlmClientOptions } from '../actors/brain/llm/llm-client.js';
import { detectInjection } from '../actors/guards/index.js';
import type { BackendClient } from '../actors/connectors/backend-client.js';
import type { ClassifierModel } from '../actors/brain/rule/classifier.js';
import type { TenantData } from '../domain/tenant.js';
import type { UnderstandInput } from '../domain/understanding.js';
import { HiloError } from '../kernel/errors.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import type { Clock } from '../kernel/clock.js';
import { createTenantBackend } from './backend-wiring.js';
import type { TenantBrain } from './hilo.js';
import { createKeyPool, type KeyPool, type PoolStatus } from './key-pool.js';
import type { LlmConfig } from './llm-config.js';
import type { Logger } from '../kernel/logger.js';

/** Client knobs tests and operators may tune beyond what the environment sets. */
export type BrainClientOptions = Pick<LlmClientOptions, 'maxRetries' | 'backoffBaseMs' | 'backoffMaxMs' | 'random' | 'sleep'>;

export interface TenantBrainOptions {
  data: TenantData;
  /** `null`: the rule brain alone. */
  llm: LlmConfig | null;
  clock: Clock;
  logger: Logger;
  /** A pool shared by several tenants (see `createBrainFactory`); default: one made from `llm.entries`. */
  pool?: KeyPool;
  /** A client shared by several tenants; default: one made on the pool. */
  client?: LlmClient;
  clientOptions?: BrainClientOptions;
  /**
   * A conversation with no turn for this long gives its pool slot back. The runtime does not tell
   * the brain when a conversation ends, so idleness is the signal. Default 15 minutes.
   */
  idleReleaseMs?: number;
  /** Records injection detections and refused tool calls (ids, category, tool names; never text). */
  audit?: Pick<AuditTrail, 'record'>;
  /** The tenant's business backend (`backend` in tenant.json): the model's read-only tools over it call it. */
  backend?: BackendClient;
  /** The rule brain's classifier already trained (the admin API's worker thread): not trained again. */
  classifier?: ClassifierModel;
}

/** Tool outcomes that mean authorisation refused the model's call: they go to the audit trail. */
const REFUSED_OUTCOMES: ReadonlySet<string> = new Set(['forbidden', 'not_in_customer_messages', 'verification_failed']);

/** A tenant's brain as the runtime holds it (`TenantBrain`), plus the pool for inspection. */
export interface TenantBrainResult extends TenantBrain {
  brain: Brain;
  pool: KeyPool | null;
  release(conversationId: string): void;
  close(): Promise<void>;
}

export const DEFAULT_IDLE_RELEASE_MS = 15 * 60_000;

/**
 * Builds one tenant's brain. The rule brain is always built: alone when `llm` is null, otherwise as
 * the LLM brain's fallback. In front of the LLM:
 * - every customer text goes through `detectInjection`; an `injection` verdict skips the LLM for
 *   that turn (the rule brain answers) and logs a security event with ids only;
 * - after `llm.maxConsecutiveFailures` LLM failures in a row in a conversation, `understand`
 *   rejects once (`HILO_ERR_LLM_UNAVAILABLE`), which the machine turns into a handoff with reason
 *   `brain_unavailable`; the count then starts again.
 *
 * @example
 * const { brain, metricsJson } = createTenantBrain({ data, llm: loadLlmConfig(), clock, logger });
 */
export function createTenantBrain(options: TenantBrainOptions): TenantBrainResult {
  const { data, llm, clock } = options;
  const rules = createRuleBrain({ tenant: data, ...(options.classifier ? { classifier: options.classifier } : {}) });
  if (llm === null) {
    return { brain: rules, pool: null, release: () => {}, close: async () => {} };
  }
  const tenantId = data.settings.id;
  const log = options.logger.child({ component: 'tenant-brain', tenant: tenantId });
  const pool = options.pool ?? createKeyPool({ entries: llm.entries, clock, logger: options.logger, pinIdleYieldMs: pinIdleYieldMs(llm) });
  const client =
    options.client ??
    createLlmClient({ ...options.clientOptions, pool, logger: options.logger, clock, timeoutMs: llm.timeoutMs, deadlineMs: llm.deadlineMs });
  const llmBrain: LlmBrain = createLlmBrain({
    pool,
    client,
    fallback: rules,
    tenant: { id: tenantId, displayName: data.settings.displayName, defaultLang: data.settings.defaultLang },
    logger: options.logger,
    clock,
    responseFormat: llm.responseFormat,
    readingDeadlineMs: llm.deadlineMs,
    ...(data.prompts !== undefined ? { tenantPrompts: data.prompts } : {}),
    ...(data.intents !== undefined ? { intents: data.intents } : {}),
    ...(llm.tools ? { tools: { data, ...(options.backend ? { backend: options.backend } : {}) } } : {}),
  });
  const idleReleaseMs = options.idleReleaseMs ?? DEFAULT_IDLE_RELEASE_MS;
  /** Pool conversation id → last turn (ms); kept in last-use order so the sweep stops early. */
  const lastUse = new Map<string, number>();

  const forget = (poolId: string): void => {
    lastUse.delete(poolId);
    pool.release(poolId);
  };

  const sweep = (now: number): void => {
    for (const [poolId, at] of lastUse) {
      if (now - at < idleReleaseMs) break;
      forget(poolId);
      llmBrain.resetFailures(poolId);
    }
  };

  const brain: Brain = {
    kind: 'llm',
    parse: (text) => rules.parse(text),
    async understand(input: UnderstandInput): Promise<LlmUnderstanding> {
      const conversationId = conversationIdOf(input);
      const report = detectInjection(input.text);
      if (report.verdict === 'injection') {
        log.warn(
          { event: 'security.prompt_injection', conversationId, messageId: input.messageId, score: report.score, category: report.category, signals: report.signals },
          'prompt injection detected: the rule brain answers this turn without the LLM',
        );
        await options.audit?.record(
          tenantId,
          { type: 'security.prompt_injection', conversationId, messageId: input.messageId ?? null, stage: 'understand', category: report.category, score: report.score, signals: report.signals },
          'customer',
        );
        return rules.understand(input);
      }
      // Tenants share the pool; their conversation ids need not be unique across tenants.
      const poolId = `${tenantId}:${conversationId}`;
      const now = clock.now();
      sweep(now);
      lastUse.delete(poolId);
      lastUse.set(poolId, now);
      const understanding = await llmBrain.understand({ ...input, conversationId: poolId });
      for (const call of understanding.tools ?? []) {
        if (!REFUSED_OUTCOMES.has(call.outcome)) continue;
        await options.audit?.record(tenantId, { type: 'tool.refused', conversationId, messageId: input.messageId ?? null, tool: call.name, outcome: call.outcome }, 'model');
      }
      const failures = llmBrain.consecutiveFailures(poolId);
      if (failures >= llm.maxConsecutiveFailures) {
        llmBrain.resetFailures(poolId);
        forget(poolId);
        log.warn({ event: 'llm.handoff', conversationId, messageId: input.messageId, consecutiveFailures: failures }, 'LLM failed too many turns in a row: handing the conversation to a human');
        throw new HiloError('HILO_ERR_LLM_UNAVAILABLE', `The language model failed ${failures} turns in a row.`, { details: { consecutiveFailures: failures } });
      }
      return understanding;
    },
  };

  let closed = false;
  return {
    brain,
    pool,
    release(conversationId) {
      const poolId = `${tenantId}:${conversationId}`;
      if (!lastUse.has(poolId)) return;
      forget(poolId);
      log.debug({ conversationId }, 'key pool slot released');
    },
    metricsJson: () => poolMetrics(pool.status()),
    async close() {
      if (closed) return;
      closed = true;
      for (const poolId of [...lastUse.keys()]) forget(poolId);
    },
  };
}

/**
 * What the runtime hands the factory with a tenant's data: its audit trail and, when the runtime
 * built it first, the tenant's backend connector (the model's backend tools then share its
 * circuit breaker and metrics).
 */
export interface BrainFactoryContext {
  audit: AuditTrail;
  backend?: BackendClient;
  /** The tenant's classifier, trained in a worker thread by the admin API: the rule brain uses it instead of training. */
  classifier?: ClassifierModel;
}

/** `HiloOptions['createBrain']`, with the optional connector in its context. */
export type BrainFactory = (data: TenantData, context?: BrainFactoryContext) => Promise<TenantBrainResult>;

/**
 * The runtime's `createBrain` option: one key pool and one client shared by every tenant, so a
 * provider account's caps hold across tenants and `/metrics.json` shows one pool.
 *
 * @example
 * const createBrain = createBrainFactory(loadConfig().llm, { clock, logger });
 * await startHilo({ config, logger, createBrain });
 */
export function createBrainFactory(
  llm: LlmConfig | null,
  options: {
    clock: Clock;
    logger: Logger;
    clientOptions?: BrainClientOptions;
    idleReleaseMs?: number;
    /**
     * `HILO_LLM_REPLIES=1`: the factory also carries `composeReplies` (the model rewrites each
     * turn's template replies, on the same pool and client); give it to `startHilo`.
     */
    replies?: boolean;
    /**
     * How long a turn waits for a composed reply. Default: `llm.composeDeadlineMs` (the share of
     * the turn's LLM budget `loadLlmConfig` set aside with `HILO_LLM_REPLIES=1`), else
     * `llm.timeoutMs`, at most 10 s.
     */
    composeDeadlineMs?: number;
    /**
     * Where a tenant's `backend` credentials are read when the runtime does not hand the factory
     * the tenant's connector (default `process.env`, as the runtime's own wiring).
     */
    env?: Readonly<Record<string, string | undefined>>;
  },
): BrainFactory & { composeReplies?: ComposeReplies } {
  const { clock, logger } = options;
  if (llm === null) {
    return async (data, context) => createTenantBrain({ data, llm: null, clock, logger, ...(context ? { audit: context.audit } : {}), ...(context?.classifier ? { classifier: context.classifier } : {}) });
  }
  const pool = createKeyPool({ entries: llm.entries, clock, logger, pinIdleYieldMs: pinIdleYieldMs(llm) });
  const client = createLlmClient({ ...options.clientOptions, pool, logger, clock, timeoutMs: llm.timeoutMs, deadlineMs: llm.deadlineMs });
  logger
    .child({ component: 'brain-factory' })
    .info({ keys: llm.entries.map((e) => ({ keyId: e.id, model: e.model, maxConversations: e.maxConcurrentConversations })), replies: options.replies === true }, 'LLM brain enabled');
  /** Tenant id → display name and prompts, filled as tenants are loaded (the compose persona names the store). */
  const names = new Map<string, string>();
  const prompts = new Map<string, ResolvedPrompts>();
  const factory: BrainFactory = async (data, context) => {
    names.set(data.settings.id, data.settings.displayName);
    prompts.set(data.settings.id, resolveTenantPrompts(data.prompts));
    // The model's tools over the tenant's backend: the runtime's connector when it passes one,
    // else one of the brain's own (same settings and credentials; its own circuit breaker).
    const backend = llm.tools ? (context?.backend ?? createTenantBackend(data, { env: options.env ?? process.env, clock, logger })) : undefined;
    return createTenantBrain({
      data,
      llm,
      clock,
      logger,
      pool,
      client,
      ...(options.idleReleaseMs !== undefined ? { idleReleaseMs: options.idleReleaseMs } : {}),
      ...(context ? { audit: context.audit } : {}),
      ...(backend ? { backend } : {}),
      ...(context?.classifier ? { classifier: context.classifier } : {}),
    });
  };
  if (options.replies !== true) return factory;
  const composeReplies = createReplyComposer({
    client,
    logger,
    clock,
    tenantName: (tenantId) => names.get(tenantId) ?? tenantId,
    promptsFor: (tenantId) => prompts.get(tenantId),
    deadlineMs: options.composeDeadlineMs ?? (llm.composeDeadlineMs > 0 ? llm.composeDeadlineMs : Math.min(llm.timeoutMs, 10_000)),
  });
  return Object.assign(factory, { composeReplies });
}

/**
 * How long a pinned conversation may stay silent before a full pool gives its slot to another:
 * a minute, and always well past the longest reading, so a pin is never taken mid-call.
 */
function pinIdleYieldMs(llm: LlmConfig): number {
  return Math.max(60_000, 2 * (llm.deadlineMs + llm.composeDeadlineMs));
}

/** The pool status as served on `/metrics.json` (the documented shape, nothing else). */
function poolMetrics(status: PoolStatus): Record<string, unknown> {
  return {
    pool_status: status.pool_status.map((s) => ({ key_id: s.key_id, active_conversations: s.active_conversations, capacity_pct: s.capacity_pct })),
    total_active: status.total_active,
    pool_capacity_pct: status.pool_capacity_pct,
    alert: status.alert,
  };
}

/**
 * The machine's idempotency key is `<conversationId>:<messageId>:understand`; `UnderstandInput`
 * carries no conversation id of its own.
 */
function conversationIdOf(input: UnderstandInput & { conversationId?: string }): string {
  if (input.conversationId !== undefined) return input.conversationId;
  const suffix = `:${input.messageId}:understand`;
  if (input.idempotencyKey.endsWith(suffix)) return input.idempotencyKey.slice(0, -suffix.length);
  return `message:${input.messageId}`;
}
