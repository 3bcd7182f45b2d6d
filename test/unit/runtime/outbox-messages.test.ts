import { describe, expect, it } from 'vitest';
import type { LeadPayload } from '../../../src/domain/lead.js';
import { outboxKeyOf, parseOutboxEntry, toOutboxEntry, type OutboxMessage } from '../../../src/runtime/outbox/index.js';

const lead: LeadPayload = {
  lead_id: 'L-000007',
  contact_info: { name: 'Ana', phone_or_username: null, email: 'ana@example.com' },
  business_context: { company_name: null, interest_area: null },
  problem_statement: null,
  urgency_level: 'Alto',
  provenance: {},
};
const customer = { displayName: '+18095550101', channel: 'whatsapp' };
const base = { tenantId: 'ferreteria', conversationId: 'c_0123' };

/** Every kind, with the key string stored by every release so far (existing rows de-duplicate on them). */
const CASES: Array<[OutboxMessage, string]> = [
  [{ ...base, kind: 'reply', payload: { messageId: 'out-1', seq: 4, channel: 'whatsapp', text: 'Hola' } }, 'reply:c_0123:out-1'],
  [{ ...base, kind: 'direct', payload: { channel: 'telegram', to: '42', text: 'Código 123456' }, ref: { nonce: 'n-1' } }, 'identity-code:c_0123:n-1'],
  [{ ...base, kind: 'handoff.notify', payload: { ticketNumber: 'T-000001', priority: 'new', customer, summary: 's', lastMessages: [{ author: 'Cliente', text: 'ayuda', at: 1 }] }, ref: { ticketId: 'tk-1' } }, 'handoff:tk-1'],
  [{ ...base, kind: 'handoff.notify', payload: { ticketNumber: 'T-000001', priority: 'pending', customer, summary: 's', lastMessages: [] }, ref: { ticketId: 'tk-1', pending: true } }, 'handoff:pending:tk-1'],
  [{ ...base, kind: 'handoff.relay', payload: { ticketNumber: 'T-000001', text: 'sigo aquí' }, ref: { messageId: 'wamid.9' } }, 'relay:c_0123:wamid.9'],
  [{ ...base, kind: 'handoff.taken', payload: { ticketNumber: 'T-000001', agentName: 'Rosa' }, ref: { ticketId: 'tk-1', agentId: 'ag-2' } }, 'handoff:taken:tk-1:ag-2'],
  [{ ...base, kind: 'handoff.cancelled', payload: { ticketNumber: 'T-000001' }, ref: { ticketId: 'tk-1' } }, 'handoff:cancelled:tk-1'],
  [{ ...base, kind: 'slack.critical', payload: { tenantId: 'ferreteria', ticketNumber: 'T-000001', reason: 'critical', customer, summary: 's' }, ref: { ticketId: 'tk-1' } }, 'slack:critical:tk-1'],
  [{ tenantId: 'ferreteria', conversationId: '', kind: 'slack.hotLead', payload: { lead } }, 'slack:lead:L-000007'],
  [{ tenantId: 'ferreteria', conversationId: '', kind: 'slack.crmFailed', payload: { leadId: 'L-000007', reason: 'HILO_ERR_CRM_REJECTED' } }, 'slack:crm-failed:L-000007'],
  [{ tenantId: 'ferreteria', conversationId: '', kind: 'crm.lead', payload: { lead } }, 'crm:L-000007'],
  [{ tenantId: 'ferreteria', conversationId: '', kind: 'crm.leadUpdate', payload: { lead, amendment: 2 } }, 'crm:L-000007:update:2'],
];

describe('typed outbox messages', () => {
  const cases = CASES.map(([message, key]) => ({ kind: message.kind, key, message }));

  it.each(cases)('should key a $kind message as $key, exactly as stored rows are keyed', ({ message, key }) => {
    expect(outboxKeyOf(message)).toBe(key);
  });

  it.each(cases)('should read a stored $kind row ($key) back as the message it was written from', ({ message }) => {
    const row = toOutboxEntry(message);
    // The JSON round trip a database does.
    const stored = { ...row, id: '1', attempts: 1, payload: JSON.parse(JSON.stringify(row.payload)) as Record<string, unknown> };
    const parsed = parseOutboxEntry(stored);
    expect(parsed).toEqual({ ok: true, delivery: { id: '1', attempts: 1, idempotencyKey: row.idempotencyKey, kind: message.kind, tenantId: message.tenantId, conversationId: message.conversationId, payload: message.payload } });
  });

  it('should read a reply row written before the typed outbox (no recipient, options as JSON) and drop malformed options', () => {
    const parsed = parseOutboxEntry({ id: '7', tenantId: 't', conversationId: 'c', kind: 'reply', attempts: 1, idempotencyKey: 'reply:c:m', payload: { messageId: 'm', seq: 2, channel: 'whatsapp', text: 'Hola', options: [{ label: '1', text: 'Sí' }, { label: 2 }] } });
    expect(parsed.ok && parsed.delivery.kind === 'reply' ? parsed.delivery.payload : null).toEqual({ messageId: 'm', seq: 2, channel: 'whatsapp', text: 'Hola', options: [{ label: '1', text: 'Sí' }] });
  });

  it('should refuse an unknown kind and a payload of the wrong shape', () => {
    const row = { id: '1', tenantId: 't', conversationId: 'c', attempts: 1, idempotencyKey: 'k' };
    expect(parseOutboxEntry({ ...row, kind: 'fax', payload: {} })).toEqual({ ok: false, reason: 'no handler for kind fax' });
    expect(parseOutboxEntry({ ...row, kind: 'crm.lead', payload: { lead: { id: 'L-1' } } })).toEqual({ ok: false, reason: 'invalid crm.lead payload' });
    expect(parseOutboxEntry({ ...row, kind: 'handoff.notify', payload: { ticketNumber: 'T-1', priority: 'whenever', customer, summary: '', lastMessages: [] } })).toEqual({ ok: false, reason: 'invalid handoff.notify payload' });
  });
});
