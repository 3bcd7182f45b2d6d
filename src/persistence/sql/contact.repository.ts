import { randomUUID } from 'node:crypto';
import type { Clock } from '../../kernel/clock.js';
import type { Database } from './database.js';
import { ContactSchema, type ContactRow } from './entities/index.js';
import { isUuid, toIso } from './sql-helpers.js';
import { digitsOf } from '../../domain/phone.js';
import { hotStatement, queryRaw, withRawTransaction } from './sql-raw.js';
import { identityCacheOf } from './identity-cache.js';

/** The contact behind a channel identity: the first statement of every customer message. */
const IDENTITY_CONTACT = hotStatement('identity_contact', `select contact_id from channel_identities where tenant_id = $1 and channel = $2 and external_id = $3`);

/**
 * `contacts.phone` as the canonical digits of src/domain/phone.ts `digitsOf`, in SQL, so stored
 * spellings of every age compare equal: an international prefix (`+`, `00`) keeps the digits after
 * it, ten bare digits starting 2–9 are a NANP number and get the 1, anything else keeps its digits.
 */
const CANONICAL_PHONE_DIGITS = `(case
  when phone ~ '^\\s*[+]' then regexp_replace(phone, '\\D', '', 'g')
  when phone ~ '^\\s*00' then regexp_replace(regexp_replace(phone, '^\\s*00', ''), '\\D', '', 'g')
  when regexp_replace(phone, '\\D', '', 'g') ~ '^[2-9][0-9]{9}$' then '1' || regexp_replace(phone, '\\D', '', 'g')
  else regexp_replace(phone, '\\D', '', 'g') end)`;

/** A contact as the rest of Hilo sees it: plain JSON. */
export interface ContactRecord {
  id: string;
  tenantId: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  language: string | null;
  preferences: Record<string, unknown>;
  profileSummary: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ContactProfilePatch = Partial<
  Pick<ContactRecord, 'displayName' | 'email' | 'phone' | 'company' | 'language' | 'preferences' | 'profileSummary'>
>;

export type LinkIdentityResult =
  | { ok: true; previousContactId: string | null }
  | { ok: false; reason: 'unknown_contact' };

export interface ContactRepository {
  /** The contact behind a channel identity, created on first sight. Race-safe: one contact per identity. */
  resolveContact(tenantId: string, channel: string, externalId: string): Promise<string>;
  /** Points a channel identity at an existing contact (e.g. the web visitor gave their WhatsApp number). */
  linkIdentity(tenantId: string, contactId: string, channel: string, externalId: string): Promise<LinkIdentityResult>;
  /** Contacts whose email (case-insensitive) or phone matches; oldest first. */
  findByEmailOrPhone(tenantId: string, query: { email?: string; phone?: string }): Promise<ContactRecord[]>;
  getContact(tenantId: string, contactId: string): Promise<ContactRecord | null>;
  /** Applies the given fields; `null` clears one. Returns the updated contact, or null when unknown. */
  updateProfile(tenantId: string, contactId: string, patch: ContactProfilePatch): Promise<ContactRecord | null>;
}

/**
 * Contacts and their channel identities, always scoped by tenant.
 *
 * @example
 * const contacts = createContactRepository({ db, clock });
 * const contactId = await contacts.resolveContact('demo', 'whatsapp', '+18095551234');
 */
export function createContactRepository(options: { db: Database; clock: Clock }): ContactRepository {
  const { db, clock } = options;

  return {
    async resolveContact(tenantId, channel, externalId) {
      // Every customer message asks this first: from the process's identity cache when it is on
      // (identity-cache.ts), else straight through the driver (sql-raw.ts).
      const cache = identityCacheOf(db);
      const cached = cache?.get(tenantId, channel, externalId);
      if (cached !== undefined) return cached;
      const generation = cache?.generation ?? 0;
      const found = await queryRaw<{ contact_id: string }>(db, IDENTITY_CONTACT, [tenantId, channel, externalId]);
      if (found[0] !== undefined) {
        cache?.remember(tenantId, channel, externalId, found[0].contact_id, generation);
        return found[0].contact_id;
      }

      const contactId = await withRawTransaction(db, async (query) => {
        const now = new Date(clock.now());
        const contactId = randomUUID();
        await query(`insert into contacts (id, tenant_id, preferences, created_at, updated_at) values ($1, $2, '{}'::jsonb, $3, $3)`, [contactId, tenantId, now]);
        // A concurrent first sight blocks on the key until the other transaction ends; then this
        // insert does nothing and the (now committed) winner is read back by the next statement.
        const inserted = await query<{ contact_id: string }>(
          `insert into channel_identities (tenant_id, channel, external_id, contact_id, created_at) values ($1, $2, $3, $4, $5)
           on conflict (tenant_id, channel, external_id) do nothing
           returning contact_id`,
          [tenantId, channel, externalId, contactId, now],
        );
        if (inserted[0] !== undefined) return inserted[0].contact_id;
        await query(`delete from contacts where tenant_id = $1 and id = $2`, [tenantId, contactId]);
        const winner = await query<{ contact_id: string }>(IDENTITY_CONTACT, [tenantId, channel, externalId]);
        if (winner[0] === undefined) throw new Error('channel identity vanished while resolving a contact');
        return winner[0].contact_id;
      });
      cache?.remember(tenantId, channel, externalId, contactId, generation);
      return contactId;
    },

    async linkIdentity(tenantId, contactId, channel, externalId) {
      if (!isUuid(contactId)) return { ok: false, reason: 'unknown_contact' };
      const cache = identityCacheOf(db);
      // Forgotten whatever the outcome (a failure may still have committed); lookups under way keep their answer to themselves.
      cache?.forgetIdentity(tenantId, channel, externalId);
      const result = await db.em().transactional(async (tem): Promise<LinkIdentityResult> => {
        const contact = await tem.execute<unknown[]>(`select 1 from contacts where tenant_id = ? and id = ? for share`, [tenantId, contactId]);
        if (contact.length === 0) return { ok: false, reason: 'unknown_contact' };
        const previous = await tem.execute<{ contact_id: string }[]>(
          `select contact_id from channel_identities where tenant_id = ? and channel = ? and external_id = ? for update`,
          [tenantId, channel, externalId],
        );
        await tem.execute(
          `insert into channel_identities (tenant_id, channel, external_id, contact_id, created_at) values (?, ?, ?, ?, ?)
           on conflict (tenant_id, channel, external_id) do update set contact_id = excluded.contact_id`,
          [tenantId, channel, externalId, contactId, new Date(clock.now())],
          'run',
        );
        const prev = previous[0]?.contact_id ?? null;
        return { ok: true, previousContactId: prev === contactId ? null : prev };
      });
      if (cache !== null) {
        // Committed: the identity names `contactId` now. A lookup that read the old row meanwhile stores nothing.
        cache.forgetIdentity(tenantId, channel, externalId);
        if (result.ok) cache.remember(tenantId, channel, externalId, contactId.toLowerCase(), cache.generation);
      }
      return result;
    },

    async findByEmailOrPhone(tenantId, query) {
      const email = query.email?.trim().toLowerCase();
      // Phones match by their canonical digits (src/domain/phone.ts): identity facts keep
      // "18095550111", a confirmed lead's profile "+18095550111", and rows written before the one
      // normaliser may hold what the customer typed ("809-555-0111") — the same number.
      const phone = query.phone === undefined ? undefined : (digitsOf(query.phone) ?? query.phone.replace(/\D/g, ''));
      if (!email && !phone) return [];
      const rows = await db.em().execute<{ id: string }[]>(
        `select id from contacts
         where tenant_id = ? and ((?::text is not null and lower(email) = ?::text) or (?::text is not null and ${CANONICAL_PHONE_DIGITS} = ?::text))
         order by created_at, id`,
        [tenantId, email || null, email || null, phone || null, phone || null],
      );
      if (rows.length === 0) return [];
      const contacts = await db.em().find(ContactSchema, { tenantId, id: { $in: rows.map((r) => r.id) } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return contacts.map(toContactRecord);
    },

    async getContact(tenantId, contactId) {
      if (!isUuid(contactId)) return null;
      const row = await db.em().findOne(ContactSchema, { tenantId, id: contactId });
      return row === null ? null : toContactRecord(row);
    },

    async updateProfile(tenantId, contactId, patch) {
      if (!isUuid(contactId)) return null;
      const em = db.em();
      const row = await em.findOne(ContactSchema, { tenantId, id: contactId });
      if (row === null) return null;
      if (patch.displayName !== undefined) row.displayName = patch.displayName;
      if (patch.email !== undefined) row.email = patch.email === null ? null : patch.email.trim().toLowerCase();
      if (patch.phone !== undefined) row.phone = patch.phone;
      if (patch.company !== undefined) row.company = patch.company;
      if (patch.language !== undefined) row.language = patch.language;
      if (patch.preferences !== undefined) row.preferences = structuredClone(patch.preferences);
      if (patch.profileSummary !== undefined) row.profileSummary = patch.profileSummary;
      row.updatedAt = new Date(clock.now());
      await em.flush();
      return toContactRecord(row);
    },
  };
}

function toContactRecord(row: ContactRow): ContactRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    company: row.company,
    language: row.language,
    preferences: structuredClone(row.preferences ?? {}),
    profileSummary: row.profileSummary,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}
