/**
 * A brand asked for alone ("¿tienen Truper?", "qué tienen de Stanley?", "dewalt"): a clerk says what
 * the store has of it, never "¿qué producto buscas?". Brands come from the catalog itself.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { describeProduct, optionsFor } from './product-parts.js';

/** Products of one brand shown at most. */
const MAX_OF_BRAND = 5;

interface Brands {
  /** Any of the catalog's brands as a whole word (folded), or null when the catalog names none. */
  said: RegExp | null;
  /** Folded brand → its products, in stock first, the catalog's order kept. */
  products: Map<string, Product[]>;
  /** Folded brand → the brand as the catalog writes it. */
  names: Map<string, string>;
}

/** Per catalog, made once: the catalog never changes under a tenant's data. */
const BRANDS = new WeakMap<readonly Product[], Brands>();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function brandsOf(catalog: readonly Product[]): Brands {
  let known = BRANDS.get(catalog);
  if (known !== undefined) return known;
  const products = new Map<string, Product[]>();
  const names = new Map<string, string>();
  for (const p of catalog) {
    if (!p.brand) continue;
    const key = foldAccents(p.brand);
    products.set(key, [...(products.get(key) ?? []), p]);
    names.set(key, p.brand);
  }
  for (const [key, list] of products) products.set(key, [...list.filter((p) => p.stock > 0), ...list.filter((p) => p.stock <= 0)]);
  const alternatives = [...products.keys()].sort((a, b) => b.length - a.length).map(escape);
  known = { said: alternatives.length > 0 ? new RegExp(String.raw`(?:^|[^a-z0-9+])(${alternatives.join('|')})(?![a-z0-9])`) : null, products, names };
  BRANDS.set(catalog, known);
  return known;
}

/** Words around a brand asked for alone: greeting, asking whether it is carried, "productos", "marca". */
const ASKING = new Set(
  (
    'hola buenas buenos dias tardes klk saludos oye disculpa y e tienen tiene tienes hay venden vende vendes manejan maneja trabajan traen ' +
    'ustedes uds aqui productos producto cosas algo herramientas de del la el los las lo marca marcas que q por favor porfa se consigue consiguen ' +
    'hi hello hey do does you guys carry sell have stock got any some stuff things products tools brand the of from what is there please'
  ).split(' '),
);

/**
 * What the store has of a brand the message names with nothing else ("¿tienen Truper?", "do you
 * carry 3M?", "productos Collins"), or null when it names none the catalog carries or more than that.
 */
export function brandAsked(tenant: TenantData, text: string, lang: Lang): ProductActorOutput | null {
  const brands = brandsOf(tenant.catalog);
  const folded = foldAccents(text);
  const found = brands.said?.exec(folded);
  const key = found?.[1];
  const products = key === undefined ? undefined : brands.products.get(key);
  if (found === null || found === undefined || key === undefined || products === undefined) return null;
  const rest = `${folded.slice(0, found.index)} ${folded.slice(found.index + found[0].length)}`.split(/[^a-z0-9]+/);
  if (rest.some((w) => w !== '' && !ASKING.has(w))) return null;
  const shown = products.slice(0, MAX_OF_BRAND);
  const first = shown[0] as Product;
  return {
    outcome: 'answered',
    replies: [{ template: shown.length > 1 ? 'product.of_brand' : first.stock > 0 ? 'product.found' : 'product.found_out', params: { brand: brands.names.get(key) ?? key, items: shown.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(shown) }],
    focus: { sku: first.sku, name: first.name, price: first.price, query: first.name, ...(shown.length > 1 ? { options: shown.map((p) => p.sku) } : {}) },
  };
}
