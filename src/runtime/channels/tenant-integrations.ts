import type { TenantSettings } from '../../domain/tenant.js';
import { HiloError } from '../../kernel/errors.js';

/** A tenant's own Rocket.Chat, Slack and CRM, with the secrets read from the environment. */
export interface ResolvedIntegrations {
  rocketChat?: { webhookUrl: string; outgoingToken: string | null };
  slack?: { webhookUrl: string };
  crm?: { url: string; secret: string };
}

const WEB_URL = /^https?:\/\/[^\s]+$/;

/**
 * Reads the environment variables a tenant's `integrations` (tenant.json) names. Anything missing
 * or malformed stops start-up with `HILO_ERR_CONFIG_INVALID` naming the tenant and the variable,
 * never its value (a webhook URL of Rocket.Chat or Slack is itself a secret).
 */
export function resolveTenantIntegrations(settings: TenantSettings, env: Readonly<Record<string, string | undefined>>): ResolvedIntegrations {
  const i = settings.integrations;
  if (!i) return {};
  const where = `${settings.id}/tenant.json: integrations`;
  const read = (name: string, what: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${where}.${what} names ${name}, which is not set in the environment.`);
    return value;
  };
  const webUrl = (name: string, what: string): string => {
    const value = read(name, what);
    if (!WEB_URL.test(value)) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${where}.${what}: ${name} is not an http(s) URL.`);
    return value;
  };
  const out: ResolvedIntegrations = {};
  if (i.rocketChat) {
    out.rocketChat = { webhookUrl: webUrl(i.rocketChat.webhookUrlEnv, 'rocketChat.webhookUrlEnv'), outgoingToken: i.rocketChat.outgoingTokenEnv ? read(i.rocketChat.outgoingTokenEnv, 'rocketChat.outgoingTokenEnv') : null };
  }
  if (i.slack) out.slack = { webhookUrl: webUrl(i.slack.webhookUrlEnv, 'slack.webhookUrlEnv') };
  if (i.crm) {
    const secret = read(i.crm.secretEnv, 'crm.secretEnv');
    // The same rule as HILO_CRM_WEBHOOK_SECRET: the receiver's HMAC key must not be guessable.
    if (secret.length < 16) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${where}.crm.secretEnv: ${i.crm.secretEnv} must be at least 16 characters.`);
    out.crm = { url: i.crm.url, secret };
  }
  return out;
}
