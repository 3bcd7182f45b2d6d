/**
 * The analytics API (docs/analytics.md): summary, funnels, intents, errors, unmet needs, FAQ
 * candidates, the training export and intent corrections. Authenticated by the tenant's API key
 * or, for reads, an admin's console session. Memory mode answers `HILO_ERR_ANALYTICS_UNAVAILABLE`.
 */
import type { NluResult } from '../../domain/nlu.js';
import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import { checkWith, z } from '../../kernel/schema.js';
import { hashApiKey, type ApiKeyRegistry } from '../api-keys.js';
import { bearerKey, parseJsonBody, type HttpRequest, type HttpResponse, type Route, type RouteContext } from '../gateway/index.js';
import type { AnalyticsQueries, DayRange } from './analytics-queries.js';
import { normalisedTerms, redactText, type KnownValues } from './redact.js';
import { tenantDay } from './turn-facts-recorder.js';
import { groupUnmet } from './unmet-groups.js';

export interface AnalyticsRoutesOptions {
  /** Null in memory mode: every route answers 501 after authentication. */
  queries: AnalyticsQueries | null;
  apiKeys: ApiKeyRegistry;
  hasTenant: (tenantId: string) => boolean;
  timeZoneOf: (tenantId: string) => string | undefined;
  /** The tenant brain's NLU (entities for redaction). */
  parse: (tenantId: string, text: string) => NluResult;
  /**
   * The store's answer to a served question in words that hold on any day (`timelessDayAnswer`),
   * for an FAQ draft: a day question's most frequent answer carries the date it was given on.
   * Null: the most frequent answer stands.
   */
  timelessAnswer?: (tenantId: string, question: string, lang: string) => string | null;
  /** A catalog product's name by SKU (null: no longer in the catalog). */
  productName?: (tenantId: string, sku: string) => string | null;
  /** Writes buffered turn facts first, so answers include every committed turn. */
  flush: () => Promise<void>;
  /** An admin console session (cookie `hilo_console`), when the console runs. */
  sessionOf?: (headers: Record<string, string>) => Promise<{ tenantId: string; role: string; actor: string } | null>;
  clock: Clock;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_RANGE_DAYS = 366;
/**
 * The days a range may name: a calendar date from 1970 to 9998 (harden18: "0000-01-01" passed the
 * calendar check — JavaScript has a year 0, PostgreSQL has none — and the summary answered 500
 * `HILO_ERR_INTERNAL`; the last day of 9999 would end the range in year 10000).
 */
const FIRST_DAY = '1970-01-01';
const LAST_DAY = '9998-12-31';
const isoDay = z
  .string()
  .regex(DAY, { error: 'must be a date YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'is not a calendar date' })
  .refine((s) => s >= FIRST_DAY && s <= LAST_DAY, { error: `must be a day from ${FIRST_DAY} to ${LAST_DAY}` });
const RangeQuery = z.strictObject({ from: isoDay.optional(), to: isoDay.optional() });
const PagedQuery = RangeQuery.extend({ limit: z.coerce.number().int().min(1).max(1000).optional(), cursor: z.string().regex(/^\d{1,15}$/, { error: 'must be the cursor of the previous page' }).optional() });
const LimitQuery = RangeQuery.extend({ limit: z.coerce.number().int().min(1).max(200).optional() });
const GroupQuery = RangeQuery.extend({ limit: z.coerce.number().int().min(1).max(200).optional(), min_count: z.coerce.number().int().min(1).max(1000).optional() });
const CorrectionBody = z.strictObject({ conversation_id: z.string().min(1).max(200), message_id: z.string().min(1).max(200), intent: z.string().regex(/^[a-z_]{2,40}$/, { error: 'must be an intent label' }) });

const JSON_TYPE = 'application/json; charset=utf-8';
const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' }, body: JSON.stringify(body) });

function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const checked = checkWith(schema, value);
  if (!checked.ok) throw new HiloError('HILO_ERR_HTTP_VALIDATION', 'Query parameters failed validation.', { details: checked.problems });
  return checked.value;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** `from`/`to` (tenant days, inclusive), defaulting to the last 30 days; at most a year. */
export function dayRange(query: { from?: string | undefined; to?: string | undefined }, today: string, timeZone: string): DayRange {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -29);
  const problems = [];
  if (from > to) problems.push({ path: 'from', problem: 'must not be after to' });
  else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_RANGE_DAYS) problems.push({ path: 'to', problem: `the range may span at most ${MAX_RANGE_DAYS} days` });
  if (problems.length > 0) throw new HiloError('HILO_ERR_HTTP_VALIDATION', 'Query parameters failed validation.', { details: problems });
  return { from, to, timeZone };
}

type Handler = (req: HttpRequest, ctx: RouteContext, auth: { tenantId: string; actor: string; queries: AnalyticsQueries; range: (q: { from?: string | undefined; to?: string | undefined }) => DayRange }) => Promise<HttpResponse>;

/**
 * @example
 * const routes = createAnalyticsRoutes({ queries, apiKeys, hasTenant, timeZoneOf, parse, flush, clock });
 */
export function createAnalyticsRoutes(options: AnalyticsRoutesOptions): Route[] {
  const { apiKeys } = options;

  const guarded =
    (handler: Handler, reads = true): Route['handler'] =>
    async (req, ctx) => {
      const tenantId = ctx.params.tenant ?? '';
      const key = bearerKey(req.headers.authorization);
      let actor: string;
      if (key !== null) {
        if (!options.hasTenant(tenantId)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
        if (!apiKeys.verify(tenantId, key)) throw new HiloError('HILO_ERR_AUTH_INVALID');
        actor = `api-key:${hashApiKey(key).slice(0, 12)}`;
      } else {
        const session = reads ? await options.sessionOf?.(req.headers) : null;
        if (!session) throw new HiloError('HILO_ERR_AUTH_MISSING');
        // A session sees its own tenant only: any other is unknown to it.
        if (session.tenantId !== tenantId || !options.hasTenant(tenantId)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
        if (session.role !== 'admin') throw new HiloError('HILO_ERR_CONSOLE_FORBIDDEN');
        actor = session.actor;
      }
      if (options.queries === null) throw new HiloError('HILO_ERR_ANALYTICS_UNAVAILABLE');
      const queries = options.queries;
      const timeZone = options.timeZoneOf(tenantId) ?? 'UTC';
      const today = tenantDay(new Date(options.clock.now()).toISOString(), timeZone);
      await options.flush();
      return handler(req, ctx, { tenantId, actor, queries, range: (q) => dayRange(q, today, timeZone) });
    };

  const queryOf = (req: HttpRequest) => Object.fromEntries(req.query.entries());
  const base = '/api/tenants/:tenant/analytics';

  /** Redacts texts with what each conversation is known to hold about its customer. */
  const redactor = async (queries: AnalyticsQueries, tenantId: string, conversationIds: string[]) => {
    const known = await queries.knownValues(tenantId, [...new Set(conversationIds)]);
    const parse = (text: string) => options.parse(tenantId, text);
    return (conversationId: string, text: string) => redactText(text, { parse, known: known.get(conversationId) ?? emptyKnown });
  };

  return [
    {
      method: 'GET',
      path: `${base}/summary`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const r = range(check(RangeQuery, queryOf(req)));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, time_zone: r.timeZone, ...(await queries.summary(tenantId, r)) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/funnel`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const r = range(check(RangeQuery, queryOf(req)));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, ...(await queries.funnel(tenantId, r)) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/intents`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const r = range(check(RangeQuery, queryOf(req)));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, intents: await queries.intents(tenantId, r) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/daily`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const r = range(check(RangeQuery, queryOf(req)));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, days: await queries.daily(tenantId, r) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/handoffs`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const r = range(check(RangeQuery, queryOf(req)));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, ...(await queries.handoffs(tenantId, r)) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/products`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const q = check(LimitQuery, queryOf(req));
        const r = range(q);
        const rows = await queries.products(tenantId, r, q.limit ?? 20);
        const products = rows.map((p) => ({ sku: p.sku, name: options.productName?.(tenantId, p.sku) ?? null, count: p.count, conversations: p.conversations }));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, products });
      }),
    },
    {
      method: 'GET',
      path: `${base}/channels`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const r = range(check(RangeQuery, queryOf(req)));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, channels: await queries.channels(tenantId, r) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/errors`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const r = range(check(RangeQuery, queryOf(req)));
        return json(200, { tenant: tenantId, from: r.from, to: r.to, errors: await queries.errors(tenantId, r) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/unmet`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const q = check(GroupQuery, queryOf(req));
        const r = range(q);
        const rows = await queries.unmetMessages(tenantId, r, 5_000);
        const redact = await redactor(queries, tenantId, rows.map((m) => m.conversation_id));
        const messages = rows.map((row) => ({
          reason: row.reason,
          text: redact(row.conversation_id, row.text),
          // Only a "not carried" answer names the good asked for (`unmet-groups.ts`).
          reply: row.reason === 'not_found' && row.reply !== null ? redact(row.conversation_id, row.reply) : null,
          lang: row.lang,
        }));
        const groups = groupUnmet(messages, q.min_count ?? 1);
        return json(200, { tenant: tenantId, from: r.from, to: r.to, messages: rows.length, groups: groups.slice(0, q.limit ?? 50) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/faq-candidates`,
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const q = check(GroupQuery, queryOf(req));
        const r = range(q);
        const rows = await queries.servedQuestions(tenantId, r, 5_000);
        const redact = await redactor(queries, tenantId, rows.map((m) => m.conversation_id));
        const groups = new Map<string, { terms: string; intent: string; lang: string; count: number; question: string; answers: Map<string, number> }>();
        for (const row of rows) {
          const question = redact(row.conversation_id, row.question);
          const terms = normalisedTerms(question);
          if (terms === '') continue;
          const g = groups.get(terms) ?? { terms, intent: row.intent, lang: row.lang ?? 'es', count: 0, question, answers: new Map<string, number>() };
          g.count++;
          if (row.answer !== null) {
            const answer = redact(row.conversation_id, row.answer);
            g.answers.set(answer, (g.answers.get(answer) ?? 0) + 1);
          }
          groups.set(terms, g);
        }
        const candidates = [...groups.values()]
          .filter((g) => g.count >= (q.min_count ?? 2))
          .sort((a, b) => b.count - a.count || a.terms.localeCompare(b.terms))
          .slice(0, q.limit ?? 50)
          .map((g) => {
            const given = [...g.answers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
            // "¿abren el domingo?" was answered "El domingo 6 de diciembre…": the draft says "Los domingos…".
            const timeless = g.intent === 'store_hours_location' ? (options.timelessAnswer?.(tenantId, g.question, g.lang) ?? null) : null;
            return { question: g.question, terms: g.terms, intent: g.intent, count: g.count, answer: timeless ?? given, status: 'draft' };
          });
        return json(200, { tenant: tenantId, from: r.from, to: r.to, candidates });
      }),
    },
    {
      method: 'POST',
      path: `${base}/intent-corrections`,
      handler: guarded(async (req, _ctx, { tenantId, actor, queries }) => {
        const body = check(CorrectionBody, parseJsonBody(req.body));
        const stored = await queries.correctIntent(tenantId, body.conversation_id, body.message_id, body.intent, actor, new Date(options.clock.now()));
        if (!stored) throw new HiloError('HILO_ERR_CONVERSATION_NOT_FOUND', 'No customer message with that id in that conversation.');
        return json(200, { conversation_id: body.conversation_id, message_id: body.message_id, intent: body.intent });
      }, false),
    },
    {
      method: 'GET',
      path: '/api/tenants/:tenant/exports/training.jsonl',
      handler: guarded(async (req, _ctx, { tenantId, queries, range }) => {
        const q = check(PagedQuery, queryOf(req));
        const r = range(q);
        const limit = q.limit ?? 500;
        const rows = await queries.trainingPage(tenantId, r, q.cursor === undefined ? 0 : Number(q.cursor), limit);
        const redact = await redactor(queries, tenantId, rows.map((m) => m.conversation_id));
        const lines = rows.map((row) =>
          JSON.stringify({ text: redact(row.conversation_id, row.text), intent: row.intent, source: row.source, lang: row.lang, confidence: row.confidence, conversation: row.conversation_id, message_id: row.message_id }),
        );
        const last = rows[rows.length - 1];
        const headers: Record<string, string> = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' };
        // The next page's URL travels in a header so every body line stays a training example.
        if (last !== undefined && rows.length === limit) headers['x-next-cursor'] = String(last.id);
        return { status: 200, headers, body: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
      }),
    },
  ];
}

const emptyKnown: KnownValues = { names: [], emails: [], phones: [], companies: [] };
