/**
 * Decorators that count and time what existing ports do, so the ports' owners (the brains, the
 * audit trail, the webhook de-duplicator, the outbox handlers) need no metrics code. Each returns
 * an object with the same behaviour as the one it wraps.
 *
 * Durations use `performance.now()`, not the injected clock: they measure real elapsed time for
 * operators (a test's manual clock would read every turn as 0 ms) and decide nothing.
 */
import type { Brain } from '../../actors/brain/brain.js';
import type { Deduplicator } from '../../channels/dedupe.js';
import type { UnderstandInput, Understanding } from '../../domain/understanding.js';
import type { AuditTrail } from '../../persistence/ports/audit-trail.js';
import type { OutboxHandler, OutboxHandlerRegistry, OutboxKind } from '../outbox/index.js';
import type { RuntimeMetrics } from './runtime-metrics.js';

/** The machine's idempotency key is `<conversationId>:<messageId>:understand` (message ids may hold colons). */
function conversationIdOf(input: UnderstandInput): string {
  const suffix = `:${input.messageId}:understand`;
  return input.idempotencyKey.endsWith(suffix) ? input.idempotencyKey.slice(0, -suffix.length) : (input.idempotencyKey.split(':')[0] ?? '');
}

/**
 * Reports every reading of `brain` (which brain answered, how long it took) for the turn
 * histogram's `brain` label. An LLM tenant's reading without `sentiment` came from the rule brain:
 * the LLM reading always carries it (required by its JSON schema) and the fallback never does
 * (`LlmUnderstanding`), so that is where `fallback` comes from; a reading that throws
 * (`HILO_ERR_LLM_UNAVAILABLE` after failures in a row) counts as `fallback` too.
 */
export function observeBrain(tenantId: string, brain: Brain, metrics: RuntimeMetrics): Brain {
  const rulesOnly = brain.kind !== 'llm';
  const failed = (input: UnderstandInput, started: number) => metrics.reading(tenantId, conversationIdOf(input), input.messageId, rulesOnly ? 'rule' : 'fallback', performance.now() - started);
  const read = (input: UnderstandInput, started: number, understanding: Understanding): Understanding => {
    const by = rulesOnly ? 'rule' : (understanding as { sentiment?: unknown }).sentiment !== undefined ? 'llm' : 'fallback';
    metrics.reading(tenantId, conversationIdOf(input), input.messageId, by, performance.now() - started);
    return understanding;
  };
  const readNow = brain.readNow?.bind(brain);
  return {
    kind: brain.kind,
    parse: (text) => brain.parse(text),
    async understand(input: UnderstandInput): Promise<Understanding> {
      const started = performance.now();
      let understanding: Understanding;
      try {
        understanding = await brain.understand(input);
      } catch (err) {
        failed(input, started);
        throw err;
      }
      return read(input, started, understanding);
    },
    ...(readNow
      ? {
          readNow(input: UnderstandInput): Understanding {
            const started = performance.now();
            let understanding: Understanding;
            try {
              understanding = readNow(input);
            } catch (err) {
              failed(input, started);
              throw err;
            }
            return read(input, started, understanding);
          },
        }
      : {}),
  };
}

/**
 * Counts every audit event by type (and handoffs, injections, identity-link refusals) as it is
 * recorded. Everything else of `trail` (verification, the memory chain's `links`) is `trail`'s own:
 * the counted trail inherits from it.
 */
export function countAuditEvents<T extends AuditTrail>(trail: T, metrics: RuntimeMetrics): T {
  const counted = Object.create(trail) as T;
  counted.record = (tenantId, event, actor) => {
    metrics.auditEvent(event.type, event);
    return trail.record(tenantId, event, actor);
  };
  counted.append = (tenantId, type, actor, payload) => {
    metrics.auditEvent(type, payload);
    return trail.append(tenantId, type, actor, payload);
  };
  return counted;
}

/** Counts webhook redeliveries the de-duplicator dropped, by channel (its keys start with `<channel>:`). */
export function countWebhookDuplicates(dedupe: Deduplicator, metrics: RuntimeMetrics): Deduplicator {
  return {
    async claim(key) {
      const fresh = await dedupe.claim(key);
      if (!fresh) metrics.webhookDuplicate(key.slice(0, Math.max(0, key.indexOf(':'))) || 'other');
      return fresh;
    },
    release: (key) => dedupe.release(key),
    ...(dedupe.confirm ? { confirm: (key: string) => dedupe.confirm!(key) } : {}),
  };
}

/**
 * Times each outbox handler run by row kind and outcome (`skipped` when the handler says the
 * destination is not configured, `failed` when it throws: the worker may retry the row). Handlers
 * registered on either registry later are timed too.
 */
export function timeOutboxHandlers(handlers: OutboxHandlerRegistry, metrics: RuntimeMetrics): OutboxHandlerRegistry {
  /** Per kind: the registered handler and its timed wrapper (one wrapper per registration, not per row). */
  const timed = new Map<OutboxKind, { handler: OutboxHandler<never>; wrapped: OutboxHandler<never> }>();
  const time = <K extends OutboxKind>(kind: K, handler: OutboxHandler<K>): OutboxHandler<K> => async (delivery) => {
    const started = performance.now();
    try {
      const result = await handler(delivery);
      metrics.outboxSend(kind, result.skipped !== undefined ? 'skipped' : 'delivered', performance.now() - started);
      return result;
    } catch (err) {
      metrics.outboxSend(kind, 'failed', performance.now() - started);
      throw err;
    }
  };
  const registry: OutboxHandlerRegistry = {
    register(kind, handler) {
      handlers.register(kind, handler);
      return registry;
    },
    handlerFor<K extends OutboxKind>(kind: K) {
      const handler = handlers.handlerFor(kind);
      if (handler === undefined) return undefined;
      let entry = timed.get(kind);
      if (entry?.handler !== handler) {
        entry = { handler: handler as OutboxHandler<never>, wrapped: time(kind, handler) as OutboxHandler<never> };
        timed.set(kind, entry);
      }
      return entry.wrapped as OutboxHandler<K>;
    },
  };
  return registry;
}
