/**
 * The agent console's people: agent and admin accounts per tenant, and their login sessions.
 * Passwords arrive here already hashed (scrypt, `src/actors/console/password-hash.ts`); session
 * ids arrive hashed too (SHA-256 of the cookie value), so neither store ever holds a secret a
 * database reader could replay. Memory: `memory/memory-agent-accounts.ts`; SQL:
 * `sql/agent-accounts.repository.ts`; one contract suite `test/contract/agent-accounts.contract.ts`.
 */

export type AgentRole = 'agent' | 'admin';

export interface AgentAccount {
  id: string;
  tenantId: string;
  /** Unique per tenant, lower case. */
  username: string;
  displayName: string;
  role: AgentRole;
  lang: 'es' | 'en';
  /** `scrypt$N$r$p$salt$hash` (base64url); never leaves the console service. */
  passwordHash: string;
  createdAt: string;
}

export type NewAgentAccount = Omit<AgentAccount, 'id' | 'createdAt'>;

export interface AgentAccounts {
  /** Throws `HILO_ERR_CONSOLE_USERNAME_TAKEN` when the tenant has that username already. */
  create(account: NewAgentAccount): Promise<AgentAccount>;
  get(tenantId: string, id: string): Promise<AgentAccount | null>;
  findByUsername(tenantId: string, username: string): Promise<AgentAccount | null>;
  /** Oldest first. */
  list(tenantId: string): Promise<AgentAccount[]>;
  /** False when there is no such agent. */
  setPassword(tenantId: string, id: string, passwordHash: string): Promise<boolean>;
  /** Deletes the account and its sessions; false when there was none. */
  remove(tenantId: string, id: string): Promise<boolean>;
}

export interface AgentSession {
  /** SHA-256 (hex) of the cookie's random id. */
  idHash: string;
  tenantId: string;
  agentId: string;
  csrfToken: string;
  /** Epoch ms. */
  createdAt: number;
  lastSeenAt: number;
}

export interface AgentSessions {
  create(session: AgentSession): Promise<void>;
  get(idHash: string): Promise<AgentSession | null>;
  /** Moves `lastSeenAt` forward (idle expiry counts from it). */
  touch(idHash: string, at: number): Promise<void>;
  remove(idHash: string): Promise<void>;
  /** Logs an agent out everywhere (password changed, account deleted); returns how many. */
  removeForAgent(tenantId: string, agentId: string): Promise<number>;
}
