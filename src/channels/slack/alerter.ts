import type { LeadPayload } from '../../domain/lead.js';
import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { parseRetryAfter, realSleep, type Sleep } from '../../kernel/retry.js';
import { retryDelivery, type DeliveryOutcome, type DeliveryRetryPolicy } from '../retry.js';
import { errorMessage } from '../../kernel/describe-error.js';

export const SLACK_COLORS = { hotLead: '#2de0a5', critical: '#f5455c', deliveryFailed: '#f2c744' } as const;

export interface HotLeadAlert {
  tenantId: string;
  lead: LeadPayload;
  /** Why it is hot, in a few words ("urgencia alta", "20 unidades"). */
  reason?: string;
  conversationUrl?: string;
}

export interface CriticalAlert {
  tenantId: string;
  ticketNumber: string;
  /** The handoff reason (`critical`, `high_priority`, `complaint`...). */
  reason: string;
  customer: { displayName: string; channel: string };
  summary: string;
  conversationUrl?: string;
}

/** A finished lead that never reached the CRM (the outbox gave up): someone must enter it by hand. */
export interface CrmFailedAlert {
  tenantId: string;
  leadId: string;
  /** An error code or HTTP status, never the payload (it carries personal data). */
  reason: string;
}

export interface SlackAlerter {
  alertHotLead(alert: HotLeadAlert): Promise<void>;
  alertCritical(alert: CriticalAlert): Promise<void>;
  alertCrmFailed(alert: CrmFailedAlert): Promise<void>;
}

type Block = Record<string, unknown>;

/** An incoming-webhook message: `text` is the notification fallback, the coloured attachment carries the blocks. */
export interface SlackMessage {
  text: string;
  attachments: Array<{ color: string; fallback: string; blocks: Block[] }>;
}

export interface SlackAlerterOptions {
  /** `https://hooks.slack.com/services/T…/B…/…`. */
  webhookUrl: string;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: Sleep;
  random?: () => number;
  retry?: DeliveryRetryPolicy;
  timeoutMs?: number;
}

/** Slack's mrkdwn gives `&`, `<` and `>` meaning (links, `<!channel>`): customer text is escaped. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const field = (label: string, value: string | null | undefined): Block => ({ type: 'mrkdwn', text: `*${label}*\n${value ? escapeSlack(cut(value, 200)) : '—'}` });

function linkBlock(url: string | undefined): Block[] {
  return url ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${encodeURI(url)}|Ver conversación>` }] }] : [];
}

export function buildHotLeadMessage(alert: HotLeadAlert): SlackMessage {
  const { lead } = alert;
  const who = lead.contact_info.name || 'Sin nombre';
  const company = lead.business_context.company_name;
  const headline = `🔥 Lead caliente: ${who}${company ? ` (${company})` : ''}`;
  return {
    text: escapeSlack(headline),
    attachments: [
      {
        color: SLACK_COLORS.hotLead,
        fallback: escapeSlack(headline),
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(cut(headline, 200))}*${alert.reason ? `\n${escapeSlack(cut(alert.reason, 300))}` : ''}` } },
          {
            type: 'section',
            fields: [
              field('Correo', lead.contact_info.email),
              // Every number the customer gave (lead15: `phones`), the handle when there is none.
              field('Teléfono/usuario', lead.contact_info.phones?.join(' / ') ?? lead.contact_info.phone_or_username),
              field('Área', lead.business_context.interest_area),
              field('Urgencia', lead.urgency_level),
              field('Lead', lead.lead_id),
              field('Tenant', alert.tenantId),
            ],
          },
          ...(lead.problem_statement ? [{ type: 'section', text: { type: 'mrkdwn', text: escapeSlack(cut(lead.problem_statement, 1500)) } }] : []),
          ...linkBlock(alert.conversationUrl),
        ],
      },
    ],
  };
}

export function buildCriticalMessage(alert: CriticalAlert): SlackMessage {
  const headline = `🚨 Caso crítico ${alert.ticketNumber}: ${alert.customer.displayName}`;
  return {
    text: escapeSlack(headline),
    attachments: [
      {
        color: SLACK_COLORS.critical,
        fallback: escapeSlack(headline),
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(cut(headline, 200))}*\n${escapeSlack(cut(alert.summary, 1500))}` } },
          { type: 'section', fields: [field('Ticket', alert.ticketNumber), field('Motivo', alert.reason), field('Canal', alert.customer.channel), field('Tenant', alert.tenantId)] },
          ...linkBlock(alert.conversationUrl),
        ],
      },
    ],
  };
}

export function buildCrmFailedMessage(alert: CrmFailedAlert): SlackMessage {
  const headline = `⚠️ El lead ${alert.leadId} no llegó al CRM`;
  return {
    text: escapeSlack(headline),
    attachments: [
      {
        color: SLACK_COLORS.deliveryFailed,
        fallback: escapeSlack(headline),
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `*${escapeSlack(headline)}*\nHilo dejó de reintentar. El lead está guardado en Hilo: expórtalo o regístralo a mano en el CRM.` },
          },
          { type: 'section', fields: [field('Lead', alert.leadId), field('Motivo', cut(alert.reason, 200)), field('Tenant', alert.tenantId)] },
        ],
      },
    ],
  };
}

/**
 * Posts hot-lead and critical-case alerts to a Slack incoming webhook. Slack answers `ok` in plain
 * text, or an error string: `invalid_payload`/`no_text` (400), `action_prohibited` (403),
 * `channel_not_found`/`no_service` (404), `channel_is_archived` (410) are final
 * (`HILO_ERR_HANDOFF_NOTIFY_REJECTED`); 429 waits for `Retry-After`; 5xx and network failures
 * are retried with backoff.
 *
 * @example
 * const slack = createSlackAlerter({ webhookUrl: process.env.HILO_SLACK_WEBHOOK_URL!, clock, logger });
 * await slack.alertHotLead({ tenantId, lead: payload, reason: 'urgencia alta' });
 */
export function createSlackAlerter(options: SlackAlerterOptions): SlackAlerter & { post(message: SlackMessage): Promise<{ attempts: number }> } {
  const { webhookUrl, clock, sleep = realSleep, timeoutMs = 10_000 } = options;
  const log = options.logger.child({ component: 'slack-alerter' });
  const doFetch = options.fetch ?? fetch;

  const attemptOnce = async (body: string): Promise<DeliveryOutcome> => {
    let res: Response;
    let answer: string;
    try {
      res = await doFetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) });
      answer = (await res.text().catch(() => '')).trim();
    } catch (err) {
      const problem = errorMessage(err);
      return { ok: false, retry: true, status: null, problem, error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_FAILED', undefined, { cause: err, details: { provider: 'slack', httpStatus: null } }) };
    }
    if (res.ok) return { ok: true, status: res.status };
    // Slack's error strings are short identifiers; anything else (an HTML error page) is not echoed.
    const problem = /^[a-z_]{1,64}$/.test(answer) ? answer : `HTTP ${res.status}`;
    const details = { provider: 'slack', httpStatus: res.status, error: problem };
    if (res.status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
      return { ok: false, retry: true, status: res.status, problem, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_RATE_LIMITED', undefined, { details: { ...details, retryAfterMs: retryAfterMs ?? null } }) };
    }
    if (res.status >= 500) return { ok: false, retry: true, status: res.status, problem, error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_FAILED', undefined, { details }) };
    return { ok: false, retry: false, status: res.status, problem, error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_REJECTED', undefined, { details }) };
  };

  const post = async (message: SlackMessage): Promise<{ attempts: number }> => {
    const body = JSON.stringify(message);
    const { attempts } = await retryDelivery(
      {
        sleep,
        ...(options.retry ? { policy: options.retry } : {}),
        ...(options.random ? { random: options.random } : {}),
        onAttempt: (r) => {
          if (!r.ok) log.warn({ attempt: r.attempt, httpStatus: r.status, problem: r.problem, retrying: r.retrying, delayMs: r.delayMs }, 'slack post failed');
        },
      },
      () => attemptOnce(body),
    );
    return { attempts };
  };

  return {
    post,
    async alertHotLead(alert) {
      const { attempts } = await post(buildHotLeadMessage(alert));
      log.info({ tenant: alert.tenantId, leadId: alert.lead.lead_id, attempts }, 'hot lead alert sent to slack');
    },
    async alertCritical(alert) {
      const { attempts } = await post(buildCriticalMessage(alert));
      log.info({ tenant: alert.tenantId, ticketNumber: alert.ticketNumber, attempts }, 'critical case alert sent to slack');
    },
    async alertCrmFailed(alert) {
      const { attempts } = await post(buildCrmFailedMessage(alert));
      log.info({ tenant: alert.tenantId, leadId: alert.leadId, attempts }, 'CRM delivery failure alert sent to slack');
    },
  };
}
