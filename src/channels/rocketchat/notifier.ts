import { HiloError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { parseRetryAfter, realSleep, type Sleep } from '../../kernel/retry.js';
import { retryDelivery, type DeliveryOutcome, type DeliveryRetryPolicy } from '../retry.js';
import { defuseMentions, formatClockTime, truncate } from './format.js';
import type { HandoffNotification, HandoffNotifier, HandoffPriority } from './handoff-notifier.js';
import { errorMessage } from '../../kernel/describe-error.js';

export const PRIORITY_COLORS: Record<HandoffPriority, string> = {
  new: '#2de0a5',
  pending: '#ffd21f',
  urgent: '#f5455c',
};

const PRIORITY_LABELS: Record<HandoffPriority, string> = { new: 'Nuevo', pending: 'Pendiente', urgent: 'Urgente' };
const PRIORITY_ICONS: Record<HandoffPriority, string> = { new: '🟢', pending: '🟡', urgent: '🔴' };

/** Rocket.Chat's incoming-webhook message: `text` plus Slack-style `attachments`. */
export interface RocketChatMessage {
  text: string;
  alias?: string;
  emoji?: string;
  attachments?: Array<{
    title?: string;
    title_link?: string;
    text?: string;
    color?: string;
    collapsed?: boolean;
    fields?: Array<{ title: string; value: string; short?: boolean }>;
  }>;
}

export interface RocketChatNotifierOptions {
  /** The incoming webhook's URL: `https://chat.example.com/hooks/<id>/<token>`. */
  webhookUrl: string;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: Sleep;
  random?: () => number;
  retry?: DeliveryRetryPolicy;
  /** The agents' time zone for message times. */
  timeZone?: string;
  /** Name the messages appear under. */
  alias?: string;
  maxLastMessages?: number;
  timeoutMs?: number;
}

/** Builds the handoff message (exported for tests and previews). */
export function buildHandoffMessage(n: HandoffNotification, options: { timeZone?: string; alias?: string; maxLastMessages?: number } = {}): RocketChatMessage {
  const { timeZone = 'America/Santo_Domingo', alias = 'Hilo', maxLastMessages = 10 } = options;
  const color = PRIORITY_COLORS[n.priority];
  const lines = n.lastMessages.slice(-maxLastMessages).map((m) => `*${formatClockTime(m.at, timeZone)} ${defuseMentions(truncate(m.author, 60))}:* ${defuseMentions(truncate(m.text, 500))}`);
  return {
    alias,
    text: `${PRIORITY_ICONS[n.priority]} Traspaso a agente: ticket *#${n.ticketNumber}* (${PRIORITY_LABELS[n.priority].toLowerCase()}). Responde con \`#${n.ticketNumber} tu mensaje\`; cierra con \`/cerrar-ticket ${n.ticketNumber} resultado\`.`,
    attachments: [
      {
        title: `Ticket ${n.ticketNumber} · ${truncate(n.customer.displayName, 80)}`,
        ...(n.conversationUrl ? { title_link: n.conversationUrl } : {}),
        text: defuseMentions(truncate(n.summary, 1500)),
        color,
        fields: [
          { title: 'Ticket', value: n.ticketNumber, short: true },
          { title: 'Prioridad', value: PRIORITY_LABELS[n.priority], short: true },
          { title: 'Cliente', value: defuseMentions(truncate(n.customer.displayName, 80)), short: true },
          { title: 'Canal', value: n.customer.channel, short: true },
        ],
      },
      {
        title: 'Últimos mensajes',
        text: lines.length > 0 ? lines.join('\n') : '_(sin mensajes)_',
        color,
      },
    ],
  };
}

/** Builds the message relaying one customer message to the agents. */
export function buildRelayMessage(ticketNumber: string, text: string, alias = 'Hilo'): RocketChatMessage {
  return { alias, text: `*#${ticketNumber}* · Cliente: ${defuseMentions(truncate(text, 3000))}` };
}

/** "taken in the console" for the room: the ticket's owner, so nobody answers it twice. */
export function buildTakenMessage(ticketNumber: string, agentName: string, alias = 'Hilo'): RocketChatMessage {
  return { alias, text: `*#${ticketNumber}* · tomado por *${defuseMentions(truncate(agentName, 80))}* en la consola de Hilo` };
}

/** "called off by the customer" for the room: the ticket is closed, nobody should pick it up. */
export function buildCancelledMessage(ticketNumber: string, alias = 'Hilo'): RocketChatMessage {
  return { alias, text: `*#${ticketNumber}* · cancelado por el cliente antes de que un agente respondiera; ticket cerrado, Hilo retoma la conversación` };
}

/**
 * Posts handoff notifications to a Rocket.Chat incoming webhook. Retries 5xx, 429 and network
 * failures with backoff; a 4xx (bad payload, unknown integration) is final.
 *
 * @example
 * const notifier = createRocketChatNotifier({ webhookUrl: process.env.HILO_ROCKETCHAT_WEBHOOK_URL!, clock, logger });
 * await notifier.notifyHandoff({ ticketNumber: 'T-000123', priority: 'urgent', customer, summary, lastMessages });
 */
export function createRocketChatNotifier(options: RocketChatNotifierOptions): HandoffNotifier & { post(message: RocketChatMessage): Promise<{ attempts: number }> } {
  const { webhookUrl, clock, sleep = realSleep, timeoutMs = 10_000 } = options;
  const log = options.logger.child({ component: 'rocketchat-notifier' });
  const doFetch = options.fetch ?? fetch;

  const attemptOnce = async (body: string): Promise<DeliveryOutcome> => {
    let res: Response;
    let answer = '';
    try {
      res = await doFetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) });
      answer = await res.text().catch(() => '');
    } catch (err) {
      const problem = errorMessage(err);
      return { ok: false, retry: true, status: null, problem, error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_FAILED', undefined, { cause: err, details: { provider: 'rocketchat', httpStatus: null } }) };
    }
    let parsed: { success?: unknown; error?: unknown } | undefined;
    try {
      parsed = JSON.parse(answer) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    const problem = typeof parsed?.error === 'string' ? parsed.error : `HTTP ${res.status}`;
    if (res.ok && parsed?.success !== false) return { ok: true, status: res.status };
    const details = { provider: 'rocketchat', httpStatus: res.status, error: problem };
    if (res.status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
      return { ok: false, retry: true, status: res.status, problem, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_RATE_LIMITED', undefined, { details: { ...details, retryAfterMs: retryAfterMs ?? null } }) };
    }
    if (res.status >= 500) return { ok: false, retry: true, status: res.status, problem, error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_FAILED', undefined, { details }) };
    return { ok: false, retry: false, status: res.status, problem, error: new HiloError('HILO_ERR_HANDOFF_NOTIFY_REJECTED', undefined, { details }) };
  };

  const post = async (message: RocketChatMessage): Promise<{ attempts: number }> => {
    const body = JSON.stringify(message);
    const { attempts } = await retryDelivery(
      {
        sleep,
        ...(options.retry ? { policy: options.retry } : {}),
        ...(options.random ? { random: options.random } : {}),
        onAttempt: (r) => {
          if (!r.ok) log.warn({ attempt: r.attempt, httpStatus: r.status, problem: r.problem, retrying: r.retrying }, 'rocket.chat post failed');
        },
      },
      () => attemptOnce(body),
    );
    return { attempts };
  };

  const formatOptions = {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.alias ? { alias: options.alias } : {}),
    ...(options.maxLastMessages ? { maxLastMessages: options.maxLastMessages } : {}),
  };

  return {
    post,
    async notifyHandoff(n) {
      const { attempts } = await post(buildHandoffMessage(n, formatOptions));
      log.info({ ticketNumber: n.ticketNumber, priority: n.priority, attempts }, 'handoff announced in rocket.chat');
    },
    async notifyRelay(ticketNumber, text) {
      await post(buildRelayMessage(ticketNumber, text, options.alias));
    },
    async notifyTaken(ticketNumber, agentName) {
      await post(buildTakenMessage(ticketNumber, agentName, options.alias));
    },
    async notifyCancelled(ticketNumber) {
      await post(buildCancelledMessage(ticketNumber, options.alias));
    },
  };
}
