/**
 * Paint asked for a use no paint in the catalog says it is for: "¿tienen pintura para piso?",
 * "¿tienen pintura para exterior?", "paint for the floor?". A clerk does not hand over three white
 * wall paints as if they were that: they say honestly that none is marked for it, show what paint
 * there is (what comes closest), and offer the sales team to confirm. A paint whose data does say
 * the use is picked elsewhere (`useAsked`: "pintura pa madera" is the enamel).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { describeProduct, focusOf, nameKey, optionsFor } from './product-parts.js';

/** "… pintura(s) para (el) piso": the paint word and the use word (folded). */
const PAINT_FOR = /\b(pinturas?|paints?)\s+(?:(?:que\s+sea|que\s+sirva|que\s+aguante)\s+)?(?:para|pa|pal|for|de)\s+(?:(?:el|la|los|las|un|una|unos|unas|mi|mis|the|a|an|my|use\s+on\s+the|use\s+on)\s+)?(\p{L}+)/u;

/** The uses a clerk is asked paint for, with the words a product's data would say them in. */
const USES: readonly { said: RegExp; data: RegExp; name: Record<Lang, string> }[] = [
  { said: /^(?:pisos?|floors?|flooring|suelos?|garajes?|garages?|marquesinas?|cancha)$/, data: /\b(?:pisos?|floors?|suelos?|trafico)\b/, name: { es: 'piso', en: 'floors' } },
  { said: /^(?:exteriore?s?|afuera|fuera|fachadas?|intemperie|exterior|outdoors?|outside|facades?)$/, data: /\b(?:exteriore?s?|intemperie|fachadas?|outdoors?|outside|exterior)\b/, name: { es: 'exterior', en: 'outdoor use' } },
  { said: /^(?:piscinas?|pools?)$/, data: /\b(?:piscinas?|pools?)\b/, name: { es: 'piscina', en: 'pools' } },
  { said: /^(?:azulejos?|ceramicas?|tiles?)$/, data: /\b(?:azulejos?|ceramicas?|tiles?)\b/, name: { es: 'cerámica o azulejo', en: 'tiles' } },
];

const saysOf = (p: Product): string => foldAccents([p.name, ...(p.jobs ?? []), ...(p.rooms ?? []), p.use?.es ?? '', p.use?.en ?? ''].join(' ').toLowerCase());
const isPaint = (p: Product): boolean => (p.aliases ?? []).some((a) => /^(?:pintura|paint)$/i.test(a));

/** The honest answer, or null when the message asks paint for no such use or some paint says it is for it. */
export function paintUseNotSaid(tenant: TenantData, index: CatalogIndex, text: string, lang: Lang): ProductActorOutput | null {
  if (tenant.templates[lang]?.['product.paint_use_unknown'] === undefined) return null;
  const m = PAINT_FOR.exec(foldAccents(text.toLowerCase()).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' '));
  if (!m?.[2]) return null;
  const word = m[2];
  const use = USES.find((u) => u.said.test(word));
  if (!use) return null;
  const paints = tenant.catalog.filter(isPaint);
  // Some paint on the shelf says it: that one answers (the search, `useAsked`).
  if (paints.length === 0 || tenant.catalog.some((p) => p.category === paints[0]?.category && use.data.test(saysOf(p)))) return null;
  // What paint there is, one of each (the everyday one first), in stock.
  const kinds = new Map<string, Product>();
  for (const p of [...paints.filter((p) => (p.default_for?.length ?? 0) > 0), ...paints]) {
    const kind = nameKey(p.name).split(' ').slice(0, 2).join(' '); // "pintura acrilica", "pintura satinada"
    if (p.stock > 0 && !kinds.has(kind)) kinds.set(kind, p);
  }
  const shown = [...kinds.values()].slice(0, 3);
  if (shown.length === 0) return null;
  const head = shown[0] as Product;
  const focus = focusOf({ product: head, score: 1, unmet: [], defaulted: false }, { query: head.name }, index);
  return {
    outcome: 'answered',
    replies: [{ template: 'product.paint_use_unknown', params: { use: use.name[lang], items: shown.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(shown) }],
    focus: shown.length > 1 ? { ...focus, options: shown.map((p) => p.sku) } : focus,
  };
}
