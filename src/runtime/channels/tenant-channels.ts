import type { TenantSettings } from '../../domain/tenant.js';
import { HiloError } from '../../kernel/errors.js';
import type { TenantChannelsConfig } from '../config.js';

/**
 * A tenant's provider credentials: each provider its `tenant.json` `channels` names is read from
 * the environment variables named there (so a tenant created or changed through the admin API
 * gets its numbers and secrets without a restart); the others keep the `HILO_*_<T>` variables
 * read at start-up (`fromEnv`). A variable named but not set is `HILO_ERR_CONFIG_INVALID` naming
 * the tenant and the variable, never its value.
 */
export function tenantChannelCredentials(settings: TenantSettings, fromEnv: TenantChannelsConfig, env: Readonly<Record<string, string | undefined>>): TenantChannelsConfig {
  const own = settings.channels;
  if (!own) return fromEnv;
  const where = `${settings.id}/tenant.json: channels`;
  const read = (name: string, what: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${where}.${what} names ${name}, which is not set in the environment.`);
    return value;
  };
  const out: TenantChannelsConfig = { ...fromEnv };
  if (own.whatsapp) {
    const wa = own.whatsapp;
    out.whatsapp = {
      appSecret: read(wa.appSecretEnv, 'whatsapp.appSecretEnv'),
      verifyToken: read(wa.verifyTokenEnv, 'whatsapp.verifyTokenEnv'),
      accessToken: read(wa.accessTokenEnv, 'whatsapp.accessTokenEnv'),
      phoneNumberId: wa.phoneNumberId,
      messagesPerSecond: wa.messagesPerSecond ?? 80,
      ...(wa.template ? { template: wa.template } : {}),
    };
  }
  if (own.twilio) {
    const tw = own.twilio;
    out.twilio = { accountSid: tw.accountSid, authToken: read(tw.authTokenEnv, 'twilio.authTokenEnv'), from: tw.from, ...(tw.contentSid ? { contentSid: tw.contentSid } : {}) };
  }
  if (own.telegram) {
    const secretToken = read(own.telegram.secretTokenEnv, 'telegram.secretTokenEnv');
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${where}.telegram.secretTokenEnv: ${own.telegram.secretTokenEnv} must be 1-256 characters of A-Z a-z 0-9 _ -.`);
    out.telegram = { botToken: read(own.telegram.botTokenEnv, 'telegram.botTokenEnv'), secretToken };
  }
  return out;
}
