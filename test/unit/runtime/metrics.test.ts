import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { Understanding, UnderstandInput } from '../../../src/domain/understanding.js';
import { HiloError } from '../../../src/kernel/errors.js';
import { createMemoryAuditTrail } from '../../../src/persistence/memory/memory-audit-trail.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { createMemoryDeduplicator } from '../../../src/channels/index.js';
import { createMetrics } from '../../../src/runtime/metrics.js';
import { createFastHistogram } from '../../../src/runtime/observability/fast-histogram.js';
import { labelGuard } from '../../../src/runtime/observability/labels.js';
import { countAuditEvents, countWebhookDuplicates, createRuntimeMetrics, LATENCY_BUCKETS, observeBrain, timeOutboxHandlers } from '../../../src/runtime/observability/index.js';
import { createOutboxHandlerRegistry } from '../../../src/runtime/outbox/index.js';
import { parseExposition } from '../../helpers/prometheus-text.js';

const STATS = { active: 0, activations: 0, passivations: 0, turns: 0, turnFailures: 0, restartsFromIncompatibleSnapshot: 0, turnsCompletedOnActivation: 0, turnsQuarantined: 0, idleCloses: 0, reminders: 0 };

async function scrape(runtime = createRuntimeMetrics(), options: { stats?: typeof STATS; extra?: Record<string, unknown> } = {}) {
  const metrics = createMetrics({ host: { stats: options.stats ?? STATS }, clock: systemClock, runtime, outbox: { delivered: {}, skipped: {}, failed: {} }, ...(options.extra ? { extraJson: () => options.extra! } : {}) });
  const res = await metrics.routes.find((r) => r.path === '/metrics')!.handler({} as never, {} as never);
  return { res, text: String(res.body), exposition: parseExposition(String(res.body)) };
}

const reading = (over: Partial<Understanding> & Record<string, unknown> = {}): Understanding =>
  ({ nlu: { intent: { name: 'greeting', confidence: 0.9 }, ranking: [], entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields: {}, products: [], critical: false, priority: 1, ...over }) as Understanding;

const input = (conversationId: string, messageId: string): UnderstandInput => ({ text: 'hola', messageId, expecting: { kind: 'none' }, lang: 'es', idempotencyKey: `${conversationId}:${messageId}:understand` });

const brainOf = (kind: Brain['kind'], understand: Brain['understand']): Brain => ({ kind, understand, parse: () => ({}) as never });

describe('runtime metrics', () => {
  it('should expose the same histogram text as prom-client for the same observations', async () => {
    const values = [0.0001, 0.0005, 0.0007, 0.003, 0.2, 0.2, 1, 7, 29.9, 31, 120];
    const ours = new Registry();
    const fast = createFastHistogram({ name: 'x_seconds', help: 'h', labelNames: ['channel', 'brain'], buckets: LATENCY_BUCKETS, registry: ours });
    const reference = new Registry();
    const theirs = new Histogram({ name: 'x_seconds', help: 'h', labelNames: ['channel', 'brain'], buckets: [...LATENCY_BUCKETS], registers: [reference] });
    for (const v of values) {
      fast.series({ channel: 'web', brain: 'rule' }).observe(v);
      theirs.observe({ channel: 'web', brain: 'rule' }, v);
    }
    fast.series({ channel: 'rest', brain: 'llm' }).observe(0.01);
    theirs.observe({ channel: 'rest', brain: 'llm' }, 0.01);
    const sorted = (text: string) => parseExposition(text).samples.map((s) => JSON.stringify([s.name, Object.entries(s.labels).sort(), s.value])).sort();
    expect(sorted(await ours.metrics())).toEqual(sorted(await reference.metrics()));
  });

  it('should keep label values few: unexpected shapes and values past the cap become other', () => {
    const guard = labelGuard(2);
    expect([guard('web'), guard('rest'), guard('web')]).toEqual(['web', 'rest', 'web']);
    expect(guard('whatsapp')).toBe('other');
    expect(labelGuard(10)('Juan Pérez <juan@x.do>')).toBe('other');
  });

  it('should give each instance its own series (tests run several Hilo instances in one process)', async () => {
    const a = createRuntimeMetrics();
    const b = createRuntimeMetrics();
    a.host.turn!({ tenantId: 't', conversationId: 'c', channel: 'web', messageId: 'm', ms: 2, outcome: 'ok' });
    expect((await scrape(a)).exposition.histogram('hilo_turn_duration_seconds', { channel: 'web', brain: 'none' })?.count).toBe(1);
    expect((await scrape(b)).exposition.find('hilo_turn_duration_seconds_count')).toEqual([]);
  });

  it('should label a turn with the brain that read its message, and a turn without a reading none', async () => {
    const m = createRuntimeMetrics();
    const rules = observeBrain('t', brainOf('rules', async () => reading()), m);
    const llm = observeBrain('t', brainOf('llm', async (i) => (i.text === 'model' ? reading({ sentiment: 'neutral' }) : reading())), m);
    await rules.understand(input('c1', 'web:v:1'));
    await llm.understand({ ...input('c2', 'wamid.1'), text: 'model' });
    await llm.understand(input('c3', 'wamid.2'));
    const turn = (conversationId: string, messageId: string, ms = 3) => m.host.turn!({ tenantId: 't', conversationId, channel: 'web', messageId, ms, outcome: 'ok' });
    turn('c1', 'web:v:1');
    turn('c2', 'wamid.1');
    turn('c3', 'wamid.2');
    turn('c4', 'relayed');
    // Same message id in another conversation: never takes this conversation's reading.
    await rules.understand(input('c5', 'same'));
    turn('c6', 'same');
    // A failed turn (conversation unknown) drops its reading: a later turn with that id is not labelled by it.
    await rules.understand(input('c7', 'failed'));
    m.host.turn!({ tenantId: 't', conversationId: null, channel: 'web', messageId: 'failed', ms: 1, outcome: 'HILO_ERR_TURN_FAILED' });
    turn('c7', 'failed');
    const { exposition } = await scrape(m);
    const count = (brain: string) => exposition.histogram('hilo_turn_duration_seconds', { channel: 'web', brain })?.count;
    expect([count('rule'), count('llm'), count('fallback'), count('none')]).toEqual([1, 1, 1, 3]);
    expect(exposition.value('hilo_llm_fallbacks_total')).toBe(1);
    expect(exposition.histogram('hilo_brain_reading_duration_seconds', { brain: 'rule' })?.count).toBe(3);
  });

  it('should label a turn read at once (the rule brain\'s readNow) exactly as an awaited reading, and offer readNow only when the brain has it', async () => {
    const m = createRuntimeMetrics();
    const atOnce = observeBrain('t', { ...brainOf('rules', async () => reading()), readNow: () => reading({ lang: 'en' }) }, m);
    expect(atOnce.readNow!(input('c1', 'web:v:1'))).toMatchObject({ lang: 'en' });
    m.host.turn!({ tenantId: 't', conversationId: 'c1', channel: 'web', messageId: 'web:v:1', ms: 2, outcome: 'ok' });
    expect(() => observeBrain('t', { ...brainOf('rules', async () => reading()), readNow: () => { throw new Error('broken'); } }, m).readNow!(input('c2', 'x'))).toThrow('broken');
    expect(observeBrain('t', brainOf('llm', async () => reading()), m).readNow).toBeUndefined();
    const { exposition } = await scrape(m);
    expect(exposition.histogram('hilo_turn_duration_seconds', { channel: 'web', brain: 'rule' })?.count).toBe(1);
    expect(exposition.histogram('hilo_brain_reading_duration_seconds', { brain: 'rule' })?.count).toBe(2);
  });

  it('should count a reading that throws as fallback and rethrow it unchanged', async () => {
    const m = createRuntimeMetrics();
    const failure = new HiloError('HILO_ERR_LLM_UNAVAILABLE');
    const llm = observeBrain('t', brainOf('llm', async () => Promise.reject(failure)), m);
    await expect(llm.understand(input('c', 'm'))).rejects.toBe(failure);
    expect(llm.kind).toBe('llm');
    expect((await scrape(m)).exposition.value('hilo_llm_fallbacks_total')).toBe(1);
  });

  it('should count failed and duplicate messages apart from the latency histogram', async () => {
    const m = createRuntimeMetrics();
    m.host.turn!({ tenantId: 't', conversationId: null, channel: 'rest', messageId: 'a', ms: 15_000, outcome: 'HILO_ERR_TURN_TIMEOUT' });
    m.host.turn!({ tenantId: 't', conversationId: 'c', channel: 'rest', messageId: 'b', ms: 0.3, outcome: 'duplicate' });
    const { exposition } = await scrape(m);
    expect(exposition.find('hilo_turn_duration_seconds_count')).toEqual([]);
    expect(exposition.value('hilo_turn_errors_total', { channel: 'rest', code: 'HILO_ERR_TURN_TIMEOUT' })).toBe(1);
    expect(exposition.value('hilo_dedupe_hits_total', { layer: 'message', channel: 'rest' })).toBe(1);
  });

  it('should time outbox handlers by kind and outcome, including handlers registered later', async () => {
    const m = createRuntimeMetrics();
    const registry = createOutboxHandlerRegistry();
    const timed = timeOutboxHandlers(registry, m);
    registry.register('reply', async () => ({ providerMessageId: 'wamid.1' }));
    registry.register('handoff.notify', async () => ({ skipped: 'not_configured' }));
    timed.register('crm.lead', async () => Promise.reject(new HiloError('HILO_ERR_CRM_REJECTED')));
    await timed.handlerFor('reply')!({} as never);
    await timed.handlerFor('reply')!({} as never);
    await timed.handlerFor('handoff.notify')!({} as never);
    await expect(timed.handlerFor('crm.lead')!({} as never)).rejects.toMatchObject({ code: 'HILO_ERR_CRM_REJECTED' });
    expect(timed.handlerFor('direct')).toBeUndefined();
    const { exposition } = await scrape(m);
    const count = (kind: string, outcome: string) => exposition.histogram('hilo_outbox_send_duration_seconds', { kind, outcome })?.count;
    expect([count('reply', 'delivered'), count('handoff.notify', 'skipped'), count('crm.lead', 'failed')]).toEqual([2, 1, 1]);
  });

  it('should count audit events, handoffs, injections and identity-link refusals while the chain records them', async () => {
    const m = createRuntimeMetrics();
    const inner = createMemoryAuditTrail({ clock: systemClock, logger: createSilentLogger(), key: null });
    const audit = countAuditEvents(inner, m);
    await audit.record('t', { type: 'ticket.opened', conversationId: 'c', ticketId: 'x', ticketNumber: 'T-1', kind: 'handoff', reason: 'customer_request' });
    await audit.record('t', { type: 'security.prompt_injection', conversationId: 'c', messageId: null, stage: 'understand', category: 'override', score: 0.9, signals: [] }, 'customer');
    await audit.append('t', 'identity.code_refused', 'system:identity-link', { conversationId: 'c', handleKey: 'h', reason: 'handle_daily_cap' });
    expect(await audit.verify('t')).toEqual({ ok: true, count: 3 });
    expect(audit.keyed).toBe(inner.keyed);
    // The memory chain's own reader stays reachable (tests read links through `hilo.audit`).
    expect(audit.links('t').map((l) => l.type)).toEqual(['ticket.opened', 'security.prompt_injection', 'identity.code_refused']);
    const { exposition } = await scrape(m);
    expect(exposition.value('hilo_tickets_opened_total', { kind: 'handoff', reason: 'customer_request' })).toBe(1);
    expect(exposition.value('hilo_prompt_injections_total', { stage: 'understand' })).toBe(1);
    expect(exposition.value('hilo_identity_link_refusals_total', { reason: 'handle_daily_cap' })).toBe(1);
    expect(exposition.value('hilo_audit_events_total', { type: 'identity.code_refused' })).toBe(1);
  });

  it('should count webhook redeliveries by the channel their key names', async () => {
    const m = createRuntimeMetrics();
    const dedupe = countWebhookDuplicates(createMemoryDeduplicator({ clock: systemClock }), m);
    expect(await dedupe.claim('whatsapp:t:m:wamid.1')).toBe(true);
    expect(await dedupe.claim('whatsapp:t:m:wamid.1')).toBe(false);
    await dedupe.release('whatsapp:t:m:wamid.1');
    expect(await dedupe.claim('whatsapp:t:m:wamid.1')).toBe(true);
    expect((await scrape(m)).exposition.value('hilo_dedupe_hits_total', { layer: 'webhook', channel: 'whatsapp' })).toBe(1);
  });

  it('should keep the existing series and show the key pool only when there is one', async () => {
    const stats = { ...STATS, turns: 7, activations: 3, active: 2, idleCloses: 1, reminders: 4 };
    const plain = await scrape(createRuntimeMetrics(), { stats });
    expect(plain.res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(plain.text).toMatch(/^hilo_turns_total 7$/m);
    expect(plain.exposition.value('hilo_actor_activations_total')).toBe(3);
    expect(plain.exposition.value('hilo_active_conversations')).toBe(2);
    expect(plain.exposition.value('hilo_idle_closes_total')).toBe(1);
    expect(plain.exposition.value('hilo_reminders_total')).toBe(4);
    expect(plain.exposition.types.get('process_resident_memory_bytes')).toBe('gauge');
    expect(plain.exposition.value('process_uptime_seconds')).toBeGreaterThanOrEqual(0);
    expect(plain.text).not.toContain('hilo_llm_pool');
    const pooled = await scrape(createRuntimeMetrics(), { extra: { pool_status: [{ key_id: 'main', active_conversations: 2, capacity_pct: 4 }], total_active: 2, pool_capacity_pct: 4, alert: false } });
    expect(pooled.text).toMatch(/^hilo_llm_pool_active_conversations\{key_id="main"\} 2$/m);
    expect(pooled.text).toMatch(/^hilo_llm_pool_alert 0$/m);
  });
});
