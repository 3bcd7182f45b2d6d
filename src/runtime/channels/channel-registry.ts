import { AsyncLocalStorage } from 'node:async_hooks';
import {
  createPacer,
  createServiceWindow,
  createTelegramChannel,
  createTelegramSender,
  createTwilioChannel,
  createTwilioSender,
  createWhatsAppCloudChannel,
  createWhatsAppSender,
  type Channel,
  type ChannelName,
  type ProviderErrorRecord,
  type SendRequest,
  type SendResult,
  type ServiceWindow,
} from '../../channels/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { tenantEnvKey, type HiloConfig } from '../config.js';

/** A send's outcome with the provider errors met on the way (retried ones included), as values. */
export interface ChannelSendResult extends SendResult {
  providerErrors: ProviderErrorRecord[];
}

/** A provider channel of one tenant: the webhook side and the sending side. */
export interface TenantChannel {
  readonly channel: Channel;
  send(request: SendRequest): Promise<ChannelSendResult>;
}

export interface ChannelRegistry {
  /** The tenant's channel on a provider; undefined when it is not configured. */
  get(tenantId: string, name: string): TenantChannel | undefined;
  /** Which channels each tenant has, for the start-up log and identity-link codes. */
  readonly enabled: Readonly<Record<string, ChannelName[]>>;
  readonly serviceWindow: ServiceWindow;
}

/**
 * One `Channel` and `Sender` per tenant and provider, from the `HILO_*_<T>` variables. Senders
 * report provider errors through a callback; each send collects its own (an async context per
 * send), so concurrent sends of different tenants never see each other's errors.
 */
export function createChannelRegistry(options: { config: HiloConfig; tenantIds: readonly string[]; clock: Clock; logger: Logger }): ChannelRegistry {
  const { config, clock } = options;
  const log = options.logger.child({ component: 'channels' });
  const serviceWindow = createServiceWindow({ clock });
  const twilioPacer = createPacer({ clock, perNumberPerSecond: 80, perNumberBurst: 80, pairIntervalMs: config.whatsappPairIntervalMs, pairBurst: config.whatsappPairBurst });
  const telegramPacer = createPacer({ clock, perNumberPerSecond: 30, perNumberBurst: 30, pairIntervalMs: 1_000, pairBurst: 3 });
  const sendErrors = new AsyncLocalStorage<ProviderErrorRecord[]>();
  const onProviderError = (r: ProviderErrorRecord): void => {
    sendErrors.getStore()?.push(r);
  };

  const channels = new Map<string, TenantChannel>();
  const enabled: Record<string, ChannelName[]> = {};
  const keyOf = (tenantId: string, name: string) => `${tenantId}\u0000${name}`;
  for (const tenantId of options.tenantIds) {
    const creds = config.channels[tenantEnvKey(tenantId)];
    if (!creds) continue;
    const names: ChannelName[] = [];
    const add = (name: ChannelName, channel: Channel, sender: { send(request: SendRequest): Promise<SendResult> }) => {
      channels.set(keyOf(tenantId, name), {
        channel,
        async send(request) {
          const providerErrors: ProviderErrorRecord[] = [];
          const result = await sendErrors.run(providerErrors, () => sender.send(request));
          return { ...result, providerErrors };
        },
      });
      names.push(name);
    };
    const senderLog = log.child({ tenant: tenantId });
    if (creds.whatsapp) {
      const wa = creds.whatsapp;
      const pacer = createPacer({ clock, perNumberPerSecond: wa.messagesPerSecond, perNumberBurst: wa.messagesPerSecond, pairIntervalMs: config.whatsappPairIntervalMs, pairBurst: config.whatsappPairBurst });
      add(
        'whatsapp',
        createWhatsAppCloudChannel({ tenantId, appSecret: wa.appSecret, verifyToken: wa.verifyToken, phoneNumberId: wa.phoneNumberId, maxBodyBytes: config.channelMaxBodyBytes }),
        createWhatsAppSender({
          baseUrl: config.whatsappGraphUrl,
          graphVersion: config.whatsappGraphVersion,
          phoneNumberId: wa.phoneNumberId,
          accessToken: wa.accessToken,
          clock,
          pacer,
          serviceWindow,
          ...(wa.template ? { fallbackTemplate: wa.template } : {}),
          onProviderError,
          log: senderLog,
        }),
      );
    }
    if (creds.twilio) {
      const tw = creds.twilio;
      add(
        'twilio-whatsapp',
        createTwilioChannel({ tenantId, authToken: tw.authToken, clock, maxBodyBytes: config.channelMaxBodyBytes }),
        createTwilioSender({
          baseUrl: config.twilioApiUrl,
          accountSid: tw.accountSid,
          authToken: tw.authToken,
          from: tw.from,
          ...(config.publicUrl ? { statusCallbackUrl: `${config.publicUrl}/webhooks/twilio/${encodeURIComponent(tenantId)}` } : {}),
          clock,
          pacer: twilioPacer,
          serviceWindow,
          ...(tw.contentSid ? { fallbackTemplate: { name: tw.contentSid, language: 'es' } } : {}),
          onProviderError,
          log: senderLog,
        }),
      );
    }
    if (creds.telegram) {
      const tg = creds.telegram;
      add(
        'telegram',
        createTelegramChannel({ tenantId, secretToken: tg.secretToken, clock, maxBodyBytes: config.channelMaxBodyBytes }),
        createTelegramSender({ baseUrl: config.telegramApiUrl, botToken: tg.botToken, clock, pacer: telegramPacer, onProviderError, log: senderLog }),
      );
    }
    if (names.length > 0) enabled[tenantId] = names;
  }

  return { get: (tenantId, name) => channels.get(keyOf(tenantId, name)), enabled, serviceWindow };
}
