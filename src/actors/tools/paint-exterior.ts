/**
 * A paint job outside: "quiero pintar la fachada de mi casa", "voy a pintar la casa por fuera",
 * "pintura exterior", "I want to paint my house outside". A clerk does not hand over one white
 * gallon: where no paint's sheet marks it for outdoors they say so honestly, show the wall paints
 * there are (one of each kind) and what the job takes besides (sealer, roller, brush, tray: the
 * products whose `jobs` say painting), the colours ready on the shelf (and the mixing, where the
 * store mixes), and ask the square metres and the colour to work out the gallons. Where some
 * paint's sheet does say outdoors, the search answers with it (null here).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { COLOUR_EN } from './colour-names.js';
import { mixingNote } from './paint-mixing.js';
import { colourWord } from './paint-mix-order.js';
import { OUTSIDE, SAYS_OUTSIDE } from './paint-outside.js';
import { paintedSurface } from './paint-surface.js';
import { describeProduct, firstWord, focusOf, nameKey, optionsFor } from './product-parts.js';

/** Speaks of paint or painting. */
const PAINT = /\b(?:pintura|pinturas|pint(?:ar|o|amos|arla|arlo|ando)|paint(?:ing|s)?|repaint)\b/;
/** A roof is not the facade: the roof coating answers it. */
const ROOF = /\b(?:techos?|azoteas?|placas?|roofs?)\b/;

const fold = (s: string): string => foldAccents(s.toLowerCase()).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' ');
const isWallPaint = (p: Product): boolean => p.coverage !== undefined && (p.aliases ?? []).some((a) => /^(?:pintura|paint)$/i.test(a));
const sheetOf = (p: Product): string => fold([p.name, ...(p.jobs ?? []), ...(p.rooms ?? []), p.use?.es ?? '', p.use?.en ?? ''].join(' '));

/** Whether the message speaks of painting the outside of a building (not iron or wood, not a roof). */
export function paintsOutside(text: string): boolean {
  const f = fold(text);
  return PAINT.test(f) && OUTSIDE.test(f) && !ROOF.test(f) && paintedSurface(text) === null && !/\b(?:madera|wood(?:en)?|hierro|metal|rejas?|iron)\b/.test(f);
}

/** The colours of these paints, capitalised, in the language asked ("Blanco y Blanco Hueso"). */
function colourList(index: CatalogIndex, paints: readonly Product[], lang: Lang): string {
  const colours = [...new Set(paints.map((p) => index.parse(p.name).attributes.colours[0]).filter((c): c is string => c !== undefined))];
  const names = colours.map((c) => (lang === 'en' ? (COLOUR_EN[c] ?? c) : c).replace(/(^|\s)\p{L}/gu, (x) => x.toUpperCase()));
  const and = lang === 'en' ? 'and' : 'y';
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** The answer for a paint job outside, or null when the message is none or a paint's sheet says outdoors. */
export function exteriorPaintJob(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  if (tenant.templates[lang]?.['product.exterior_job'] === undefined || !paintsOutside(text)) return null;
  const paints = tenant.catalog.filter(isWallPaint);
  if (paints.length === 0 || paints.some((p) => SAYS_OUTSIDE.test(sheetOf(p)))) return null;
  // One wall paint of each kind ("pintura acrilica", "pintura satinada"), the everyday one first, in stock, by the gallon where sold so.
  const kinds = new Map<string, Product>();
  const byGallon = (p: Product): number => (/gal/i.test(p.unit) ? 0 : 1);
  const ordered = [...paints].sort((a, b) => (b.default_for?.length ? 1 : 0) - (a.default_for?.length ? 1 : 0) || byGallon(a) - byGallon(b));
  // A colour said ("pintura blanca pa exterior"): the paints in it, when there are some; then only the area is asked.
  const said = index.parse(text).attributes.colours;
  const colourOf = (p: Product): string | undefined => index.parse(p.name).attributes.colours[0];
  const inColour = said.length > 0 && ordered.some((p) => p.stock > 0 && said.includes(colourOf(p) ?? ''));
  for (const p of ordered) {
    const kind = nameKey(p.name).split(' ').slice(0, 2).join(' ');
    if (p.stock > 0 && !kinds.has(kind) && (!inColour || said.includes(colourOf(p) ?? ''))) kinds.set(kind, p);
  }
  const shownPaints = [...kinds.values()];
  if (shownPaints.length === 0) return null;
  // What else the job takes: the products whose jobs say painting, one of each kind, in stock.
  const paintJob = new Set(['pintar', 'paint']);
  const along = new Map<string, Product>();
  for (const p of tenant.catalog) {
    if (isWallPaint(p) || p.stock <= 0 || !(p.jobs ?? []).some((j) => paintJob.has(nameKey(j)))) continue;
    if (!along.has(firstWord(p.name))) along.set(firstWord(p.name), p);
  }
  const kit = [...shownPaints, ...along.values()].slice(0, 6);
  const ready = paints.filter((p) => p.stock > 0);
  const mixing = mixingNote(tenant, ready, lang);
  const head = shownPaints[0] as Product;
  const focus = focusOf({ product: head, score: 1, unmet: [], defaulted: false }, { query: head.name }, index);
  // "pintura azul para exterior": a colour not on the shelf is mixed on the white base where the store mixes; only the
  // area is asked, and the gallons next are of that colour (`mix`), never the white as if it were the paint.
  const mixed = !inColour && said[0] !== undefined && mixing !== null && tenant.templates[lang]?.['product.exterior_job_mix'] !== undefined ? said[0] : undefined;
  const template = inColour ? 'product.exterior_job_colour' : mixed !== undefined ? 'product.exterior_job_mix' : 'product.exterior_job';
  const colour: Record<string, string> = mixed !== undefined ? { colour: colourWord(mixed, lang) } : {};
  return {
    outcome: 'answered',
    replies: [{ template, params: { items: kit.map((p) => describeProduct(tenant, p, lang)), colours: colourList(index, ready, lang), mixing: mixing ? ` ${mixing}` : '', ...colour }, options: optionsFor(kit) }],
    // "¿Cuántos metros cuadrados…?": the bare measurement next is that answer (`measureAnswer`).
    focus: { ...focus, options: kit.map((p) => p.sku), recent: kit.filter((p) => p !== head).map((p) => p.sku), measure: { asked: 'area' as const }, ...(mixed !== undefined ? { mix: mixed } : {}) },
  };
}
