/**
 * "¿es para exterior?", "for outdoor use?" about the product on the counter: a clerk answers from
 * what the store's data says the product is for (its name, jobs, rooms and stated use) — yes where it
 * says so, and honestly that it does not say where it does not, never a guess and never "no te
 * entendí".
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { describeProduct } from './product-parts.js';

/** Words in a product's data that say it is for outside, or for inside. */
const SAYS: Readonly<Record<'outdoor' | 'indoor', RegExp>> = {
  outdoor: /\b(?:exteriore?s?|intemperie|fachadas?|techos?|outdoors?|outside|exterior|roofs?)\b/,
  indoor: /\b(?:interiore?s?|indoors?|inside)\b/,
};
const PLACE: Readonly<Record<'outdoor' | 'indoor', Record<Lang, string>>> = {
  outdoor: { es: 'exterior', en: 'outdoor use' },
  indoor: { es: 'interior', en: 'indoor use' },
};

/** The answer to whether the product shown is for that place; null when the tenant has no such templates. */
export function whereAnswer(tenant: TenantData, shown: Product, focus: ProductFocus, place: 'outdoor' | 'indoor', lang: Lang): ProductActorOutput | null {
  const said = saysOf(shown);
  const yes = SAYS[place].test(said);
  // "¿el techo de afuera o el de adentro?" then "el de adentro": the other product shown beside the outdoor one.
  const other = !yes && place === 'indoor' && SAYS.outdoor.test(said) ? insideInstead(tenant, shown, focus, lang) : null;
  if (other) return other;
  const template = yes ? 'product.where.yes' : 'product.where.unknown';
  if (tenant.templates[lang]?.[template] === undefined) return null;
  const use = shown.use?.[lang];
  // What the data does say it is for, in its own words: "(sella el techo…)" beside a yes, "Lo que dice: …" beside a don't know.
  const told = use === undefined ? '' : yes ? ` (${use.replace(/\.$/, '')})` : ` ${lang === 'es' ? 'Lo que dice' : 'What it says'}: ${use.charAt(0).toUpperCase()}${use.slice(1).replace(/\.?$/, '.')}`;
  return { outcome: 'answered', replies: [{ template, params: { name: shown.name, place: PLACE[place][lang], use: told } }], focus };
}

const saysOf = (p: Product): string => foldAccents([p.name, ...(p.jobs ?? []), ...(p.rooms ?? []), p.use?.es ?? '', p.use?.en ?? ''].join(' ').toLowerCase());

/**
 * Inside asked after an outdoor product was shown beside another of its shelf that says nothing of
 * outdoors (the roof coating beside the wall paint): that other one, put on the counter, with the
 * square metres asked when it is a paint. Null when nothing was shown beside it.
 */
function insideInstead(tenant: TenantData, shown: Product, focus: ProductFocus, lang: Lang): ProductActorOutput | null {
  if (tenant.templates[lang]?.['product.where.inside_other'] === undefined) return null;
  const other = (focus.recent ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).find((p): p is Product => p !== undefined && p.category === shown.category && !SAYS.outdoor.test(saysOf(p)));
  if (!other) return null;
  const d = describeProduct(tenant, other, lang);
  const { options: _options, recent: _recent, ...held } = focus;
  return {
    outcome: 'answered',
    replies: [{ template: other.coverage ? 'product.where.inside_other_area' : 'product.where.inside_other', params: { name: shown.name, place: PLACE.outdoor[lang], other: d.name, price: d.price, unit: d.unit, availability: d.availability } }],
    focus: { ...held, sku: other.sku, name: other.name, price: other.price, query: other.name, recent: [shown.sku], ...(other.coverage ? { measure: { asked: 'area' as const } } : {}) },
  };
}
