import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AgentAccounts, AgentSessions, NewAgentAccount } from '../../src/persistence/ports/agent-accounts.js';

export interface AgentStoresSubject {
  accounts: AgentAccounts;
  sessions: AgentSessions;
}

/** The behaviour every agent account + session store shares (memory, PGlite, PostgreSQL). */
export function runAgentAccountsContract(name: string, create: () => Promise<AgentStoresSubject>): void {
  describe(`AgentAccounts contract › ${name}`, () => {
    const tenant = () => `t_${randomUUID().slice(0, 8)}`;
    const account = (tenantId: string, username = 'ana'): NewAgentAccount => ({ tenantId, username, displayName: 'Ana Pérez', role: 'agent', lang: 'es', passwordHash: 'scrypt$x' });

    it('should create, find by username and id, and list per tenant', async () => {
      const { accounts } = await create();
      const t = tenant();
      const ana = await accounts.create(account(t));
      const admin = await accounts.create({ ...account(t, 'jefe'), role: 'admin', lang: 'en' });
      await accounts.create(account(tenant()));
      expect(ana.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await accounts.findByUsername(t, 'ana')).toEqual(ana);
      expect(await accounts.get(t, admin.id)).toMatchObject({ username: 'jefe', role: 'admin', lang: 'en', displayName: 'Ana Pérez' });
      expect((await accounts.list(t)).map((a) => a.username).sort()).toEqual(['ana', 'jefe']);
      expect(await accounts.findByUsername(t, 'nadie')).toBeNull();
      expect(await accounts.get(t, randomUUID())).toBeNull();
      expect(await accounts.get(t, 'not-a-uuid')).toBeNull();
    });

    it('should refuse a second account with the same username in a tenant, not across tenants', async () => {
      const { accounts } = await create();
      const t = tenant();
      await accounts.create(account(t));
      await expect(accounts.create(account(t))).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_USERNAME_TAKEN' });
      await expect(accounts.create(account(tenant()))).resolves.toMatchObject({ username: 'ana' });
    });

    it('should keep tenants apart on get, password change and removal', async () => {
      const { accounts } = await create();
      const t = tenant();
      const other = tenant();
      const ana = await accounts.create(account(t));
      expect(await accounts.get(other, ana.id)).toBeNull();
      expect(await accounts.setPassword(other, ana.id, 'scrypt$y')).toBe(false);
      expect(await accounts.remove(other, ana.id)).toBe(false);
      expect(await accounts.setPassword(t, ana.id, 'scrypt$y')).toBe(true);
      expect((await accounts.get(t, ana.id))?.passwordHash).toBe('scrypt$y');
      expect(await accounts.remove(t, ana.id)).toBe(true);
      expect(await accounts.get(t, ana.id)).toBeNull();
    });

    it('should store, touch and remove sessions, and drop an agent\'s sessions with the account', async () => {
      const { accounts, sessions } = await create();
      const t = tenant();
      const ana = await accounts.create(account(t));
      const base = { tenantId: t, agentId: ana.id, csrfToken: 'csrf', createdAt: 1_700_000_000_000, lastSeenAt: 1_700_000_000_000 };
      await sessions.create({ ...base, idHash: `h1${t}` });
      await sessions.create({ ...base, idHash: `h2${t}` });
      await sessions.create({ ...base, idHash: `h3${t}` });
      expect(await sessions.get(`h1${t}`)).toEqual({ ...base, idHash: `h1${t}` });
      await sessions.touch(`h1${t}`, base.lastSeenAt + 5_000);
      await sessions.touch(`h1${t}`, base.lastSeenAt + 1_000);
      expect((await sessions.get(`h1${t}`))?.lastSeenAt).toBe(base.lastSeenAt + 5_000);
      await sessions.remove(`h1${t}`);
      expect(await sessions.get(`h1${t}`)).toBeNull();
      expect(await sessions.removeForAgent(t, ana.id)).toBe(2);
      expect(await sessions.get(`h2${t}`)).toBeNull();
      await sessions.create({ ...base, idHash: `h4${t}` });
      await accounts.remove(t, ana.id);
      expect(await sessions.get(`h4${t}`)).toBeNull();
    });
  });
}
