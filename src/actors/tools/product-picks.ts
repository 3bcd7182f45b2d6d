/**
 * Picks a first message makes among a family, by its own words rather than the everyday product.
 *
 * A superlative asked with the product in the first message ("¿cuál es el taladro más barato?", "el
 * cemento más barato", "which is your biggest pvc pipe?"): the cheapest, dearest, largest or smallest
 * of the family the words name — as "el más barato" picks after products were shown — rather than
 * the everyday one or the superlative read as a product word.
 */
import type { Product } from '../../domain/tenant.js';
import { superlativeIn } from '../../machines/product-focus.js';
import { foldAccents } from '../../kernel/fold.js';
import { fold, stem } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import { aliasHead, extremeOf, familyOf } from './product-kinds.js';
import type { Wanted } from './product-request.js';

/** The product picked and the item to answer with it, or null when no superlative names one product's family. */
export function extremeAsked(index: CatalogIndex, catalog: readonly Product[], text: string, wanted: readonly Wanted[]): { sku: string; items: Wanted[] } | null {
  if (wanted.length !== 1) return null;
  const asked = superlativeIn(text);
  if (asked === null) return null;
  const item = wanted[0] as Wanted;
  // The product's words without the superlative's ("biggest pvc" → "pvc").
  const said = new Set(asked.said.split(' '));
  const query = foldAccents(item.query).split(/\s+/).filter((w) => w !== '' && !said.has(w)).join(' ');
  if (!index.parse(query).content.some((w) => index.correct(w) !== null)) return null;
  const best = index.search(query, { limit: 1 })[0];
  if (!best) return null;
  const focus = { sku: best.product.sku, name: best.product.name, query };
  const family = familyOf(index, catalog, focus, asked.pick.by === 'size' ? ['size', 'dims', 'pack'] : []);
  const chosen = extremeOf(index, family.length > 0 ? family : [best.product], asked.pick);
  return chosen ? { sku: chosen.sku, items: [{ ...item, query }] } : null;
}

/** "pintura pa madera", "paint for wood": the product, and what it is for. */
const FOR_USE = /^(.+?)\s+(?:para|pa|pal|for)\s+(?:(?:el|la|los|las|un|una|unas|unos|mi|the|a|my)\s+)?(\p{L}+)$/iu;

/**
 * A product asked for a use ("pintura pa madera", "paint for wood", "pintura para rejas"): among the
 * products the words before "para" name, the first whose name, jobs or stated use (`use`) says that
 * use — the oil enamel for wood, not the wall paint. Null when none says it (the search answers).
 */
export function useAsked(index: CatalogIndex, catalog: readonly Product[], text: string, wanted: readonly Wanted[]): { sku: string; items: Wanted[] } | null {
  if (wanted.length === 0 || wanted.length > 2 || !/\b(?:para|pa|pal|for|to)\b/i.test(text)) return null;
  // "pegamento pa pegar la cerámica": the second product named is what the job is done to.
  if (wanted.length === 2) return jobAsked(index, text, wanted);
  const m = FOR_USE.exec(foldAccents(text).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' ').trim());
  if (!m?.[1] || !m[2]) return jobAsked(index, text, wanted);
  // A use said by a verb ("brocha pa pintar", "cemento pa pegar") is what every one of the kind is for.
  const use = /(?:ar|er|ir|ing)$/.test(m[2]) ? [] : index.parse(m[2]).content;
  // "… para mañana", "… para una obra": a word no product says it is for picks nothing, and costs no search.
  const known = useWordsOf(index, catalog);
  if (!use.some((w) => known.has(w)) || !index.parse(m[1]).content.some((w) => index.correct(w) !== null)) return null;
  // With the size or colour said ("tubo de 4 pa drenaje"): only those that have it.
  const matches = index.search(m[1], { limit: 12 }).filter((c) => c.product.stock !== 0 && c.unmet.length === 0);
  // The everyday answer already says the use: nothing to pick.
  const says = (p: Product): boolean => {
    const words = useWordsOfProduct(index, p);
    return use.some((w) => words.includes(w));
  };
  // "q tomacorriente uso pa el baño": the everyday answer is what the product's own words find, not the question's.
  const everyday = index.search((wanted[0] as Wanted).query, { limit: 1 })[0]?.product;
  if (matches.length === 0 || says(everyday ?? (matches[0] as (typeof matches)[number]).product)) return null;
  const fit = matches.find((c) => says(c.product));
  return fit ? { sku: fit.product.sku, items: [{ ...(wanted[0] as Wanted), query: fit.product.name }] } : null;
}

/** "el pegamento pa pegar la cerámica", "glue to stick tiles": the product, and the job said by a verb and what it is done to. */
const FOR_JOB = /^(.+?)\s+(?:para|pa|pal|to|for)\s+([a-z]+(?:ar|er|ir|ing)|[a-z]{3,})\s+(.+)$/;
const stems = (text: string): string[] => fold(text).replace(/[^a-z0-9\s]+/g, ' ').split(/\s+/).filter((w) => w !== '').map(stem);

/**
 * A product asked for a job with its object ("pegamento pa pegar la cerámica"): among the products
 * the words before "para" name, the first whose `jobs` has a phrase of two words or more all said —
 * the tile adhesive, not the contact cement. Null when the everyday one already does it, or none does.
 */
function jobAsked(index: CatalogIndex, text: string, wanted: readonly Wanted[]): { sku: string; items: Wanted[] } | null {
  const m = FOR_JOB.exec(foldAccents(text).replace(/[¿?¡!.,;]+/g, ' ').replace(/\s+/g, ' ').trim());
  if (!m?.[1] || !m[2] || !m[3] || !index.parse(m[1]).content.some((w) => index.correct(w) !== null)) return null;
  const said = new Set(stems(`${m[2]} ${m[3]}`));
  const does = (p: Product): boolean => (p.jobs ?? []).some((job) => {
    const words = stems(job);
    return words.length >= 2 && words.every((w) => said.has(w));
  });
  const matches = index.search((wanted[0] as Wanted).query, { limit: 12 }).filter((c) => c.product.stock !== 0 && c.unmet.length === 0);
  if (matches.length === 0 || does((matches[0] as (typeof matches)[number]).product)) return null;
  // "pipe to install the toilet": a pipe, never the "pipe tape" the job also takes (the thing asked is what it is).
  const head = headOfWanted((wanted[0] as Wanted).query);
  const fit = matches.find((c) => does(c.product) && (head === null || isKind(c.product, head)));
  return fit ? { sku: fit.product.sku, items: [{ ...(wanted[0] as Wanted), query: fit.product.name }] } : null;
}

/** Whether the product is that kind of thing by its name's first word or an alias's head ("pipe" for the PVC pipe, not the "pipe tape"). */
function isKind(product: Product, head: string): boolean {
  const kinds = [fold(product.name).split(/[^a-z0-9]+/)[0] ?? '', ...(product.aliases ?? []).map((a) => aliasHead(a) ?? '')];
  return kinds.some((k) => k !== '' && stem(k) === stem(head));
}

/** The item's one word ("pipe", "tubo"); null when it says more (its kind is then for the search to weigh). */
function headOfWanted(query: string): string | null {
  const words = fold(query).split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  return words.length === 1 ? (words[0] as string) : null;
}

/**
 * The words a product says it is for: its name, jobs, rooms, stated use (`use`, es and en) and the
 * everyday phrases it is the store's answer to (`default_for`: "tornillo de gypsum" makes "tornillos
 * pa gypsum" the drywall screw).
 */
export function useWordsOfProduct(index: CatalogIndex, p: Product): readonly string[] {
  return index.parse([p.name, ...(p.jobs ?? []), ...(p.rooms ?? []), p.use?.es ?? '', p.use?.en ?? '', ...(p.default_for ?? [])].join(' ')).content;
}

/** Every word some product's name, jobs, rooms or stated use says (what `says` can find), per index and catalog. */
const USE_WORDS = new WeakMap<CatalogIndex, { catalog: readonly Product[]; words: Set<string> }>();

function useWordsOf(index: CatalogIndex, catalog: readonly Product[]): Set<string> {
  const known = USE_WORDS.get(index);
  if (known?.catalog === catalog) return known.words;
  const words = new Set(catalog.flatMap((p) => useWordsOfProduct(index, p)));
  USE_WORDS.set(index, { catalog, words });
  return words;
}

/**
 * The product a first message picks by its own words — a superlative ("¿cuál es el taladro más
 * barato?") or a use ("pintura pa madera") — pinned with the item to answer; else what was given.
 */
export function firstPick(index: CatalogIndex, catalog: readonly Product[], text: string | undefined, wanted: Wanted[], pinned: string | undefined): [Wanted[], string | undefined] {
  if (pinned !== undefined || text === undefined) return [wanted, pinned];
  const picked = extremeAsked(index, catalog, text, wanted) ?? useAsked(index, catalog, text, wanted);
  return picked ? [picked.items, picked.sku] : [wanted, pinned];
}
