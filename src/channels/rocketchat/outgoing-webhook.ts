import { HiloError } from '../../kernel/errors.js';
import { constantTimeEqual } from '../signature.js';
import { z } from '../../kernel/schema.js';
import { PayloadProblems, providerString } from '../validate.js';
import { normalizeInboundText } from '../normalize-text.js';

export const HANDOFF_COMMANDS = ['crear-ticket', 'cerrar-ticket'] as const;
export type HandoffCommand = (typeof HANDOFF_COMMANDS)[number];

/** How an agent message found its ticket: a `#T-000123` prefix, the per-ticket room's name, or not at all. */
export type TicketSource = 'prefix' | 'channel' | 'none';

export interface AgentMessage {
  kind: 'agent_message';
  /** Undefined when neither the text nor the room names a ticket: the runtime asks the agent which one. */
  ticketNumber?: string;
  ticketSource: TicketSource;
  channelName: string;
  agentName: string;
  /** The reply for the customer, without the `#T-000123` prefix. */
  text: string;
  messageId: string;
  /** Rocket.Chat's thread id (`tmid`) when the agent answered in a thread. */
  threadId?: string;
}

export interface AgentCommand {
  kind: 'command';
  command: HandoffCommand;
  /** Everything after the command word, trimmed. */
  args: string;
  /** `cerrar-ticket`: always set (from the first argument or the room's name). */
  ticketNumber?: string;
  /** The arguments without the ticket number: the outcome for `cerrar-ticket`, the subject for `crear-ticket`. */
  text: string;
  agentName: string;
  channelName: string;
  messageId: string;
}

/** A message Hilo must not act on: its own posts echoed back (`bot`), or no text (an upload). */
export interface IgnoredMessage {
  kind: 'ignored';
  reason: 'bot' | 'empty';
  messageId: string;
}

export type OutgoingWebhookEvent = AgentMessage | AgentCommand | IgnoredMessage;

export interface ParseOutgoingWebhookOptions {
  /** The token configured on the outgoing-webhook integration. */
  token: string;
  maxBytes?: number;
  /** The request's `Content-Type`: Rocket.Chat posts JSON; another type is refused (absent is read as JSON). */
  contentType?: string;
}

const TICKET_NUMBER = /^#?(T-\d{1,12})$/i;
const TICKET_PREFIX = /^#(T-\d{1,12})(?=[\s:,.\-]|$)[\s:,.\-]*/i;
/** Per-ticket rooms are named `t-000123` or `ticket-t-000123` (Rocket.Chat lower-cases room names). */
const TICKET_ROOM = /^(?:ticket-)?(t-\d{1,12})$/i;
const COMMAND = /^[/!](crear-ticket|cerrar-ticket)(?=\s|$)\s*([\s\S]*)$/i;

/** The fields Hilo reads from Rocket.Chat's outgoing-webhook JSON (others are ignored). */
const OUTGOING_BODY = z.object({
  message_id: providerString({ max: 128, pattern: /^\S+$/ }),
  channel_name: providerString({ max: 256 }),
  user_name: providerString({ max: 256, pattern: /\S/ }),
  text: providerString({ max: 10_000 }),
  tmid: providerString({ max: 128 }).nullish(),
  bot: z.union([z.literal(false), z.null(), z.object({})], { error: 'expected false or an object' }).optional(),
});

function normaliseTicket(raw: string): string {
  return raw.toUpperCase();
}

/**
 * Reads a Rocket.Chat outgoing-webhook POST (the JSON Rocket.Chat sends for each message in the
 * watched rooms) into an agent reply, a handoff command, or a message to ignore.
 *
 * The `token` is compared in constant time before any field is read; a body that is too large,
 * not UTF-8 JSON, unauthenticated or malformed throws a coded `HiloError`
 * (`HILO_ERR_HANDOFF_INVALID_BODY`, `_TOKEN_INVALID`, `_VALIDATION`) and returns nothing.
 *
 * A reply finds its conversation by, in order: a `#T-000123` prefix on the text (stripped), the
 * room's name when it is a per-ticket room (`t-000123`, `ticket-t-000123`); otherwise
 * `ticketNumber` is undefined. Commands: `/crear-ticket <asunto>` and
 * `/cerrar-ticket [T-000123] <resultado>` (also with `!`, which needs no Rocket.Chat slash-command app).
 */
export function parseOutgoingWebhook(rawBody: Buffer | string, options: ParseOutgoingWebhookOptions): OutgoingWebhookEvent {
  const { token, maxBytes = 64 * 1024, contentType } = options;
  if (contentType !== undefined && !/^application\/json\b/i.test(contentType)) throw new HiloError('HILO_ERR_CHANNEL_UNSUPPORTED_MEDIA_TYPE');
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  if (bytes.length > maxBytes) throw new HiloError('HILO_ERR_HANDOFF_INVALID_BODY', undefined, { details: { problem: 'too large' } });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new HiloError('HILO_ERR_HANDOFF_INVALID_BODY', undefined, { cause: err });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new HiloError('HILO_ERR_HANDOFF_INVALID_BODY', undefined, { details: { problem: 'expected a JSON object' } });
  const body = json as Record<string, unknown>;
  // An empty configured token would accept an empty one: refuse both.
  if (typeof body.token !== 'string' || token.length === 0 || !constantTimeEqual(body.token, token)) throw new HiloError('HILO_ERR_HANDOFF_TOKEN_INVALID');

  const r = new PayloadProblems();
  const fields = r.read(OUTGOING_BODY, body, '');
  if (fields === undefined) throw new HiloError('HILO_ERR_HANDOFF_VALIDATION', undefined, { details: r.problems });
  const { message_id: id, channel_name: room, tmid } = fields;
  const threadId = tmid ?? undefined;
  // Agents' texts reach the customer and the database: the same normalisation as customers' texts.
  const agent = normalizeInboundText(fields.user_name).trim() || 'agent';
  const trimmed = normalizeInboundText(fields.text).trim();

  if (body.bot !== undefined && body.bot !== null && body.bot !== false) return { kind: 'ignored', reason: 'bot', messageId: id };
  if (trimmed.length === 0) return { kind: 'ignored', reason: 'empty', messageId: id };

  const roomTicket = TICKET_ROOM.exec(room)?.[1];
  const command = COMMAND.exec(trimmed);
  if (command) {
    const name = command[1]!.toLowerCase() as HandoffCommand;
    const args = command[2]!.trim();
    const [first = '', ...rest] = args.split(/\s+/);
    const argTicket = TICKET_NUMBER.exec(first)?.[1];
    const ticketRaw = argTicket ?? roomTicket;
    const remainder = argTicket ? rest.join(' ') : args;
    if (name === 'cerrar-ticket' && !ticketRaw) {
      throw new HiloError('HILO_ERR_HANDOFF_VALIDATION', undefined, { details: [{ path: 'text', problem: 'cerrar-ticket needs a ticket number (T-000123) outside a ticket room' }] });
    }
    return {
      kind: 'command',
      command: name,
      args,
      ...(ticketRaw ? { ticketNumber: normaliseTicket(ticketRaw) } : {}),
      text: remainder.trim(),
      agentName: agent,
      channelName: room,
      messageId: id,
    };
  }

  const prefix = TICKET_PREFIX.exec(trimmed);
  const reply = prefix ? trimmed.slice(prefix[0].length).trim() : trimmed;
  if (reply.length === 0) throw new HiloError('HILO_ERR_HANDOFF_VALIDATION', undefined, { details: [{ path: 'text', problem: 'a ticket number with no reply' }] });
  const ticketRaw = prefix?.[1] ?? roomTicket;
  return {
    kind: 'agent_message',
    ...(ticketRaw ? { ticketNumber: normaliseTicket(ticketRaw) } : {}),
    ticketSource: prefix ? 'prefix' : roomTicket ? 'channel' : 'none',
    channelName: room,
    agentName: agent,
    text: reply,
    messageId: id,
    ...(threadId !== undefined ? { threadId } : {}),
  };
}
