/**
 * "¿trae brocas?", "¿viene con asiento?", "does it come with a seat?" about the product on the
 * counter. A clerk answers from what the store knows: yes when a current offer gives it with the
 * product (the DeWalt drill and its 13 bits) or the product's own data says so; when the data is
 * silent, honestly that it does not say — and, when the store sells that thing, where it is on the
 * shelf. Never "No vendemos asiento" for a question about the toilet.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';
import { calendarDate, formatMoney } from './format.js';
import { availability, describeProduct, optionsFor } from './product-parts.js';
import { readFocusQuestion } from '../../machines/focus-questions.js';

/** Things sold apart shown at most. */
const MAX_APART = 3;

const fold = (s: string): string => foldAccents(s.toLowerCase());
/** A word's stem, for "brocas" in "un juego de brocas" and "bits" in "drill bit set". */
const stem = (w: string): string => w.replace(/(?:es|s)$/, '');
/** Every word of the thing (its stems) is in the text. */
function mentions(text: string, thing: string): boolean {
  const words = new Set(fold(text).split(/[^a-z0-9]+/).filter(Boolean).map(stem));
  return thing.split(' ').filter((w) => w !== 'de' && w !== 'of').every((w) => words.has(stem(w)));
}

/** A product name's head: what it is, before what it is for or comes with ("Flotante para Tanque de Inodoro" → "Flotante"). */
const headOf = (name: string): string => name.split(/\s(?:para|for|con|with|sin|without)\s/i)[0] ?? name;

/** The answer to whether the product shown comes with `thing`; null when the tenant has no such templates. */
export function includesAnswer(tenant: TenantData, index: CatalogIndex, shown: Product, onCounter: ProductFocus, asked: { thing: string; said: string; apart?: boolean }, lang: Lang, now: number | undefined): ProductActorOutput | null {
  const { thing, said } = asked;
  // The product asked about stays noted, for "¿y asiento?" next (includesContinued).
  const focus: ProductFocus = { ...onCounter, includes: shown.sku };
  const has = (key: string): boolean => tenant.templates[lang]?.[key] !== undefined;
  if (!has('product.includes.unknown')) return null;
  const base = { name: shown.name, price: formatMoney(shown.price), availability: availability(tenant, shown, lang), thing: said };
  // Each answer about the product itself closes with "¿Te lo reservo?": a yes ("sí", "ok I'll take it") sets it aside.
  const reserve = shown.stock > 0 ? { reserve: { sku: shown.sku, name: shown.name, quantity: 1 } } : {};
  // A current offer that gives it with this product: yes, and the offer's note (added to every answer about it) says how.
  const today = now !== undefined ? calendarDate(now, tenant.settings.timeZone) : undefined;
  const offer = tenant.offers.find((o) => o.skus?.includes(shown.sku) && (today === undefined || o.validUntil >= today) && mentions(`${o.details.es} ${o.details.en} ${o.title.es} ${o.title.en}`, thing));
  // "do I need to buy the screws separately?": no — the offer gives them, and how (its terms).
  if (offer && asked.apart && has('product.includes.offer_apart')) return { outcome: 'answered', replies: [{ template: 'product.includes.offer_apart', params: { ...base, offer: offer.details[lang] } }], focus, ...reserve };
  if (offer && has('product.includes.offer')) return { outcome: 'answered', replies: [{ template: 'product.includes.offer', params: base }], focus, ...reserve };
  // Its own data says so: "Kit … con tornillos", its stated use, what its listing says it comes with ("la taza y el tanque").
  const data = [shown.name, shown.use?.es ?? '', shown.use?.en ?? '', shown.includes?.es ?? '', shown.includes?.en ?? ''].join(' ');
  const yes = asked.apart && has('product.includes.yes_apart') ? 'product.includes.yes_apart' : 'product.includes.yes';
  if (mentions(data, thing) && has(yes)) return { outcome: 'answered', replies: [{ template: yes, params: base }], focus, ...reserve };
  // Silent data; the store sells the thing apart: said so, those shown (a pick takes one).
  const apart = index
    .search(thing, { limit: MAX_APART + 1 })
    .map((m) => m.product)
    // What would come with a product costs less than it: a 250-gallon water tank is no toilet's tank.
    // ...and is that thing, not a part for it ("Flotante para Tanque de Inodoro" is no tank): named before its "para", "for", "con".
    .filter((p) => p.sku !== shown.sku && p.price < shown.price && mentions([headOf(p.name), ...(p.aliases ?? [])].join(' '), thing))
    .slice(0, MAX_APART);
  if (apart.length > 0 && has('product.includes.apart')) {
    const first = apart[0] as Product;
    return {
      outcome: 'answered',
      replies: [{ template: 'product.includes.apart', params: { ...base, items: apart.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(apart) }],
      focus: { sku: first.sku, name: first.name, price: first.price, query: thing, ...(apart.length > 1 ? { options: apart.map((p) => p.sku) } : {}), recent: [shown.sku, ...(focus.recent ?? []).filter((s) => s !== shown.sku)], includes: shown.sku },
      // One thing sold apart, on the shelf: "sí" / "ok book it" sets it aside, as after any single price.
      ...(apart.length === 1 && first.stock > 0 ? { reserve: { sku: first.sku, name: first.name, quantity: 1 } } : {}),
    };
  }
  return { outcome: 'answered', replies: [{ template: 'product.includes.unknown', params: base }], focus, ...reserve };
}

/** "¿y asiento?", "y el tanque?", "and a seat?", "y con tapa?": one more thing, said alone, after asking what a product comes with. */
const CONTINUED = /^(?:(?:y|e|and|ok|tambien|also)\s+)+(?:(?:con|with)\s+)?([a-z].*?)(?:\s+(?:tambien|too|also))?$/;

/**
 * A verb with its object pronoun, not a thing: "y la instalan?", "y lo mandan?", "y se la
 * cambian?", "y los venden?", "y la puedo pagar?" ("la tapa", "los tornillos" are things).
 */
const SAYS_A_VERB = /^(?:(?:me|te|se|nos|le|les)\s+[a-z]+|(?:la|lo)\s+[a-z]*(?:n|s)|lo\s+[a-z]+|(?:los|las)\s+[a-z]*(?:an|en|amos|emos|imos|o|a|e))(?:\s|$)/;

/**
 * The same question about one more thing ("¿trae tanque?" → "¿y asiento?"): a clerk hears it as
 * "¿y trae asiento?" about the same toilet, never "No vendemos asiento". Null unless the answer
 * before was about what a product comes with and the message is one more thing said alone; goods
 * of another kind ("¿y cemento?") are a new question about them.
 */
export function includesContinued(tenant: TenantData, index: CatalogIndex, focus: ProductFocus, text: string, lang: Lang, now: number | undefined): ProductActorOutput | null {
  if (focus.includes === undefined) return null;
  const rest = CONTINUED.exec(fold(text).replace(/[¿?¡!.,]+/g, ' ').replace(/\s+/g, ' ').trim())?.[1];
  const shown = tenant.catalog.find((p) => p.sku === focus.includes);
  if (rest === undefined || !shown || SAYS_A_VERB.test(rest)) return null;
  // Read as the question said in full, with the same guards ("¿y garantía?" is no part of it).
  const asked = readFocusQuestion(lang === 'en' ? `does it come with ${rest}` : `trae ${rest}`);
  if (asked?.kind !== 'includes') return null;
  const kind = index.search(asked.thing, { limit: 1 })[0]?.product;
  if (kind && kind.category !== shown.category && mentions([headOf(kind.name), ...(kind.aliases ?? [])].join(' '), asked.thing)) return null;
  // Asked of the product on the counter, not the thing shown apart (its focus then is the one asked about).
  const onCounter: ProductFocus = focus.sku === shown.sku ? focus : { sku: shown.sku, name: shown.name, price: shown.price, query: shown.name, recent: (focus.recent ?? []).filter((s) => s !== shown.sku) };
  return includesAnswer(tenant, index, shown, onCounter, asked, lang, now);
}

/** Parts shown at most as bought apart to install a product. */
const MAX_PARTS = 3;

/**
 * "¿viene completo?", "¿trae todo? o hay que comprar aparte la llave?", "does it come with
 * everything?" about the product on the counter: what its listing says it comes with (`includes`),
 * or honestly that the listing does not detail it; and what is usually bought apart to install it —
 * the cheaper goods the catalog gives the same jobs (the toilet's supply hose, wax ring, thread
 * tape). Null when the tenant has no such templates.
 */
export function completeAnswer(tenant: TenantData, shown: Product, focus: ProductFocus, lang: Lang): ProductActorOutput | null {
  const listed = shown.includes?.[lang] ?? shown.includes?.es;
  const parts = installParts(tenant, shown);
  const key = `product.complete.${listed !== undefined ? 'listed' : 'unlisted'}${parts.length > 0 ? '' : '.alone'}`;
  if (tenant.templates[lang]?.[key] === undefined) return null;
  const params = { name: shown.name, price: formatMoney(shown.price), availability: availability(tenant, shown, lang), ...(listed !== undefined ? { includes: listed } : {}), ...(parts.length > 0 ? { items: parts.map((p) => describeProduct(tenant, p, lang)) } : {}) };
  const reserve = shown.stock > 0 ? { reserve: { sku: shown.sku, name: shown.name, quantity: 1 } } : {};
  return { outcome: 'answered', replies: [{ template: key, params, ...(parts.length > 0 ? { options: optionsFor(parts) } : {}) }], focus: { ...focus, includes: shown.sku }, ...reserve };
}

/** The goods the catalog gives one of the product's jobs ("instalar inodoro"), cheaper than it and in stock first: what goes with it, bought apart. */
function installParts(tenant: TenantData, shown: Product): Product[] {
  const jobs = new Set((shown.jobs ?? []).map(fold));
  if (jobs.size === 0) return [];
  const head = fold(headOf(shown.name)).split(/\s+/)[0];
  return tenant.catalog
    .filter((p) => p.sku !== shown.sku && p.price < shown.price && fold(p.name).split(/\s+/)[0] !== head && (p.jobs ?? []).some((j) => jobs.has(fold(j))))
    .sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0))
    .slice(0, MAX_PARTS);
}
