/**
 * Two products named and weighed against each other in one question: "¿el cemento Colonial es
 * bueno o mejor el Cemex?", "¿cuál es mejor, la pintura Tropical o la Popular?", "¿qué diferencia
 * hay entre la varilla grado 40 y la grado 60?", "DeWalt vs Truper". A clerk puts them side by
 * side (price, stock, what each is for when the catalog says it) and asks what it is for before
 * recommending one; the product route alone priced one of them, or listed both as a search.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { packComparison } from './pack-compare.js';
import { describeProduct, optionsFor } from './product-parts.js';
import { useWordsOfProduct } from './product-picks.js';
import { PURPOSE_WORK, readFocusQuestion } from '../../machines/focus-questions.js';
import { answerFocusQuestion } from './product-followups.js';
import { durabilityAnswer } from './product-durability.js';

/** Words that weigh one thing against another (folded). */
const ASKS_VERSUS =
  /\b(?:cual(?:es)? (?:es |son |sale |salen )?(?:el |la |los |las )?mejor(?:es)?|(?:es|son|sale|salen|seria|sera) mejor(?:es)?|(?:bueno|buena|buenos|buenas) o (?:es )?mejor|o (?:es )?mejor (?:el|la|los|las)|diferencias?|vs|versus|conviene|comparar\w*|compara\w*|cual (?:de los dos|de las dos|me llevo|escojo|elijo)|better|best|difference|differences|compare|comparison|which one|dura(?:n)? mas|aguanta(?:n)? mas|mas duradero|lasts? longer|more durable)\b/;
/** The weighing is of how long each lasts ("¿cuál dura más, el zinc o el aluzinc?", "which lasts longer?"). */
const ASKS_LASTS = /\b(?:dura(?:n)? mas|aguanta(?:n)? mas|mas duradero|lasts? longer|more durable)\b/;
/** Two things in the question: "X o Y", "entre X y Y", "X vs Y", "X or Y". */
const PAIR = /\b(?:o|u|or|vs|versus|entre|between|y|and)\b/;

const MAX_COMPARED = 3;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Per catalog: each brand it carries (once) with its pattern, built once. */
const brandPatterns = new WeakMap<readonly Product[], readonly [string, RegExp][]>();

/** A brand the catalog carries named in the text, other than `except` (folded text). */
function otherBrandNamed(catalog: readonly Product[], folded: string, except: string | undefined): string | null {
  let brands = brandPatterns.get(catalog);
  if (brands === undefined) {
    const seen = new Set<string>();
    const list: [string, RegExp][] = [];
    for (const p of catalog) {
      const b = p.brand ? foldAccents(p.brand) : '';
      if (b.length < 3 || seen.has(p.brand as string)) continue;
      seen.add(p.brand as string);
      list.push([p.brand as string, new RegExp(`\\b${escape(b)}\\b`)]);
    }
    brandPatterns.set(catalog, (brands = list));
  }
  return brands.find(([brand, re]) => brand !== except && re.test(folded))?.[0] ?? null;
}

/** The kind a product is (its name's first word: "Cemento", "Taladro", "Pintura"). */
const kindOf = (p: Product): string => foldAccents(p.name.split(/\s+/)[0] ?? '');

/**
 * The products a comparison question names, side by side (template `product.compare`, what each
 * is for in its note); null when the message weighs nothing, or names fewer than two products the
 * catalog has.
 */
export function versusAnswer(tenant: TenantData, index: CatalogIndex, input: Pick<ProductActorInput, 'understanding'>, text: string, lang: Lang): ProductActorOutput | null {
  if (tenant.templates[lang]?.['product.compare'] === undefined) return null;
  const f = foldAccents(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  // A count orders ("mejor dame 5 sacos de cemento y 2 de arena"), it does not weigh.
  if (!ASKS_VERSUS.test(f) || !PAIR.test(f) || input.understanding.products.some((p) => p.quantity !== undefined)) return null;
  const products: Product[] = [];
  for (const named of input.understanding.products) {
    // "¿cuál es mejor para techo, zinc o aluzinc?": what it is for is not one of the two.
    if (new RegExp(`\\b(?:para|pa|for)\\s+(?:el |la |los |las |un |una |mi |the |a )?${escape(foldAccents(named.query).split(/\s+/)[0] ?? '')}`).test(f)) continue;
    const best = index.search(named.query, { limit: 1 })[0]?.product;
    if (best && !products.includes(best)) products.push(best);
  }
  // One product phrase and another brand of the same kind ("el cemento Colonial … o el Cemex"; "DeWalt vs Truper, which drill").
  const first = products[0];
  if (products.length === 1 && first) {
    const brand = otherBrandNamed(tenant.catalog, f, first.brand);
    const same = brand === null ? [] : tenant.catalog.filter((p) => p.brand === brand && kindOf(p) === kindOf(first) && p.category === first.category);
    const other = same.find((p) => (p.default_for?.length ?? 0) > 0) ?? same.find((p) => p.unit === first.unit && p.stock > 0) ?? same[0];
    if (other) products.push(other);
  }
  if (products.length < 2) return null;
  const compared = products.slice(0, MAX_COMPARED);
  const shown = compared[0] as Product;
  const focus = { sku: shown.sku, name: shown.name, price: shown.price, query: shown.name, options: compared.map((p) => p.sku) };
  if (ASKS_LASTS.test(f)) return durabilityAnswer(tenant, compared, focus, lang);
  const cheapest = compared.reduce((a, b) => (b.price < a.price ? b : a));
  const note = (key: string): string => renderReply({ template: key }, tenant.templates, lang);
  const items = compared.map((p) => {
    const use = p.use ? (lang === 'en' ? (p.use.en ?? '') : p.use.es) : '';
    const marks = [p === cheapest && compared.some((q) => q.price !== p.price) ? note('product.compare.cheapest').replace(/^\s*—\s*/, '') : '', use.replace(/\.$/, '')].filter((s) => s !== '');
    return { ...describeProduct(tenant, p, lang), note: marks.length > 0 ? ` — ${marks.join('; ')}` : '' };
  });
  const reply: ReplyDirective = { template: 'product.compare', params: { items }, options: optionsFor(compared) };
  return { outcome: 'answered', replies: [reply], focus };
}

/**
 * Products weighed side by side in one question: both packs of one product (`packComparison`), two
 * products (`versusAnswer`), or which of those shown suits what the customer then says it is for (`purposeAnswer`).
 */
export function comparisonAsked(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, text: string, lang: Lang): ProductActorOutput | null {
  return packComparison(tenant, index, input, text, lang) ?? versusAnswer(tenant, index, input, text, lang) ?? purposeAnswer(tenant, index, input, text, lang) ?? kindCompared(tenant, index, input, text, lang);
}

/** "y pa un baño que coge humedad?", "which one for a driveway?" with a product on the counter: `purposeAnswer`, read before any job or room. */
export function purposeOfCounter(tenant: TenantData, index: CatalogIndex, input: Pick<ProductActorInput, 'focus'>, text: string, lang: Lang): ProductActorOutput | null {
  return input.focus && readFocusQuestion(text)?.kind === 'purpose' ? purposeAnswer(tenant, index, input, text, lang) : null;
}

/** A recommendation asked of one kind with no "or": "¿qué pintura me recomiendas?", "which paint is good for a bathroom?". */
const ASKS_RECOMMEND = /\b(?:recomiend\w*|recommend\w*|suggest\w*|aconsej\w*|sugier\w*|(?:es|son|sera|seria|is|are|would\s+be)\s+(?:buen[oa]s?|good|ideal)\s+(?:para|pa|pal|for))\b/;
/** "los dos", "the two", "both": the count of those compared, not an order. */
const THE_TWO = /\b(?:los dos|las dos|the two|both|ambos|ambas|the 2|los 2|las 2)\b/;
/** A price or deal asked ("best price on cement"), not a comparison. */
const PRICE_WORDS = /\b(?:precios?|price|prices|oferta|ofertas|deal|deals|descuentos?|discount)\b/;
/** The use in a question, said back as written: "pa un piso", "for a driveway". */
const USE_TAIL = /\b(?:para|pa|pal|for)\s+(.+)$/i;

/**
 * One kind named and weighed, with nothing of it on the counter: "¿cuál es la diferencia entre los
 * cementos que tienen?", "what's the difference between the two cements you have?" (never two bags
 * priced), "which cement is best for a driveway?", "¿qué pintura me recomiendas pa un baño?". As if
 * the kind had been shown and the same question asked after it: its options side by side, or those
 * the catalog says are for that use.
 */
export function kindCompared(tenant: TenantData, index: CatalogIndex, input: Pick<ProductActorInput, 'understanding'>, text: string, lang: Lang): ProductActorOutput | null {
  const [named, ...more] = input.understanding.products;
  if (!named || more.length > 0) return null;
  const f = foldAccents(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  if ((!ASKS_VERSUS.test(f) && !ASKS_RECOMMEND.test(f)) || PRICE_WORDS.test(f) || (named.quantity !== undefined && !THE_TWO.test(f))) return null;
  const best = index.search(named.query, { limit: 1 })[0]?.product;
  if (!best) return null;
  const focus = { sku: best.sku, name: best.name, price: best.price, query: named.query };
  const use = USE_TAIL.exec(text)?.[1]?.split(/[¿?¡!.;,]/)[0]?.trim();
  // "which cement is best for a driveway?": asked as "which one for a driveway?" after the cement.
  const asked = use !== undefined && readFocusQuestion(`cual es mejor para ${foldAccents(use)}`)?.kind === 'purpose' ? (lang === 'en' ? `which one is best for ${use}` : `cual es mejor para ${use}`) : undefined;
  if (asked) return purposeAnswer(tenant, index, { focus }, asked, lang) ?? answerFocusQuestion(tenant, index, focus, asked, lang);
  return answerFocusQuestion(tenant, index, focus, ASKS_RECOMMEND.test(f) || /\b(?:mejor|better|best|conviene)\b/.test(f) ? 'cual me recomiendas' : 'cual es la diferencia', lang);
}

/** What the options are for, said alone after they were shown: "para pegar blocks", "es pa una losa", "for the roof". */
const PURPOSE =
  /^(?:(?:es|son|lo|la|los|las|lo quiero|la quiero|los quiero|lo necesito|la necesito|lo voy a usar|la voy a usar|lo vamos a usar|seria|it s|it is|its|they re|they are|that s|that is|it will be|it ll be|i need it|i need them|we need it|we need them|i want it|i want them|i ll use it|i ll use them|we ll use it|i m using it|used|mainly|mostly|just)\s+)*(?:para|pa|pal|for|to)\s+(.+)$/;

/**
 * "para pegar blocks" right after products were shown side by side or as options (the focus'
 * `options`), or after one product ("tienen pintura?" then "para madera"): which of them the catalog
 * says are for that (their name, jobs, rooms or `use`). One: that one, priced (`product.purpose_fit`);
 * several: those, the cheapest named (`product.purpose_all`); none of those shown but another of
 * their kind: that one (`product.purpose_other`: "para fraguar cerámica" after two grey cements is
 * the white cement). Null when the words name no use the catalog knows ("para mañana"), or nothing
 * of that kind says it (the message is then read as usual).
 */
export function purposeAnswer(tenant: TenantData, index: CatalogIndex, input: Pick<ProductActorInput, 'focus'>, text: string, lang: Lang): ProductActorOutput | null {
  const focus = input.focus;
  const templates = tenant.templates[lang];
  if (!focus || templates?.['product.purpose_fit'] === undefined || templates['product.purpose_all'] === undefined || templates['product.purpose_other'] === undefined) return null;
  // "it's for wood": the apostrophe splits the word, as the other readers fold it ("it s").
  const f = foldAccents(text).replace(/[¿?¡!.,;'’`´]+/g, ' ').replace(/\s+/g, ' ').trim();
  // ...or asked as a question: "¿cuál es mejor pa un piso?", "which one for a driveway?".
  const asked = readFocusQuestion(text);
  const said = asked?.kind === 'purpose' ? asked.use : PURPOSE.exec(f)?.[1];
  if (said === undefined || (asked?.kind !== 'purpose' && f.split(' ').length > 8)) return null;
  const use = index.parse(said).content;
  if (use.length === 0) return null;
  const bySku = (sku: string): Product | undefined => tenant.catalog.find((p) => p.sku === sku);
  const shown = (focus.options && focus.options.length >= 2 ? focus.options : [focus.sku]).map(bySku).filter((p): p is Product => p !== undefined);
  if (shown.length === 0) return null;
  const says = (p: Product): boolean => {
    const words = useWordsOfProduct(index, p);
    return use.some((w) => words.includes(w));
  };
  // Said back as the customer wrote it: the words after "para".
  const at = /\b(?:para|pa|pal|for|to)\s+/i.exec(text);
  // ...up to the end of its sentence ("pa techo de concreto? cuanto dura?" says back "techo de concreto").
  const purpose = ((at ? text.slice(at.index + at[0].length) : said).split(/[¿?¡!.;,]/)[0] ?? '').trim();
  const some = (fit: readonly Product[]): ProductActorOutput => {
    const cheapest = fit.reduce((a, b) => (b.price < a.price ? b : a));
    return {
      outcome: 'answered',
      replies: [{ template: 'product.purpose_all', params: { purpose, items: fit.map((p) => describeProduct(tenant, p, lang)), cheapest: cheapest.name }, options: optionsFor(fit) }],
      focus: { sku: cheapest.sku, name: cheapest.name, price: cheapest.price, query: cheapest.name, options: fit.map((p) => p.sku) },
    };
  };
  // "¿cuál es mejor pa un piso?" with one shown ("tienen cemento?"): the others of its kind that are for it too.
  const fit = shown.length === 1 && asked?.kind === 'purpose' && asked.which && says(shown[0] as Product) ? [shown[0] as Product, ...tenant.catalog.filter((p) => p !== shown[0] && p.stock > 0 && kindOf(p) === kindOf(shown[0] as Product) && says(p))].slice(0, 3) : shown.filter(says);
  const one = (template: string, p: Product): ProductActorOutput => ({
    outcome: 'answered',
    replies: [{ template, params: { purpose, ...describeProduct(tenant, p, lang) } }],
    focus: { sku: p.sku, name: p.name, price: p.price, query: p.name },
  });
  if (fit.length === 1) return one('product.purpose_fit', fit[0] as Product);
  if (fit.length > 1) return some(fit);
  // None of those shown: another of their kind or shelf that is ("para fraguar cerámica": the white cement; "para madera": the enamel), in stock first.
  const kinds = new Set(shown.map(kindOf));
  const categories = new Set(shown.map((p) => p.category));
  // Of their kind before their shelf: "pa un piso" after the cements is a cement, not the fill beside them.
  const near = tenant.catalog.filter((p) => (kinds.has(kindOf(p)) || categories.has(p.category)) && !shown.includes(p) && says(p)).sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0));
  // Work asked of the tool shown ("cuál me recomiendas pa cortar cerámica?" after the grinder): of its kind only, never a trowel off the shelf.
  const work = asked?.kind === 'purpose' && PURPOSE_WORK.test(foldAccents(asked.use));
  const others = near.some((p) => kinds.has(kindOf(p))) || work ? near.filter((p) => kinds.has(kindOf(p))) : near;
  if (others.length > 1) return some(others.slice(0, 3));
  return others[0] ? one('product.purpose_other', others[0]) : null;
}

