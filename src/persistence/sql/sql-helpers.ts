import type { EntityManager } from '@mikro-orm/postgresql';
import { readMediaReferences, type MediaReference } from '../../domain/media.js';
import type { MessageAuthor, TranscriptEntry } from '../ports/transcript-store.js';

/** `T-000123`: the per-tenant human number. Six digits, more when a tenant outgrows them. */
export function formatNumber(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/**
 * Takes the next value of a per-tenant counter. Must run inside the caller's transaction: the
 * upsert locks the counter row until commit, so concurrent callers queue up and a rolled-back
 * transaction returns its number (gap-free, unlike a PostgreSQL sequence).
 */
export async function nextTenantCounter(tem: EntityManager, tenantId: string, name: string): Promise<number> {
  const rows = await tem.execute<{ value: number }[]>(
    `insert into tenant_counters (tenant_id, name, value) values (?, ?, 1)
     on conflict (tenant_id, name) do update set value = tenant_counters.value + 1
     returning value`,
    [tenantId, name],
  );
  const value = rows[0]?.value;
  if (typeof value !== 'number') throw new Error(`counter ${name} returned no value`);
  return value;
}

/** PostgreSQL `unique_violation`, whether MikroORM wrapped it or not. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; code?: unknown };
  return e.name === 'UniqueConstraintViolationException' || e.code === '23505';
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from the outside are checked before they reach a `uuid` column (PostgreSQL would throw). */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** pg returns `timestamptz` as `Date`; be lenient with strings (raw rows, other drivers). */
export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIsoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

/**
 * A `messages.media` value as read back (parsed jsonb, JSON text from a raw query, or null/absent
 * before the media migration) → the transcript entry's `media` field, or nothing.
 */
export function mediaOf(raw: unknown): { media?: MediaReference[] } {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return {};
    }
  }
  const media = readMediaReferences(value);
  return media.length > 0 ? { media } : {};
}

/** The `messages` columns a transcript entry is read from, as the driver returns them. */
export interface MessageDbRow {
  seq: number;
  message_id: string;
  direction: 'in' | 'out';
  author: string;
  channel: string;
  text: string;
  intent: string | null;
  agent_name: string | null;
  lang: string | null;
  options: { label: string; text: string }[] | string | null;
  media: unknown;
  created_at: Date | string;
}

/** A `messages` row read through the driver (snake_case columns) → a transcript entry. */
export function messageRowToEntry(row: MessageDbRow): TranscriptEntry {
  const options = typeof row.options === 'string' ? (JSON.parse(row.options) as { label: string; text: string }[]) : row.options;
  return {
    seq: row.seq,
    messageId: row.message_id,
    direction: row.direction,
    author: row.author as MessageAuthor,
    channel: row.channel,
    text: row.text,
    at: toIso(row.created_at),
    ...(row.intent !== null ? { intent: row.intent } : {}),
    ...(row.agent_name !== null ? { agentName: row.agent_name } : {}),
    ...(row.lang === 'es' || row.lang === 'en' ? { lang: row.lang } : {}),
    ...(options !== null && options.length > 0 ? { options } : {}),
    ...mediaOf(row.media),
  };
}
