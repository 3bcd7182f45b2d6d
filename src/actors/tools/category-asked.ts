/**
 * "¿tienen cosas de jardín?", "do you sell garden things?", "¿qué tienen de jardinería?": a line of
 * the store asked for as a whole. A clerk says what the line has (its products with their prices)
 * and asks which — never "no vendemos *jardín*" when the store has a Jardín line, nor the one
 * product whose name happens to say "jardín". The lines are the catalog's categories, named in the
 * store's language and in `store.categoryNames`, so the data decides.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { describeProduct, optionsFor } from './product-parts.js';
import { categoryName } from './category-names.js';

/** Words that ask for a line without naming a product ("cosas de", "garden things", "what do you have in"). */
const FILLER = new Set(
  (
    'hola buenas buenos dias saludos hello hi hey que q ke tienen tienes tiene venden vendes vende manejan manejas hay ofrecen trabajan de del en para pa la el los las lo ' +
    'cosas cosa articulos articulo productos producto materiales material equipos seccion linea departamento area algo alguna algunas algun algunos y ustedes aqui ahi ' +
    'do does you u sell have carry stock what which any some things thing stuff items item products product supplies equipment section line department for in the a an of ' +
    'got is are anything something kind kinds sort type types guys there'
  ).split(' '),
);
/** The words that make a line of the store's goods the thing asked, not a product of it ("cosas", "stuff", "¿qué tienen de…?"). */
const ASKS_LINE = /\b(?:cosas?|articulos?|productos?|material(?:es)?|equipos?|seccion|linea|departamento|things?|stuff|items?|products?|supplies|equipment|section|department|tools|herramientas)\b|\b(?:que|q|ke) (?:tienen|tienes|venden|vendes|manejan|hay) (?:de|en|para)\b|\bwhat (?:do you )?(?:have|sell|carry|got) (?:for|in)\b/;
/** "tools" beside a line's name only says which of its goods ("gardening tools"). */
const TOOLS = new Set(['tools', 'tool', 'herramientas', 'herramienta']);
/** Words of a line's name that say nothing alone ("Cemento *y* agregados", "Screws *and* nails"). */
const NAME_STOP = new Set(['y', 'e', 'and', 'de', 'del', 'of']);
/** A line's word is met by a word that starts like it ("jardín" → "jardinería", "garden" → "gardening"). */
const STEM = 6;
/** How many of a line's products are listed. */
const MAX_SHOWN = 8;

const plain = (text: string): string =>
  foldAccents(text.toLowerCase())
    .replace(/[¿?¡!.,;:()"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** What naming a line reads: the catalog's categories and their names in other languages (the rule brain has no more). */
type LineData = { catalog: readonly Pick<Product, 'category'>[]; store?: Pick<Partial<TenantData['store']>, 'categoryNames'> };

/** The stems a line is called by, in the store's language and the others. */
function lineStems(tenant: LineData, category: string): string[] {
  const names = [category, ...Object.values(tenant.store?.categoryNames?.[category] ?? {})];
  return names.flatMap((n) => plain(n).split(' ').filter((w) => w.length >= 4 && !NAME_STOP.has(w)).map((w) => w.slice(0, STEM)));
}

/** The line the message asks for as a whole, when every word it says beside the asking is that line's name. */
export function lineAsked(tenant: LineData, text: string): string | null {
  const said = plain(text);
  if (!ASKS_LINE.test(said)) return null;
  const words = said.split(' ').filter((w) => w !== '' && !FILLER.has(w));
  // "gardening tools", "herramientas de jardín": the tools of that line, not the tools line.
  const content = words.length > 1 ? words.filter((w) => !TOOLS.has(w)) : words;
  if (content.length === 0 || content.length > 2) return null;
  const categories = [...new Set(tenant.catalog.map((p) => p.category).filter((c): c is string => typeof c === 'string' && c !== ''))];
  const named = categories.filter((c) => {
    const stems = lineStems(tenant, c);
    return content.every((w) => w.length >= 4 && stems.some((s) => w.startsWith(s) || (s.startsWith(w) && w.length >= 5)));
  });
  return named.length === 1 ? named[0]! : null;
}

/** The products of a line, in stock first, in the catalog's order. */
function lineProducts(tenant: TenantData, category: string): Product[] {
  const all = tenant.catalog.filter((p) => p.category === category);
  return [...all.filter((p) => p.stock > 0), ...all.filter((p) => p.stock <= 0)];
}

/** The line's products priced, as options to pick from; null when the message asks for no line, or the tenant has no template for it. */
export function lineAnswer(tenant: TenantData, text: string | undefined, lang: Lang): ProductActorOutput | null {
  if (text === undefined || tenant.templates[lang]?.['product.line'] === undefined) return null;
  const category = lineAsked(tenant, text);
  if (!category) return null;
  const products = lineProducts(tenant, category);
  if (products.length < 2) return null;
  const shown = products.slice(0, MAX_SHOWN);
  const items = shown.map((p) => describeProduct(tenant, p, lang));
  const first = shown[0]!;
  const more = products.length - shown.length;
  const template = more > 0 && tenant.templates[lang]?.['product.line_more'] !== undefined ? 'product.line_more' : 'product.line';
  return {
    outcome: 'answered',
    replies: [{ template, params: { line: categoryName(tenant, category, lang), items, count: products.length, more }, options: optionsFor(shown) }],
    focus: { sku: first.sku, name: first.name, price: first.price, query: categoryName(tenant, category, lang).toLowerCase(), options: shown.map((p) => p.sku) },
  };
}
