/**
 * "¿tienen varilla de 3/8?", "¿tienen martillo?": the store's everyday one (the catalog's
 * `default_for`) stays the answer and the product in focus, and a clerk names in one short line the
 * other grades or sizes of the very same thing that fit what was asked, each with its price
 * ("También tengo *Varilla Corrugada 3/8" Grado 60 (20 pies)* (RD$295.00)."), so the customer can
 * pick. Only when the choice is one plain thing: the others are the same product (same head word,
 * words, category, selling unit, colour, finish and pack) and differ from the everyday one in one
 * and the same kind, its grade or its size, and there are few of them. "varilla" alone (sizes and
 * grades at once) or a brand the customer named say nothing more; other brands of the same thing
 * are `other-brands.ts`.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { AttributesView } from '../catalog/resolver-types.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { renderReply } from '../render-reply.js';

/** The template of the line, `{list}` the other options with their prices. */
const TEMPLATE = 'product.other_options';
/** At most this many named: more than that and the line would be a catalog page. */
const MAX_NAMED = 3;
/** How far the resolver is asked to look for the options. */
const SEARCH_LIMIT = 12;

type Kind = 'size' | 'grade' | 'dims';

const headWord = (name: string): string => foldAccents(name).toLowerCase().split(/\s+/)[0] ?? '';
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sortedJson = (xs: readonly string[]): string => JSON.stringify([...xs].sort());

/** The kinds (grade, size, dimensions) another product of the same words, colour, finish and pack differs in from the everyday one. */
function differsIn(own: AttributesView, theirs: AttributesView): Kind[] {
  const kinds: Kind[] = [];
  if (own.grade !== theirs.grade) kinds.push('grade');
  if (!same(own.measures, theirs.measures)) kinds.push('size');
  if (sortedJson(own.dims) !== sortedJson(theirs.dims)) kinds.push('dims');
  return kinds;
}

/**
 * The other grades or sizes of the product that meet everything the customer said (`query`), in
 * stock, cheapest first; none when the customer named a brand or a count, when one of the products
 * that fit differs in more than one way or in another way than the rest, or when there are more
 * than a short line can name.
 *
 * @example
 * otherOptions(tenant, index, rebar3840, 'varilla de 3/8').map((p) => p.sku); // ['VAR-002']
 */
export function otherOptions(tenant: TenantData, index: CatalogIndex, product: Product, query: string): Product[] {
  const asked = index.parse(query);
  if (asked.phrases.brand !== undefined || asked.quantity !== undefined) return [];
  const head = headWord(product.name);
  const own = index.parse(product.name);
  const fitting = index.search(query, { limit: SEARCH_LIMIT })
    .filter((m) => m.product !== product && m.unmet.length === 0 && m.product.stock > 0)
    .map((m) => m.product)
    .filter((p) => p.category === product.category && p.unit === product.unit && headWord(p.name) === head);
  const options: Product[] = [];
  let kind: Kind | null = null;
  for (const p of fitting) {
    const theirs = index.parse(p.name);
    // Another colour, finish or pack, or other words ("Clavo para Zinc"), is another thing: not an option of this one.
    if (sortedJson(own.content) !== sortedJson(theirs.content) || sortedJson(own.attributes.colours) !== sortedJson(theirs.attributes.colours) || own.attributes.finish !== theirs.attributes.finish || own.attributes.pack !== theirs.attributes.pack) continue;
    const differs = differsIn(own.attributes, theirs.attributes);
    // The same thing under another brand only: `other-brands.ts` names those.
    if (differs.length === 0) continue;
    // Sizes and grades at once ("varilla" alone): a clerk would ask, not list.
    if (differs.length > 1 || (kind !== null && differs[0] !== kind)) return [];
    kind = differs[0] as Kind;
    options.push(p);
  }
  if (options.length > MAX_NAMED) return [];
  return options.sort((a, b) => a.price - b.price);
}

/** The line naming them (a leading line break, for the answer's `{also}`), or '' when there are none or no template. */
export function otherOptionsLine(tenant: TenantData, index: CatalogIndex, product: Product, query: string, lang: Lang): string {
  if (tenant.templates[lang]?.[TEMPLATE] === undefined) return '';
  const others = otherOptions(tenant, index, product, query);
  if (others.length === 0) return '';
  const named = others.map((p) => `*${p.name}* (${formatMoney(p.price)})`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${named.at(-1)}`;
  return `\n${renderReply({ template: TEMPLATE, params: { list: list as string } }, tenant.templates, lang)}`;
}
