/**
 * A store question asked right after "¿Te lo reservo?" ("¿aceptan tarjeta?", "¿a qué hora
 * abren?"): a clerk answers it and comes back to the sale — "…¿Te aparto los 10 sacos?" — instead
 * of closing with "¿Te ayudo con algo más?", and a yes then sets the line aside. The answer's own
 * closing question and offer give way to the standing one.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorInput, InfoActorOutput } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { withoutClosingQuestion } from './joined-answers.js';

const TEMPLATE = 'info.next.reserve';
const QUOTE_TEMPLATE = 'info.next.quote';
const QUOTE_SENT_TEMPLATE = 'info.next.quote_sent';

/**
 * `out` ending with the reserve offer of `input.reserve` asked again (`keepsOffer`), when the
 * answer is a plain store answer: no delivery of its own (that answer offers the reservation with
 * the delivery), not the branches' (it asks delivery or pick-up), no product answered with it, no
 * buttons, and the tenant words the question.
 *
 * @example
 * withOfferAgain(tenant, input, storeAnswer); // last reply "…Visa, Mastercard…\n\n¿Te aparto *10 sacos de Cemento Gris*?"
 */
export function withOfferAgain(tenant: TenantData, input: Pick<InfoActorInput, 'reserve' | 'quote' | 'quoteSent' | 'lang'>, out: InfoActorOutput): InfoActorOutput {
  // "¿tienen varilla?" never said how many: the product, not "1 x" of it.
  const line = input.reserve?.quantity === 1 ? input.reserve.text.replace(/^1\s*x\s+/i, '') : input.reserve?.text;
  const last = out.replies.at(-1);
  const lang: Lang = input.lang;
  // An estimate's "¿Te preparo la cotización formal?" stands the same way ("¿cómo pago?" after the estimate).
  // ...asked as this version of the quote the sales team already has, when one was sent a few turns ago.
  const sent = !line && input.quote && input.quoteSent !== undefined && tenant.templates[lang]?.[QUOTE_SENT_TEMPLATE] !== undefined ? input.quoteSent : undefined;
  const template = line ? TEMPLATE : sent !== undefined ? QUOTE_SENT_TEMPLATE : input.quote ? QUOTE_TEMPLATE : null;
  // The branches' answer already asks how the order gets to the customer (delivery or pick-up).
  const aboutGettingIt = last !== undefined && 'template' in last && last.template.startsWith('info.location');
  if (!template || input.reserve?.again || !last || aboutGettingIt || out.delivery || out.reserve || out.answeredProducts || last.options !== undefined || tenant.templates[lang]?.[template] === undefined) return out;
  const answered = withoutClosingQuestion(renderReply(last, tenant.templates, lang));
  const again = renderReply(line ? { template, params: { line } } : sent !== undefined ? { template, params: { number: sent } } : { template }, tenant.templates, lang);
  const { offer: _dropped, ...rest } = out;
  return { ...rest, replies: [...out.replies.slice(0, -1), { text: `${answered}\n\n${again}` }], keepsOffer: true };
}
