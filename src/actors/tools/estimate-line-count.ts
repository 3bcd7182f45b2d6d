/**
 * "¿cuántos sacos de cemento son?", "how many bags of cement?" right after an estimate (the patio's
 * concrete, the wall's blocks): how many of that line the estimate counts, and the formal quote
 * offered again — never the product priced alone as one unit, which lost the estimate (a "sí" then
 * set one bag aside).
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, QuoteLine, ReplyOption } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { formatMoney } from './format.js';
import { countText, countUnit } from './units.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { describeProduct } from './product-parts.js';

/** How many of a thing, not its price nor what is in stock: "cuántos sacos de cemento son?", "how many bags of cement do I need?". */
const HOW_MANY = /\b(?:cuant[oa]s|how\s+many)\b/;
const IN_STOCK = /\b(?:tienen|tiene|tienes|hay|quedan|queda|disponibles?|have|has|left|in\s+stock|available)\b/;

export function estimateLineAsked(tenant: TenantData, index: CatalogIndex, estimate: readonly QuoteLine[] | undefined, text: string, lang: Lang): ProductActorOutput | null {
  if (!estimate || estimate.length < 2 || tenant.templates[lang]?.['product.estimate.line_count'] === undefined) return null;
  const f = foldAccents(text);
  if (!HOW_MANY.test(f) || IN_STOCK.test(f)) return null;
  const asked = index.parse(text).content;
  if (asked.length === 0) return null;
  // The estimate's line whose product the words name (most words in common; none when two tie).
  const scored = estimate
    .map((line) => {
      const product = tenant.catalog.find((p) => p.sku === line.sku);
      const own = product ? index.parse([product.name, ...(product.aliases ?? [])].join(' ')).content : [];
      return { line, product, score: asked.filter((w) => own.includes(w)).length };
    })
    .filter((s) => s.product !== undefined && s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best?.product || (scored[1] !== undefined && scored[1].score === best.score)) return null;
  const described = describeProduct(tenant, best.product, lang);
  const answer = (key: string): ReplyOption => {
    const said = renderReply({ template: key }, tenant.templates, lang);
    return { label: said, text: said };
  };
  return {
    outcome: 'estimate',
    lines: estimate.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    replies: [
      {
        template: 'product.estimate.line_count',
        params: { quantity: `${countText(best.line.quantity, lang)} ${countUnit(best.product.unit, best.line.quantity, lang)}`, name: described.name, subtotal: formatMoney(best.product.price * best.line.quantity) },
        options: [answer('product.quote_offer.yes'), answer('product.quote_offer.no')],
      },
    ],
  };
}
