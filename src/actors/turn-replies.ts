import { randomUUID } from 'node:crypto';
import type { Logger } from '../kernel/logger.js';
import type { ConversationEmitted, ConversationEvent, ReplyDirective } from '../machines/conversation.contract.js';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import type { NewTranscriptEntry } from '../persistence/ports/transcript-store.js';
import type { ComposeReplies } from './brain/llm/compose-replies.js';
import type { ConversationUpdate } from './conversation-service.js';
import { renderOptions, renderReply } from './render-reply.js';
import type { ReplyTemplates } from '../domain/tenant.js';
import { deepFreeze } from '../kernel/freeze.js';
import type { TranscriptOption } from '../persistence/ports/transcript-store.js';
import { cardDataNotice } from './guards/card-data.js';
import type { TenantRuntime } from './tenant-runtime.js';
import { afterHoursNotice, waitsForPerson } from './console/after-hours.js';
import { greetingBack, withGreetingBack } from './greet-back.js';
import { languageYes } from './language-answer.js';

interface Rendered {
  templates: ReplyTemplates;
  lang: 'es' | 'en';
  text: string;
  options: readonly TranscriptOption[];
}

/**
 * Template replies already rendered, per directive object: the catalog's cached answers and the
 * machine's replies without params are frozen objects handed out again and again (issue 16), and
 * rendering is a function of the directive, the tenant's templates and the language.
 */
const RENDERED = new WeakMap<ReplyDirective, Rendered>();

const isFrozenDirective = (reply: ReplyDirective): boolean =>
  Object.isFrozen(reply) && (!('params' in reply) || reply.params === undefined || Object.isFrozen(reply.params)) && (reply.options === undefined || Object.isFrozen(reply.options));

function renderTemplate(reply: Exclude<ReplyDirective, { text: string }>, templates: ReplyTemplates, lang: 'es' | 'en'): Rendered {
  const frozen = isFrozenDirective(reply);
  const hit = frozen ? RENDERED.get(reply) : undefined;
  if (hit !== undefined && hit.templates === templates && hit.lang === lang) return hit;
  const options = renderOptions(reply.options, templates, lang);
  const rendered: Rendered = { templates, lang, text: renderReply(reply, templates, lang), options: frozen ? deepFreeze(options) : options };
  if (frozen) RENDERED.set(reply, rendered);
  return rendered;
}

/** One emitted reply as a transcript line in the contact's language, with its options. */
export function renderReplyLine(reply: ReplyDirective, tenant: TenantRuntime, lang: 'es' | 'en', channel: string, at: string): NewTranscriptEntry {
  const id = `out:${randomUUID()}`;
  if ('text' in reply) {
    // Options travel on the line (buttons in the widget, numbered lines on text channels).
    const options = renderOptions(reply.options, tenant.data.templates, lang);
    const extra = { lang, ...(options.length > 0 ? { options } : {}) };
    const author = reply.author ?? 'bot';
    return { messageId: id, direction: 'out', author, channel, text: reply.text, at, ...(reply.agentName ? { agentName: reply.agentName } : {}), ...extra };
  }
  const { text, options } = renderTemplate(reply, tenant.data.templates, lang);
  return { messageId: id, direction: 'out', author: 'bot', channel, text, at, lang, ...(options.length > 0 ? { options: options as TranscriptOption[] } : {}) };
}

/** A turn's lines before composition, the template behind each template reply, and the relays to agents. */
export interface RenderedTurn {
  lines: NewTranscriptEntry[];
  /** Reply lines rendered from tenant templates (the only ones `composeReplies` may rewrite): line id → template id. */
  templated: Map<string, string>;
  relays: Extract<ConversationEmitted, { type: 'handoff.relay' }>[];
}

/**
 * The inbound line (customer turns) followed by the turn's emitted replies as lines; the turn's
 * intent goes on the bot's replies (the inbound line is written before it is known).
 */
export function renderTurn(emitted: readonly ConversationEmitted[], inbound: NewTranscriptEntry | null, turnIntent: string | undefined, tenant: TenantRuntime, lang: 'es' | 'en', channel: string, at: string): RenderedTurn {
  const lines: NewTranscriptEntry[] = inbound ? [inbound] : [];
  // The customer typed card data (masked before anything stored it): say so before any answer.
  const cardNotice = inbound ? cardDataNotice(inbound.text, tenant.data.templates, lang) : null;
  if (cardNotice) lines.push(renderReplyLine(cardNotice, tenant, lang, channel, at));
  const templated = new Map<string, string>();
  const relays: RenderedTurn['relays'] = [];
  for (const e of emitted) {
    if (e.type === 'reply') {
      const line = renderReplyLine(e.reply, tenant, lang, channel, at);
      if (!('text' in e.reply)) templated.set(line.messageId, e.reply.template);
      // The line was made just now for this turn: the intent goes on it, not on a copy of it.
      if (turnIntent && line.author === 'bot') line.intent = turnIntent;
      lines.push(line);
      // A handoff opened while the team is away: say when a person will answer (docs/console.md). The time is parsed only for such a reply.
      const afterHours = 'template' in e.reply && waitsForPerson(e.reply.template) ? afterHoursNotice(e.reply.template, tenant.data, lang, Date.parse(at)) : null;
      if (afterHours) lines.push(renderReplyLine(afterHours, tenant, lang, channel, at));
    } else if (e.type === 'handoff.relay') {
      relays.push(e);
    }
  }
  // "do you speak English? how much is …": yes, then the answer.
  const yes = inbound ? languageYes(inbound.text, [...templated.values()], tenant.data.templates, lang) : null;
  const opening = yes ? lines.findIndex((l) => l.direction === 'out' && l.author === 'bot') : -1;
  if (yes && opening >= 0) lines[opening] = { ...(lines[opening] as NewTranscriptEntry), text: `${yes} ${(lines[opening] as NewTranscriptEntry).text}` };
  // "hola, tienen cemento?": the answer opens with a short greeting back, as a clerk's would.
  const greeting = inbound ? greetingBack(inbound.text, tenant.data.templates, lang) : null;
  const first = greeting ? lines.findIndex((l) => l.direction === 'out' && l.author === 'bot') : -1;
  // "hola, gracias por todo, bye": a farewell is not opened with a hello.
  if (greeting && first >= 0 && !(templated.get((lines[first] as NewTranscriptEntry).messageId) ?? '').startsWith('goodbye')) {
    const line = lines[first] as NewTranscriptEntry;
    lines[first] = { ...line, text: withGreetingBack(line.text, greeting) };
  }
  return { lines, templated, relays };
}

export interface ComposeTurnInput {
  compose: ComposeReplies | undefined;
  key: ConversationKey;
  channel: string;
  lang: 'es' | 'en';
  inbound: NewTranscriptEntry | null;
  event: ConversationEvent;
  lines: NewTranscriptEntry[];
  /** Template reply line id → template id. */
  templated: ReadonlyMap<string, string>;
  phase: string;
  relayed: boolean;
  publish: (key: ConversationKey, update: ConversationUpdate) => void;
  log: Logger;
}

/**
 * The turn's lines with the template replies rewritten by `composeReplies` into one line (same
 * id as the first reply, so the streamed deltas and the recorded line match), or unchanged.
 * Only customer messages outside a handoff, and only turns made of template replies alone.
 */
export async function composeTurnReplies(input: ComposeTurnInput): Promise<NewTranscriptEntry[]> {
  const { compose, key, inbound, event, lines, templated, publish } = input;
  if (!compose || !inbound || event.type !== 'user.message' || input.phase === 'handoff' || input.relayed) return lines;
  const out = lines.filter((l) => l.direction === 'out');
  const first = out[0];
  // Only turns made of template replies alone: agent lines and literal texts are never rewritten.
  if (!first || out.some((l) => l.author !== 'bot' || !templated.has(l.messageId))) return lines;
  const replyId = first.messageId;
  let text: string | null = null;
  try {
    text = await compose({
      tenantId: key.tenantId,
      conversationId: key.conversationId,
      replyId,
      channel: input.channel,
      lang: input.lang,
      customerText: inbound.text,
      replies: out.map((l) => l.text),
      templates: out.map((l) => templated.get(l.messageId) ?? ''),
      onDelta: (t) => publish(key, { type: 'delta', replyId, text: t }),
      onReset: () => publish(key, { type: 'delta', replyId, text: '', reset: true }),
    });
  } catch (err) {
    input.log.warn({ tenant: key.tenantId, conversationId: key.conversationId, replyId, err }, 'reply composition failed: template replies used');
  }
  if (text === null) return lines;
  // The rewritten line offers the choices of the replies it replaces (the last that had any).
  const options = [...out].reverse().find((l) => l.options !== undefined)?.options;
  return [...lines.filter((l) => l.direction !== 'out'), { ...first, text, ...(options ? { options } : {}) }];
}
