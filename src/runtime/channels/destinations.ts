import { createCrmWebhook, type CrmWebhook } from '../../channels/crm-webhook/index.js';
import { createLoggingHandoffNotifier, createRocketChatNotifier, type HandoffNotifier } from '../../channels/rocketchat/index.js';
import { createSlackAlerter, type SlackAlerter } from '../../channels/slack/index.js';
import type { TenantSettings } from '../../domain/tenant.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { HiloConfig } from '../config.js';
import { resolveTenantIntegrations } from './tenant-integrations.js';

/** Where one tenant's side effects go besides the customer's channel: the agents' chat, Slack, the CRM webhook. */
export interface TenantDestinations {
  readonly notifier: HandoffNotifier;
  /**
   * False without Rocket.Chat: the logging notifier only writes a log line and nothing reaches an
   * agent, so the outbox counts those rows as skipped, not delivered.
   */
  readonly agentChatConfigured: boolean;
  readonly slack: SlackAlerter | null;
  readonly crmWebhook: CrmWebhook | null;
  /** The token Rocket.Chat's outgoing webhook must carry for this tenant; null: the route answers 404. */
  readonly outgoingToken: string | null;
}

/**
 * The environment's destinations (`HILO_ROCKETCHAT_*`, `HILO_SLACK_WEBHOOK_URL`,
 * `HILO_CRM_WEBHOOK_*`) are every tenant's default; a tenant whose `tenant.json` has
 * `integrations` gets its own Rocket.Chat, Slack or CRM for the ones it names.
 */
export interface OutboundDestinations extends TenantDestinations {
  for(tenantId: string): TenantDestinations;
  /** Reads a tenant's `integrations` (their secrets from `env`); throws `HILO_ERR_CONFIG_INVALID` on a missing one. */
  configureTenant(settings: TenantSettings, env?: Readonly<Record<string, string | undefined>>): void;
  /**
   * `configureTenant` in two steps: reads and checks now (throws), installs when the returned
   * function runs. A tenant whose `integrations` are gone goes back to the environment's defaults.
   */
  prepareTenant(settings: TenantSettings, env?: Readonly<Record<string, string | undefined>>): () => void;
}

export function createOutboundDestinations(options: { config: HiloConfig; clock: Clock; logger: Logger }): OutboundDestinations {
  const { config, clock, logger } = options;
  const log = logger.child({ component: 'channels' });
  const rocketChat = (webhookUrl: string) => createRocketChatNotifier({ webhookUrl, clock, logger, timeZone: config.agentsTimeZone });
  const slack = (webhookUrl: string) => createSlackAlerter({ webhookUrl, clock, logger });
  const crm = (url: string, secret: string) =>
    createCrmWebhook({
      url,
      secret,
      clock,
      logger,
      onAttempt: (a) => log.info({ tenant: a.tenantId, leadId: a.leadId, attempt: a.attempt, ok: a.ok, status: a.status, retrying: a.retrying }, 'CRM delivery attempt'),
    });
  const defaults: TenantDestinations = {
    notifier: config.rocketChatWebhookUrl ? rocketChat(config.rocketChatWebhookUrl) : createLoggingHandoffNotifier({ logger }),
    agentChatConfigured: Boolean(config.rocketChatWebhookUrl),
    slack: config.slackWebhookUrl ? slack(config.slackWebhookUrl) : null,
    crmWebhook: config.crmWebhookUrl && config.crmWebhookSecret ? crm(config.crmWebhookUrl, config.crmWebhookSecret) : null,
    outgoingToken: config.rocketChatOutgoingToken,
  };
  const perTenant = new Map<string, TenantDestinations>();
  const prepareTenant = (settings: TenantSettings, env: Readonly<Record<string, string | undefined>> = process.env): (() => void) => {
    const own = resolveTenantIntegrations(settings, env);
    if (!own.rocketChat && !own.slack && !own.crm) return () => void perTenant.delete(settings.id);
    const destinations: TenantDestinations = {
      notifier: own.rocketChat ? rocketChat(own.rocketChat.webhookUrl) : defaults.notifier,
      agentChatConfigured: own.rocketChat ? true : defaults.agentChatConfigured,
      // A tenant with its own Rocket.Chat and no token of its own: agents' answers are refused, not checked against another tenant's token.
      outgoingToken: own.rocketChat ? own.rocketChat.outgoingToken : defaults.outgoingToken,
      slack: own.slack ? slack(own.slack.webhookUrl) : defaults.slack,
      crmWebhook: own.crm ? crm(own.crm.url, own.crm.secret) : defaults.crmWebhook,
    };
    return () => {
      perTenant.set(settings.id, destinations);
      log.info({ tenant: settings.id, rocketChat: Boolean(own.rocketChat), slack: Boolean(own.slack), crm: Boolean(own.crm) }, 'tenant integrations configured');
    };
  };
  return {
    ...defaults,
    for: (tenantId) => perTenant.get(tenantId) ?? defaults,
    configureTenant: (settings, env) => prepareTenant(settings, env)(),
    prepareTenant,
  };
}
