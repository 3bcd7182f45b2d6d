import type { ConversationHost } from '../../actors/conversation-host.js';
import { handleChannelWebhook, hasVisibleText, inboundMedia, toInboundMessage, type ChannelName, type Deduplicator, type InboundEvent, type NotAccepted } from '../../channels/index.js';
import { HiloError, isHiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { OutboxRepository } from '../../persistence/ports/outbox.js';
import type { HttpRequest, HttpResponse, Route } from '../gateway/index.js';
import type { ChannelRegistry } from './channel-registry.js';

/**
 * A webhook no channel answers: `404 HILO_ERR_TENANT_NOT_FOUND` when the tenant does not exist,
 * `404 HILO_ERR_CHANNEL_NOT_CONFIGURED` (naming the channel) when it does but has no credentials
 * for this provider — an operator who pointed the provider here before setting the channel up
 * reads what is missing instead of doubting the tenant id. Still a 404: the webhook resource does
 * not exist for that tenant.
 */
export function notConfigured(tenantExists: boolean, channel: string): HttpResponse {
  return json(404, (tenantExists ? new HiloError('HILO_ERR_CHANNEL_NOT_CONFIGURED', undefined, { details: { channel } }) : new HiloError('HILO_ERR_TENANT_NOT_FOUND')).toJSON());
}

const ROUTE_PROVIDERS = { whatsapp: 'whatsapp', twilio: 'twilio-whatsapp', telegram: 'telegram' } as const satisfies Record<string, ChannelName>;

export const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function queryObject(q: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of q) if (!(k in out)) out[k] = v;
  return out;
}

/**
 * `/webhooks/{whatsapp|twilio|telegram}/:tenant`: verified, de-duplicated provider events. A
 * message runs its turn before the provider gets its 200 (a committed turn is durable and its
 * replies are outbox rows); a delivery status lands on the outbox row that sent the message.
 */
export function createWebhookRoutes(options: {
  channels: ChannelRegistry;
  /** The host, or in a cluster the routing service, whose `handleMessage` resolves once the message is durably accepted. */
  host: Pick<ConversationHost, 'resolveConversation'> & { handleMessage(message: Parameters<ConversationHost['handleMessage']>[0], resolved: { conversationId: string }): Promise<unknown> };
  /** Whether the tenant exists: a known tenant without the route's channel is told so, not "Unknown tenant". */
  hasTenant: (tenantId: string) => boolean;
  outbox: Pick<OutboxRepository, 'recordDeliveryStatus'>;
  dedupe: Deduplicator;
  /** Asks the outbox worker to look for due rows now. */
  kick: () => void;
  publicUrl: string | null;
  logger: Logger;
  /**
   * `HILO_CHANNEL_MAX_BODY_BYTES`: the routes' own body limit. Without it the API's 64 KiB applied
   * and a provider's batch over it (20 long WhatsApp texts, 84 KB) was refused with 413 on every
   * redelivery: messages lost.
   */
  maxBodyBytes?: number;
}): Route[] {
  const { channels, host, outbox, dedupe, kick } = options;
  const log = options.logger.child({ component: 'channels' });

  /**
   * Runs the turns of accepted events; returns once each committed (durable) or failed. One
   * conversation's failure does not hold the others of the batch (harden21: a WhatsApp batch with
   * two customers, the first one's turn failing, left the second unrun until the provider's
   * redelivery — and, were the first to keep failing, for good): they run, and only the failed
   * event and its sender's later ones (their order kept) are given back for the redelivery.
   */
  const accept = async (tenantId: string, events: InboundEvent[]): Promise<void | NotAccepted> => {
    const notAccepted: InboundEvent[] = [];
    const heldSenders = new Set<string>();
    let error: unknown = null;
    for (const event of events) {
      if (event.type === 'message' && heldSenders.has(event.senderId)) {
        notAccepted.push(event);
        continue;
      }
      try {
        await acceptOne(tenantId, event);
      } catch (err) {
        error ??= err;
        notAccepted.push(event);
        if (event.type === 'message') heldSenders.add(event.senderId);
      }
    }
    kick();
    if (notAccepted.length === 0) return;
    // Nothing accepted at all: thrown, as before (every claim released).
    if (notAccepted.length === events.length) throw error;
    return { notAccepted, error };
  };

  const acceptOne = async (tenantId: string, event: InboundEvent): Promise<void> => {
    if (event.type === 'status') {
      const found = await outbox.recordDeliveryStatus(tenantId, event.providerMessageId, event.status, event.error ? `${event.error.code}: ${event.error.message}` : null);
      log.debug({ tenant: tenantId, status: event.status, found }, 'delivery status');
      return;
    }
    // Photos, voice notes, documents, places and contact cards are kept as references on the
    // customer's line; without a caption the conversation acknowledges them in the contact's
    // language (or relays them while a human holds it). Media ids may be logged; captions never.
    const media = inboundMedia(event);
    // A text that shows nothing (only spaces, bidi marks, joiners, blank look-alikes such as
    // U+3164) is read as no text, as REST and the widget refuse it: without media nothing is
    // run, stored or even looked up (the provider still gets its 200, or it would redeliver),
    // and a photo's invisible caption leaves the photo alone. Logged without the text.
    const visible = hasVisibleText(event.text);
    if (!visible && media.length === 0) {
      log.info({ tenant: tenantId, channel: event.channel, kind: event.kind, chars: event.text.length }, 'customer message without visible text ignored');
      return;
    }
    const conversationId = await host.resolveConversation(tenantId, event.channel, event.senderId);
    channels.serviceWindow.recordInbound(conversationId, event.timestamp);
    if (media.length > 0) log.info({ tenant: tenantId, conversationId, channel: event.channel, media: media.map((m) => ({ kind: m.kind, id: m.id ?? null, mimeType: m.mimeType ?? null })) }, 'customer media received');
    try {
      await host.handleMessage({ ...toInboundMessage(event), ...(visible ? {} : { text: '' }), ...(media.length > 0 ? { media } : {}) }, { conversationId });
    } catch (err) {
      // A quarantined turn is final: a redelivery would be refused the same way, so the
      // provider gets its 200 (the host logged it with its code); anything else is retried.
      if (!isHiloError(err, 'HILO_ERR_TURN_QUARANTINED')) throw err;
    }
  };

  const webhookRoute = (segment: keyof typeof ROUTE_PROVIDERS, method: 'GET' | 'POST'): Route => ({
    method,
    path: `/webhooks/${segment}/:tenant`,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    tooLargeCode: 'HILO_ERR_CHANNEL_BODY_TOO_LARGE',
    handler: async (req: HttpRequest, ctx) => {
      const tenantId = ctx.params.tenant ?? '';
      const ch = channels.get(tenantId, ROUTE_PROVIDERS[segment]);
      if (!ch) return notConfigured(options.hasTenant(tenantId), segment);
      // Signatures (Twilio) cover the URL exactly as the provider called it: the raw target, never
      // a query rebuilt by URLSearchParams (which re-encodes `,`, `~`, `+`, empty names, ...).
      const search = req.query.toString();
      const target = req.target ?? `${req.path}${search ? `?${search}` : ''}`;
      const res = await handleChannelWebhook(
        { channel: ch.channel, accept: (events) => accept(tenantId, events), dedupe, log: ctx.log },
        { method: req.method, rawBody: req.body, headers: req.headers, url: `${options.publicUrl ?? ''}${target}`, query: queryObject(req.query) },
      );
      return { status: res.status, headers: res.headers, body: res.body };
    },
  });

  return [webhookRoute('whatsapp', 'GET'), webhookRoute('whatsapp', 'POST'), webhookRoute('twilio', 'POST'), webhookRoute('telegram', 'POST')];
}
