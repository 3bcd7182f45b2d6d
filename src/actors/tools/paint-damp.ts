/**
 * Paint asked for a damp or mouldy wall: "tengo humedad en el baño, qué pintura uso?", "la pared
 * tiene moho, qué le pongo?", "what paint for a damp bathroom wall?". A clerk does not hand over the
 * white wall paint as if it cured damp: when no product's sheet says it is for damp or mould, they
 * say so, say the cause (a leak) comes first, and show what the catalog does say helps — the
 * products of the paint shelf whose stated use seals, and those of the room named whose use is
 * against water — each with what it is for. A product whose sheet says damp or mould is left to the
 * search (it answers by itself).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { describeProduct, focusOf, optionsFor } from './product-parts.js';

/** Damp or mould told (folded text). */
const DAMP = /\b(?:anti-?\s?(?:hongos?|moho|humedad)|humedad(?:es)?|humed[oa]s?|moho|mohos[oa]?|hongos?|salitre|manchas?\s+negras?|mojad[oa]s?\s+(?:la|las)\s+pared(?:es)?|damp(?:ness)?|moisture|mou?ld(?:y)?|mildew|wet\s+walls?)\b/;
/** Speaks of paint: the verb, the word, or what to put on it. */
const PAINT = /\b(?:pintura|pinturas|pint(?:ar|o|arla|arlo|amos)|paint(?:ing|s)?|que\s+le\s+(?:pongo|hecho|echo|aplico)|what\s+(?:do\s+i|should\s+i|can\s+i)\s+(?:use|put))\b/;
/** A product's sheet saying it is for damp or mould (folded). */
const SAYS_DAMP = /\b(?:humedad|moho|hongos?|antihongos|antimoho|salitre|mildew|mou?ld|damp|moisture)\b/;
/** A stated use that seals (folded). */
const SEALS = /\b(?:sella\w*|seals?|sealing)\b/;
/** A stated use against water (folded). */
const AGAINST_WATER = /\b(?:contra el agua|against water|no goteen|leak)\b/;

/** At most this many products shown. */
const MAX_SHOWN = 3;

const fold = (s: string): string => foldAccents(s.toLowerCase()).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' ');
const sheetOf = (p: Product): string => fold([p.name, ...(p.aliases ?? []), ...(p.jobs ?? []), p.use?.es ?? '', p.use?.en ?? ''].join(' '));
const useOf = (p: Product): string => fold([p.use?.es ?? '', p.use?.en ?? ''].join(' '));

/** Whether the message asks paint (or what to put) for damp or mould. */
export function asksPaintForDamp(text: string): boolean {
  const f = fold(text);
  return DAMP.test(f) && PAINT.test(f);
}

/** The honest answer, or null when the message is no such question or some product's sheet says damp or mould. */
export function paintForDamp(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  if (tenant.templates[lang]?.['product.paint_damp'] === undefined || !asksPaintForDamp(text)) return null;
  if (tenant.catalog.some((p) => SAYS_DAMP.test(sheetOf(p)))) return null;
  const paintShelf = new Set(tenant.catalog.filter((p) => (p.aliases ?? []).some((a) => /^(?:pintura|paint)$/i.test(a))).map((p) => p.category));
  if (paintShelf.size === 0) return null;
  const f = fold(text);
  // The room named ("baño", "bathroom"), as the catalog's products list it.
  const inRoom = (p: Product): boolean => (p.rooms ?? []).some((r) => new RegExp(`\\b${fold(r).trim()}\\b`).test(f));
  const sealers = tenant.catalog.filter((p) => paintShelf.has(p.category) && p.use !== undefined && SEALS.test(useOf(p)) && p.coverage !== undefined && (p.jobs ?? []).some((j) => /\b(?:pintar|paint|pared|wall)\b/.test(fold(j))));
  const forRoom = tenant.catalog.filter((p) => !paintShelf.has(p.category) && inRoom(p) && p.use !== undefined && AGAINST_WATER.test(useOf(p)) && SEALS.test(useOf(p)));
  const shown = [...sealers, ...forRoom].filter((p) => p.stock > 0).slice(0, MAX_SHOWN);
  if (shown.length === 0) return null;
  const head = shown[0] as Product;
  const focus = focusOf({ product: head, score: 1, unmet: [], defaulted: false }, { query: head.name }, index);
  const items = shown.map((p) => {
    const use = p.use?.[lang];
    return { ...describeProduct(tenant, p, lang), use: use === undefined ? '' : ` — ${use.replace(/\.$/, '')}` };
  });
  return {
    outcome: 'answered',
    replies: [{ template: 'product.paint_damp', params: { items }, options: optionsFor(shown) }],
    focus: shown.length > 1 ? { ...focus, options: shown.map((p) => p.sku), recent: shown.slice(1).map((p) => p.sku) } : focus,
  };
}
