// Public surface of the SQL persistence folder. MikroORM types stay inside this folder except
// through `Database.orm` / `Database.em()`, which only wiring code and tests should touch.
export { DEFAULT_PGLITE_DATA_DIR, openDatabase } from './database.js';
export type { Database, OpenDatabaseOptions } from './database.js';
export { createSqlTranscriptStore } from './sql-transcript-store.js';
export { createContactRepository } from './contact.repository.js';
export { DEFAULT_IDENTITY_CACHE_SIZE, enableIdentityCache, identityCacheOf, IdentityCache } from './identity-cache.js';
export type { ContactProfilePatch, ContactRecord, ContactRepository, LinkIdentityResult } from './contact.repository.js';
export { createTicketRepository } from './ticket.repository.js';
export type { OpenTicketParams, TicketRecordSql, TicketRepository } from './ticket.repository.js';
export { createLeadRepository } from './lead.repository.js';
export type { LeadRecordSql, LeadRepository, SaveLeadParams } from './lead.repository.js';
export { AUDIT_GENESIS_HASH, appendAuditIn, auditHash, createAuditRepository, createSqlAuditTrail } from './audit.repository.js';
export type { AuditInspection, AuditRepository, AuditRepositoryOptions, AuditVerification } from './audit.repository.js';
export { canonicalJson } from '../../kernel/canonical-json.js';
export { MIGRATIONS } from './migrations/index.js';
export { createGovernanceRepository, ERASED_TICKET_SUMMARY } from './governance.repository.js';
export type {
  AuditEventRecord,
  ChannelIdentityRecord,
  ContactDataset,
  ContactErasure,
  ConversationRecordSql,
  ErasureCounts,
  GovernanceRepository,
  RetentionErasure,
} from './governance.repository.js';
export { createContactMemoryRepository, OPEN_LEAD_STATUSES } from './contact-memory.repository.js';
export type { ContactMemoryRepository, OpenItems } from './contact-memory.repository.js';
export { createSqlTurnJournal, type SqlTurnJournal } from './sql-turn-journal.js';
export { createSqlContactDirectory, createSqlLeadStore, createSqlTicketStore } from './sql-records.js';
export { toContactRef } from './contact-ref.js';
export type { ContactRef } from './contact-ref.js';
export { createOutboxRepository } from './outbox.repository.js';
export { backfillShards } from './sql-shard-backfill.js';
export type { NewOutboxEntry, OutboxEntry, OutboxRepository } from './outbox.repository.js';
