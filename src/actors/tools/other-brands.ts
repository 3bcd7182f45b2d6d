/**
 * "¿tienen cemento?": the store's everyday one (the catalog's `default_for`) is the answer and stays
 * the product in focus ("dame 10" is still that one), and a clerk adds in one short line the other
 * brands of the very same thing on the shelf, each with its price ("De otras marcas también tengo
 * *Colonial* (RD$635.00) y *Cibao* (RD$640.00)."). Only where the catalog has such products: the
 * same head word, category and selling unit, a brand of their own, and no size, grade, colour,
 * finish or pack the everyday one does not have (the white cement, the grade-60 rebar and the satin
 * paint are other things).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { AttributeKind } from '../catalog/attributes.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { renderReply } from '../render-reply.js';

/** The template of the line, `{list}` the brands with their prices. */
const TEMPLATE = 'product.other_brands';
/** At most this many named: one short line. */
const MAX_NAMED = 3;
/** Attributes that make another product another thing, whatever its brand. */
const KIND_ATTRIBUTES: readonly AttributeKind[] = ['size', 'grade', 'dims', 'colour', 'finish', 'pack'];

const headWord = (name: string): string => foldAccents(name).toLowerCase().split(/\s+/)[0] ?? '';

/**
 * Other brands of the product, in stock, cheapest first: none when the customer named a brand or a
 * count (`query`'s words), or the product has no brand of its own.
 *
 * @example
 * otherBrands(tenant, index, cemex, 'cemento').map((p) => p.brand); // ['Colonial', 'Cibao']
 */
export function otherBrands(tenant: TenantData, index: CatalogIndex, product: Product, query: string): Product[] {
  if (!product.brand || index.parse(query).phrases.brand !== undefined) return [];
  const head = headWord(product.name);
  const own = index.parse(product.name).phrases;
  return tenant.catalog
    .filter((p) => p !== product && p.stock > 0 && p.brand !== undefined && p.brand !== product.brand && p.category === product.category && p.unit === product.unit && headWord(p.name) === head)
    .filter((p) => {
      const theirs = index.parse(p.name).phrases;
      // Nothing of its own the everyday one lacks: the satin paint is another paint, the Cibao bag without "gris" is the same grey cement.
      return KIND_ATTRIBUTES.every((kind) => theirs[kind] === undefined || own[kind] === theirs[kind]);
    })
    .sort((a, b) => a.price - b.price)
    .slice(0, MAX_NAMED);
}

/** The line naming them (a leading line break, for the answer's `{also}`), or '' when there are none or no template. */
export function otherBrandsLine(tenant: TenantData, index: CatalogIndex, product: Product, query: string, lang: Lang): string {
  if (tenant.templates[lang]?.[TEMPLATE] === undefined) return '';
  const others = otherBrands(tenant, index, product, query);
  if (others.length === 0) return '';
  const named = others.map((p) => `*${p.brand as string}* (${formatMoney(p.price)})`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${named.at(-1)}`;
  return `\n${renderReply({ template: TEMPLATE, params: { list: list as string } }, tenant.templates, lang)}`;
}
