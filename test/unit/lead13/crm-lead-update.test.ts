import { afterEach, describe, expect, it } from 'vitest';
import { createCrmWebhook, type CrmWebhook } from '../../../src/channels/crm-webhook/index.js';
import type { LeadPayload } from '../../../src/domain/lead.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryLeadStore } from '../../../src/persistence/memory/memory-records.js';
import { createCrmDelivery } from '../../../src/runtime/channels/crm-port.js';
import type { OutboundDestinations } from '../../../src/runtime/channels/destinations.js';
import { registerChannelHandlers } from '../../../src/runtime/channels/outbox-handlers.js';
import { createOutboxHandlerRegistry, type OutboxQueue } from '../../../src/runtime/outbox/index.js';
import { toOutboxEntry, type OutboxMessage } from '../../../src/runtime/outbox/messages.js';
import { parseOutboxEntry } from '../../../src/runtime/outbox/parse.js';
import { startFakeCrmReceiver, type FakeCrmReceiver } from '../../fakes/crm-receiver.js';

const SECRET = 'whsec-test-0123456789';

function lead(email = 'ana@coral.com', company = 'Coral Builders'): LeadPayload {
  return {
    lead_id: 'L-000004',
    contact_info: { name: 'Ana Pérez', phone_or_username: '+18095550100', email },
    business_context: { company_name: company, interest_area: 'Ventas' },
    problem_statement: '300 sacos de cemento al mes',
    urgency_level: 'Alto',
    provenance: {},
  };
}

/** The outbox as a list of rows keyed once, like the real repositories. */
function listQueue(): OutboxQueue & { rows: OutboxMessage[] } {
  const rows: OutboxMessage[] = [];
  const keys = new Set<string>();
  return {
    rows,
    async enqueue(message) {
      const key = toOutboxEntry(message).idempotencyKey;
      if (keys.has(key)) return false;
      keys.add(key);
      rows.push(message);
      return true;
    },
    onEnqueued() {},
  };
}

function destinationsWith(crmWebhook: CrmWebhook | null): OutboundDestinations {
  return { for: () => ({ crmWebhook, slack: null, agentChatConfigured: false }) } as unknown as OutboundDestinations;
}

describe('a registered lead corrected afterwards reaches the CRM webhook (lead.updated)', () => {
  let receiver: FakeCrmReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  const webhook = async () => {
    const clock = createManualClock();
    receiver = await startFakeCrmReceiver({ secret: SECRET, clock });
    const crm = createCrmWebhook({ url: receiver.url, secret: SECRET, clock, logger: createSilentLogger(), sleep: async () => undefined });
    return { crm, receiver };
  };

  it('should POST a signed lead.updated event with its own idempotency key and the amendment number', async () => {
    const { crm, receiver } = await webhook();
    await crm.deliverLead('ferreteria', lead('ana@old.com'));
    const res = await crm.deliverLeadUpdate('ferreteria', lead(), 1);
    expect(res).toEqual({ attempts: 1, status: 200, idempotencyKey: 'ferreteria:L-000004:update:1' });
    const req = receiver.requests[1]!;
    expect(req.headers['x-hilo-event']).toBe('lead.updated');
    expect(req.headers['idempotency-key']).toBe('ferreteria:L-000004:update:1');
    expect(req.headers['x-hilo-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(req.rawBody)).toEqual({ event: 'lead.updated', idempotency_key: 'ferreteria:L-000004:update:1', tenant_id: 'ferreteria', amendment: 1, lead: lead() });
    // A receiver keyed by Idempotency-Key applies the lead and its correction, each once.
    await crm.deliverLeadUpdate('ferreteria', lead(), 1);
    await crm.deliverLeadUpdate('ferreteria', lead('ana@coral.com', 'Coral Builders Ltd'), 2);
    expect(receiver.applied.map((a) => [a.event, a.idempotencyKey])).toEqual([
      ['lead.submitted', 'ferreteria:L-000004'],
      ['lead.updated', 'ferreteria:L-000004:update:1'],
      ['lead.updated', 'ferreteria:L-000004:update:2'],
    ]);
  });

  it('should queue one crm.leadUpdate row per correction, delivered by its outbox handler', async () => {
    const { crm, receiver } = await webhook();
    const queue = listQueue();
    const destinations = destinationsWith(crm);
    const port = createCrmDelivery({ destinations, queue, logger: createSilentLogger() }).crm;
    await port.pushLead('ferreteria', lead('ana@old.com'));
    await port.updateLead!('ferreteria', lead(), 1);
    await port.updateLead!('ferreteria', lead(), 1); // the same turn replayed
    await port.updateLead!('ferreteria', lead('ana@coral.com', 'Coral Builders Ltd'), 2);
    expect(queue.rows.map((r) => [r.kind, toOutboxEntry(r).idempotencyKey])).toEqual([
      ['crm.lead', 'crm:L-000004'],
      ['crm.leadUpdate', 'crm:L-000004:update:1'],
      ['crm.leadUpdate', 'crm:L-000004:update:2'],
    ]);

    const handlers = createOutboxHandlerRegistry();
    registerChannelHandlers(handlers, { channels: {} as never, destinations, transcripts: {} as never, recipientOf: async () => null });
    for (const [i, row] of queue.rows.entries()) {
      const parsed = parseOutboxEntry({ ...toOutboxEntry(row), id: String(i), attempts: 1 } as never);
      if (!parsed.ok) throw new Error(parsed.reason);
      const result = await handlers.handlerFor(parsed.delivery.kind)!(parsed.delivery as never);
      expect(result.note).toBe('HTTP 200 after 1 attempt(s)');
    }
    expect(receiver.applied.map((a) => a.event)).toEqual(['lead.submitted', 'lead.updated', 'lead.updated']);
    expect((receiver.applied[2]?.body as { lead: LeadPayload }).lead.business_context.company_name).toBe('Coral Builders Ltd');
  });

  it('should queue nothing for the webhook when the tenant has none (the embedded CRM is the lead store)', async () => {
    const queue = listQueue();
    const port = createCrmDelivery({ destinations: destinationsWith(null), queue, logger: createSilentLogger() }).crm;
    await port.updateLead!('ferreteria', lead(), 1);
    expect(queue.rows).toEqual([]);
  });

  it('should refuse a stored crm.leadUpdate row without a positive whole amendment number', () => {
    const row = { id: '1', tenantId: 'ferreteria', conversationId: '', attempts: 1, idempotencyKey: 'k', kind: 'crm.leadUpdate' };
    expect(parseOutboxEntry({ ...row, payload: { lead: lead() } } as never)).toEqual({ ok: false, reason: 'invalid crm.leadUpdate payload' });
    expect(parseOutboxEntry({ ...row, payload: { lead: lead(), amendment: 0 } } as never)).toEqual({ ok: false, reason: 'invalid crm.leadUpdate payload' });
    expect(parseOutboxEntry({ ...row, payload: { lead: lead(), amendment: 3 } } as never).ok).toBe(true);
  });
});

describe('the memory lead store counts corrections', () => {
  it('should count a changed payload once and a repeated one not at all', async () => {
    const leads = createMemoryLeadStore({ clock: createManualClock() });
    const saved = await leads.save({ tenantId: 'ferreteria', conversationId: 'c', draft: {}, idempotencyKey: 'k', build: (id) => ({ ...lead('ana@old.com'), lead_id: id }) });
    const corrected = { ...lead(), lead_id: saved.leadId };
    expect((await leads.amend!('ferreteria', saved.leadId, corrected))?.amendments).toBe(1);
    expect((await leads.amend!('ferreteria', saved.leadId, structuredClone(corrected)))?.amendments).toBe(1);
    expect((await leads.amend!('ferreteria', saved.leadId, { ...corrected, urgency_level: 'Medio' }))?.amendments).toBe(2);
    expect(await leads.amend!('ferreteria', 'L-999999', corrected)).toBeNull();
  });
});
