/**
 * Lines said with a one-product answer, before or after it: what the product is for when that was
 * the question ("¿para qué sirve el sellador?"), and its size in the customer's unit when they
 * asked in another ("tinaco de 1000 litros": the 250-gallon tank, about 950 litres).
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import { asksWhatFor } from '../../machines/job-questions.js';
import type { CatalogIndex } from './catalog-search.js';
import { askedUnitSizes, convertedSizeNote } from './product-sizes.js';
import { missingMaterialNote } from './product-materials.js';
import { describeProduct } from './product-parts.js';

/** A list come down to one product, said of it: applied to the answer before its notes (`product.tool.ts`). */
export { withOneShown } from './one-shown.js';

/** `out` with the notes its one product calls for; unchanged when it answered several or none. */
export function withProductNotes(tenant: TenantData, index: CatalogIndex, out: ProductActorOutput, lang: Lang, text: string | undefined): ProductActorOutput {
  // "tubería de cobre" answered with the PVC pipes: no copper, said first.
  const skus = out.focus ? [out.focus.sku, ...(out.focus.options ?? [])] : [];
  // ...unless the answer says already that it has no such kind ("no tengo alambre de cobre").
  const saysNoKind = (out.replies[0] as { template?: string } | undefined)?.template === 'product.no_kind';
  const material = text !== undefined && !saysNoKind ? missingMaterialNote(text, tenant.catalog.filter((p) => skus.includes(p.sku)), lang) : null;
  return material ? { ...out, replies: [material, ...notesOf(tenant, index, out, lang, text).replies] } : notesOf(tenant, index, out, lang, text);
}

function notesOf(tenant: TenantData, index: CatalogIndex, out: ProductActorOutput, lang: Lang, text: string | undefined): ProductActorOutput {
  const first = out.replies[0];
  // "cemento en fundas de 50 libras": no such size, said in the customer's unit, with what there is in it.
  if (text !== undefined && first && 'template' in first && /^product\.no_variant/.test(first.template)) {
    const shown = (out.focus?.options ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p) => p !== undefined);
    const sized = askedUnitSizes(index, text, shown, lang);
    if (!sized) return out;
    if (sized.exact) {
      const found = { template: sized.exact.stock > 0 ? 'product.found' : 'product.found_out', params: { items: [describeProduct(tenant, sized.exact, lang)] } };
      const p = sized.exact;
      const reserve = p.stock > 0 ? { sku: p.sku, name: p.name, quantity: 1 } : { sku: p.sku, name: p.name, quantity: 1, backorder: true };
      return { ...out, replies: [found], reserve, ...(out.focus ? { focus: { ...out.focus, sku: p.sku, name: p.name, price: p.price, options: undefined } } : {}) };
    }
    // The sizes in the customer's unit go with the "no" (`product.no_variant_unit`), else before it.
    const note = sized.note && 'template' in sized.note ? sized.note : null;
    const own = note !== null && first.template === 'product.no_variant';
    const said = { ...first, ...(own ? { template: 'product.no_variant_unit' } : {}), params: { ...first.params, wanted: sized.wanted, ...(own ? note.params : {}) } };
    return { ...out, replies: [...(sized.note && !own ? [sized.note] : []), said, ...out.replies.slice(1)] };
  }
  const focus = out.focus;
  const product = focus && (focus.options?.length ?? 0) <= 1 ? tenant.catalog.find((p) => p.sku === focus.sku) : undefined;
  if (!product || !focus) return out;
  const before: ReplyDirective[] = [];
  const after: ReplyDirective[] = [];
  // "el cemento blanco es para qué?": what it is for, then the price.
  const use = product.use ? (lang === 'en' ? (product.use.en ?? product.use.es) : product.use.es) : undefined;
  if (use && text !== undefined && asksWhatFor(text)) before.push({ template: 'product.use', params: { name: product.name, use } });
  const size = convertedSizeNote(index, focus.query, product, lang);
  // After "no tengo de 2000 litros", else before what there is.
  const answersOut = /^product\.no_/.test((out.replies[0] as { template?: string } | undefined)?.template ?? '');
  if (size) (answersOut ? after : before).push(size);
  return before.length + after.length === 0 ? out : { ...out, replies: [...before, ...out.replies, ...after] };
}
