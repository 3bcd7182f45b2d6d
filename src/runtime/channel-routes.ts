import type { ConversationHost } from '../actors/conversation-host.js';
import { normalizeEmail, normalizePhone } from '../actors/identity/handles.js';
import type { CrmPort, TicketRecord, TicketStore } from '../persistence/ports/records.js';
import {
  createPacer,
  createServiceWindow,
  createTelegramChannel,
  createTelegramSender,
  createTwilioChannel,
  createTwilioSender,
  createWhatsAppCloudChannel,
  createWhatsAppSender,
  handleChannelWebhook,
  inboundMedia,
  toInboundMessage,
  type Channel,
  type ChannelName,
  type Deduplicator,
  type InboundEvent,
  type ProviderErrorRecord,
  type Sender,
  type ServiceWindow,
} from '../channels/index.js';
import { createCrmWebhook, type CrmWebhook } from '../channels/crm-webhook/index.js';
import { createLoggingHandoffNotifier, createRocketChatNotifier, customerTextForAgents, parseOutgoingWebhook, type AgentCommand, type AgentMessage, type HandoffNotifier, type HandoffPriority } from '../channels/rocketchat/index.js';
import { createSlackAlerter, type SlackAlerter } from '../channels/slack/index.js';
import type { LeadPayload } from '../domain/lead.js';
import type { MediaReference } from '../domain/media.js';
import { HiloError, isHiloError } from '../kernel/errors.js';
import type { TicketActorInput } from '../machines/conversation.contract.js';
import type { OutboxEntry, OutboxRepository } from '../persistence/sql/outbox.repository.js';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../persistence/ports/transcript-store.js';
import type { Clock } from '../kernel/clock.js';
import { tenantEnvKey, type HiloConfig } from './config.js';
import type { HttpRequest, HttpResponse, Route } from './gateway/index.js';
import type { Logger } from '../kernel/logger.js';
import type { OutboxHandler } from './outbox-worker.js';
import { createHash } from 'node:crypto';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';

/** A provider channel of one tenant: the webhook side and the sending side. */
interface TenantChannel {
  channel: Channel;
  sender: Sender;
  /** Provider errors of the send in progress (the worker sends one row at a time). */
  errors: ProviderErrorRecord[];
}

export interface ChannelWiringOptions {
  config: HiloConfig;
  tenantIds: readonly string[];
  host: ConversationHost;
  tickets: TicketStore;
  transcripts: TranscriptStore;
  outbox: OutboxRepository;
  /** Asks the outbox worker to look for due rows now. */
  kick: () => void;
  /** The customer's address on a channel (phone number, chat id) for a conversation; null when unknown. */
  recipientOf: (tenantId: string, conversationId: string, channel: string) => Promise<string | null>;
  dedupe: Deduplicator;
  /** Records agents' take-overs, messages and resolutions, and leads the CRM never got (ids only). */
  audit?: Pick<AuditTrail, 'record'>;
  clock: Clock;
  logger: Logger;
}

export interface ChannelWiring {
  /** `/webhooks/{whatsapp|twilio|telegram|rocketchat}/:tenant`, for the gateway's `extraRoutes`. */
  readonly routes: Route[];
  /** Outbox handlers by row kind: `reply`, `direct`, `handoff.notify`, `handoff.relay`, `slack.critical`, `slack.hotLead`, `crm.lead`. */
  readonly handlers: Record<string, OutboxHandler>;
  /** The CRM port for the tenants' lead effect: outbox rows for the CRM webhook and hot-lead alerts. */
  readonly crm: CrmPort;
  /** Hook for the ticket effect: outbox rows announcing a handoff to the agents (and Slack). */
  onTicketOpened(ticket: TicketRecord, input: TicketActorInput): Promise<void>;
  /** Hook for the host's `handoff.relay`: an outbox row relaying the customer's message (and its media references) to the agents. */
  onRelay(key: ConversationKey, relay: { ticketNumber: string; messageId: string; text: string; media?: MediaReference[]; channel?: string }): void;
  /**
   * The outbox worker's `onFinalFailure`: a lead the CRM never accepted is logged as an error
   * (`crm.lead_failed`) and, with Slack, announced there so someone enters it by hand.
   */
  onOutboxFailure(entry: OutboxEntry, reason: string): Promise<void>;
  /** Which channels each tenant has, for the start-up log. */
  readonly enabled: Record<string, ChannelName[]>;
  readonly serviceWindow: ServiceWindow;
}

const ROUTE_PROVIDERS = { whatsapp: 'whatsapp', twilio: 'twilio-whatsapp', telegram: 'telegram' } as const satisfies Record<string, ChannelName>;

/** An agent in the audit trail: a digest of the tenant and the agent's chat name, never the name. */
function agentActor(tenantId: string, agentName: string): string {
  return `agent:${createHash('sha256').update(`${tenantId}\u0000${agentName}`).digest('hex').slice(0, 12)}`;
}

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function headerMap(req: HttpRequest): Record<string, string> {
  return req.headers;
}

function queryObject(q: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of q) if (!(k in out)) out[k] = v;
  return out;
}

/** Priority shown to agents: urgent for critical and high-priority cases. */
function priorityOf(reason: string): HandoffPriority {
  return reason === 'critical' || reason === 'high_priority' ? 'urgent' : 'new';
}

const AUTHOR_LABEL: Record<string, string> = { customer: 'Cliente', bot: 'Hilo', agent: 'Agente', system: 'Sistema' };

/**
 * Wires the provider channels and the human handoff into a running runtime: one `Channel` and
 * `Sender` per tenant and provider (from `HILO_*_<T>` variables), the webhook routes (turns run
 * when the webhook is accepted; a committed turn is durable and its replies are outbox rows),
 * the outbox handlers that deliver replies, agent notifications, Slack alerts and CRM leads, and
 * the Rocket.Chat agent endpoint.
 *
 * @example
 * const wiring = createChannelWiring({ config, tenantIds, host, tickets, transcripts, outbox, kick, recipientOf, dedupe, clock, logger });
 * startGateway({ ..., extraRoutes: wiring.routes });
 */
export function createChannelWiring(options: ChannelWiringOptions): ChannelWiring {
  const { config, host, tickets, transcripts, outbox, kick, recipientOf, dedupe, clock, logger } = options;
  const log = logger.child({ component: 'channels' });
  const serviceWindow = createServiceWindow({ clock });
  const twilioPacer = createPacer({ clock, perNumberPerSecond: 80, perNumberBurst: 80, pairIntervalMs: config.whatsappPairIntervalMs, pairBurst: config.whatsappPairBurst });
  const telegramPacer = createPacer({ clock, perNumberPerSecond: 30, perNumberBurst: 30, pairIntervalMs: 1_000, pairBurst: 3 });

  const channels = new Map<string, TenantChannel>();
  const enabled: Record<string, ChannelName[]> = {};
  const keyOf = (tenantId: string, name: string) => `${tenantId}\u0000${name}`;
  for (const tenantId of options.tenantIds) {
    const creds = config.channels[tenantEnvKey(tenantId)];
    if (!creds) continue;
    const names: ChannelName[] = [];
    const add = (name: ChannelName, make: (errors: ProviderErrorRecord[]) => { channel: Channel; sender: Sender }) => {
      const errors: ProviderErrorRecord[] = [];
      channels.set(keyOf(tenantId, name), { ...make(errors), errors });
      names.push(name);
    };
    const senderLog = log.child({ tenant: tenantId });
    if (creds.whatsapp) {
      const wa = creds.whatsapp;
      const pacer = createPacer({ clock, perNumberPerSecond: wa.messagesPerSecond, perNumberBurst: wa.messagesPerSecond, pairIntervalMs: config.whatsappPairIntervalMs, pairBurst: config.whatsappPairBurst });
      add('whatsapp', (errors) => ({
        channel: createWhatsAppCloudChannel({ tenantId, appSecret: wa.appSecret, verifyToken: wa.verifyToken, phoneNumberId: wa.phoneNumberId, maxBodyBytes: config.channelMaxBodyBytes }),
        sender: createWhatsAppSender({
          baseUrl: config.whatsappGraphUrl,
          graphVersion: config.whatsappGraphVersion,
          phoneNumberId: wa.phoneNumberId,
          accessToken: wa.accessToken,
          clock,
          pacer,
          serviceWindow,
          ...(wa.template ? { fallbackTemplate: wa.template } : {}),
          onProviderError: (r) => errors.push(r),
          log: senderLog,
        }),
      }));
    }
    if (creds.twilio) {
      const tw = creds.twilio;
      add('twilio-whatsapp', (errors) => ({
        channel: createTwilioChannel({ tenantId, authToken: tw.authToken, clock, maxBodyBytes: config.channelMaxBodyBytes }),
        sender: createTwilioSender({
          baseUrl: config.twilioApiUrl,
          accountSid: tw.accountSid,
          authToken: tw.authToken,
          from: tw.from,
          ...(config.publicUrl ? { statusCallbackUrl: `${config.publicUrl}/webhooks/twilio/${encodeURIComponent(tenantId)}` } : {}),
          clock,
          pacer: twilioPacer,
          serviceWindow,
          ...(tw.contentSid ? { fallbackTemplate: { name: tw.contentSid, language: 'es' } } : {}),
          onProviderError: (r) => errors.push(r),
          log: senderLog,
        }),
      }));
    }
    if (creds.telegram) {
      const tg = creds.telegram;
      add('telegram', (errors) => ({
        channel: createTelegramChannel({ tenantId, secretToken: tg.secretToken, clock, maxBodyBytes: config.channelMaxBodyBytes }),
        sender: createTelegramSender({ baseUrl: config.telegramApiUrl, botToken: tg.botToken, clock, pacer: telegramPacer, onProviderError: (r) => errors.push(r), log: senderLog }),
      }));
    }
    if (names.length > 0) enabled[tenantId] = names;
  }

  // Without Rocket.Chat the logging notifier only writes a log line: nothing reaches an agent, so
  // the outbox counts those rows as skipped, not delivered.
  const agentChatConfigured = Boolean(config.rocketChatWebhookUrl);
  const notifier: HandoffNotifier = config.rocketChatWebhookUrl
    ? createRocketChatNotifier({ webhookUrl: config.rocketChatWebhookUrl, clock, logger, timeZone: config.agentsTimeZone })
    : createLoggingHandoffNotifier({ logger });
  const slack: SlackAlerter | null = config.slackWebhookUrl ? createSlackAlerter({ webhookUrl: config.slackWebhookUrl, clock, logger }) : null;
  const crmWebhook: CrmWebhook | null =
    config.crmWebhookUrl && config.crmWebhookSecret
      ? createCrmWebhook({
          url: config.crmWebhookUrl,
          secret: config.crmWebhookSecret,
          clock,
          logger,
          onAttempt: (a) => log.info({ tenant: a.tenantId, leadId: a.leadId, attempt: a.attempt, ok: a.ok, status: a.status, retrying: a.retrying }, 'CRM delivery attempt'),
        })
      : null;

  const enqueue = async (entry: Parameters<OutboxRepository['enqueue']>[0]): Promise<void> => {
    await outbox.enqueue(entry);
    kick();
  };

  /** After a restart the window is rebuilt from the conversation's last customer message. */
  const ensureWindow = async (tenantId: string, conversationId: string): Promise<void> => {
    if (serviceWindow.isOpen(conversationId)) return;
    const lines = await transcripts.list({ tenantId, conversationId }, {});
    const lastIn = [...lines].reverse().find((l) => l.direction === 'in');
    if (lastIn) serviceWindow.recordInbound(conversationId, Date.parse(lastIn.at));
  };

  const sendOnChannel = async (entry: OutboxEntry, channelName: string, to: string | null, text: string, options: readonly { label: string; text: string }[] = []) => {
    const ch = channels.get(keyOf(entry.tenantId, channelName));
    // Web and REST replies are delivered by the transcript; a channel no longer configured cannot send.
    if (!ch) return { note: `no sender for channel ${channelName}`, skipped: 'not_configured' as const };
    const recipient = to ?? (await recipientOf(entry.tenantId, entry.conversationId, channelName));
    if (recipient === null) throw new HiloError('HILO_ERR_CHANNEL_SEND_REJECTED', 'The conversation has no recipient on this channel.');
    await ensureWindow(entry.tenantId, entry.conversationId);
    ch.errors.length = 0;
    // Options as the provider's reply buttons where they fit, else as numbered lines in the text.
    const buttons = options.length > 0 ? (ch.channel.formatButtons?.(text, options) ?? null) : null;
    const result = await ch.sender.send(
      buttons
        ? { to: recipient, text: buttons.text, buttons: buttons.buttons, conversationId: entry.conversationId }
        : { to: recipient, text: ch.channel.formatOutbound(text, options), conversationId: entry.conversationId },
    );
    const note = ch.errors.length > 0 ? JSON.stringify(ch.errors.map((e) => ({ attempt: e.attempt, http: e.httpStatus, code: e.providerCode, retrying: e.retrying }))) : null;
    return { providerMessageId: result.providerMessageId, note: result.usedTemplate ? `template sent${note ? ` ${note}` : ''}` : note };
  };

  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  /** A reply row's options (`[{label, text}]`), whatever survived the JSON round trip. */
  const optionsOf = (v: unknown): { label: string; text: string }[] =>
    Array.isArray(v) ? v.filter((o): o is { label: string; text: string } => typeof o?.label === 'string' && typeof o?.text === 'string') : [];

  const handlers: Record<string, OutboxHandler> = {
    reply: (entry) => sendOnChannel(entry, str(entry.payload.channel), null, str(entry.payload.text), optionsOf(entry.payload.options)),
    direct: (entry) => sendOnChannel(entry, str(entry.payload.channel), str(entry.payload.to) || null, str(entry.payload.text)),
    'handoff.notify': async (entry) => {
      const p = entry.payload as unknown as Parameters<HandoffNotifier['notifyHandoff']>[0];
      await notifier.notifyHandoff(p);
      return agentChatConfigured ? {} : { note: 'Rocket.Chat not configured', skipped: 'not_configured' };
    },
    'handoff.relay': async (entry) => {
      await notifier.notifyRelay(str(entry.payload.ticketNumber), str(entry.payload.text));
      return agentChatConfigured ? {} : { note: 'Rocket.Chat not configured', skipped: 'not_configured' };
    },
    'slack.critical': async (entry) => {
      if (!slack) return { note: 'Slack not configured', skipped: 'not_configured' };
      await slack.alertCritical(entry.payload as unknown as Parameters<SlackAlerter['alertCritical']>[0]);
      return {};
    },
    'slack.hotLead': async (entry) => {
      if (!slack) return { note: 'Slack not configured', skipped: 'not_configured' };
      await slack.alertHotLead({ tenantId: entry.tenantId, lead: entry.payload.lead as LeadPayload, reason: 'urgencia alta' });
      return {};
    },
    'slack.crmFailed': async (entry) => {
      if (!slack) return { note: 'Slack not configured', skipped: 'not_configured' };
      await slack.alertCrmFailed({ tenantId: entry.tenantId, leadId: str(entry.payload.leadId), reason: str(entry.payload.reason) });
      return {};
    },
    'crm.lead': async (entry) => {
      if (!crmWebhook) return { note: 'CRM webhook not configured', skipped: 'not_configured' };
      const res = await crmWebhook.deliverLead(entry.tenantId, entry.payload.lead as LeadPayload);
      return { providerMessageId: res.idempotencyKey, note: `HTTP ${res.status} after ${res.attempts} attempt(s)` };
    },
  };

  const crmLog = logger.child({ component: 'crm' });
  const crm: CrmPort = {
    async pushLead(tenantId, payload) {
      // The lead is stored already; the outbox row (one per lead id) makes the delivery exactly-once on our side.
      if (crmWebhook) {
        await enqueue({ tenantId, conversationId: '', kind: 'crm.lead', payload: { lead: payload }, idempotencyKey: `crm:${payload.lead_id}` });
      } else {
        crmLog.info({ tenant: tenantId, leadId: payload.lead_id, urgency: payload.urgency_level }, 'lead delivered to the embedded CRM');
      }
      if (slack && payload.urgency_level === 'Alto') {
        await enqueue({ tenantId, conversationId: '', kind: 'slack.hotLead', payload: { lead: payload }, idempotencyKey: `slack:lead:${payload.lead_id}` });
      }
    },
  };

  const customerOf = async (tenantId: string, conversationId: string): Promise<{ displayName: string; channel: string }> => {
    const lines = await transcripts.list({ tenantId, conversationId }, {});
    const channel = [...lines].reverse().find((l) => l.direction === 'in')?.channel ?? 'web';
    const handle = host.contactHandleOf(tenantId, conversationId);
    return { displayName: handle ?? conversationId, channel };
  };

  const onTicketOpened = async (ticket: TicketRecord, input: TicketActorInput): Promise<void> => {
    if (input.kind !== 'handoff') return;
    const lines = await transcripts.list({ tenantId: input.tenantId, conversationId: input.conversationId }, {});
    const lastMessages = lines.slice(-9).map((l) => ({ author: l.author === 'agent' && l.agentName ? l.agentName : (AUTHOR_LABEL[l.author] ?? l.author), text: customerTextForAgents(l.text, l.media, l.channel), at: Date.parse(l.at) }));
    // The message that asked for a human is not in the transcript yet (its turn commits after this effect).
    if (!lines.some((l) => l.messageId === input.messageId)) lastMessages.push({ author: 'Cliente', text: input.text, at: clock.now() });
    const customer = await customerOf(input.tenantId, input.conversationId);
    await enqueue({
      tenantId: input.tenantId,
      conversationId: input.conversationId,
      kind: 'handoff.notify',
      payload: { ticketNumber: ticket.number, priority: priorityOf(input.reason), customer, summary: ticket.summary, lastMessages },
      idempotencyKey: `handoff:${ticket.ticketId}`,
    });
    if (slack && input.reason === 'critical') {
      await enqueue({
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        kind: 'slack.critical',
        payload: { tenantId: input.tenantId, ticketNumber: ticket.number, reason: input.reason, customer, summary: ticket.summary },
        idempotencyKey: `slack:critical:${ticket.ticketId}`,
      });
    }
  };

  /**
   * The customer writes again while no agent has answered since the ticket opened: the handoff is
   * announced once more as *pending* (yellow), so a waiting customer stands out in the room.
   */
  const announcePendingIfUnanswered = async (key: ConversationKey, ticketNumber: string): Promise<void> => {
    const ticket = await findTicket(key.tenantId, ticketNumber);
    if (!ticket || ticket.status !== 'open') return;
    const lines = await transcripts.list(key, {});
    if (lines.some((l) => l.author === 'agent' && l.at >= ticket.openedAt)) return;
    const lastMessages = lines.slice(-9).map((l) => ({ author: AUTHOR_LABEL[l.author] ?? l.author, text: customerTextForAgents(l.text, l.media, l.channel), at: Date.parse(l.at) }));
    await enqueue({
      tenantId: key.tenantId,
      conversationId: key.conversationId,
      kind: 'handoff.notify',
      payload: { ticketNumber, priority: 'pending', customer: await customerOf(key.tenantId, key.conversationId), summary: ticket.summary, lastMessages },
      idempotencyKey: `handoff:pending:${ticket.ticketId}`,
    });
  };

  const onRelay = (key: ConversationKey, relay: { ticketNumber: string; messageId: string; text: string; media?: MediaReference[]; channel?: string }): void => {
    // Photos, voice notes, documents reach the agents as references they can open (one line each).
    const media = relay.media ?? [];
    const text = customerTextForAgents(relay.text, media, relay.channel);
    enqueue({
      tenantId: key.tenantId,
      conversationId: key.conversationId,
      kind: 'handoff.relay',
      payload: { ticketNumber: relay.ticketNumber, text, ...(media.length > 0 ? { media } : {}) },
      idempotencyKey: `relay:${key.conversationId}:${relay.messageId}`,
    })
      .then(() => announcePendingIfUnanswered(key, relay.ticketNumber))
      .catch((err: unknown) =>
        log.error({ tenant: key.tenantId, conversationId: key.conversationId, err }, 'relay not queued'),
      );
  };

  /** Runs the turns of accepted events; returns once each committed (durable) or failed. */
  const accept = async (tenantId: string, events: InboundEvent[]): Promise<void> => {
    for (const event of events) {
      if (event.type === 'status') {
        const found = await outbox.recordDeliveryStatus(tenantId, event.providerMessageId, event.status, event.error ? `${event.error.code}: ${event.error.message}` : null);
        log.debug({ tenant: tenantId, status: event.status, found }, 'delivery status');
        continue;
      }
      const conversationId = await host.resolveConversation(tenantId, event.channel, event.senderId);
      serviceWindow.recordInbound(conversationId, event.timestamp);
      // Photos, voice notes, documents, places and contact cards are kept as references on the
      // customer's line; without a caption the conversation acknowledges them in the contact's
      // language (or relays them while a human holds it). Media ids may be logged; captions never.
      const media = inboundMedia(event);
      if (media.length > 0) log.info({ tenant: tenantId, conversationId, channel: event.channel, media: media.map((m) => ({ kind: m.kind, id: m.id ?? null, mimeType: m.mimeType ?? null })) }, 'customer media received');
      if (event.text.trim() === '' && media.length === 0) continue;
      try {
        await host.handleMessage({ ...toInboundMessage(event), ...(media.length > 0 ? { media } : {}) });
      } catch (err) {
        // A quarantined turn is final: a redelivery would be refused the same way, so the
        // provider gets its 200 (the host logged it with its code); anything else is retried.
        if (!isHiloError(err, 'HILO_ERR_TURN_QUARANTINED')) throw err;
      }
    }
    kick();
  };

  const webhookRoute = (segment: keyof typeof ROUTE_PROVIDERS, method: 'GET' | 'POST'): Route => ({
    method,
    path: `/webhooks/${segment}/:tenant`,
    handler: async (req, ctx) => {
      const tenantId = ctx.params.tenant ?? '';
      const ch = channels.get(keyOf(tenantId, ROUTE_PROVIDERS[segment]));
      if (!ch) return json(404, new HiloError('HILO_ERR_TENANT_NOT_FOUND').toJSON());
      // Signatures (Twilio) cover the URL exactly as the provider called it: the raw target, never
      // a query rebuilt by URLSearchParams (which re-encodes `,`, `~`, `+`, empty names, ...).
      const search = req.query.toString();
      const target = req.target ?? `${req.path}${search ? `?${search}` : ''}`;
      const res = await handleChannelWebhook(
        { channel: ch.channel, accept: (events) => accept(tenantId, events), dedupe, log: ctx.log },
        { method: req.method, rawBody: req.body, headers: headerMap(req), url: `${config.publicUrl ?? ''}${target}`, query: queryObject(req.query) },
      );
      return { status: res.status, headers: res.headers, body: res.body };
    },
  });

  const findTicket = async (tenantId: string, number: string): Promise<TicketRecord | null> => (await tickets.list(tenantId)).find((t) => t.number === number) ?? null;

  const rocketChatRoute: Route = {
    method: 'POST',
    path: '/webhooks/rocketchat/:tenant',
    handler: async (req, ctx) => {
      const tenantId = ctx.params.tenant ?? '';
      if (!config.rocketChatOutgoingToken || !host.hasTenant(tenantId)) return json(404, new HiloError('HILO_ERR_TENANT_NOT_FOUND').toJSON());
      try {
        const event = parseOutgoingWebhook(req.body, { token: config.rocketChatOutgoingToken });
        if (event.kind === 'ignored') return json(200, {});
        const claim = `rocketchat:${tenantId}:${event.messageId}`;
        if (!(await dedupe.claim(claim))) return json(200, {});
        try {
          return await handleAgentEvent(tenantId, event, ctx.log);
        } catch (err) {
          // Not handled: let Rocket.Chat's retry (or the agent's resend) through.
          await dedupe.release(claim);
          throw err;
        }
      } catch (err) {
        if (isHiloError(err)) return json(err.status, err.toJSON());
        throw err;
      }
    },
  };

  /**
   * `/crear-ticket <phone | email | #T-…>`: the agent takes over the customer's conversation — found
   * by a ticket of it, or by the phone or email the customer gave — and a handoff ticket opens.
   */
  async function createTicketForAgent(tenantId: string, event: AgentCommand, reqLog: Logger): Promise<HttpResponse> {
    let conversationId: string | null = null;
    if (event.ticketNumber !== undefined) conversationId = (await findTicket(tenantId, event.ticketNumber))?.conversationId ?? null;
    if (conversationId === null) {
      const words = event.args.split(/\s+/);
      const email = words.map((w) => normalizeEmail(w)).find((e): e is string => e !== null);
      const phone = normalizePhone(event.args.replace(/[^\d+]/g, ''));
      if (email || phone) conversationId = await host.findConversationByHandle(tenantId, { ...(email ? { email } : {}), ...(phone ? { phone } : {}) });
    }
    if (conversationId === null) return json(200, { text: 'Indica el cliente: /crear-ticket +1 809 555 0101, un correo o #T-000123 de un caso anterior.' });
    const result = await host.takeOver(tenantId, conversationId, event.agentName);
    kick();
    const number = (result.state.context.ticket as { number?: string } | null)?.number;
    reqLog.info({ tenant: tenantId, conversationId, ticket: number ?? null }, 'agent took a conversation over');
    if (!result.state.value.startsWith('handoff') || !number) return json(200, { text: 'Esa conversación ya está con una persona.' });
    await options.audit?.record(tenantId, { type: 'agent.took_over', conversationId, ticketNumber: number }, agentActor(tenantId, event.agentName));
    return json(200, { text: `Ticket ${number} abierto; responde con #${number} tu mensaje.` });
  }

  async function handleAgentEvent(tenantId: string, event: AgentMessage | AgentCommand, reqLog: Logger): Promise<HttpResponse> {
    if (event.kind === 'command' && event.command === 'crear-ticket') return createTicketForAgent(tenantId, event, reqLog);
    if (event.ticketNumber === undefined) return json(200, { text: 'Indica el ticket: #T-000123 tu mensaje' });
    const ticket = await findTicket(tenantId, event.ticketNumber);
    if (!ticket) return json(200, { text: `No encuentro el ticket ${event.ticketNumber}.` });
    if (event.kind === 'command') {
      await tickets.close(tenantId, ticket.ticketId, event.agentName, event.text);
      await host.resolveHandoff(tenantId, ticket.conversationId, event.agentName, event.text);
      await options.audit?.record(tenantId, { type: 'agent.resolved', conversationId: ticket.conversationId, ticketNumber: ticket.number }, agentActor(tenantId, event.agentName));
      kick();
      return json(200, { text: `Ticket ${ticket.number} cerrado; Hilo retoma la conversación.` });
    }
    if (ticket.status !== 'open') return json(200, { text: `El ticket ${ticket.number} ya está cerrado.` });
    await host.handleAgentMessage(tenantId, ticket.conversationId, event.agentName, event.text);
    await options.audit?.record(tenantId, { type: 'agent.message', conversationId: ticket.conversationId, ticketNumber: ticket.number, chars: event.text.length }, agentActor(tenantId, event.agentName));
    kick();
    return json(200, {});
  }

  const routes: Route[] = [webhookRoute('whatsapp', 'GET'), webhookRoute('whatsapp', 'POST'), webhookRoute('twilio', 'POST'), webhookRoute('telegram', 'POST'), rocketChatRoute];
  const onOutboxFailure = async (entry: OutboxEntry, reason: string): Promise<void> => {
    if (entry.kind !== 'crm.lead') return;
    const leadId = str((entry.payload.lead as LeadPayload | undefined)?.lead_id);
    // The error code or status only: provider messages may echo the payload.
    const code = /^(HILO_ERR_[A-Z_]+)/.exec(reason)?.[1] ?? 'delivery failed';
    crmLog.error({ event: 'crm.lead_failed', tenant: entry.tenantId, leadId, outboxId: entry.id, attempts: entry.attempts, code }, 'a lead never reached the CRM');
    await options.audit?.record(entry.tenantId, { type: 'lead.delivery_failed', leadId, code, attempts: entry.attempts });
    if (slack) {
      await enqueue({ tenantId: entry.tenantId, conversationId: '', kind: 'slack.crmFailed', payload: { leadId, reason: code }, idempotencyKey: `slack:crm-failed:${leadId}` });
    }
  };

  return { routes, handlers, crm, onTicketOpened, onRelay, onOutboxFailure, enabled, serviceWindow };
}
