import { toContactRef } from './contact-ref.js';
import type { Database } from './database.js';

/**
 * The customer's newest address on a channel (phone number, chat id) for a contact's thread
 * (`c_<uuid without dashes>`, see contact-ref.ts); null for any other conversation id or when the
 * contact has no identity on that channel.
 *
 * @example
 * const externalIdOn = createSqlChannelIdentityLookup(db);
 * await externalIdOn('ferreteria', 'c_0f3a…', 'whatsapp'); // '18095550101'
 */
export function createSqlChannelIdentityLookup(db: Database): (tenantId: string, conversationId: string, channel: string) => Promise<string | null> {
  return async (tenantId, conversationId, channel) => {
    const ref = toContactRef(conversationId);
    // Only a thread id names a contact here; a bare uuid is some other conversation.
    if (ref.contactUuid === null || ref.threadId !== conversationId) return null;
    const rows = await db.em().execute<{ external_id: string }[]>(
      `select external_id from channel_identities where tenant_id = ? and contact_id = ? and channel = ? order by created_at desc limit 1`,
      [tenantId, ref.contactUuid, channel],
    );
    return rows[0]?.external_id ?? null;
  };
}
