import { describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { readCommittedTurn, type CommittedTurn } from '../../../src/actors/turn-facts.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import type { TurnFact } from '../../../src/persistence/ports/turn-facts.js';
import { createTurnFactsRecorder, dayRange, lexiconSentiment, loadLlmPrices, normalisedTerms, redactText, tenantDay } from '../../../src/runtime/analytics/index.js';

const ctx = (o: { streak?: number; reason?: string | null; intent?: string; confidence?: number; lead?: string; draft?: Record<string, unknown> } = {}) => ({
  misunderstoodStreak: o.streak ?? 0,
  handoffReason: o.reason ?? null,
  understanding: o.intent ? { nlu: { intent: { name: o.intent, confidence: o.confidence ?? 0.9 } } } : null,
  lead: { status: o.lead ?? 'none', draft: o.draft ?? {} },
});
const turn = (o: Partial<CommittedTurn> = {}): CommittedTurn => ({
  key: { tenantId: 't1', conversationId: 'c1' },
  seq: 3,
  messageId: 'm1',
  channel: 'rest',
  event: 'user.message',
  at: '2026-12-03T03:30:00.000Z',
  ms: 2,
  stateFrom: 'triage.idle',
  stateTo: 'triage.idle',
  before: ctx(),
  after: ctx({ intent: 'product_inquiry' }),
  emitted: [],
  ...o,
});

describe('readCommittedTurn', () => {
  it('should read a handoff for failure as unmet and name its reason', () => {
    const r = readCommittedTurn(turn({ stateTo: 'handoff.withHuman', before: ctx({ streak: 2 }), after: ctx({ streak: 0, reason: 'not_understood', intent: 'out_of_scope', confidence: 0.1 }) }));
    expect(r).toMatchObject({ phaseFrom: 'triage', phaseTo: 'handoff', handoffReason: 'not_understood', misunderstood: true, unmet: 'handoff_failure' });
  });

  it('should tell a product not found, a low-confidence question and a served message apart', () => {
    expect(readCommittedTurn(turn({ emitted: [{ type: 'reply', reply: { template: 'product.not_found' } }] })).unmet).toBe('not_found');
    // owner33: "tienen neveras?" answered "No vendemos neveras, lo que sí tenemos para eso…" was
    // left out of the unmet needs, so the owner never saw neveras asked for.
    expect(readCommittedTurn(turn({ emitted: [{ type: 'reply', reply: { template: 'product.not_found_related' } }] })).unmet).toBe('not_found');
    expect(readCommittedTurn(turn({ emitted: [{ type: 'reply', reply: { template: 'product.not_stocked_related' } }] })).unmet).toBe('not_found');
    // A product the store has, only not sold that way: not a need the catalog missed.
    expect(readCommittedTurn(turn({ emitted: [{ type: 'reply', reply: { template: 'product.not_by_pack' } }] })).unmet).toBeNull();
    expect(readCommittedTurn(turn({ after: ctx({ intent: 'offers', confidence: 0.2 }), emitted: [{ type: 'reply', reply: { template: 'clarify.ask' } }] })).unmet).toBe('low_confidence');
    expect(readCommittedTurn(turn()).unmet).toBeNull();
    // A handoff the customer asked for is not a failure.
    expect(readCommittedTurn(turn({ stateTo: 'handoff.withHuman', after: ctx({ reason: 'customer_request', intent: 'human_agent' }) })).unmet).toBeNull();
  });

  it('should count the intent the routing acted on, keep the reading beside it, and fall back to the reading when it acted on none', () => {
    const routed = { ...ctx({ intent: 'complaint', confidence: 0.45 }), routedIntent: { name: 'product_inquiry' } };
    expect(readCommittedTurn(turn({ after: routed }))).toMatchObject({ intent: 'product_inquiry', reading: 'complaint', confidence: 0.45 });
    // A clarifying question: nothing acted on, the reading is all there is.
    const unsure = { ...ctx({ intent: 'offers', confidence: 0.2 }), routedIntent: null };
    expect(readCommittedTurn(turn({ after: unsure, emitted: [{ type: 'reply', reply: { template: 'clarify.ask' } }] }))).toMatchObject({ intent: 'offers', reading: 'offers', unmet: 'low_confidence' });
  });

  it('should name the product a message was answered with once, not on a follow-up nor a not-carried answer', () => {
    const focus = (sku: string, query: string) => ({ ...ctx({ intent: 'product_inquiry' }), productFocus: { sku, query } });
    expect(readCommittedTurn(turn({ after: focus('CEM-01', 'cemento gris') })).product).toBe('CEM-01');
    // "y si compro 50?": the same product in the same words.
    expect(readCommittedTurn(turn({ before: focus('CEM-01', 'cemento gris'), after: focus('CEM-01', 'cemento gris') })).product).toBeNull();
    // Asked again in other words, or another product: counted.
    expect(readCommittedTurn(turn({ before: focus('CEM-01', 'cemento gris'), after: focus('CEM-01', 'cemento') })).product).toBe('CEM-01');
    expect(readCommittedTurn(turn({ before: focus('CEM-01', 'cemento gris'), after: focus('VAR-38', 'varilla 3/8') })).product).toBe('VAR-38');
    // "No vendemos neveras, lo que sí tenemos…": the related product is not what was asked for.
    expect(readCommittedTurn(turn({ after: focus('PROT-1', 'neveras'), emitted: [{ type: 'reply', reply: { template: 'product.not_found_related' } }] })).product).toBeNull();
    expect(readCommittedTurn(turn({ event: 'agent.message', messageId: null, after: focus('CEM-01', 'cemento gris') })).product).toBeNull();
  });

  it('should list the lead fields answered (a declined company too), names only, and no intent for agent turns', () => {
    const r = readCommittedTurn(turn({ after: ctx({ lead: 'collecting', draft: { name: { value: 'Ana', sourceMessageId: 'm' }, company_name: { value: null, sourceMessageId: 'm' } } }) }));
    expect(r).toMatchObject({ leadFrom: 'none', leadTo: 'collecting', leadFields: ['name', 'company_name'] });
    expect(readCommittedTurn(turn({ event: 'agent.message', messageId: null })).intent).toBeNull();
  });
});

describe('createTurnFactsRecorder', () => {
  const setup = (prices = {}) => {
    const written: TurnFact[] = [];
    const clock = createManualClock(Date.parse('2026-12-03T03:30:00Z'));
    const recorder = createTurnFactsRecorder({ store: { record: async (f) => void written.push(...f) }, timeZoneOf: (t) => (t === 't1' ? 'America/Santo_Domingo' : undefined), prices, clock, logger: createSilentLogger(), flushEveryMs: 60_000 });
    return { written, recorder, clock };
  };
  const brainAnswering = (u: Record<string, unknown>): Brain => ({ kind: 'llm', parse: () => ({ intent: { name: 'greeting', confidence: 1 }, ranking: [], entities: [], lang: 'es' }), understand: async () => u as unknown as Understanding });

  it('should join the brain reading and the wall time to the committed turn, in the tenant day', async () => {
    const { written, recorder } = setup({ 'model-x': { input: 1, output: 2 } });
    const brain = recorder.observeBrain('t1', brainAnswering({ nlu: {}, sentiment: 'negative', tools: [{}, {}], usage: { model: 'model-x', promptTokens: 1000, completionTokens: 500 } }));
    const u = await brain.understand({ text: 'hola', lang: 'es', expecting: { kind: 'none' }, messageId: 'm1', idempotencyKey: 'k' });
    expect(u).not.toHaveProperty('usage');
    recorder.observer.committed(turn());
    await recorder.flush();
    expect(written).toHaveLength(0);
    recorder.observer.turn({ tenantId: 't1', conversationId: 'c1', channel: 'rest', messageId: 'm1', ms: 42.5, outcome: 'ok' });
    await recorder.flush();
    // 03:30 UTC is still the 2nd in Santo Domingo (UTC-4). Cost: (1000 × 1 + 500 × 2) / 1e6.
    expect(written).toMatchObject([{ day: '2026-12-02', turnMs: 42.5, brain: 'llm', sentiment: 'negative', toolCalls: 2, model: 'model-x', tokensIn: 1000, tokensOut: 500, costUsd: 0.002, intent: 'product_inquiry', outcome: 'ok', seq: 3 }]);
  });

  it('should count a reading that throws as the fallback, as the metrics do', async () => {
    const { written, recorder } = setup();
    const failing: Brain = { kind: 'llm', parse: () => ({ intent: { name: 'greeting', confidence: 1 }, ranking: [], entities: [], lang: 'es' }), understand: async () => Promise.reject(new Error('llm down')) };
    await expect(recorder.observeBrain('t1', failing).understand({ text: 'pésimo servicio', lang: 'es', expecting: { kind: 'none' }, messageId: 'm1', idempotencyKey: 'k' })).rejects.toThrow('llm down');
    // The context still holds the previous message's reading: not this message's intent.
    recorder.observer.committed(turn({ stateTo: 'handoff.withHuman', after: ctx({ reason: 'brain_unavailable', intent: 'greeting' }) }));
    recorder.observer.turn({ tenantId: 't1', conversationId: 'c1', channel: 'rest', messageId: 'm1', ms: 5, outcome: 'ok' });
    await recorder.close();
    expect(written).toMatchObject([{ brain: 'fallback', sentiment: 'negative', intent: null, confidence: null, handoffReason: 'brain_unavailable', unmet: 'handoff_failure' }]);
  });

  it('should record a reading given at once (readNow) as the awaited one, and never pass the inner readNow through unrecorded', async () => {
    const { written, recorder } = setup();
    const inner: Brain = { kind: 'rules', parse: () => ({ intent: { name: 'greeting', confidence: 1 }, ranking: [], entities: [], lang: 'es' }), understand: async () => ({}) as Understanding, readNow: () => ({ nlu: {} }) as unknown as Understanding };
    const brain = recorder.observeBrain('t1', inner);
    expect(brain.readNow).not.toBe(inner.readNow);
    brain.readNow!({ text: 'pésimo servicio', lang: 'es', expecting: { kind: 'none' }, messageId: 'm1', idempotencyKey: 'k' });
    recorder.observer.committed(turn());
    recorder.observer.turn({ tenantId: 't1', conversationId: 'c1', channel: 'rest', messageId: 'm1', ms: 3, outcome: 'ok' });
    await recorder.close();
    expect(written).toMatchObject([{ brain: 'rule', sentiment: 'negative', toolCalls: 0, turnMs: 3 }]);
    expect(recorder.observeBrain('t1', brainAnswering({})).readNow).toBeUndefined();
  });

  it('should record a failed message once, with its code and no state', async () => {
    const { written, recorder } = setup();
    recorder.observer.turn({ tenantId: 't2', conversationId: null, channel: 'web', messageId: 'x', ms: 15000, outcome: 'HILO_ERR_TURN_TIMEOUT' });
    recorder.observer.turn({ tenantId: 't2', conversationId: 'c', channel: 'web', messageId: 'y', ms: 1, outcome: 'duplicate' });
    await recorder.close();
    expect(written).toMatchObject([{ tenantId: 't2', conversationId: null, seq: 0, outcome: 'HILO_ERR_TURN_TIMEOUT', day: '2026-12-03', stateTo: null }]);
  });

  it('should write agent turns at once and a customer turn left waiting on close, and nothing after', async () => {
    const { written, recorder } = setup();
    recorder.observer.committed(turn({ event: 'agent.message', messageId: null }));
    recorder.observer.committed(turn({ seq: 4, messageId: 'm2' }));
    await recorder.close();
    expect(written.map((f) => [f.event, f.seq, f.brain])).toEqual([['agent.message', 3, null], ['user.message', 4, null]]);
    recorder.observer.committed(turn({ event: 'agent.message', seq: 9 }));
    await recorder.flush();
    expect(written).toHaveLength(2);
  });

  it('should keep the turn going when the store fails', async () => {
    const recorder = createTurnFactsRecorder({ store: { record: async () => Promise.reject(new Error('db down')) }, timeZoneOf: () => 'UTC', clock: createManualClock(0), logger: createSilentLogger() });
    recorder.observer.committed(turn({ event: 'agent.message' }));
    await expect(recorder.close()).resolves.toBeUndefined();
  });
});

describe('analytics helpers', () => {
  it('should read sentiment in both languages, with negation', () => {
    expect(lexiconSentiment('el cemento llegó roto, pésimo servicio')).toBe('negative');
    expect(lexiconSentiment('¡Excelente, muchas gracias!')).toBe('positive');
    expect(lexiconSentiment('no está mal')).toBe('positive');
    expect(lexiconSentiment('the order is late and I am upset')).toBe('negative');
    expect(lexiconSentiment('¿tienen varilla de 3/8?')).toBe('neutral');
  });

  it('should redact known values, entities and patterns', () => {
    const known = { names: ['Zoraida Canarito'], emails: ['z@x.com'], phones: [], companies: ['Canarito SRL'] };
    expect(redactText('Zoraida Canarito', { known })).toBe('[name]');
    expect(redactText('soy zoraida, mi correo z@x.com', { known })).toBe('soy [name], mi correo [email]');
    expect(redactText('llámame al 809-555-7311 o +1 (829) 555 0199')).toBe('llámame al [phone] o [phone]');
    expect(redactText('mi cédula 001-1234567-8 y la cuenta 10587')).toBe('mi cédula [id] y la cuenta [number]');
    // owner33: "10-587" answering "¿tu número de cuenta?" reached the dashboard's FAQ candidates.
    expect(redactText('10-587')).toBe('[number]');
    expect(redactText('mi cuenta es la 10-587, al dia?')).toBe('mi cuenta es la [number], al dia?');
    // Short dashed numbers and sizes stay: "2-3 sacos", "1/2", "3/8".
    expect(redactText('unos 2-3 sacos y tubo de 1/2 y varilla 3/8')).toBe('unos 2-3 sacos y tubo de 1/2 y varilla 3/8');
    expect(redactText('escribe a ana.perez@correo.do')).toBe('escribe a [email]');
    const parse = () => ({ intent: { name: 'greeting' as const, confidence: 1 }, ranking: [], entities: [{ type: 'person_name' as const, value: 'Juan Pérez', start: 10, end: 20 }], lang: 'es' as const });
    expect(redactText('hola, soy Juan Pérez', { parse })).toBe('hola, soy [name]');
    expect(normalisedTerms('¿Tienen el Cemento gris [name]?')).toBe('cemento gris');
  });

  it('should check the price table and the day range', () => {
    expect(loadLlmPrices({})['gpt-4o-mini']).toEqual({ input: 0.15, output: 0.6 });
    expect(loadLlmPrices({ HILO_LLM_PRICES: '{"m":{"input":1,"output":2}}' }).m).toEqual({ input: 1, output: 2 });
    expect(() => loadLlmPrices({ HILO_LLM_PRICES: '{"m":{"input":-1,"output":2}}' })).toThrow(/HILO_LLM_PRICES/);
    expect(() => loadLlmPrices({ HILO_LLM_PRICES: 'nope' })).toThrow(/JSON/);
    expect(dayRange({}, '2026-12-03', 'UTC')).toEqual({ from: '2026-11-04', to: '2026-12-03', timeZone: 'UTC' });
    expect(dayRange({ from: '2025-12-03', to: '2026-12-03' }, '2026-12-03', 'UTC').from).toBe('2025-12-03');
    expect(() => dayRange({ from: '2025-12-01', to: '2026-12-03' }, '2026-12-03', 'UTC')).toThrow();
    expect(tenantDay('2026-12-03T03:59:59Z', 'America/Santo_Domingo')).toBe('2026-12-02');
  });
});

describe('tenantDay', () => {
  it('gives the day Intl gives for every minute around local midnights, whole-hour and quarter-hour zones, in any order', () => {
    const zones = ['America/Santo_Domingo', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Eucla', 'Pacific/Chatham', 'UTC'];
    const start = Date.parse('2026-12-02T00:00:00.000Z');
    const times: string[] = [];
    for (let t = start; t < start + 2 * 86_400_000; t += 60_000) times.push(new Date(t + 17_123).toISOString());
    // Shuffled copy (deterministic): a remembered quarter hour must never leak into another one.
    const shuffled = times.map((at, i) => ({ at, k: (i * 7919) % times.length })).sort((a, b) => a.k - b.k).map((x) => x.at);
    for (const zone of zones) {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (const at of [...times, ...shuffled]) expect(tenantDay(at, zone), `${zone} ${at}`).toBe(intl.format(new Date(at)));
    }
    // A time that is not a UTC ISO string is formatted as it is.
    expect(tenantDay('2026-12-03T01:00:00-04:00', 'America/Santo_Domingo')).toBe('2026-12-03');
  });
});
