import { createCrmWebhook, type CrmWebhook } from '../../channels/crm-webhook/index.js';
import { createLoggingHandoffNotifier, createRocketChatNotifier, type HandoffNotifier } from '../../channels/rocketchat/index.js';
import { createSlackAlerter, type SlackAlerter } from '../../channels/slack/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { HiloConfig } from '../config.js';

/** Where side effects go besides the customer's channel: the agents' chat, Slack, the CRM webhook. */
export interface OutboundDestinations {
  readonly notifier: HandoffNotifier;
  /**
   * False without Rocket.Chat: the logging notifier only writes a log line and nothing reaches an
   * agent, so the outbox counts those rows as skipped, not delivered.
   */
  readonly agentChatConfigured: boolean;
  readonly slack: SlackAlerter | null;
  readonly crmWebhook: CrmWebhook | null;
}

export function createOutboundDestinations(options: { config: HiloConfig; clock: Clock; logger: Logger }): OutboundDestinations {
  const { config, clock, logger } = options;
  const log = logger.child({ component: 'channels' });
  return {
    notifier: config.rocketChatWebhookUrl
      ? createRocketChatNotifier({ webhookUrl: config.rocketChatWebhookUrl, clock, logger, timeZone: config.agentsTimeZone })
      : createLoggingHandoffNotifier({ logger }),
    agentChatConfigured: Boolean(config.rocketChatWebhookUrl),
    slack: config.slackWebhookUrl ? createSlackAlerter({ webhookUrl: config.slackWebhookUrl, clock, logger }) : null,
    crmWebhook:
      config.crmWebhookUrl && config.crmWebhookSecret
        ? createCrmWebhook({
            url: config.crmWebhookUrl,
            secret: config.crmWebhookSecret,
            clock,
            logger,
            onAttempt: (a) => log.info({ tenant: a.tenantId, leadId: a.leadId, attempt: a.attempt, ok: a.ok, status: a.status, retrying: a.retrying }, 'CRM delivery attempt'),
          })
        : null,
  };
}
