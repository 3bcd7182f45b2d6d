/**
 * A size asked for with nothing named and nothing on the counter: "what about the 1/2 inch?", "y el
 * de 3/4?" as the very first message. A clerk does not ask "what do you need?" again: he says what
 * comes in that size ("3/4": PVC pipe, elbows, rebar, plywood…) and asks which, or, when only one
 * family has it, answers for that one.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { timesSpelt } from '../../machines/count-words.js';

/** Cheap gate: an inch fraction or a number of inches said, in figures or in words ("tres cuartos", "pulgada y media", "one inch"). */
const SIZE_SAID = /\d\s*\/\s*\d|\d\s*(?:"|in\b|inch|pulg)|\b(?:medi[ao]|tres cuartos?|un cuarto|half|quarter|three quarters?|una?|one|dos|two|tres|three|cuatro|four|seis|six)(?:\s+(?:de|of|an?))?\s+(?:pulg|inch)|\bpulgadas?\s+y\s+media|\b(?:tres cuartos?|tres octavos?|cinco octavos?|three quarters?|three eighths?|five eighths?)\b/i;
/** The catalog's answer for the one family that comes in the size, asked again with it named. */
export interface AskAgain {
  input: ProductActorInput;
  answer: (input: ProductActorInput, text: string) => ProductActorOutput;
}
/** Most families named in the question. */
const MAX_FAMILIES = 6;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A size in a product's name: "1/2"" is not the "1 1/2"" pipe (no whole number before the fraction). */
const sizedIn = (size: string): RegExp => new RegExp(String.raw`(?<![\d/])(?<!\d )${escape(size)}`);

/** The product families whose names carry the size ("Tubo PVC", "Varilla Corrugada"), in stock first. */
export function familiesOfSize(tenant: TenantData, size: string): string[] {
  const sized = sizedIn(size);
  const families: string[] = [];
  const shelves = new Set<string>();
  // One family of each shelf first ("Tubo PVC", "Varilla Corrugada", "Plywood"), then the rest of each, in stock first.
  const ordered = [...tenant.catalog].sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0));
  const firsts = ordered.filter((p) => p.name.search(sized) > 0 && !shelves.has(p.category) && shelves.add(p.category));
  for (const p of [...firsts, ...ordered]) {
    const at = p.name.search(sized);
    if (at <= 0) continue;
    const words = p.name.slice(0, at).trim().split(/\s+/);
    while (words.length > 1 && /\d|^(?:a|x|de)$/i.test(words[words.length - 1] as string)) words.pop();
    const family = words.join(' ');
    if (family !== '' && !/\d/.test(family) && !families.includes(family)) families.push(family);
  }
  return families;
}

/**
 * The answer to a size alone with nothing in focus, or null when the message says no inch size or
 * no product comes in it.
 */
export function sizeOnlyAnswer(tenant: TenantData, index: CatalogIndex, text: string | undefined, lang: Lang, again?: AskAgain): ProductActorOutput | null {
  if (text === undefined || !SIZE_SAID.test(text)) return null;
  const parsed = index.parse(text);
  const size = parsed.phrases.size;
  if (parsed.content.length > 0 || size === undefined || !/^[\d /]+"$/.test(size)) return null;
  const families = familiesOfSize(tenant, size).slice(0, MAX_FAMILIES);
  if (families.length === 0) return null;
  // "and the 5/8?" when only the rebar comes in 5/8: the rebar answered, as a clerk would, not "is that what you're looking for?".
  const only = families.length === 1 && again ? again.answer({ ...again.input, text: `${families[0]} ${size}`, understanding: { ...again.input.understanding, products: [{ query: `${families[0]} ${size}` }] } }, `${families[0]} ${size}`) : null;
  if (only?.outcome === 'answered') return only;
  const joined = lang === 'en' ? 'or' : 'o';
  const list = families.length === 1 ? (families[0] as string) : `${families.slice(0, -1).join(', ')} ${joined} ${families.at(-1)}`;
  return {
    outcome: 'need_product',
    replies: [{ template: families.length === 1 ? 'product.size_which_one' : 'product.size_which', params: { size, families: list }, options: families.map((f) => ({ label: `${f} ${size}`, text: `${f} ${size}` })) }],
    sizeAsked: size,
  };
}

/**
 * The family named right after a size asked alone ("what about the 1/2 inch?" → "the pvc pipe",
 * "la varilla"): asked in that size, as a clerk who just listed what comes in it would take it. Only
 * when this message says no size of its own and the likeliest product for each phrase, in that
 * size, carries the size in its name ("el cemento" after "3/4" stays the cement).
 */
export function withSizeAsked(index: CatalogIndex, input: ProductActorInput, options: { text?: string; now?: number }): { input: ProductActorInput; options: { text?: string; now?: number } } {
  const size = input.sizeAsked;
  const text = options.text ?? input.text;
  if (size === undefined || text === undefined || input.understanding.products.length === 0 || index.parse(text).phrases.size !== undefined) return { input, options };
  const sized = sizedIn(size);
  const products = input.understanding.products.map((p) => ({ ...p, query: `${p.query} ${size}` }));
  if (!products.every((p) => sized.test(index.search(p.query, { limit: 1 })[0]?.product.name ?? ''))) return { input, options };
  const said = `${text} ${size}`;
  return { input: { ...input, text: said, understanding: { ...input.understanding, products } }, options: options.text !== undefined ? { ...options, text: said } : options };
}

/** Count words said back as words: "¿dos de qué?" for "y cuánto por dos?". */
const COUNT_SAID: Readonly<Record<Lang, readonly string[]>> = {
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
};

/**
 * A count alone with nothing named and nothing on the counter ("y cuánto por dos?", "and how much
 * for two?" as the first message): a clerk asks "¿dos de qué?", never prices a product whose name
 * has the number in it ("Inodoro … Dos Piezas"). Null when the message names something or says no count.
 */
export function countOnlyAnswer(index: CatalogIndex, text: string | undefined, lang: Lang): ProductActorOutput | null {
  if (text === undefined) return null;
  const parsed = index.parse(timesSpelt(text)); // "y cuanto x dos?": "x" is "por"
  const count = parsed.quantity;
  if (count === undefined || parsed.content.length > 0 || parsed.attributes.measures.length > 0 || parsed.attributes.colours.length > 0) return null;
  // "how much for 5 gallons?": "¿Cinco galones de qué?", the pack said with the count.
  const said = `${COUNT_SAID[lang][count] ?? String(count)}${parsed.phrases.pack !== undefined ? ` ${parsed.phrases.pack}` : ''}`;
  return { outcome: 'need_product', replies: [{ template: 'product.count_of_what', params: { count: said.charAt(0).toUpperCase() + said.slice(1) } }], countAsked: count };
}

/**
 * The product named right after "¿Dos de qué?" ("cemento", "de la pintura blanca"): that many of it,
 * as a clerk who just asked keeps the count; a count said now wins ("no, 3 de cemento").
 */
export function withCountAsked(index: CatalogIndex, input: ProductActorInput, text: string | undefined): ProductActorInput {
  const count = input.countAsked;
  const products = input.understanding.products;
  if (count === undefined || products.length === 0 || products.some((p) => p.quantity !== undefined) || (text !== undefined && index.parse(text).quantity !== undefined)) return input;
  return { ...input, understanding: { ...input.understanding, products: products.map((p) => ({ ...p, quantity: count })) } };
}

/** What a size or a count said alone is answered with (`sizeOnlyAnswer`, then `countOnlyAnswer`). */
export function aloneAnswer(tenant: TenantData, index: CatalogIndex, text: string | undefined, lang: Lang, again?: AskAgain): ProductActorOutput | null {
  return sizeOnlyAnswer(tenant, index, text, lang, again) ?? (tenant.templates[lang]?.['product.count_of_what'] !== undefined ? countOnlyAnswer(index, text, lang) : null);
}
