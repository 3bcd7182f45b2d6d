/**
 * `/console/api/*`: the agent console's REST API (docs/console.md). A session cookie (with the
 * session's CSRF token on every POST/DELETE) or the tenant's API key (acting as an admin, no CSRF).
 * A session's tenant is the only one it sees: any other answers 404 like an unknown tenant.
 */
import { z } from 'zod';
import { isStableIdentifier, normalizeInboundText, UNSTABLE_IDENTIFIER_PROBLEM } from '../../channels/normalize-text.js';
import { HiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { CONSOLE_SESSION_LIMITS, sameToken, USERNAME_PATTERN, type ConsoleActor, type ConsoleAuth, type ConsoleService } from '../../actors/console/index.js';
import type { ApiKeyRegistry } from '../api-keys.js';
import { bearerKey, type HttpRequest, type HttpResponse, type Route, type RouteContext } from '../gateway/index.js';
import { fingerprintOf, idempotencyKeyOf, type IdempotencyKeys } from '../gateway/idempotency-keys.js';
import { RESOLVE_OUTCOME_MAX_CHARS } from '../gateway/validate.js';
import { apiKeyActor, clearSessionCookie, errorAnswer, json, readBody, sameOriginOrNone, sessionCookie, setSessionCookie } from './console-http.js';

export interface ConsoleRoutesOptions {
  auth: ConsoleAuth;
  service: ConsoleService;
  apiKeys: ApiKeyRegistry;
  hasTenant(tenantId: string): boolean;
  /** `HILO_PUBLIC_URL`: its origin is the console's; `https` makes the cookie `Secure`. */
  publicUrl: string | null;
  logger: Logger;
  /** The tenant's IANA time zone (tenant.json `timeZone`), sent with the session; UTC when unknown. */
  timeZone?: (tenantId: string) => string | undefined;
  /** Whether the tenant files quote tickets (its page shows a quotes tab), sent with the session; true when unknown. */
  filesQuotes?: (tenantId: string) => boolean;
  /**
   * Kept answers of replies and notes sent with an `Idempotency-Key` (the web console sends one per
   * message it writes): a retry after a lost answer or a double send reaches the customer once.
   */
  idempotencyKeys: IdempotencyKeys;
}

const Login = z.strictObject({ tenant: z.string().min(1).max(64), username: z.string().min(1).max(64), password: z.string().min(1).max(512) });
/** Text an agent writes: the channel-boundary normalisation (NUL, controls, bidi overrides, NFC), then trimmed and bounded. */
const agentText = (max: number) => z.string().transform(normalizeInboundText).pipe(z.string().trim().min(1).max(max));
const Password = z.string().min(10, { error: 'must be at least 10 characters' }).max(512);
const NewAgent = z.strictObject({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, { error: 'must be 2-40 lower-case letters, digits, . _ or -' }),
  displayName: agentText(80),
  role: z.enum(['agent', 'admin']),
  password: Password,
  lang: z.enum(['es', 'en']).optional(),
});
const ChangePassword = z.strictObject({ password: Password });
const AgentRef = z.strictObject({ agentId: z.string().min(1).max(64).refine(isStableIdentifier, { error: UNSTABLE_IDENTIFIER_PROBLEM }) });
/** Claiming a quote: for oneself (`{}`), or, an admin, for `agentId`. */
const QuoteClaim = z.strictObject({ agentId: AgentRef.shape.agentId.optional() });
const Text = z.strictObject({ text: agentText(4000) });
const Resolve = z.strictObject({ outcome: agentText(RESOLVE_OUTCOME_MAX_CHARS) });
/** `unanswered: true`: resolving a handoff nobody answered, on purpose. */
const ResolveHandoff = Resolve.extend({ unanswered: z.boolean().optional() });
const VIEWS = ['waiting', 'mine', 'open', 'quotes'] as const;

type Handler = (req: HttpRequest, ctx: RouteContext, actor: ConsoleActor) => Promise<HttpResponse>;

export function createConsoleRoutes(options: ConsoleRoutesOptions): Route[] {
  const { auth, service, apiKeys } = options;
  const log = options.logger.child({ component: 'console-api' });
  const secure = options.publicUrl?.startsWith('https:') === true;
  const cookieMaxAge = Math.floor(CONSOLE_SESSION_LIMITS.absoluteMs / 1000);
  const timeZoneOf = (tenantId: string) => options.timeZone?.(tenantId) ?? 'UTC';
  const tenantRules = (tenantId: string) => ({ timeZone: timeZoneOf(tenantId), filesQuotes: options.filesQuotes?.(tenantId) ?? true });

  const guarded =
    (run: (req: HttpRequest, ctx: RouteContext) => Promise<HttpResponse>): Route['handler'] =>
    async (req, ctx) => {
      try {
        return await run(req, ctx);
      } catch (err) {
        return errorAnswer(err, ctx.log ?? log);
      }
    };

  /** Who is asking, or 401/403/404; mutating cookie requests must carry the CSRF token and come from this origin. */
  const actorOf = async (req: HttpRequest, tenantParam: string | undefined): Promise<ConsoleActor> => {
    const key = bearerKey(req.headers.authorization);
    if (key !== null && tenantParam !== undefined) {
      if (!options.hasTenant(tenantParam)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
      if (!apiKeys.verify(tenantParam, key)) throw new HiloError('HILO_ERR_AUTH_INVALID');
      const actor = apiKeyActor(key);
      return { tenantId: tenantParam, agentId: actor, displayName: 'API', role: 'admin', auditActor: actor, csrfToken: null, sessionHash: null, agent: null };
    }
    const cookie = sessionCookie(req.headers);
    const actor = cookie ? await auth.authenticate(cookie) : null;
    if (!actor) throw new HiloError('HILO_ERR_AUTH_MISSING', 'Log in first: no console session, or it expired.');
    if (tenantParam !== undefined && tenantParam !== actor.tenantId) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const token = req.headers['x-csrf-token'];
      if (!token || !actor.csrfToken || !sameToken(token, actor.csrfToken) || !sameOriginOrNone(req.headers, options.publicUrl)) {
        throw new HiloError('HILO_ERR_CONSOLE_CSRF');
      }
    }
    return actor;
  };

  const route = (method: string, path: string, handler: Handler): Route => ({
    method,
    path,
    handler: guarded(async (req, ctx) => handler(req, ctx, await actorOf(req, ctx.params.tenant))),
  });

  /**
   * A reply or note under its `Idempotency-Key` header, if any: scoped per tenant and agent (the
   * agent's id, or the API key's digest), the same key and body replay the first answer and
   * send nothing; another body under the key is 422 `HILO_ERR_IDEMPOTENCY_KEY_REUSED`.
   */
  const keyed = (req: HttpRequest, actor: ConsoleActor, route: string, conversationId: string, text: string, work: () => Promise<HttpResponse>): Promise<HttpResponse> => {
    const key = idempotencyKeyOf(req.headers);
    if (key === null) return work();
    const scope = `console:${actor.tenantId}:${actor.agentId}`;
    return options.idempotencyKeys.run(scope, key, fingerprintOf(route, [conversationId, text]), async () => ({
      ...(await work()),
      conversation: { tenantId: actor.tenantId, conversationId },
    }));
  };

  const T = '/console/api/tenants/:tenant';
  const C = `${T}/conversations/:id`;
  const id = (ctx: RouteContext) => ctx.params.id ?? '';

  return [
    {
      method: 'POST',
      path: '/console/api/login',
      handler: guarded(async (req) => {
        // SameSite does not cover logging in: a login from another site's page is refused.
        if (!sameOriginOrNone(req.headers, options.publicUrl)) throw new HiloError('HILO_ERR_CONSOLE_CSRF');
        const body = readBody(req, Login);
        const result = await auth.login({ tenant: body.tenant, username: body.username, password: body.password, ip: req.ip });
        return json(200, { agent: result.agent, csrfToken: result.csrfToken, ...tenantRules(result.agent.tenant) }, { 'set-cookie': setSessionCookie(result.sessionId, secure, cookieMaxAge) });
      }),
    },
    route('POST', '/console/api/logout', async (_req, _ctx, actor) => {
      await auth.logout(actor);
      return { status: 204, headers: { 'set-cookie': clearSessionCookie(secure), 'cache-control': 'no-store' }, body: '' };
    }),
    {
      method: 'GET',
      path: '/console/api/session',
      handler: guarded(async (req) => {
        const actor = await actorOf(req, undefined);
        return json(200, { agent: actor.agent, csrfToken: actor.csrfToken, ...tenantRules(actor.tenantId) });
      }),
    },
    route('GET', `${T}/agents`, async (_req, _ctx, actor) => {
      if (actor.role !== 'admin') throw new HiloError('HILO_ERR_CONSOLE_FORBIDDEN');
      return json(200, { agents: await auth.listAgents(actor.tenantId) });
    }),
    // Agents transfer what they hold too: the targets carry no username, role or language.
    route('GET', `${T}/transfer-targets`, async (_req, _ctx, actor) => json(200, { agents: await auth.transferTargets(actor.tenantId) })),
    route('POST', `${T}/agents`, async (req, _ctx, actor) => json(201, await auth.createAgent(actor, readBody(req, NewAgent)))),
    route('POST', `${T}/agents/:id/password`, async (req, ctx, actor) => {
      await auth.setPassword(actor, id(ctx), readBody(req, ChangePassword).password);
      return { status: 204, headers: {}, body: '' };
    }),
    route('DELETE', `${T}/agents/:id`, async (_req, ctx, actor) => {
      await auth.removeAgent(actor, id(ctx));
      return { status: 204, headers: {}, body: '' };
    }),
    route('GET', `${T}/inbox`, async (req, _ctx, actor) => {
      const view = req.query.get('view') ?? 'waiting';
      const limitText = req.query.get('limit');
      const limit = limitText === null ? 50 : Number(limitText);
      const problems: { path: string; problem: string }[] = [];
      if (!(VIEWS as readonly string[]).includes(view)) problems.push({ path: 'view', problem: 'must be waiting, mine, open or quotes' });
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) problems.push({ path: 'limit', problem: 'must be an integer from 1 to 200' });
      const q = req.query.get('q') ?? undefined;
      if (q !== undefined && q.length > 200) problems.push({ path: 'q', problem: 'must be at most 200 characters' });
      const cursor = req.query.get('cursor') ?? undefined;
      if (cursor !== undefined && !/^[A-Za-z0-9_-]{1,16}$/.test(cursor)) problems.push({ path: 'cursor', problem: 'must be the nextCursor of a previous page' });
      const owner = req.query.get('owner');
      if (owner !== null && owner !== 'me') problems.push({ path: 'owner', problem: 'must be me (the quotes I follow up)' });
      if (problems.length > 0) throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: problems });
      return json(200, await service.inbox(actor, { view: view as (typeof VIEWS)[number], limit, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), ...(owner === 'me' ? { ownedByMe: true } : {}) }));
    }),
    route('GET', `${T}/canned-replies`, async (_req, _ctx, actor) => json(200, service.cannedReplies(actor.tenantId))),
    route('GET', C, async (_req, ctx, actor) => json(200, await service.conversation(actor, id(ctx)))),
    route('POST', `${C}/take`, async (_req, ctx, actor) => json(200, await service.take(actor, id(ctx)))),
    route('POST', `${C}/assign`, async (req, ctx, actor) => json(200, await service.assign(actor, id(ctx), readBody(req, AgentRef).agentId, 'assign'))),
    route('POST', `${C}/transfer`, async (req, ctx, actor) => json(200, await service.assign(actor, id(ctx), readBody(req, AgentRef).agentId, 'transfer'))),
    route('POST', `${C}/messages`, async (req, ctx, actor) => {
      const { text } = readBody(req, Text);
      return keyed(req, actor, 'console-messages', id(ctx), text, async () => json(202, await service.reply(actor, id(ctx), text)));
    }),
    route('POST', `${C}/notes`, async (req, ctx, actor) => {
      const { text } = readBody(req, Text);
      return keyed(req, actor, 'console-notes', id(ctx), text, async () => {
        const note = await service.addNote(actor, id(ctx), text);
        return json(201, { id: note.id, author: note.author, text: note.text, at: note.at });
      });
    }),
    route('POST', `${C}/resolve`, async (req, ctx, actor) => {
      const body = readBody(req, ResolveHandoff);
      return json(200, await service.resolve(actor, id(ctx), body.outcome, body.unanswered === true));
    }),
    route('POST', `${C}/quote/close`, async (req, ctx, actor) => json(200, await service.closeQuote(actor, id(ctx), readBody(req, Resolve).outcome))),
    route('POST', `${C}/quote/claim`, async (req, ctx, actor) => json(200, await service.claimQuote(actor, id(ctx), readBody(req, QuoteClaim).agentId))),
    route('POST', `${C}/quote/release`, async (req, ctx, actor) => {
      readBody(req, z.strictObject({}));
      return json(200, await service.releaseQuote(actor, id(ctx)));
    }),
  ];
}
