import type { Logger } from '../../kernel/logger.js';

/** green: just opened; yellow: waiting for an agent; red: urgent (critical case, priority ≥ 9). */
export type HandoffPriority = 'new' | 'pending' | 'urgent';

export interface HandoffTranscriptLine {
  /** Shown as written: "Cliente", "Hilo", the agent's name. */
  author: string;
  text: string;
  /** ms since the epoch (from the conversation's clock). */
  at: number;
}

export interface HandoffNotification {
  /** e.g. "T-000123"; agents quote it to answer (`#T-000123 ...`). */
  ticketNumber: string;
  priority: HandoffPriority;
  customer: { displayName: string; channel: string };
  /** The AI (or rule-based) summary of the case. */
  summary: string;
  /** The last messages, oldest first. */
  lastMessages: HandoffTranscriptLine[];
  /** Link to the conversation inspector, when the deployment has one. */
  conversationUrl?: string;
}

/**
 * The port the runtime calls while a human holds a conversation: announce the handoff to the
 * agents, then relay each customer message to them. Implementations throw coded
 * `HILO_ERR_HANDOFF_NOTIFY_*` errors; the runtime runs them through the outbox.
 */
export interface HandoffNotifier {
  notifyHandoff(notification: HandoffNotification): Promise<void>;
  notifyRelay(ticketNumber: string, text: string): Promise<void>;
  /** An agent took the ticket in Hilo's agent console: the room sees who owns it. */
  notifyTaken?(ticketNumber: string, agentName: string): Promise<void>;
  /** The customer called the handoff off before any agent answered: nobody needs to pick it up. */
  notifyCancelled?(ticketNumber: string): Promise<void>;
}

/**
 * The embedded default when no agents' chat is configured: writes that a handoff happened (ids
 * and counts only, never message text) so an operator can see it in the log.
 */
export function createLoggingHandoffNotifier(options: { logger: Logger }): HandoffNotifier {
  const log = options.logger.child({ component: 'handoff-notifier' });
  return {
    async notifyHandoff(n) {
      const fields = { ticketNumber: n.ticketNumber, priority: n.priority, channel: n.customer.channel, lastMessages: n.lastMessages.length };
      // A `pending` notice re-announces a handoff already logged (the customer wrote again, or the
      // SLA passed with no agent reply): one "handoff requested" per ticket, then reminders.
      if (n.priority === 'pending') log.info(fields, 'handoff still waiting for an agent; no agent chat configured');
      else log.warn(fields, 'handoff requested; no agent chat configured');
    },
    async notifyRelay(ticketNumber, text) {
      log.info({ ticketNumber, chars: text.length }, 'customer message during handoff; no agent chat configured');
    },
    async notifyTaken(ticketNumber) {
      log.info({ ticketNumber }, 'handoff taken in the agent console; no agent chat configured');
    },
    async notifyCancelled(ticketNumber) {
      log.info({ ticketNumber }, 'handoff called off by the customer; no agent chat configured');
    },
  };
}
