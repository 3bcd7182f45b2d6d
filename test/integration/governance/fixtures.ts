import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createRedisSnapshotStore, type RedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { SNAPSHOT_FORMAT_VERSION } from '../../../src/persistence/ports/snapshot-store.js';
import {
  createAuditRepository,
  createContactRepository,
  createLeadRepository,
  createSqlTranscriptStore,
  createTicketRepository,
  type Database,
} from '../../../src/persistence/sql/index.js';
import type { Clock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Connects to the real Redis or throws: these tests never skip. */
export async function connectRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3_000, retryStrategy: () => null });
  let lastError: Error | undefined;
  redis.on('error', (err: Error) => {
    lastError = err;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    const cause = lastError ?? (err instanceof Error ? err : new Error(String(err)));
    throw new Error(`Redis is unreachable at ${REDIS_URL} (${cause.message}). Start redis-server on 127.0.0.1:6379 or set REDIS_URL; these tests do not skip.`);
  }
  return redis;
}

export function uniquePrefix(): string {
  return `hilo-gov-test-${randomUUID().slice(0, 12)}`;
}

export function createSnapshotStore(redis: Redis, prefix: string, clock: Clock): RedisSnapshotStore {
  return createRedisSnapshotStore({ redis, prefix, clock, logger: createSilentLogger() });
}

export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', createRedisKeys(prefix).allPattern(), 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/** The personal data a seeded contact carries; none of it may survive an erasure. */
export interface SeededContact {
  contactUuid: string;
  threadId: string;
  name: string;
  email: string;
  phone: string;
  company: string;
  texts: string[];
  ticketNumber: string;
  leadId: string;
}

/**
 * Seeds one contact the way the SQL runtime writes it: identity → contact, the thread
 * `c_<uuid hex>`, transcript, ticket, lead, profile and a Redis snapshot.
 */
export async function seedContact(options: { db: Database; clock: Clock; snapshots: RedisSnapshotStore; tenantId: string; label: string }): Promise<SeededContact> {
  const { db, clock, snapshots, tenantId, label } = options;
  const contacts = createContactRepository({ db, clock });
  const phone = `+1809555${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const email = `${label}.${randomUUID().slice(0, 6)}@ejemplo.com.do`;
  const name = `María ${label}`;
  const company = `Colmado ${label}`;
  const contactUuid = await contacts.resolveContact(tenantId, 'whatsapp', phone);
  await contacts.linkIdentity(tenantId, contactUuid, 'web', `visitor-${label}`);
  await contacts.updateProfile(tenantId, contactUuid, { displayName: name, email, phone, company, language: 'es' });
  const threadId = `c_${contactUuid.replace(/-/g, '')}`;
  const key = { tenantId, conversationId: threadId };
  const at = new Date(clock.now()).toISOString();
  const texts = [`Hola, soy ${name}, mi correo es ${email}`, `Mi teléfono es ${phone}`, 'Gracias por su ayuda, ¿cuándo me llaman?'];
  await createSqlTranscriptStore(db).append(key, [
    { messageId: `wa-${label}-1`, direction: 'in', author: 'customer', channel: 'whatsapp', text: texts[0]!, at, intent: 'sales_lead' },
    { messageId: `out-${label}-1`, direction: 'out', author: 'bot', channel: 'whatsapp', text: `Gracias, ${name}.`, at },
    { messageId: `wa-${label}-2`, direction: 'in', author: 'customer', channel: 'whatsapp', text: texts[1]!, at },
    { messageId: `wa-${label}-3`, direction: 'in', author: 'customer', channel: 'whatsapp', text: texts[2]!, at },
  ]);
  const ticket = await createTicketRepository({ db, clock }).openTicket({
    tenantId,
    conversationId: threadId,
    kind: 'handoff',
    reason: 'customer_request',
    summary: `Cliente: ${name} · ${email}`,
  });
  const { leadId } = await createLeadRepository({ db, clock }).saveLead({
    tenantId,
    conversationId: threadId,
    payload: (id) => ({ lead_id: id, contact_info: { name, email, phone_or_username: phone }, business_context: { company_name: company } }),
    provenance: { 'contact_info.name': `wa-${label}-1`, 'contact_info.email': `wa-${label}-1` },
  });
  const put = await snapshots.put(key, {
    v: SNAPSHOT_FORMAT_VERSION,
    machineVersion: 3,
    epoch: 1,
    seq: 1,
    savedAt: at,
    snapshot: { value: 'qualifying', context: { lead: { draft: { name: { value: name }, email: { value: email } } } } },
  });
  if (!put.ok) throw new Error('seeding the snapshot failed');
  return { contactUuid, threadId, name, email, phone, company, texts, ticketNumber: ticket.number, leadId };
}

/** An unrelated audit event so the chain has history before the erasure. */
export async function appendUnrelatedAudit(db: Database, clock: Clock, tenantId: string): Promise<void> {
  await createAuditRepository({ db, clock }).appendAudit(tenantId, 'tenant.configured', 'test', { retentionDays: 30 });
}
