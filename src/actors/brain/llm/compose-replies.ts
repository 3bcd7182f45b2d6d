import type { Lang } from '../../../domain/nlu.js';
import { isHiloError } from '../../../kernel/errors.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Logger } from '../../../kernel/logger.js';
import { checkFacts, endsWithQuestion } from '../../guards/fact-guard.js';
import { detectInjection } from '../../guards/injection-detector.js';
import { createCanary, guardOutput, type OutputChannel } from '../../guards/output-guard.js';
import type { LlmClient } from './llm-client.js';
import { buildComposeMessages, DEFAULT_CLARIFICATION, DEFAULT_COMPOSE_PROMPTS, DEFAULT_TONE, type ComposePromptTemplates, type ResolvedPrompts } from './prompts.js';

/** Replies that ask the customer for something missing or unclear: the clarification instruction applies. */
export const CLARIFYING_TEMPLATES: ReadonlySet<string> = new Set(['notUnderstood', 'product.need_product', 'account.need_id', 'account.invalid', 'account.invalid_empty']);

/** Formal Spanish: the customer says "usted", "le agradezco", "disculpe", "señor/a"... */
const FORMAL = /\b(?:usted(?:es)?|le agradezco|le agradecer[ií]a|disculpe|perdone|se[nñ]or(?:a|ita)?|podr[ií]a usted|estimad[oa]s?)\b/i;
/** Informal Spanish: "tú", "dime", "oye", "porfa"... */
const INFORMAL = /\b(?:t[uú]|dime|oye|porfa|mira|tienes|puedes|sabes|manito|mi pana)\b/i;

/** Conversations whose register (formal or not) Hilo remembers; the oldest are forgotten first. */
const MAX_REMEMBERED_REGISTERS = 10_000;

/** One turn's bot replies, rendered from templates, offered to the model for rewriting. */
export interface ComposeTurn {
  tenantId: string;
  conversationId: string;
  /** The id the composed line will carry (the `delta` frames name it). */
  replyId: string;
  channel: string;
  lang: Lang;
  /** What the customer wrote this turn. */
  customerText: string;
  /** The turn's bot replies as the templates rendered them, in order. */
  replies: readonly string[];
  /** The template ids of those replies (`notUnderstood`, `lead.ask.email`, ...), in order. */
  templates?: readonly string[];
  /** Receives text as the model streams it (appended to what came before). */
  onDelta: (text: string) => void;
  /** The text shown so far must be dropped (a retried stream starts again). */
  onReset?: () => void;
}

/**
 * Resolves with the guarded, fact-checked text to record instead of the template replies, or
 * `null`: use the templates (any failure, timeout, guard block or fact mismatch). Never rejects.
 */
export type ComposeReplies = (turn: ComposeTurn) => Promise<string | null>;

export interface ReplyComposerOptions {
  client: LlmClient;
  logger: Logger;
  clock: Clock;
  /** Tenant id → display name used by the persona. */
  tenantName: (tenantId: string) => string;
  prompts?: ComposePromptTemplates;
  /** The tenant's resolved prompts (`prompts.json`: response template, tone, clarification); wins over `prompts`. */
  promptsFor?: (tenantId: string) => ResolvedPrompts | undefined;
  /** Planted in the system prompt; default one fresh per composer (per process). */
  canary?: string;
  /** The turn waits at most this long for the model; then the templates are used. */
  deadlineMs?: number;
  maxTokens?: number;
  temperature?: number;
}

/**
 * Makes the `composeReplies` hook of the conversation host: the model rewrites the template
 * replies of a turn as one answer, streamed through `onDelta`; the result passes `guardOutput`
 * (canary, prompt overlap, channel format) and `checkFacts` (no fact lost, changed or invented)
 * or the templates are used. Logs carry ids and reasons only, never texts.
 *
 * @example
 * const compose = createReplyComposer({ client, logger, clock, tenantName: () => 'Ferretería Hilo' });
 * const text = await compose({ tenantId, conversationId, replyId, channel: 'web', lang: 'es', customerText, replies, onDelta });
 */
export function createReplyComposer(options: ReplyComposerOptions): ComposeReplies {
  const { client, clock, prompts = DEFAULT_COMPOSE_PROMPTS, deadlineMs = 8_000, maxTokens = 400, temperature = 0.4 } = options;
  const canary = options.canary ?? createCanary();
  const log = options.logger.child({ component: 'reply-composer' });
  /** Per conversation: the customer writes formally ("usted"). Kept until the customer's register changes. */
  const formalByConversation = new Map<string, boolean>();
  const registerOf = (conversationKey: string, text: string): boolean => {
    const formal = FORMAL.test(text) ? true : INFORMAL.test(text) ? false : formalByConversation.get(conversationKey);
    if (formal === undefined) return false;
    formalByConversation.delete(conversationKey);
    formalByConversation.set(conversationKey, formal);
    if (formalByConversation.size > MAX_REMEMBERED_REGISTERS) formalByConversation.delete(formalByConversation.keys().next().value as string);
    return formal;
  };

  return async (turn) => {
    const tenantPrompts = options.promptsFor?.(turn.tenantId);
    const templates = tenantPrompts?.compose ?? prompts;
    const ids = { tenant: turn.tenantId, conversationId: turn.conversationId, replyId: turn.replyId, promptVersion: templates.version };
    const source = turn.replies.join('\n\n');
    if (source.trim() === '') return null;
    // A customer text that tries to steer the model is not given to it (as for understanding).
    if (detectInjection(turn.customerText).verdict === 'injection') {
      log.warn({ event: 'security.prompt_injection', reason: 'injection', ...ids }, 'prompt injection detected: template replies used without the LLM');
      return null;
    }
    const clarifying = (turn.templates ?? []).some((t) => CLARIFYING_TEMPLATES.has(t));
    const { system, user } = buildComposeMessages(templates, {
      tenantName: options.tenantName(turn.tenantId),
      tone: tenantPrompts?.tone(turn.lang) ?? DEFAULT_TONE[turn.lang],
      formal: registerOf(`${turn.tenantId}:${turn.conversationId}`, turn.customerText),
      clarification: clarifying ? (tenantPrompts?.clarification ?? DEFAULT_CLARIFICATION) : null,
      lang: turn.lang,
      channel: turn.channel,
      canary,
      customerText: turn.customerText,
      replies: turn.replies,
      endsWithQuestion: endsWithQuestion(source),
    });
    const started = clock.now();
    let live = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const call = client
      .stream(
        { messages: [{ role: 'system', content: system }, { role: 'user', content: user }], maxTokens, temperature },
        {
          conversationId: `${turn.tenantId}:${turn.conversationId}`,
          idempotencyKey: `${turn.conversationId}:${turn.replyId}:compose`,
          onDelta: (text) => {
            if (live) turn.onDelta(text);
          },
          onRestart: () => {
            if (live) turn.onReset?.();
          },
        },
      )
      .then(
        (r) => ({ ok: true as const, content: r.content }),
        (err: unknown) => ({ ok: false as const, code: isHiloError(err) ? err.code : 'unknown' }),
      );
    const outcome = await Promise.race([call, deadline]);
    live = false;
    clearTimeout(timer);
    const ms = clock.now() - started;
    if (outcome === 'deadline') {
      log.warn({ event: 'llm.compose.fallback', reason: 'deadline', ...ids, ms }, 'reply composition timed out: template replies used');
      return null;
    }
    if (!outcome.ok) {
      log.warn({ event: 'llm.compose.fallback', reason: 'llm_error', code: outcome.code, ...ids, ms }, 'reply composition failed: template replies used');
      return null;
    }
    const text = outcome.content?.trim() ?? '';
    if (text === '') {
      log.warn({ event: 'llm.compose.fallback', reason: 'empty', ...ids, ms }, 'model wrote nothing: template replies used');
      return null;
    }
    const guarded = guardOutput(text, { systemPrompt: system, canary, channel: outputChannel(turn.channel), lang: turn.lang });
    if (guarded.action === 'block') {
      log.warn(
        { event: 'security.output_blocked', reason: 'guard', violations: guarded.violations.map((v) => v.kind), ...ids, ms },
        'composed reply blocked by the output guard: template replies used',
      );
      return null;
    }
    const facts = checkFacts(source, guarded.text);
    if (!facts.ok) {
      log.warn(
        {
          event: 'llm.compose.fallback',
          reason: 'facts',
          missing: facts.missing.map((f) => f.kind),
          introduced: facts.introduced.map((f) => f.kind),
          questionLost: facts.questionLost,
          ...ids,
          ms,
        },
        'composed reply changed the facts: template replies used',
      );
      return null;
    }
    log.info({ event: 'llm.compose.ok', guard: guarded.action, ...ids, ms }, 'reply composed');
    return guarded.text;
  };
}

function outputChannel(channel: string): OutputChannel {
  if (channel === 'whatsapp' || channel === 'telegram' || channel === 'sms') return channel;
  return 'web';
}
