/**
 * A new estimate a few turns after the quote ticket was opened ("¿cuánto sería todo?" once the
 * delivery is known): the sales team already has the quote, so a clerk does not offer to "prepare
 * the formal quote" as if it were the first — "Tu cotización *T-000001* ya la tiene el equipo de
 * ventas. ¿Quieres que les pase esta versión?" (a yes sends this version, as a new quote ticket).
 */
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { withoutClosingQuestion } from './joined-answers.js';

const TEMPLATE = 'quote.sent_again';

/** `out` with its estimate's closing "¿Te preparo la cotización formal?" asked as a version of the quote sent (`input.quoteSent`). */
export function withQuoteSent(tenant: TenantData, input: Pick<ProductActorInput, 'quoteSent' | 'lang'>, out: ProductActorOutput): ProductActorOutput {
  const number = input.quoteSent;
  const last = out.replies.at(-1);
  if (number === undefined || out.outcome !== 'estimate' || last === undefined || tenant.templates[input.lang]?.[TEMPLATE] === undefined) return out;
  const rendered = renderReply(last, tenant.templates, input.lang);
  // The closing paragraph ("El equipo de ventas te confirma … ¿Te preparo la cotización formal?") gives way whole.
  const cut = rendered.trimEnd().lastIndexOf('\n\n');
  const body = cut > 0 && rendered.trimEnd().endsWith('?') ? rendered.slice(0, cut) : withoutClosingQuestion(rendered);
  if (body === rendered) return out;
  const again = renderReply({ template: TEMPLATE, params: { number } }, tenant.templates, input.lang);
  // The yes / no buttons stay: a yes sends this version.
  return { ...out, replies: [...out.replies.slice(0, -1), { text: `${body}\n\n${again}`, ...(last.options ? { options: last.options } : {}) }] };
}
