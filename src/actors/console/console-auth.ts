/**
 * Agent console accounts and sessions: login with scrypt (one answer, in similar time, for an
 * unknown username and a wrong password), rate-limited failures, sessions whose cookie value is
 * stored only as its SHA-256, idle and absolute expiry, a CSRF token per session.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { AccessCounters } from '../../persistence/ports/access-counters.js';
import type { AgentAccount, AgentAccounts, AgentRole, AgentSessions } from '../../persistence/ports/agent-accounts.js';
import type { AuditTrail } from '../../persistence/ports/audit-trail.js';
import { createDecoyHash, DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from './password-hash.js';

/** An agent as the console API shows it (never the hash). */
export interface AgentView {
  id: string;
  tenant: string;
  username: string;
  displayName: string;
  role: AgentRole;
  lang: 'es' | 'en';
}

/** Who is acting: a logged-in agent, or the tenant's API key acting as an admin. */
export interface ConsoleActor {
  tenantId: string;
  agentId: string;
  displayName: string;
  role: AgentRole;
  /** The audit trail's actor (`agent:<digest>` or `api-key:<digest>`). */
  auditActor: string;
  /** The session's CSRF token; null for the API key (no cookie, no CSRF). */
  csrfToken: string | null;
  /** The session behind it (logout); null for the API key. */
  sessionHash: string | null;
  agent: AgentView | null;
}

export const CONSOLE_SESSION_LIMITS = {
  idleMs: 12 * 60 * 60 * 1000,
  absoluteMs: 7 * 24 * 60 * 60 * 1000,
  /** `lastSeenAt` is written at most this often (a request per second must not be a write per second). */
  touchEveryMs: 60 * 1000,
  loginWindowMs: 15 * 60 * 1000,
  failuresPerUser: 5,
  failuresPerIp: 20,
} as const;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function agentView(a: AgentAccount): AgentView {
  return { id: a.id, tenant: a.tenantId, username: a.username, displayName: a.displayName, role: a.role, lang: a.lang };
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** The audit actor of an agent account: a digest of tenant and id, never the name. */
export function agentAuditActor(tenantId: string, agentId: string): string {
  return `agent:${digest(`${tenantId}\u0000${agentId}`).slice(0, 12)}`;
}

export interface ConsoleAuthOptions {
  accounts: AgentAccounts;
  sessions: AgentSessions;
  counters: AccessCounters;
  audit: Pick<AuditTrail, 'append'>;
  clock: Clock;
  logger: Logger;
  /** Tenants the console serves (a login for any other is refused like a wrong password). */
  hasTenant(tenantId: string): boolean;
  /** Tests lower the cost; production keeps the default. */
  scrypt?: ScryptParams;
}

export interface LoginResult {
  /** The cookie value (256 random bits); only its hash is stored. */
  sessionId: string;
  csrfToken: string;
  agent: AgentView;
}

export interface ConsoleAuth {
  login(input: { tenant: string; username: string; password: string; ip: string }): Promise<LoginResult>;
  /**
   * The actor behind a session cookie value; null when unknown, expired or its agent is gone.
   * `touch: false` (the console socket's periodic check) reads without counting as activity.
   */
  authenticate(sessionId: string, options?: { touch?: boolean }): Promise<ConsoleActor | null>;
  logout(actor: ConsoleActor): Promise<void>;
  listAgents(tenantId: string): Promise<AgentView[]>;
  /** Who a conversation may be transferred to: every agent of the tenant, id and display name only (any role may ask). */
  transferTargets(tenantId: string): Promise<Array<{ id: string; displayName: string }>>;
  createAgent(actor: ConsoleActor, input: { username: string; displayName: string; role: AgentRole; password: string; lang?: 'es' | 'en' }): Promise<AgentView>;
  setPassword(actor: ConsoleActor, agentId: string, password: string): Promise<void>;
  removeAgent(actor: ConsoleActor, agentId: string): Promise<void>;
  getAgent(tenantId: string, agentId: string): Promise<AgentView | null>;
  /** Creates the demo admin `demo`, or resets its password to `password`. */
  ensureDemoAgent(tenantId: string, password: string): Promise<void>;
}

/** Same-length, timing-safe equality of two tokens. */
export function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createConsoleAuth(options: ConsoleAuthOptions): ConsoleAuth {
  const { accounts, sessions, counters, audit, clock } = options;
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  const log = options.logger.child({ component: 'console-auth' });
  let decoy: Promise<string> | null = null;
  const decoyHash = () => (decoy ??= createDecoyHash(params));
  const L = CONSOLE_SESSION_LIMITS;

  const requireAdmin = (actor: ConsoleActor) => {
    if (actor.role !== 'admin') throw new HiloError('HILO_ERR_CONSOLE_FORBIDDEN');
  };

  const limitedFor = async (userKey: string, ipKey: string): Promise<void> => {
    const [byUser, byIp] = await Promise.all([counters.count(userKey), counters.count(ipKey)]);
    if (byUser >= L.failuresPerUser || byIp >= L.failuresPerIp) {
      // The window started with the first failure; its end is at most a whole window away.
      throw new HiloError('HILO_ERR_RATE_LIMITED', 'Too many failed logins; try again later.', { details: { retryAfterSeconds: L.loginWindowMs / 1000 } });
    }
  };

  return {
    async login({ tenant, username, password, ip }) {
      const name = username.trim().toLowerCase();
      // Keys carry digests: no username or address is stored in the counters.
      const userKey = `console:login:user:${digest(`${tenant}\u0000${name}`).slice(0, 32)}`;
      const ipKey = `console:login:ip:${digest(ip).slice(0, 32)}`;
      await limitedFor(userKey, ipKey);
      // A name no account can have (a NUL, which PostgreSQL refuses, or any other character outside
      // the pattern) is an unknown user: the same decoy work and the same answer, not a query.
      const account = options.hasTenant(tenant) && USERNAME_PATTERN.test(name) ? await accounts.findByUsername(tenant, name) : null;
      // Unknown users are checked against a decoy hash: the same work, the same answer.
      const ok = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
      if (!account || !ok) {
        await Promise.all([counters.hit(userKey, L.loginWindowMs), counters.hit(ipKey, L.loginWindowMs)]);
        if (options.hasTenant(tenant)) {
          await audit.append(tenant, 'agent.login_failed', account ? agentAuditActor(tenant, account.id) : 'system', { known: account !== null });
        }
        log.info({ tenant: options.hasTenant(tenant) ? tenant : '(unknown)', known: account !== null }, 'console login refused');
        throw new HiloError('HILO_ERR_CONSOLE_LOGIN_INVALID');
      }
      const sessionId = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const now = clock.now();
      await sessions.create({ idHash: digest(sessionId), tenantId: tenant, agentId: account.id, csrfToken, createdAt: now, lastSeenAt: now });
      await audit.append(tenant, 'agent.login', agentAuditActor(tenant, account.id), { role: account.role });
      log.info({ tenant, agent: agentAuditActor(tenant, account.id) }, 'console login');
      return { sessionId, csrfToken, agent: agentView(account) };
    },

    async authenticate(sessionId, options) {
      if (!/^[\w-]{43}$/.test(sessionId)) return null;
      const idHash = digest(sessionId);
      const session = await sessions.get(idHash);
      if (!session) return null;
      const now = clock.now();
      if (now - session.lastSeenAt > L.idleMs || now - session.createdAt > L.absoluteMs) {
        await sessions.remove(idHash);
        return null;
      }
      const account = await accounts.get(session.tenantId, session.agentId);
      if (!account) {
        await sessions.remove(idHash);
        return null;
      }
      if (options?.touch !== false && now - session.lastSeenAt >= L.touchEveryMs) await sessions.touch(idHash, now);
      return {
        tenantId: account.tenantId,
        agentId: account.id,
        displayName: account.displayName,
        role: account.role,
        auditActor: agentAuditActor(account.tenantId, account.id),
        csrfToken: session.csrfToken,
        sessionHash: idHash,
        agent: agentView(account),
      };
    },

    async logout(actor) {
      if (actor.sessionHash === null) return;
      await sessions.remove(actor.sessionHash);
      await audit.append(actor.tenantId, 'agent.logout', actor.auditActor, {});
    },

    async listAgents(tenantId) {
      return (await accounts.list(tenantId)).map(agentView);
    },

    async transferTargets(tenantId) {
      return (await accounts.list(tenantId)).map((a) => ({ id: a.id, displayName: a.displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1));
    },

    async getAgent(tenantId, agentId) {
      const a = await accounts.get(tenantId, agentId);
      return a ? agentView(a) : null;
    },

    async createAgent(actor, input) {
      requireAdmin(actor);
      const created = await accounts.create({
        tenantId: actor.tenantId,
        username: input.username.toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        lang: input.lang ?? 'es',
        passwordHash: await hashPassword(input.password, params),
      });
      await audit.append(actor.tenantId, 'agent.created', actor.auditActor, { agent: agentAuditActor(actor.tenantId, created.id), role: created.role });
      return agentView(created);
    },

    async setPassword(actor, agentId, password) {
      if (actor.role !== 'admin' && actor.agentId !== agentId) throw new HiloError('HILO_ERR_CONSOLE_FORBIDDEN');
      if (!(await accounts.setPassword(actor.tenantId, agentId, await hashPassword(password, params)))) throw new HiloError('HILO_ERR_CONSOLE_AGENT_NOT_FOUND');
      // Every other session of that agent ends: a changed password must lock out whoever had the old one.
      await sessions.removeForAgent(actor.tenantId, agentId);
      await audit.append(actor.tenantId, 'agent.password_changed', actor.auditActor, { agent: agentAuditActor(actor.tenantId, agentId) });
    },

    async removeAgent(actor, agentId) {
      requireAdmin(actor);
      if (!(await accounts.remove(actor.tenantId, agentId))) throw new HiloError('HILO_ERR_CONSOLE_AGENT_NOT_FOUND');
      await sessions.removeForAgent(actor.tenantId, agentId);
      await audit.append(actor.tenantId, 'agent.deleted', actor.auditActor, { agent: agentAuditActor(actor.tenantId, agentId) });
    },

    async ensureDemoAgent(tenantId, password) {
      let existing = await accounts.findByUsername(tenantId, 'demo');
      if (!existing) {
        try {
          await accounts.create({ tenantId, username: 'demo', displayName: 'Demo', role: 'admin', lang: 'es', passwordHash: await hashPassword(password, params) });
          return;
        } catch (err) {
          // Cluster members starting together on one database: another one created it first.
          if (!(err instanceof HiloError && err.code === 'HILO_ERR_CONSOLE_USERNAME_TAKEN')) throw err;
          existing = await accounts.findByUsername(tenantId, 'demo');
          if (!existing) throw err;
        }
      }
      if (!(await verifyPassword(password, existing.passwordHash))) {
        await accounts.setPassword(tenantId, existing.id, await hashPassword(password, params));
        await sessions.removeForAgent(tenantId, existing.id);
      }
    },
  };
}
