/**
 * Painting something that is not a wall: "necesito pintar unas rejas de hierro, ¿qué me
 * recomiendan?", "quiero pintar la puerta de madera", "what do I need to paint a metal gate?". A
 * clerk does not hand over the white wall paint: for iron it is the anticorrosive primer first, then
 * the enamel, the thinner and a brush. What fits is read from the catalog: the products whose stated
 * use (`use`) or jobs name the surface, the products that say they go with those (the thinner "para
 * diluir esmaltes"), and the brush those name — each listed with what it is for.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { describeProduct, firstWord, focusOf, optionsFor } from './product-parts.js';
import { otherColours } from './paint-colours-of.js';
import { OUTSIDE, SAYS_OUTSIDE } from './paint-outside.js';

interface Surface {
  /** The customer's words for it (folded text). */
  said: RegExp;
  /** The words in a product's data that say it is for it. */
  data: RegExp;
  /** How the reply names it. */
  name: Record<Lang, string>;
}

/** Surfaces wall paint is not for, by what they are made of. Metal first: "puerta de hierro" is metal. */
const SURFACES: readonly Surface[] = [
  {
    // A zinc or galvanized roof or sheet ("el techo de mi galería, es de zinc") is metal too: primer first, never wall paint.
    said: /\b(?:rejas?|hierros?|metal(?:es)?|metalic[oa]s?|porton(?:es)?|barandas?|barandal(?:es)?|pasamanos|zinc|aluzinc|galvanizad[oa]s?|iron|metal|steel|gates?|railings?|grilles?|wrought|galvanized|tin\s+roof|corrugated)\b/,
    data: /\b(?:metal(?:es)?|hierro|rejas?|iron|railings?)\b/,
    name: { es: 'hierro o metal', en: 'iron or metal' },
  },
  {
    said: /\b(?:madera|maderas|muebles?|closets?|gabinetes?|wood(?:en)?|furniture|cabinets?)\b/,
    data: /\b(?:madera|wood)\b/,
    name: { es: 'madera', en: 'wood' },
  },
];

/** Speaks of painting it (the verb, or which paint to use), not of a product for sale named so. */
const PAINTING = /\b(?:pint(?:ar|o|amos|arla|arlas|arlo|arlos|ando|arle|arles)|paint(?:ing)?\s+(?:the|my|our|a|an|some|it|them|this|these)|painting|repaint)\b/;
const ADVICE = /\b(?:que|k|q|cual|cuales)\s+(?:pintura|pinturas|me\s+recomienda\w*|recomienda\w*|uso|usar|utilizo|le\s+(?:pongo|hecho|echo|doy)|necesito|me\s+sirve|sirve)\b|\brecomienda\w*\b|\bwhat\s+(?:paint|do\s+i\s+need|should\s+i\s+use|would\s+you\s+recommend)\b|\brecommend\b/;
const PAINT_WORD = /\b(?:pintura|pinturas|pintar|paint)\b/;
/** "pintura (que sirva) para (las) rejas …": what follows the paint asked for a use. */
const PAINT_FOR = /\b(?:pinturas?|paints?|esmaltes?|enamel)\s+(?:(?:que\s+(?:sea|sirva|aguante))\s+)?(?:para|pa|pal|for|de)\s+((?:(?:el|la|los|las|un|una|unos|unas|mi|mis|the|a|an|my|use\s+on|una\s+puerta\s+de|puertas?\s+de)\s+)*\p{L}+)/u;

/** What a product's data says it is for, folded: its jobs and stated use (es and en). */
const saysOf = (p: Product): string => foldAccents([...(p.jobs ?? []), p.use?.es ?? '', p.use?.en ?? ''].join(' ').toLowerCase());

/** The surface a painting message names, or null when it names none of these or does not speak of painting. */
export function paintedSurface(text: string): Surface | null {
  const f = foldAccents(text.toLowerCase()).replace(/[¿?¡!.,;]+/g, ' ');
  // "pintura para rejas", "paint for metal": the paint asked for the surface, as good as the verb.
  const forIt = PAINT_FOR.exec(f);
  if (forIt) {
    const named = SURFACES.find((s) => s.said.test(forIt[1] ?? ''));
    if (named) return named;
  }
  if (!PAINTING.test(f) && !(ADVICE.test(f) && PAINT_WORD.test(f))) return null;
  return SURFACES.find((s) => s.said.test(f)) ?? null;
}

/** One of each kind, the one whose data says it first, then in stock, the catalog's order kept. */
function oneOfEachKind(products: readonly Product[], says: (p: Product) => boolean): Product[] {
  const kinds = new Map<string, Product>();
  for (const p of products) {
    const had = kinds.get(firstWord(p.name));
    if (!had || (says(p) && !says(had)) || (says(p) === says(had) && p.stock > 0 && had.stock <= 0)) kinds.set(firstWord(p.name), p);
  }
  return [...kinds.values()];
}

/** A kind's word as data mentions it: "esmalte" in "esmaltes", "brocha" in "brochas". */
const mentions = (said: string, kind: string): boolean => kind.length >= 4 && new RegExp(`\\b${kind}(?:s|es)?\\b`).test(said);

/** The kit for painting the surface named, or null when the message names none or the catalog has nothing that says it. */
export function surfaceKit(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  const surface = paintedSurface(text);
  if (surface === null) return null;
  // The paints and primers that say the surface; then what says it goes with them (the thinner for enamels), then the tools those name (the brush).
  // Only the paint shelf: the categories of the products called paint ("pintura", "paint").
  const lines = new Set(tenant.catalog.filter((p) => (p.aliases ?? []).some((a) => /^(?:pintura|paint)$/i.test(a))).map((p) => p.category));
  const shelf = tenant.catalog.filter((p) => lines.has(p.category));
  const forIt = shelf.filter((p) => surface.data.test(saysOf(p)));
  if (forIt.length === 0) return null;
  const kinds = new Set(forIt.map((p) => firstWord(p.name)));
  const along = shelf.filter((p) => !kinds.has(firstWord(p.name)) && p.coverage === undefined && [...kinds].some((k) => mentions(saysOf(p), k)));
  const told = [...forIt, ...along].map(saysOf).join(' ');
  const tools = shelf.filter((p) => !kinds.has(firstWord(p.name)) && !along.includes(p) && p.coverage === undefined && p.use === undefined && mentions(told, firstWord(p.name)));
  const says = (p: Product): boolean => surface.data.test(saysOf(p)) || (p.default_for?.length ?? 0) > 0;
  // The first coat first ("primera mano … antes del esmalte").
  const first = (p: Product): number => (/\b(?:primera mano|first coat)\b/.test(saysOf(p)) ? 0 : 1);
  const kit = [...oneOfEachKind(forIt, says).sort((a, b) => first(a) - first(b)), ...oneOfEachKind(along, says), ...oneOfEachKind(tools, says)].slice(0, 5);
  // The paint itself on the counter ("negro" next is the enamel's colour), the others as options.
  const head = kit.find((p) => forIt.includes(p) && first(p) === 1) ?? (kit[0] as Product);
  const focus = focusOf({ product: head, score: 1, unmet: [], defaulted: false }, { query: head.name }, index);
  const items = kit.map((p) => {
    const use = p.use?.[lang];
    // "Esmalte … Negro": the other colours of the same paint on the shelf, so the green is not hidden.
    const others = otherColours(index, shelf, p, lang);
    const also = others === '' ? '' : lang === 'en' ? `; also in ${others}` : `; también en ${others}`;
    return { ...describeProduct(tenant, p, lang), use: use === undefined ? (also === '' ? '' : ` — ${also.slice(2)}`) : ` — ${use.replace(/\.$/, '')}${also}` };
  });
  // "pintura para madera exterior": outdoors said and no paint's sheet says so; that said honestly, never the kit as if it were for outside.
  const folded = foldAccents(text.toLowerCase());
  const outsideUnsaid = OUTSIDE.test(folded) && !kit.some((p) => forIt.includes(p) && SAYS_OUTSIDE.test(saysOf(p))) && tenant.templates[lang]?.['product.surface_kit_outside'] !== undefined;
  return {
    outcome: 'answered',
    replies: [{ template: outsideUnsaid ? 'product.surface_kit_outside' : 'product.surface_kit', params: { surface: surface.name[lang], items }, options: optionsFor(kit) }],
    focus: { ...focus, options: kit.map((p) => p.sku), recent: kit.filter((p) => p !== head).map((p) => p.sku) },
  };
}
