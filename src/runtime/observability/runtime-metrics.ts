/**
 * One Hilo instance's own metrics: a prom-client `Registry` per instance (tests run several
 * instances in one process; prom-client's global registry would mix them), the latency histograms
 * and the event counters, and the observers the host, the gateway and the decorators in
 * `instrument.ts` report to. The pull-based series (host stats, outbox stats, key pool) are added
 * on this registry by `createMetrics` (`../metrics.ts`), which also serves `/metrics`.
 */
import { Counter, Registry } from 'prom-client';
import type { ActivationObservation, HostObserver, TurnObservation } from '../../actors/host-observer.js';
import type { GatewayObserver, HttpObservation, RateLimitScope } from '../gateway/gateway-observer.js';
import { createFastHistogram } from './fast-histogram.js';
import { labelGuard } from './labels.js';

/** Seconds, 0.5 ms to 30 s: a rule-brain turn in memory is about a millisecond, an LLM turn seconds. */
export const LATENCY_BUCKETS: readonly number[] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Provider calls retry inside one attempt (rate limits, 5xx), so a send can take a minute. */
export const SEND_BUCKETS: readonly number[] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Who read a customer message: `rule` (the rule brain, the tenant's only brain), `llm` (the model),
 * `fallback` (an LLM tenant's message read by the rule brain: the model failed, was at capacity,
 * or the message looked like a prompt injection), `none` (no reading: a message relayed to an
 * agent during a handoff, a photo without caption, an identity code).
 */
export type BrainLabel = 'rule' | 'llm' | 'fallback' | 'none';

export type OutboxSendOutcome = 'delivered' | 'skipped' | 'failed';

export interface RuntimeMetrics {
  readonly registry: Registry;
  /** Given to the conversation host (`observer`). */
  readonly host: HostObserver;
  /** Given to the gateway (`observer`). */
  readonly gateway: GatewayObserver;
  /** A brain read the message `messageId` of a conversation (the brain decorator calls it). */
  reading(tenantId: string, conversationId: string, messageId: string, brain: Exclude<BrainLabel, 'none'>, ms: number): void;
  /** An outbox handler finished one row. */
  outboxSend(kind: string, outcome: OutboxSendOutcome, ms: number): void;
  /** A webhook event already seen (the provider's redelivery) was dropped. */
  webhookDuplicate(channel: string): void;
  /** An audit event was recorded (type and the few bounded payload fields metrics read). */
  auditEvent(type: string, payload: Readonly<Record<string, unknown>>): void;
}

/** Readings waiting for their turn to end; more than this means turns ended unobserved (a bug): start again. */
const MAX_PENDING_READINGS = 10_000;

export function createRuntimeMetrics(): RuntimeMetrics {
  const registry = new Registry();
  const registers = [registry];
  const channel = labelGuard(32);
  const code = labelGuard(128);
  const kind = labelGuard(64);
  const route = labelGuard(128);
  const auditType = labelGuard(64);
  const reason = labelGuard(64);

  const turnSeconds = createFastHistogram({
    name: 'hilo_turn_duration_seconds',
    help: 'Customer message turns, from arrival at the conversation host to the committed reply, by channel and by the brain that read the message (rule, llm, fallback, none). Failed and duplicate messages are not observed here.',
    labelNames: ['channel', 'brain'] as const,
    buckets: LATENCY_BUCKETS,
    registry,
  });
  const turnErrors = new Counter({
    name: 'hilo_turn_errors_total',
    help: 'Customer messages whose turn failed, by channel and error code (HILO_ERR_TURN_TIMEOUT, HILO_ERR_TURN_FAILED, HILO_ERR_TURN_QUARANTINED, ...).',
    labelNames: ['channel', 'code'] as const,
    registers,
  });
  const activationSeconds = createFastHistogram({
    name: 'hilo_actor_activation_duration_seconds',
    help: 'Conversation actors loaded into memory: store reads, a half-committed turn completed, actor start. source: snapshot (restored) or new.',
    labelNames: ['source'] as const,
    buckets: LATENCY_BUCKETS,
    registry,
  });
  const readingSeconds = createFastHistogram({
    name: 'hilo_brain_reading_duration_seconds',
    help: 'Brain readings of customer messages, by the brain that answered (rule, llm, fallback).',
    labelNames: ['brain'] as const,
    buckets: LATENCY_BUCKETS,
    registry,
  });
  const llmFallbacks = new Counter({
    name: 'hilo_llm_fallbacks_total',
    help: 'Messages of LLM tenants the rule brain read instead of the model (model failure, capacity, suspected prompt injection).',
    registers,
  });
  const sendSeconds = createFastHistogram({
    name: 'hilo_outbox_send_duration_seconds',
    help: 'Outbox handler runs (provider sends, agent notices, alerts, CRM pushes), by row kind and outcome (delivered, skipped, failed: a failed attempt may be retried).',
    labelNames: ['kind', 'outcome'] as const,
    buckets: SEND_BUCKETS,
    registry,
  });
  const dedupeHits = new Counter({
    name: 'hilo_dedupe_hits_total',
    help: 'Inbound messages dropped as already handled: layer webhook (a provider redelivery) or message (a message id the conversation already has), by channel.',
    labelNames: ['layer', 'channel'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'hilo_rate_limited_total',
    help: 'Requests refused by a rate limiter: scope ip (API calls and widget hellos per client IP) or contact (messages per REST sender or widget visitor).',
    labelNames: ['scope'] as const,
    registers,
  });
  const httpResponses = new Counter({
    name: 'hilo_http_responses_total',
    help: 'HTTP answers by route pattern (unmatched when no route matched) and status.',
    labelNames: ['route', 'status'] as const,
    registers,
  });
  const webhookRefusals = new Counter({
    name: 'hilo_webhook_refusals_total',
    help: 'Provider webhook requests answered 4xx (signature missing or invalid, bad verify token, unparseable body, unknown tenant), by channel and error code.',
    labelNames: ['channel', 'code'] as const,
    registers,
  });
  const auditEvents = new Counter({
    name: 'hilo_audit_events_total',
    help: 'Events recorded on the tenants\' audit chains, by type.',
    labelNames: ['type'] as const,
    registers,
  });
  const ticketsOpened = new Counter({
    name: 'hilo_tickets_opened_total',
    help: 'Tickets opened, by kind (handoff, quote) and reason (customer_request, complaint, not_understood, critical, brain_unavailable, ...): the handoffs to humans.',
    labelNames: ['kind', 'reason'] as const,
    registers,
  });
  const injections = new Counter({
    name: 'hilo_prompt_injections_total',
    help: 'Customer messages the injection detector flagged, by stage (understand, compose).',
    labelNames: ['stage'] as const,
    registers,
  });
  const linkRefusals = new Counter({
    name: 'hilo_identity_link_refusals_total',
    help: 'Identity-link codes refused by the abuse guard, by reason (handle_locked, ip_locked, handle_daily_cap, ip_hourly_cap).',
    labelNames: ['reason'] as const,
    registers,
  });

  /**
   * Message id → who read it, until its turn ends (keyed by the id alone to stay cheap; the
   * conversation is checked on the way out, so two conversations sharing an id never mix).
   */
  const readings = new Map<string, { tenantId: string; conversationId: string; brain: Exclude<BrainLabel, 'none'> }>();
  const takeReading = (t: TurnObservation): BrainLabel => {
    if (readings.size === 0 || t.messageId === undefined) return 'none';
    const r = readings.get(t.messageId);
    if (r === undefined || r.tenantId !== t.tenantId) return 'none';
    // A failed turn does not know its conversation: its reading is dropped all the same.
    if (t.conversationId === null) readings.delete(t.messageId);
    if (r.conversationId !== t.conversationId) return 'none';
    readings.delete(t.messageId);
    return r.brain;
  };

  const host: HostObserver = {
    turn(t) {
      const brain = takeReading(t);
      const ch = channel(t.channel);
      if (t.outcome === 'ok') turnSeconds.series({ channel: ch, brain }).observe(t.ms / 1000);
      else if (t.outcome === 'duplicate') dedupeHits.inc({ layer: 'message', channel: ch });
      else turnErrors.inc({ channel: ch, code: code(t.outcome) });
    },
    activation(a: ActivationObservation) {
      activationSeconds.series({ source: a.source }).observe(a.ms / 1000);
    },
  };

  const gateway: GatewayObserver = {
    response(r: HttpObservation) {
      const pattern = r.route === null ? 'unmatched' : route(r.route);
      httpResponses.inc({ route: pattern, status: String(r.status) });
      if (r.status >= 400 && r.status < 500 && r.route !== null && r.route.startsWith('/webhooks/')) {
        webhookRefusals.inc({ channel: channel(r.route.split('/')[2] ?? 'other'), code: code(r.code ?? 'none') });
      }
    },
    rateLimited(scope: RateLimitScope) {
      rateLimited.inc({ scope });
    },
  };

  const text = (v: unknown): string => (typeof v === 'string' ? v : 'none');

  return {
    registry,
    host,
    gateway,
    reading(tenantId, conversationId, messageId, brain, ms) {
      if (readings.size >= MAX_PENDING_READINGS) readings.clear();
      readings.set(messageId, { tenantId, conversationId, brain });
      readingSeconds.series({ brain }).observe(ms / 1000);
      if (brain === 'fallback') llmFallbacks.inc();
    },
    outboxSend(k, outcome, ms) {
      sendSeconds.series({ kind: kind(k), outcome }).observe(ms / 1000);
    },
    webhookDuplicate(ch) {
      dedupeHits.inc({ layer: 'webhook', channel: channel(ch) });
    },
    auditEvent(type, payload) {
      auditEvents.inc({ type: auditType(type) });
      if (type === 'ticket.opened') ticketsOpened.inc({ kind: reason(text(payload.kind)), reason: reason(text(payload.reason)) });
      else if (type === 'security.prompt_injection') injections.inc({ stage: reason(text(payload.stage)) });
      else if (type === 'identity.code_refused') linkRefusals.inc({ reason: reason(text(payload.reason)) });
    },
  };
}
