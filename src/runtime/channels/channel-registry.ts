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
import type { TenantSettings } from '../../domain/tenant.js';
import type { Clock } from '../../kernel/clock.js';
import { HiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { tenantEnvKey, type HiloConfig, type TenantChannelsConfig } from '../config.js';
import { tenantChannelCredentials } from './tenant-channels.js';

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
  /** Which channels each tenant has, for the start-up log and identity-link codes (kept current by `prepareTenant`). */
  readonly enabled: Readonly<Record<string, ChannelName[]>>;
  readonly serviceWindow: ServiceWindow;
  /**
   * Reads a tenant's provider credentials — tenant.json `channels` (secrets by environment variable
   * name, read from `env`), else the `HILO_*_<T>` variables read at start-up — and builds its
   * channels without installing them; throws `HILO_ERR_CONFIG_INVALID` naming the variable. The
   * returned function replaces the tenant's channels in one step: a changed secret takes effect
   * and the old one is refused from then on.
   */
  prepareTenant(settings: TenantSettings, env?: Readonly<Record<string, string | undefined>>): () => void;
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

  /** The tenant's channels from its credentials, not yet installed. */
  const build = (tenantId: string, creds: TenantChannelsConfig): Map<ChannelName, TenantChannel> => {
    const built = new Map<ChannelName, TenantChannel>();
    const add = (name: ChannelName, channel: Channel, sender: { send(request: SendRequest): Promise<SendResult> }) => {
      built.set(name, {
        channel,
        async send(request) {
          const providerErrors: ProviderErrorRecord[] = [];
          const result = await sendErrors.run(providerErrors, () => sender.send(request));
          return { ...result, providerErrors };
        },
      });
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
    return built;
  };

  /** Replaces every channel of the tenant in one synchronous step (no await between delete and set). */
  const install = (tenantId: string, built: Map<ChannelName, TenantChannel>): void => {
    for (const name of enabled[tenantId] ?? []) channels.delete(keyOf(tenantId, name));
    for (const [name, channel] of built) channels.set(keyOf(tenantId, name), channel);
    if (built.size > 0) enabled[tenantId] = [...built.keys()];
    else delete enabled[tenantId];
  };

  for (const tenantId of options.tenantIds) {
    const creds = config.channels[tenantEnvKey(tenantId)];
    if (creds) install(tenantId, build(tenantId, creds));
  }

  const prepareTenant = (settings: TenantSettings, env: Readonly<Record<string, string | undefined>> = process.env): (() => void) => {
    const creds = tenantChannelCredentials(settings, config.channels[tenantEnvKey(settings.id)] ?? {}, env);
    if (creds.twilio && !config.publicUrl) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${settings.id}: HILO_PUBLIC_URL is required for a Twilio channel (signatures cover the public URL).`);
    const built = build(settings.id, creds);
    return () => {
      install(settings.id, built);
      log.info({ tenant: settings.id, channels: [...built.keys()] }, 'tenant channels configured');
    };
  };

  return { get: (tenantId, name) => channels.get(keyOf(tenantId, name)), enabled, serviceWindow, prepareTenant };
}
