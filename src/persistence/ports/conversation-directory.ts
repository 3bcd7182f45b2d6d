/**
 * The list of a tenant's conversations, newest activity first: what `GET /api/tenants/{t}/conversations`
 * pages through (and, later, the agent console's "all open conversations"). Durable mode reads the
 * `conversations` table; all-in-memory mode keeps the same facts as turns commit.
 */
import type { ConversationKey } from './snapshot-store.js';

export interface ConversationListItem {
  conversationId: string;
  /** Top-level machine state after the last turn: `triage`, `answering`, `qualifying`, `handoff`, `closed`, … */
  phase: string;
  startedAt: string;
  lastActivityAt: string;
  /** Transcript lines so far. */
  messages: number;
}

export interface ConversationListQuery {
  /** Only conversations in this top-level state. */
  phase?: string;
  /** 1–200; default 50. */
  limit?: number;
  /** Opaque cursor from the previous page's `next`. */
  cursor?: string;
}

export interface ConversationListPage {
  items: ConversationListItem[];
  /** Cursor of the next page; null on the last one. */
  next: string | null;
}

export interface ConversationDirectory {
  list(tenantId: string, query?: ConversationListQuery): Promise<ConversationListPage>;
}

export const CONVERSATION_LIST_DEFAULT_LIMIT = 50;
export const CONVERSATION_LIST_MAX_LIMIT = 200;

/** Keyset cursor: the last item's activity time and id, so pages stay stable while turns commit. */
export function encodeListCursor(item: Pick<ConversationListItem, 'lastActivityAt' | 'conversationId'>): string {
  return Buffer.from(JSON.stringify([item.lastActivityAt, item.conversationId]), 'utf8').toString('base64url');
}

/** Null when the cursor is not one this module wrote. */
export function decodeListCursor(cursor: string): { lastActivityAt: string; conversationId: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) return null;
    return { lastActivityAt: new Date(at).toISOString(), conversationId: id };
  } catch {
    return null;
  }
}

/** Orders newest activity first, ties by id descending (the same order as the SQL query). */
export function compareListItems(a: ConversationListItem, b: ConversationListItem): number {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt < b.lastActivityAt ? 1 : -1;
  return a.conversationId < b.conversationId ? 1 : a.conversationId > b.conversationId ? -1 : 0;
}

export interface MemoryConversationDirectory extends ConversationDirectory {
  /** Called after every committed turn (all-in-memory mode). */
  noteTurn(key: ConversationKey, turn: { phase: string; at: string; lastSeq: number }): void;
}

export function createMemoryConversationDirectory(): MemoryConversationDirectory {
  const byTenant = new Map<string, Map<string, ConversationListItem>>();
  return {
    noteTurn(key, turn) {
      let tenant = byTenant.get(key.tenantId);
      if (!tenant) byTenant.set(key.tenantId, (tenant = new Map()));
      const item = tenant.get(key.conversationId);
      if (item) {
        item.phase = turn.phase;
        if (turn.at > item.lastActivityAt) item.lastActivityAt = turn.at;
        // Commits are idempotent by seq: a replayed commit must not count its lines twice.
        item.messages = Math.max(item.messages, turn.lastSeq);
      } else {
        tenant.set(key.conversationId, { conversationId: key.conversationId, phase: turn.phase, startedAt: turn.at, lastActivityAt: turn.at, messages: turn.lastSeq });
      }
    },
    async list(tenantId, query = {}) {
      const limit = clampLimit(query.limit);
      const after = query.cursor ? decodeListCursor(query.cursor) : null;
      const all = [...(byTenant.get(tenantId)?.values() ?? [])]
        .filter((i) => query.phase === undefined || i.phase === query.phase)
        .sort(compareListItems)
        .filter((i) => !after || compareListItems(i, { ...i, lastActivityAt: after.lastActivityAt, conversationId: after.conversationId }) > 0);
      const items = all.slice(0, limit).map((i) => ({ ...i }));
      const last = items[items.length - 1];
      return { items, next: all.length > limit && last ? encodeListCursor(last) : null };
    },
  };
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return CONVERSATION_LIST_DEFAULT_LIMIT;
  return Math.min(CONVERSATION_LIST_MAX_LIMIT, Math.max(1, Math.floor(limit)));
}
