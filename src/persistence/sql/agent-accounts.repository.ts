import { randomUUID } from 'node:crypto';
import { HiloError } from '../../kernel/errors.js';
import type { AgentAccount, AgentAccounts, AgentSession, AgentSessions } from '../ports/agent-accounts.js';
import type { Database } from './database.js';
import { isUniqueViolation } from './sql-helpers.js';

interface AgentRow {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  role: 'agent' | 'admin';
  lang: 'es' | 'en';
  password_hash: string;
  created_at: Date | string;
}

interface SessionRow {
  id_hash: string;
  tenant_id: string;
  agent_id: string;
  csrf_token: string;
  created_at: Date | string;
  last_seen_at: Date | string;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toAccount(r: AgentRow): AgentAccount {
  return { id: r.id, tenantId: r.tenant_id, username: r.username, displayName: r.display_name, role: r.role, lang: r.lang, passwordHash: r.password_hash, createdAt: iso(r.created_at) };
}

function toSession(r: SessionRow): AgentSession {
  return { idHash: r.id_hash, tenantId: r.tenant_id, agentId: r.agent_id, csrfToken: r.csrf_token, createdAt: new Date(r.created_at).getTime(), lastSeenAt: new Date(r.last_seen_at).getTime() };
}

/** Agent accounts and sessions on the `agents` and `agent_sessions` tables (every query scoped by tenant). */
export function createSqlAgentStores(options: { db: Database; clock: { now(): number } }): { accounts: AgentAccounts; sessions: AgentSessions } {
  const { db, clock } = options;
  const cols = 'id, tenant_id, username, display_name, role, lang, password_hash, created_at';
  return {
    accounts: {
      async create(input) {
        const id = randomUUID();
        const createdAt = new Date(clock.now());
        try {
          await db.em().execute(
            `insert into agents (${cols}) values (?, ?, ?, ?, ?, ?, ?, ?)`,
            [id, input.tenantId, input.username, input.displayName, input.role, input.lang, input.passwordHash, createdAt],
            'run',
          );
        } catch (err) {
          if (isUniqueViolation(err)) throw new HiloError('HILO_ERR_CONSOLE_USERNAME_TAKEN');
          throw err;
        }
        return { ...input, id, createdAt: createdAt.toISOString() };
      },
      async get(tenantId, id) {
        if (!UUID.test(id)) return null;
        const rows = await db.em().execute<AgentRow[]>(`select ${cols} from agents where tenant_id = ? and id = ?`, [tenantId, id]);
        return rows[0] ? toAccount(rows[0]) : null;
      },
      async findByUsername(tenantId, username) {
        const rows = await db.em().execute<AgentRow[]>(`select ${cols} from agents where tenant_id = ? and username = ?`, [tenantId, username]);
        return rows[0] ? toAccount(rows[0]) : null;
      },
      async list(tenantId) {
        const rows = await db.em().execute<AgentRow[]>(`select ${cols} from agents where tenant_id = ? order by created_at, id`, [tenantId]);
        return rows.map(toAccount);
      },
      async setPassword(tenantId, id, passwordHash) {
        if (!UUID.test(id)) return false;
        const rows = await db.em().execute<{ id: string }[]>(`update agents set password_hash = ? where tenant_id = ? and id = ? returning id`, [passwordHash, tenantId, id]);
        return rows.length > 0;
      },
      async remove(tenantId, id) {
        if (!UUID.test(id)) return false;
        // Sessions go with the account (on delete cascade).
        const rows = await db.em().execute<{ id: string }[]>(`delete from agents where tenant_id = ? and id = ? returning id`, [tenantId, id]);
        return rows.length > 0;
      },
    },
    sessions: {
      async create(s) {
        await db.em().execute(
          `insert into agent_sessions (id_hash, tenant_id, agent_id, csrf_token, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?)`,
          [s.idHash, s.tenantId, s.agentId, s.csrfToken, new Date(s.createdAt), new Date(s.lastSeenAt)],
          'run',
        );
      },
      async get(idHash) {
        const rows = await db.em().execute<SessionRow[]>(`select id_hash, tenant_id, agent_id, csrf_token, created_at, last_seen_at from agent_sessions where id_hash = ?`, [idHash]);
        return rows[0] ? toSession(rows[0]) : null;
      },
      async touch(idHash, at) {
        await db.em().execute(`update agent_sessions set last_seen_at = ? where id_hash = ? and last_seen_at < ?`, [new Date(at), idHash, new Date(at)], 'run');
      },
      async remove(idHash) {
        await db.em().execute(`delete from agent_sessions where id_hash = ?`, [idHash], 'run');
      },
      async removeForAgent(tenantId, agentId) {
        if (!UUID.test(agentId)) return 0;
        const rows = await db.em().execute<{ id_hash: string }[]>(`delete from agent_sessions where tenant_id = ? and agent_id = ? returning id_hash`, [tenantId, agentId]);
        return rows.length;
      },
    },
  };
}
