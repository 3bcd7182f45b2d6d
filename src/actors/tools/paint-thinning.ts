/**
 * What thins the paint on the counter: "¿se rebaja con thinner o agua?", "¿con qué se diluye?". A
 * clerk answers from the sheets: the product whose stated use is thinning names the kinds of paint
 * it is for ("para diluir esmaltes y pinturas de aceite"). The enamel is one of them: that thinner,
 * priced. A paint that is not (the acrylic): it takes no thinner — said with what the thinner is for,
 * and that its label gives how much to thin it (with water, for the acrylic), never the thinner sold
 * for it. Null when no product's sheet says it thins, or the product on the counter is no paint.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { asksThinning } from '../../machines/job-readers.js';
import { foldAccents } from '../../kernel/fold.js';
import { describeProduct, optionsFor } from './product-parts.js';

const THINS = /\b(?:diluir|rebajar|thinning|thin)\b/;
const fold = (s: string): string => foldAccents(s.toLowerCase());
const isPaint = (p: Product): boolean => p.coverage !== undefined || (p.aliases ?? []).some((a) => /^(?:pintura|paint|esmalte|enamel|pintura de aceite|oil paint)$/i.test(a));

/** The answer, or null when the message asks no such thing or the sheets cannot answer it. */
export function thinningAnswer(tenant: TenantData, focus: ProductFocus | undefined, text: string, lang: Lang): ProductActorOutput | null {
  if (!focus || !asksThinning(text) || tenant.templates[lang]?.['product.thin_with'] === undefined) return null;
  const paint = tenant.catalog.find((p) => p.sku === focus.sku);
  if (!paint || !isPaint(paint)) return null;
  const thinner = tenant.catalog.find((p) => p !== paint && THINS.test(fold(p.use?.es ?? '')) && p.use?.[lang] !== undefined);
  if (!thinner) return null;
  // The kinds the thinner's sheet names ("esmaltes", "pinturas de aceite"): one whose every word the paint's name has.
  const listed = /\b(?:diluir|rebajar)\s+(.+?)(?:\s+y\s+para\b|[.;]|$)/.exec(fold(thinner.use?.es ?? ''))?.[1] ?? '';
  const name = ` ${fold(paint.name)} `;
  const singular = (w: string): string => w.replace(/s$/, '');
  const forIt = listed.split(/,|\s+y\s+/).some((kind) => {
    const words = kind.trim().split(/\s+/).filter((w) => w !== '' && w !== 'de' && w !== 'las' && w !== 'los');
    return words.length > 0 && words.every((w) => new RegExp(`\\b${singular(w)}(?:s|es)?\\b`).test(name));
  });
  const use = (thinner.use?.[lang] ?? '').replace(/\.$/, '');
  const d = describeProduct(tenant, thinner, lang);
  const params = { paint: paint.name, thinner: thinner.name, price: d.price, unit: d.unit, availability: d.availability, use };
  return {
    outcome: 'answered',
    replies: [{ template: forIt ? 'product.thin_with' : 'product.thin_not', params, ...(forIt ? { options: optionsFor([thinner]) } : {}) }],
    // "¿Te lo reservo?" about the thinner: it is on the counter, the paint beside it; a yes sets one aside.
    ...(forIt
      ? { focus: { sku: thinner.sku, name: thinner.name, price: thinner.price, query: thinner.name, recent: [paint.sku] }, reserve: { sku: thinner.sku, name: thinner.name, quantity: 1 } }
      : { focus }),
  };
}
