import type { Lang } from '../domain/nlu.js';
import type { ReplyTemplates } from '../domain/tenant.js';
import { HiloError } from '../kernel/errors.js';
import type { ParamValue, ReplyDirective, ReplyOption, TemplateParams } from '../machines/conversation.contract.js';
import type { TranscriptOption } from '../persistence/ports/transcript-store.js';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Keys the machine learnt to emit after tenants wrote their templates, each with the older key
 * that says the same less precisely: a tenant whose `flow.json` predates the newer key answers
 * with the older one instead of failing the turn.
 */
const OLDER_KEY: Readonly<Record<string, string>> = {
  'clarify.handoff.urgent': 'clarify.handoff.human_agent',
  'lead.ask.phone_or_username': 'lead.required.email',
  'lead.notUnderstood': 'notUnderstood',
  'handoff.ticket.callback': 'handoff.ticket.customer_request',
  'handoff.ticket.callback_known': 'handoff.ticket.callback',
  'handoff.ticket.complaint.callback': 'handoff.ticket.complaint',
  'handoff.ticket.complaint.callback_known': 'handoff.ticket.complaint.callback',
  'handoff.ticket.complaint.answered.callback': 'handoff.ticket.complaint.answered',
  'handoff.ticket.complaint.answered.callback_known': 'handoff.ticket.complaint.answered.callback',
  'handoff.ticket.order_status': 'handoff.ticket.customer_request',
  'handoff.ticket.order_cancel': 'handoff.ticket.customer_request',
  'handoff.ticket.running_late': 'handoff.ticket.customer_request',
  'handoff.cancelled': 'handoff.resolved',
  'handoff.resolved.rating': 'handoff.resolved',
  'quote.reserved_pickup': 'quote.reserved',
  'quote.ticket_pickup': 'quote.ticket',
  'lead.urgency_missing': 'lead.ask.urgency_again',
};

function lookup(templates: ReplyTemplates, key: string, lang: Lang): string {
  const other: Lang = lang === 'es' ? 'en' : 'es';
  // The key, then each older key in turn (a newer key's older one may be newer than the tenant's templates too).
  let text: string | undefined;
  for (let k: string | undefined = key; text === undefined && k !== undefined; k = OLDER_KEY[k]) text = templates[lang]?.[k] ?? templates[other]?.[k];
  if (text === undefined) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `templates: ${key}: no such reply template in "${lang}" or "${other}"`);
  }
  return text;
}

function scalar(value: ParamValue | undefined): string {
  // A placeholder without a value renders empty rather than leaking "{name}" to a customer.
  return value === null || value === undefined ? '' : String(value);
}

function fill(text: string, lookupParam: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => lookupParam(name));
}

/**
 * Renders a reply directive into the contact's language.
 *
 * `{param}` placeholders take the directive's params; an array param renders each element with the
 * template `<key>.item` (the element's fields first, then the directive's scalar params), one line
 * per element. A template missing in `lang` falls back to the other language; a key missing in
 * both throws `HILO_ERR_TENANT_DATA_INVALID`. Literal-text directives are returned as they are.
 *
 * @example
 * renderReply({ template: 'product.found', params: { items: [{ name: 'Cemento', price: 'RD$655.00' }] } }, templates, 'es');
 */
export function renderReply(directive: ReplyDirective, templates: ReplyTemplates, lang: Lang): string {
  if ('text' in directive) return directive.text;
  const key = directive.template;
  const params: TemplateParams = directive.params ?? {};
  const text = lookup(templates, key, lang);
  const outer = (name: string): string => {
    const value = params[name];
    return Array.isArray(value) ? '' : scalar(value);
  };
  return fill(directive.withoutQuestion ? withoutClosingQuestion(text) : text, (name) => {
    const value = params[name];
    if (!Array.isArray(value)) return scalar(value);
    const itemText = lookup(templates, `${key}.item`, lang);
    return value
      .map((item) => fill(itemText, (field) => (Object.hasOwn(item, field) ? scalar(item[field]) : outer(field))))
      .join('\n');
  });
}

/** A template without its last paragraph when that paragraph asks something ("¿Te lo reservo…?", "How many would you like? I'll complete the total."). */
function withoutClosingQuestion(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  return paragraphs.length > 1 && paragraphs[paragraphs.length - 1]!.includes('?') ? paragraphs.slice(0, -1).join('\n\n') : text;
}

/** Most choices offered with one reply: more stop being a choice (and WhatsApp lists stop at 10). */
export const MAX_REPLY_OPTIONS = 10;
/** Longest option label shown, in characters (a button, a numbered line). */
export const MAX_OPTION_LABEL_CHARS = 80;

/**
 * Renders a reply's options into the contact's language: a `template: true` label is a tenant
 * template key (same fallback rules as `renderReply`), any other label is shown as is. Blank
 * options are dropped, a repeated `text` keeps its first label, labels are cut to
 * `MAX_OPTION_LABEL_CHARS` and at most `MAX_REPLY_OPTIONS` are kept, so every channel can show them.
 *
 * @example
 * renderOptions([{ label: 'options.human', text: 'quiero hablar con una persona', template: true }], templates, 'en');
 * // → [{ label: 'Talk to a person', text: 'quiero hablar con una persona' }]
 */
export function renderOptions(options: readonly ReplyOption[] | undefined, templates: ReplyTemplates, lang: Lang): TranscriptOption[] {
  if (!options || options.length === 0) return [];
  const out: TranscriptOption[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    const raw = option.template === true ? fill(lookup(templates, option.label, lang), () => '') : option.label;
    const label = Array.from(raw.replace(/\s+/g, ' ').trim()).slice(0, MAX_OPTION_LABEL_CHARS).join('');
    const text = option.text.trim();
    if (label === '' || text === '' || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push({ label, text });
    if (out.length === MAX_REPLY_OPTIONS) break;
  }
  return out;
}
