import type { Brain } from '../../actors/brain/brain.js';
import type { HostObserver, TurnObservation } from '../../actors/host-observer.js';
import { readCommittedTurn, type CommittedTurn } from '../../actors/turn-facts.js';
import type { UnderstandInput, Understanding } from '../../domain/understanding.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { TurnFact, TurnFactsStore } from '../../persistence/ports/turn-facts.js';
import { lexiconSentiment } from './sentiment-lexicon.js';

import type { ModelPrices } from './llm-prices.js';

export type { ModelPrices } from './llm-prices.js';

/** What the brain decorator saw of one reading, until the turn that used it commits. */
interface Reading {
  brain: 'rule' | 'llm' | 'fallback';
  sentiment: TurnFact['sentiment'];
  toolCalls: number;
  model: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  /** The reading threw: the context still holds the previous message's understanding. */
  failed?: boolean;
}

export interface TurnFactsRecorder {
  /** Wraps a tenant's brain: which brain read each message, its sentiment, tool calls, model and tokens. */
  observeBrain(tenantId: string, brain: Brain): Brain;
  /** The host observer part: committed turns and each customer message's wall time and outcome. */
  readonly observer: Required<Pick<HostObserver, 'turn' | 'committed'>>;
  /** Writes what is buffered (the analytics API calls it first, so answers include every committed turn). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface TurnFactsRecorderOptions {
  store: TurnFactsStore;
  /** The tenant's IANA time zone (days are the tenant's calendar days); UTC when unknown. */
  timeZoneOf: (tenantId: string) => string | undefined;
  prices?: ModelPrices;
  clock: Clock;
  logger: Logger;
  /** Buffered facts are written at most this often (ms). */
  flushEveryMs?: number;
  /** …or as soon as this many are buffered. */
  batchSize?: number;
}

/** A customer turn waits this long for its wall time from the host observer before it is written without one. */
const PENDING_MAX_MS = 30_000;
/** Readings never claimed by a committed turn (a failed turn) are forgotten past this many. */
const MAX_READINGS = 10_000;

/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const dayFormats = new Map<string, { format: Intl.DateTimeFormat; bucket: string; day: string }>();
/** A UTC ISO time (`toISOString()`), read down to its quarter hour. */
const UTC_ISO = /^(\d{4}-\d\d-\d\dT\d\d):(\d\d):\d\d(?:\.\d+)?Z$/;

/**
 * The tenant's calendar day of an ISO time, `YYYY-MM-DD`. Every time zone's offset is a whole
 * number of quarter hours, so a local day never starts inside a UTC quarter hour: the day found for
 * one is remembered for the rest of it (formatting with `Intl` was a measurable share of a turn).
 */
export function tenantDay(at: string, timeZone: string): string {
  let zone = dayFormats.get(timeZone);
  if (zone === undefined) {
    zone = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), bucket: '', day: '' };
    dayFormats.set(timeZone, zone);
  }
  const m = UTC_ISO.exec(at);
  if (m === null) return zone.format.format(new Date(at));
  const bucket = `${m[1]}:${Math.floor(Number(m[2]) / 15)}`;
  if (bucket !== zone.bucket) {
    zone.day = zone.format.format(new Date(at));
    zone.bucket = bucket;
  }
  return zone.day;
}

/**
 * Turns what the host and the brains report into `turn_facts` rows, off the turn's path: the
 * observer only fills a buffer; a timer (or the batch size) writes it in one statement. A crash
 * loses at most the buffered facts of the last `flushEveryMs` — analytics, never the conversation.
 *
 * @example
 * const recorder = createTurnFactsRecorder({ store: createSqlTurnFacts(db), timeZoneOf, clock, logger });
 * const host = new ConversationHost({ ...options, observer: recorder.observer });
 */
export function createTurnFactsRecorder(options: TurnFactsRecorderOptions): TurnFactsRecorder {
  const { store, clock, prices = {}, flushEveryMs = 250, batchSize = 200 } = options;
  const log = options.logger.child({ component: 'analytics' });
  const readings = new Map<string, Reading>();
  /** Customer turns committed, waiting for the observer's wall time: by tenant + message id. */
  const pending = new Map<string, { fact: TurnFact; since: number }>();
  let buffer: TurnFact[] = [];
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  const timer = setInterval(() => void flush(), flushEveryMs);
  timer.unref();

  const keyOf = (tenantId: string, messageId: string) => `${tenantId}\u0000${messageId}`;
  const costOf = (r: Reading | undefined): number | null => {
    if (!r?.model || r.tokensIn === null || r.tokensOut === null) return null;
    const price = prices[r.model];
    if (!price) return null;
    return Math.round(((r.tokensIn * price.input + r.tokensOut * price.output) / 1_000_000) * 1e6) / 1e6;
  };
  const dayOf = (tenantId: string, at: string) => tenantDay(at, options.timeZoneOf(tenantId) ?? 'UTC');

  function remember(tenantId: string, messageId: string, reading: Reading): void {
    if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value as string);
    readings.set(keyOf(tenantId, messageId), reading);
  }

  function push(fact: TurnFact): void {
    if (closed) return;
    buffer.push(fact);
    if (buffer.length >= batchSize) void flush();
  }

  function flush(): Promise<void> {
    const now = clock.now();
    for (const [k, p] of pending) {
      if (now - p.since < PENDING_MAX_MS && !closed) continue;
      pending.delete(k);
      buffer.push(p.fact);
    }
    if (buffer.length === 0) return writing;
    const batch = buffer;
    buffer = [];
    writing = writing.then(() =>
      store.record(batch).catch((err: unknown) => {
        // Analytics never fails a turn; the rows are lost and the operator learns it from the log.
        log.warn({ err, facts: batch.length }, 'turn facts not recorded');
      }),
    );
    return writing;
  }

  return {
    observeBrain(tenantId, brain) {
      const llm = brain.kind === 'llm';
      // As the metrics count it: a reading that throws (the LLM failed turns in a row) is the fallback's.
      const failed = (input: UnderstandInput) =>
        remember(tenantId, input.messageId, { brain: llm ? 'fallback' : 'rule', sentiment: lexiconSentiment(input.text), toolCalls: 0, model: null, tokensIn: null, tokensOut: null, failed: true });
      const read = (input: UnderstandInput, understanding: Understanding): Understanding => {
        const u = understanding as Understanding & { sentiment?: 'positive' | 'neutral' | 'negative'; tools?: unknown[]; usage?: { model?: string; promptTokens?: number; completionTokens?: number } };
        const by: Reading['brain'] = !llm ? 'rule' : u.sentiment !== undefined ? 'llm' : 'fallback';
        remember(tenantId, input.messageId, {
          brain: by,
          sentiment: u.sentiment ?? lexiconSentiment(input.text),
          toolCalls: Array.isArray(u.tools) ? u.tools.length : 0,
          model: u.usage?.model ?? null,
          tokensIn: u.usage?.promptTokens ?? null,
          tokensOut: u.usage?.completionTokens ?? null,
        });
        // The usage is for analytics only: the machine's context (and every snapshot) never carries it.
        if (u.usage === undefined) return understanding;
        const { usage: _usage, ...rest } = u;
        return rest;
      };
      const readNow = brain.readNow?.bind(brain);
      return {
        ...brain,
        kind: brain.kind,
        parse: (text) => brain.parse(text),
        async understand(input: UnderstandInput): Promise<Understanding> {
          let understanding: Understanding;
          try {
            understanding = await brain.understand(input);
          } catch (err) {
            failed(input);
            throw err;
          }
          return read(input, understanding);
        },
        // The synchronous reading is recorded exactly as the awaited one (a wrapper that left it to the spread would not record it).
        ...(readNow
          ? {
              readNow(input: UnderstandInput): Understanding {
                let understanding: Understanding;
                try {
                  understanding = readNow(input);
                } catch (err) {
                  failed(input);
                  throw err;
                }
                return read(input, understanding);
              },
            }
          : { readNow: undefined }),
      };
    },
    observer: {
      committed(turn: CommittedTurn) {
        const reading = turn.messageId !== null ? readings.get(keyOf(turn.key.tenantId, turn.messageId)) : undefined;
        if (turn.messageId !== null) readings.delete(keyOf(turn.key.tenantId, turn.messageId));
        const r = readCommittedTurn(turn);
        const fact: TurnFact = {
          tenantId: turn.key.tenantId,
          conversationId: turn.key.conversationId,
          seq: turn.seq,
          messageId: turn.messageId,
          at: turn.at,
          day: dayOf(turn.key.tenantId, turn.at),
          channel: turn.channel,
          event: turn.event,
          outcome: 'ok',
          turnMs: turn.ms,
          brain: reading?.brain ?? null,
          model: reading?.model ?? null,
          tokensIn: reading?.tokensIn ?? null,
          tokensOut: reading?.tokensOut ?? null,
          costUsd: costOf(reading),
          toolCalls: reading?.toolCalls ?? 0,
          // No reading, no intent: a message the machine took without the brain (a rating, a code)
          // leaves the previous message's understanding in the context.
          intent: reading && !reading.failed ? r.intent : null,
          reading: reading && !reading.failed ? r.reading : null,
          confidence: reading && !reading.failed ? r.confidence : null,
          misunderstood: r.misunderstood,
          unmet: r.unmet,
          sentiment: reading?.sentiment ?? null,
          stateFrom: turn.stateFrom,
          stateTo: turn.stateTo,
          phaseFrom: r.phaseFrom,
          phaseTo: r.phaseTo,
          handoffReason: r.handoffReason,
          leadFrom: r.leadFrom,
          leadTo: r.leadTo,
          leadFields: r.leadFields,
          product: r.product,
          ...(r.products.length > 1 ? { products: r.products } : {}),
        };
        // A customer message's time is arrival to committed reply: the host observer tells it next.
        if (turn.event === 'user.message' && turn.messageId !== null) pending.set(keyOf(turn.key.tenantId, turn.messageId), { fact, since: clock.now() });
        else push(fact);
      },
      turn(observation: TurnObservation) {
        const k = observation.messageId !== undefined ? keyOf(observation.tenantId, observation.messageId) : null;
        const waiting = k !== null ? pending.get(k) : undefined;
        if (waiting && k !== null) {
          pending.delete(k);
          push({ ...waiting.fact, turnMs: observation.ms });
          return;
        }
        if (observation.outcome === 'ok' || observation.outcome === 'duplicate') return;
        if (k !== null) readings.delete(k);
        const at = new Date(clock.now()).toISOString();
        push({
          tenantId: observation.tenantId, conversationId: observation.conversationId, seq: 0, messageId: observation.messageId ?? null, at,
          day: dayOf(observation.tenantId, at), channel: observation.channel, event: 'user.message', outcome: observation.outcome, turnMs: observation.ms,
          brain: null, model: null, tokensIn: null, tokensOut: null, costUsd: null, toolCalls: 0, intent: null, reading: null, confidence: null, misunderstood: false,
          unmet: null, sentiment: null, stateFrom: null, stateTo: null, phaseFrom: null, phaseTo: null, handoffReason: null, leadFrom: null, leadTo: null, leadFields: [], product: null,
        });
      },
    },
    flush,
    async close() {
      if (closed) return;
      clearInterval(timer);
      closed = true;
      await flush();
    },
  };
}

/** Both observers, the metrics' and the analytics', called in turn (each must be cheap and must not throw). */
export function combineHostObservers(...observers: HostObserver[]): HostObserver {
  return {
    turn: (o) => {
      for (const observer of observers) observer.turn?.(o);
    },
    activation: (o) => {
      for (const observer of observers) observer.activation?.(o);
    },
    committed: (t) => {
      for (const observer of observers) observer.committed?.(t);
    },
  };
}
