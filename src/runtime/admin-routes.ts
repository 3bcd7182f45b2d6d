/**
 * Governance endpoints of the tenant admin API: contact export and erasure, audit verification,
 * an on-demand retention run, plus the periodic retention job. The gateway applies its per-IP
 * rate limit to every `/api/` path, these included; the routes authenticate themselves with the
 * same rules as the built-in ones.
 */
import type { GovernanceService } from '../persistence/sql/governance.service.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import { HiloError } from '../kernel/errors.js';
import { checkWith, z } from '../kernel/schema.js';
import { hashApiKey, type ApiKeyRegistry } from './api-keys.js';
import type { Clock } from '../kernel/clock.js';
import { bearerKey, parseJsonBody, type Route, type RouteContext } from './gateway/index.js';
import type { HttpRequest, HttpResponse } from './gateway/index.js';
import type { Logger } from '../kernel/logger.js';

export interface AdminRoutesOptions {
  /** Null in memory mode: only audit verification is served (over `audit`). */
  governance: GovernanceService | null;
  /** The runtime's audit port; verification goes through it when given (else through governance). */
  audit?: Pick<AuditTrail, 'verify'>;
  apiKeys: ApiKeyRegistry;
  /** Known tenants (the gateway's `service.hasTenant`). */
  hasTenant: (tenantId: string) => boolean;
  /** Retention period for `POST …/retention/run` without a body value, when the tenant has one. */
  retentionDaysOf?: (tenantId: string) => number | null | Promise<number | null>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_CONTACT_ID_CHARS = 200;

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

function contactIdOf(ctx: RouteContext): string {
  const id = ctx.params.id ?? '';
  if (id.length === 0 || id.length > MAX_CONTACT_ID_CHARS || /[\u0000-\u001f]/.test(id)) {
    throw new HiloError('HILO_ERR_HTTP_VALIDATION', 'The contact id in the path failed validation.', { details: [{ path: 'id', problem: `must be a contact id of 1 to ${MAX_CONTACT_ID_CHARS} characters` }] });
  }
  return id;
}

type AdminHandler = (req: HttpRequest, ctx: RouteContext, auth: { tenantId: string; actor: string }) => Promise<HttpResponse>;

/**
 * The governance routes, to pass to the gateway as `extraRoutes`.
 *
 * @example
 * const routes = createAdminRoutes({ governance, apiKeys, hasTenant: (t) => host.hasTenant(t) });
 * await startGateway({ ...options, extraRoutes: [...metrics.routes, ...routes] });
 */
export function createAdminRoutes(options: AdminRoutesOptions): Route[] {
  const { apiKeys } = options;
  // Only the verify route is built without governance (memory mode), so this never throws there.
  const governance = (): GovernanceService => {
    if (options.governance === null) throw new HiloError('HILO_ERR_INTERNAL', 'governance is not available in memory mode');
    return options.governance;
  };

  const admin =
    (handler: AdminHandler): Route['handler'] =>
    async (req, ctx) => {
      const key = bearerKey(req.headers.authorization);
      if (key === null) throw new HiloError('HILO_ERR_AUTH_MISSING');
      const tenantId = ctx.params.tenant ?? '';
      if (!options.hasTenant(tenantId)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
      if (!apiKeys.verify(tenantId, key)) throw new HiloError('HILO_ERR_AUTH_INVALID');
      // The audit trail names the key by a digest prefix: who acted, without storing the key.
      return handler(req, ctx, { tenantId, actor: `api-key:${hashApiKey(key).slice(0, 12)}` });
    };

  const routes: Route[] = [
    {
      method: 'GET',
      path: '/api/tenants/:tenant/contacts/:id/export',
      handler: admin(async (_req, ctx, { tenantId }) => {
        const contactId = contactIdOf(ctx);
        const data = await governance().exportContact(tenantId, contactId);
        if (data === null) throw new HiloError('HILO_ERR_CONTACT_NOT_FOUND');
        ctx.log.info({ tenant: tenantId, conversations: data.conversations.length }, 'contact export served');
        return json(200, data, { 'content-disposition': `attachment; filename="contact-${data.contact_id.replace(/[^A-Za-z0-9_.-]/g, '_')}.json"` });
      }),
    },
    {
      method: 'DELETE',
      path: '/api/tenants/:tenant/contacts/:id',
      handler: admin(async (_req, ctx, { tenantId, actor }) => {
        const contactId = contactIdOf(ctx);
        const result = await governance().eraseContact(tenantId, contactId, actor);
        if (result === null) throw new HiloError('HILO_ERR_CONTACT_NOT_FOUND');
        return json(200, { contact_id: result.contactId, outcome: result.outcome, counts: result.counts, audit_seq: result.auditSeq });
      }),
    },
    {
      method: 'GET',
      path: '/api/tenants/:tenant/audit/verify',
      handler: admin(async (_req, _ctx, { tenantId }) => {
        const verification = options.audit ? await options.audit.verify(tenantId) : await governance().verifyAudit(tenantId);
        return json(200, verification.ok ? { ok: true, count: verification.count } : { ok: false, broken_at: verification.brokenAt });
      }),
    },
    {
      method: 'POST',
      path: '/api/tenants/:tenant/retention/run',
      handler: admin(async (req, _ctx, { tenantId, actor }) => {
        const requested = parseRetentionBody(req);
        const days = requested ?? (await options.retentionDaysOf?.(tenantId)) ?? null;
        if (days === null) {
          throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, {
            details: [{ path: 'older_than_days', problem: 'is required: the tenant has no retention period configured' }],
          });
        }
        const result = await governance().enforceRetention(tenantId, days, actor);
        return json(200, { tenant: result.tenantId, older_than_days: result.olderThanDays, cutoff: result.cutoff, counts: result.counts, audit_seq: result.auditSeq });
      }),
    },
  ];
  return options.governance === null ? routes.filter((r) => r.path === '/api/tenants/:tenant/audit/verify') : routes;
}

/** `{}` or `{ "older_than_days": n }`; an empty body counts as `{}`. */
const DAYS_PROBLEM = 'must be an integer between 1 and 36500';
/** `POST …/retention/run` body: `{older_than_days?}`; unknown fields are refused. */
const RETENTION_BODY = z.strictObject({
  older_than_days: z.number({ error: DAYS_PROBLEM }).int({ error: DAYS_PROBLEM }).min(1, { error: DAYS_PROBLEM }).max(36_500, { error: DAYS_PROBLEM }).optional(),
});

function parseRetentionBody(req: HttpRequest): number | null {
  if (req.body.byteLength === 0) return null;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new HiloError('HILO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
  const body = parseJsonBody(req.body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: [{ path: '', problem: 'must be a JSON object' }] });
  }
  const checked = checkWith(RETENTION_BODY, body, { unknownKeysFirst: true, wording: (issue) => (issue.code === 'unrecognized_keys' ? 'is not allowed' : undefined) });
  if (!checked.ok) throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: checked.problems });
  return checked.value.older_than_days ?? null;
}

export interface RetentionJobOptions {
  governance: GovernanceService;
  /** Tenants and their retention periods, read at every run (default: the `tenants` table). */
  tenants?: () => Promise<{ tenantId: string; retentionDays: number }[]> | { tenantId: string; retentionDays: number }[];
  clock: Clock;
  /** Default one hour. */
  intervalMs?: number;
  logger: Logger;
  /**
   * Clustered runtime: whether this member enforces the tenant's retention (the owner of the
   * tenant's home shard), so each tenant is enforced by one member per pass, not by all of them.
   */
  runsHere?: (tenantId: string) => boolean;
}

export interface RetentionJob {
  /** One pass over every tenant now (also what the timer runs); passes never overlap. */
  runNow(): Promise<{ tenantId: string; conversations: number; failed: boolean }[]>;
  /** Stops the timer and waits for a running pass. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Enforces every tenant's retention period periodically. A failing tenant is logged and does
 * not stop the others; the next pass retries it.
 *
 * @example
 * const job = startRetentionJob({ governance, clock: systemClock, logger });
 * // on shutdown
 * await job.stop();
 */
export function startRetentionJob(options: RetentionJobOptions): RetentionJob {
  const { governance, clock } = options;
  const log = options.logger.child({ component: 'retention-job' });
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  const listTenants = options.tenants ?? (() => governance.retentionPolicies());
  let running: Promise<{ tenantId: string; conversations: number; failed: boolean }[]> | null = null;
  let stopped = false;

  const pass = async (): Promise<{ tenantId: string; conversations: number; failed: boolean }[]> => {
    const started = clock.now();
    const outcomes: { tenantId: string; conversations: number; failed: boolean }[] = [];
    let tenants: { tenantId: string; retentionDays: number }[];
    try {
      tenants = await listTenants();
    } catch (err) {
      log.error({ err }, 'retention pass could not list tenants');
      return outcomes;
    }
    for (const { tenantId, retentionDays } of tenants) {
      if (stopped) break;
      if (options.runsHere && !options.runsHere(tenantId)) continue;
      try {
        const result = await governance.enforceRetention(tenantId, retentionDays, 'retention-job');
        outcomes.push({ tenantId, conversations: result.counts.conversations, failed: false });
      } catch (err) {
        outcomes.push({ tenantId, conversations: 0, failed: true });
        log.error({ tenant: tenantId, code: (err as { code?: unknown }).code, err }, 'retention failed for a tenant');
      }
    }
    log.info({ tenants: outcomes.length, failed: outcomes.filter((o) => o.failed).length, ms: clock.now() - started }, 'retention pass done');
    return outcomes;
  };

  const runNow = (): Promise<{ tenantId: string; conversations: number; failed: boolean }[]> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    if (!stopped && running === null) void runNow();
  }, intervalMs);
  timer.unref();

  let stopping: Promise<void> | null = null;
  return {
    runNow,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        clearInterval(timer);
        await running?.catch(() => undefined);
        log.info('retention job stopped');
      })();
      return stopping;
    },
  };
}
