import type { CrmPort } from '../../persistence/ports/records.js';
import type { OutboxEntry } from '../../persistence/ports/outbox.js';
import type { AuditTrail } from '../../persistence/ports/audit-trail.js';
import type { Logger } from '../../kernel/logger.js';
import type { OutboxDelivery, OutboxQueue } from '../outbox/index.js';
import type { OutboundDestinations } from './destinations.js';

export interface CrmDelivery {
  /** The CRM port for the tenants' lead effect: outbox rows for the CRM webhook and hot-lead alerts. */
  readonly crm: CrmPort;
  /**
   * The outbox worker's final-failure hook: a lead the CRM never accepted is logged as an error
   * (`crm.lead_failed`), audited and, with Slack, announced there so someone enters it by hand.
   */
  onOutboxFailure(entry: OutboxEntry, reason: string, delivery: OutboxDelivery | null): Promise<void>;
}

export function createCrmDelivery(options: {
  destinations: OutboundDestinations;
  queue: OutboxQueue;
  audit?: Pick<AuditTrail, 'record'>;
  logger: Logger;
}): CrmDelivery {
  const { destinations, queue } = options;
  const crmLog = options.logger.child({ component: 'crm' });
  return {
    crm: {
      async pushLead(tenantId, payload) {
        // The tenant's own CRM and Slack (tenant.json `integrations`), else the environment's.
        const { crmWebhook, slack } = destinations.for(tenantId);
        // The lead is stored already; the outbox row (one per lead id) makes the delivery exactly-once on our side.
        if (crmWebhook) {
          await queue.enqueue({ kind: 'crm.lead', tenantId, conversationId: '', payload: { lead: payload } });
        } else {
          crmLog.info({ tenant: tenantId, leadId: payload.lead_id, urgency: payload.urgency_level }, 'lead delivered to the embedded CRM');
        }
        if (slack && payload.urgency_level === 'Alto') {
          await queue.enqueue({ kind: 'slack.hotLead', tenantId, conversationId: '', payload: { lead: payload } });
        }
        await options.audit?.record(tenantId, { type: 'lead.pushed', leadId: payload.lead_id, urgency: payload.urgency_level ?? null, destination: crmWebhook ? 'crm_webhook' : 'embedded' });
      },
      async updateLead(tenantId, payload, amendment) {
        // The embedded CRM is the lead store, amended already. A CRM webhook gets a `lead.updated`
        // event: its own outbox row per correction (key lead id + amendment number), retried and
        // signed like the lead itself; a replayed turn enqueues nothing new.
        const { crmWebhook } = destinations.for(tenantId);
        if (crmWebhook) {
          await queue.enqueue({ kind: 'crm.leadUpdate', tenantId, conversationId: '', payload: { lead: payload, amendment } });
        }
        crmLog.info({ tenant: tenantId, leadId: payload.lead_id, amendment, destination: crmWebhook ? 'crm_webhook' : 'embedded' }, 'lead corrected by the customer after it was registered');
        await options.audit?.record(tenantId, { type: 'lead.amended', leadId: payload.lead_id, amendment, destination: crmWebhook ? 'crm_webhook' : 'embedded' });
      },
    },
    async onOutboxFailure(entry, reason, delivery) {
      if (entry.kind !== 'crm.lead' && entry.kind !== 'crm.leadUpdate') return;
      const raw = (entry.payload.lead as { lead_id?: unknown } | undefined)?.lead_id;
      const leadId = delivery?.kind === 'crm.lead' || delivery?.kind === 'crm.leadUpdate' ? delivery.payload.lead.lead_id : typeof raw === 'string' ? raw : '';
      if (entry.kind === 'crm.leadUpdate') {
        // The lead reached the CRM earlier; this correction did not. Logged and audited (the lead
        // store has the corrected lead); the Slack alert stays one per lead (`slack:crm-failed:<lead>`).
        const code = /^(HILO_ERR_[A-Z_]+)/.exec(reason)?.[1] ?? 'delivery failed';
        crmLog.error({ event: 'crm.lead_update_failed', tenant: entry.tenantId, leadId, outboxId: entry.id, attempts: entry.attempts, code }, 'a lead correction never reached the CRM');
        await options.audit?.record(entry.tenantId, { type: 'lead.update_delivery_failed', leadId, code, attempts: entry.attempts });
        return;
      }
      // The error code or status only: provider messages may echo the payload.
      const code = /^(HILO_ERR_[A-Z_]+)/.exec(reason)?.[1] ?? 'delivery failed';
      crmLog.error({ event: 'crm.lead_failed', tenant: entry.tenantId, leadId, outboxId: entry.id, attempts: entry.attempts, code }, 'a lead never reached the CRM');
      await options.audit?.record(entry.tenantId, { type: 'lead.delivery_failed', leadId, code, attempts: entry.attempts });
      if (destinations.for(entry.tenantId).slack) await queue.enqueue({ kind: 'slack.crmFailed', tenantId: entry.tenantId, conversationId: '', payload: { leadId, reason: code } });
    },
  };
}
