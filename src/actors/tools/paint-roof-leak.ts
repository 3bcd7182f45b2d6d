/**
 * A roof that leaks and what to put on it: "mi techo tiene filtraciones, qué pintura le pongo",
 * "la azotea tiene goteras, qué le echo", "my roof leaks, what paint should I use?". A clerk does not
 * hand over a roofing sheet and the white wall paint: the roof coating is what seals a concrete
 * roof against leaks (the product whose sheet says so), and the square metres work out the buckets.
 * Null when the message is no such question or no product's sheet says it seals a roof.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { describeProduct, focusOf, optionsFor } from './product-parts.js';

/** A roof named (folded). */
const ROOF = /\b(?:techos?|azoteas?|placas?|roofs?)\b/;
/** Water coming through (folded). */
const LEAK = /\b(?:filtra\w*|goteras?|gotea\w*|se\s+(?:mete|entra)\s+el\s+agua|leak\w*)\b/;
/** Asks for paint, or what to put on it. */
const ASKS = /\b(?:pintura|pinturas|pint(?:ar|o|arlo|arla|amos)|paint(?:ing|s)?|coating|(?:que|q)\s+(?:le\s+)?(?:pongo|echo|hecho|aplico|uso|compro|recomiendas?)|what\s+(?:do\s+i|should\s+i|can\s+i)\s+(?:use|put|buy))\b/;
/** A sheet saying it seals a roof against leaks (folded). */
const SEALS_ROOF = /\b(?:sella\w*|seals?|impermeabiliz\w*|waterproof\w*)\b/;

const fold = (s: string): string => foldAccents(s.toLowerCase()).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' ');
const sheetOf = (p: Product): string => fold([...(p.jobs ?? []), p.use?.es ?? '', p.use?.en ?? ''].join(' '));

/** Whether the message tells a leaking roof and asks what paint or product to put on it. */
export function asksForRoofLeak(text: string): boolean {
  const f = fold(text);
  return ROOF.test(f) && LEAK.test(f) && ASKS.test(f);
}

/** The roof coating for a leaking roof, the area asked; null when the message is none or nothing seals roofs. */
export function roofLeakAnswer(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  if (tenant.templates[lang]?.['product.roof_leak'] === undefined || !asksForRoofLeak(text)) return null;
  const coating = tenant.catalog.find((p) => p.stock > 0 && p.coverage !== undefined && SEALS_ROOF.test(sheetOf(p)) && /\b(?:techos?|roofs?)\b/.test(sheetOf(p)));
  if (!coating) return null;
  const focus = focusOf({ product: coating, score: 1, unmet: [], defaulted: false }, { query: coating.name }, index);
  const use = coating.use?.[lang];
  const item = { ...describeProduct(tenant, coating, lang), use: use === undefined ? '' : ` — ${use.replace(/\.$/, '')}` };
  return {
    outcome: 'answered',
    replies: [{ template: 'product.roof_leak', params: { items: [item] }, options: optionsFor([coating]) }],
    // "¿Cuántos metros cuadrados tiene el techo?": the bare measurement next works out the buckets (`measureAnswer`).
    focus: { ...focus, measure: { asked: 'area' as const } },
  };
}
