import { randomUUID } from 'node:crypto';
import { HiloError } from '../../kernel/errors.js';
import type { AgentAccount, AgentAccounts, AgentSession, AgentSessions } from '../ports/agent-accounts.js';

/** Agent accounts and sessions in process memory (`HILO_STORAGE=memory`, tests). */
export function createMemoryAgentStores(options: { clock: { now(): number } }): { accounts: AgentAccounts; sessions: AgentSessions } {
  const accounts = new Map<string, AgentAccount>();
  const sessions = new Map<string, AgentSession>();
  const key = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;
  const removeForAgent = (tenantId: string, agentId: string): number => {
    let n = 0;
    for (const [id, s] of sessions) {
      if (s.tenantId === tenantId && s.agentId === agentId) {
        sessions.delete(id);
        n++;
      }
    }
    return n;
  };
  return {
    accounts: {
      async create(input) {
        for (const a of accounts.values()) {
          if (a.tenantId === input.tenantId && a.username === input.username) throw new HiloError('HILO_ERR_CONSOLE_USERNAME_TAKEN');
        }
        const account: AgentAccount = { ...input, id: randomUUID(), createdAt: new Date(options.clock.now()).toISOString() };
        accounts.set(key(account.tenantId, account.id), account);
        return { ...account };
      },
      async get(tenantId, id) {
        const a = accounts.get(key(tenantId, id));
        return a ? { ...a } : null;
      },
      async findByUsername(tenantId, username) {
        for (const a of accounts.values()) if (a.tenantId === tenantId && a.username === username) return { ...a };
        return null;
      },
      async list(tenantId) {
        return [...accounts.values()].filter((a) => a.tenantId === tenantId).map((a) => ({ ...a }));
      },
      async setPassword(tenantId, id, passwordHash) {
        const a = accounts.get(key(tenantId, id));
        if (!a) return false;
        a.passwordHash = passwordHash;
        return true;
      },
      async remove(tenantId, id) {
        removeForAgent(tenantId, id);
        return accounts.delete(key(tenantId, id));
      },
    },
    sessions: {
      async create(session) {
        sessions.set(session.idHash, { ...session });
      },
      async get(idHash) {
        const s = sessions.get(idHash);
        return s ? { ...s } : null;
      },
      async touch(idHash, at) {
        const s = sessions.get(idHash);
        if (s && at > s.lastSeenAt) s.lastSeenAt = at;
      },
      async remove(idHash) {
        sessions.delete(idHash);
      },
      async removeForAgent(tenantId, agentId) {
        return removeForAgent(tenantId, agentId);
      },
    },
  };
}
