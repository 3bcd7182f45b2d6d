import { HiloError } from '../../kernel/errors.js';
import type { TranscriptStore } from '../../persistence/ports/transcript-store.js';
import type { OutboxHandlerRegistry, OutboxOption, OutboxResult } from '../outbox/index.js';
import type { ChannelRegistry } from './channel-registry.js';
import type { OutboundDestinations } from './destinations.js';

/** The customer's address on a channel (phone number, chat id) for a conversation; null when unknown. */
export type RecipientLookup = (tenantId: string, conversationId: string, channel: string) => Promise<string | null>;

interface ChannelSend {
  tenantId: string;
  conversationId: string;
  channel: string;
  /** The address, when the row carries it; else it is looked up. */
  to: string | null;
  text: string;
  options?: readonly OutboxOption[];
}

const notConfigured = (note: string): OutboxResult => ({ note, skipped: 'not_configured' });

/**
 * Registers the handlers of every outbox kind: replies and direct messages on the provider
 * channels, handoff notices and relays for the agents, Slack alerts, CRM leads.
 */
export function registerChannelHandlers(
  handlers: OutboxHandlerRegistry,
  deps: { channels: ChannelRegistry; destinations: OutboundDestinations; transcripts: TranscriptStore; recipientOf: RecipientLookup },
): void {
  const { channels, destinations, transcripts, recipientOf } = deps;

  /** After a restart the window is rebuilt from the conversation's last customer message. */
  const ensureWindow = async (tenantId: string, conversationId: string): Promise<void> => {
    if (channels.serviceWindow.isOpen(conversationId)) return;
    const lines = await transcripts.list({ tenantId, conversationId }, {});
    const lastIn = [...lines].reverse().find((l) => l.direction === 'in');
    if (lastIn) channels.serviceWindow.recordInbound(conversationId, Date.parse(lastIn.at));
  };

  const sendOnChannel = async (send: ChannelSend): Promise<OutboxResult> => {
    const ch = channels.get(send.tenantId, send.channel);
    // Web and REST replies are delivered by the transcript; a channel no longer configured cannot send.
    if (!ch) return notConfigured(`no sender for channel ${send.channel}`);
    const recipient = send.to ?? (await recipientOf(send.tenantId, send.conversationId, send.channel));
    if (recipient === null) throw new HiloError('HILO_ERR_CHANNEL_SEND_REJECTED', 'The conversation has no recipient on this channel.');
    await ensureWindow(send.tenantId, send.conversationId);
    // Options as the provider's reply buttons where they fit, else as numbered lines in the text.
    const options = send.options ?? [];
    const buttons = options.length > 0 ? (ch.channel.formatButtons?.(send.text, options) ?? null) : null;
    const result = await ch.send(
      buttons
        ? { to: recipient, text: buttons.text, buttons: buttons.buttons, conversationId: send.conversationId }
        : { to: recipient, text: ch.channel.formatOutbound(send.text, options), conversationId: send.conversationId },
    );
    const errors = result.providerErrors;
    const note = errors.length > 0 ? JSON.stringify(errors.map((e) => ({ attempt: e.attempt, http: e.httpStatus, code: e.providerCode, retrying: e.retrying }))) : null;
    return { providerMessageId: result.providerMessageId, note: result.usedTemplate ? `template sent${note ? ` ${note}` : ''}` : note };
  };

  // Each row goes to its tenant's own agent chat, Slack or CRM, else the environment's.
  const agentsNotified = (tenantId: string): OutboxResult => (destinations.for(tenantId).agentChatConfigured ? {} : notConfigured('Rocket.Chat not configured'));

  handlers
    .register('reply', ({ tenantId, conversationId, payload }) =>
      sendOnChannel({ tenantId, conversationId, channel: payload.channel, to: payload.recipient ?? null, text: payload.text, ...(payload.options ? { options: payload.options } : {}) }),
    )
    .register('direct', ({ tenantId, conversationId, payload }) => sendOnChannel({ tenantId, conversationId, channel: payload.channel, to: payload.to || null, text: payload.text }))
    .register('handoff.notify', async ({ tenantId, payload }) => {
      await destinations.for(tenantId).notifier.notifyHandoff(payload);
      return agentsNotified(tenantId);
    })
    .register('handoff.relay', async ({ tenantId, payload }) => {
      await destinations.for(tenantId).notifier.notifyRelay(payload.ticketNumber, payload.text);
      return agentsNotified(tenantId);
    })
    .register('handoff.taken', async ({ tenantId, payload }) => {
      await destinations.for(tenantId).notifier.notifyTaken?.(payload.ticketNumber, payload.agentName);
      return agentsNotified(tenantId);
    })
    .register('handoff.cancelled', async ({ tenantId, payload }) => {
      await destinations.for(tenantId).notifier.notifyCancelled?.(payload.ticketNumber);
      return agentsNotified(tenantId);
    })
    .register('slack.critical', async ({ tenantId, payload }) => {
      const slack = destinations.for(tenantId).slack;
      if (!slack) return notConfigured('Slack not configured');
      await slack.alertCritical(payload);
      return {};
    })
    .register('slack.hotLead', async ({ tenantId, payload }) => {
      const slack = destinations.for(tenantId).slack;
      if (!slack) return notConfigured('Slack not configured');
      await slack.alertHotLead({ tenantId, lead: payload.lead, reason: 'urgencia alta' });
      return {};
    })
    .register('slack.crmFailed', async ({ tenantId, payload }) => {
      const slack = destinations.for(tenantId).slack;
      if (!slack) return notConfigured('Slack not configured');
      await slack.alertCrmFailed({ tenantId, leadId: payload.leadId, reason: payload.reason });
      return {};
    })
    .register('crm.lead', async ({ tenantId, payload }) => {
      const crmWebhook = destinations.for(tenantId).crmWebhook;
      if (!crmWebhook) return notConfigured('CRM webhook not configured');
      const res = await crmWebhook.deliverLead(tenantId, payload.lead);
      return { providerMessageId: res.idempotencyKey, note: `HTTP ${res.status} after ${res.attempts} attempt(s)` };
    })
    .register('crm.leadUpdate', async ({ tenantId, payload }) => {
      const crmWebhook = destinations.for(tenantId).crmWebhook;
      if (!crmWebhook) return notConfigured('CRM webhook not configured');
      const res = await crmWebhook.deliverLeadUpdate(tenantId, payload.lead, payload.amendment);
      return { providerMessageId: res.idempotencyKey, note: `HTTP ${res.status} after ${res.attempts} attempt(s)` };
    });
}
