/**
 * A question about goods the store just said it does not sell: "¿tienen planta eléctrica?" →
 * "No vendemos planta eléctrica" → "¿y de cuántos watts?", "¿cuánto dura con un galón?", "¿y la
 * marca?", "how many BTU?". A clerk hears it as about that good and says why there is no answer,
 * never "No vendemos *watts*", "No vendemos *dura de gasolina*" or the extension cords of 25 feet
 * for "¿de cuántos pies?" after the fridge.
 */
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import type { TenantData } from '../../domain/tenant.js';
import { plainWords } from '../../kernel/plain-words.js';
import { tradeGoodOf } from './product-not-carried.js';
import { isNotSold } from './product-not-sold.js';
import { asksAboutUnmet, FEATURE_WORD, SPEC_WORD } from '../../machines/unmet-question.js';

const TEMPLATE = 'product.not_found.followup';
/** The same question of a good of the trade not in stock now but orderable (`product.not_stocked`). */
const ORDER_TEMPLATE = 'product.not_stocked.followup';
/** The answers that say the good is not sold (their `query` is the good as the customer said it). */
const NOT_SOLD = new Set(['product.not_found', 'product.not_found_related', 'product.not_stocked']);

/**
 * The product answer with the good just said not to be sold taken into account: a question about it
 * gets `product.not_found.followup`; a `not_found` answer reports its good (`unmet`) for the next
 * turn. Unchanged when the tenant has no such template.
 */
export function withUnmetFollowUp(tenant: TenantData, input: ProductActorInput, out: ProductActorOutput): ProductActorOutput {
  if (tenant.templates[input.lang]?.[TEMPLATE] === undefined) return out;
  const before = input.unmetBefore;
  // Goods the store has, named in the question ("¿y el cemento cuánto cuesta?"), are a new question.
  if (before !== undefined && asksAboutUnmet(input.text ?? '') && !namesOtherGoods(out, input)) {
    // "¿de cuántos galones?" of the water heater the store can order: the sales team knows, and the offer stands.
    const good = tradeGoodOf(tenant, before);
    if (good !== null && !isNotSold(good) && tenant.templates[input.lang]?.[ORDER_TEMPLATE] !== undefined) {
      const asks = input.lang === 'en' ? `I'd like to talk to someone about getting ${before}` : `quiero hablar con un asesor para conseguir ${before}`;
      const label = 'clarify.option.yes_person';
      return { outcome: 'not_found', replies: [{ template: ORDER_TEMPLATE, params: { query: before }, options: [{ label, text: asks, template: true }] }], offer: { intent: 'human_agent', label, text: asks }, unmet: before };
    }
    return { outcome: 'not_found', replies: [{ template: TEMPLATE, params: { query: before } }], unmet: before };
  }
  if (out.outcome !== 'not_found') return out;
  const said = out.replies.find((r) => 'template' in r && NOT_SOLD.has(r.template));
  const query = said && 'template' in said ? said.params?.query : undefined;
  return typeof query === 'string' && query !== '' ? { ...out, unmet: query } : out;
}

/** The answer found goods named in the message itself, not only a size or a unit ("pies" → the 25-foot extension cord). */
function namesOtherGoods(out: ProductActorOutput, input: ProductActorInput): boolean {
  if (out.outcome !== 'answered') return false;
  const spec = new RegExp(String.raw`^(?:${SPEC_WORD}|${FEATURE_WORD}|\d+)$`);
  return input.understanding.products.some((p) => plainWords(p.query).split(' ').some((w) => w.length > 2 && !spec.test(w) && !/^(?:de|del|la|el|los|las|con|un|una|the|of|a)$/.test(w)));
}
