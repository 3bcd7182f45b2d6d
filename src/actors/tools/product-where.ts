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
  const said = foldAccents([shown.name, ...(shown.jobs ?? []), ...(shown.rooms ?? []), shown.use?.es ?? '', shown.use?.en ?? ''].join(' ').toLowerCase());
  const yes = SAYS[place].test(said);
  const template = yes ? 'product.where.yes' : 'product.where.unknown';
  if (tenant.templates[lang]?.[template] === undefined) return null;
  const use = shown.use?.[lang];
  // What the data does say it is for, in its own words: "(sella el techo…)" beside a yes, "Lo que dice: …" beside a don't know.
  const told = use === undefined ? '' : yes ? ` (${use.replace(/\.$/, '')})` : ` ${lang === 'es' ? 'Lo que dice' : 'What it says'}: ${use.charAt(0).toUpperCase()}${use.slice(1).replace(/\.?$/, '.')}`;
  return { outcome: 'answered', replies: [{ template, params: { name: shown.name, place: PLACE[place][lang], use: told } }], focus };
}
