/**
 * Goods asked for by their size alone: "a dozen 2x4s", "dame 12 2x4", "6 4x4 de 10", "media docena
 * de 2x4x12". At a lumber counter the dimensions are the product's name; the brain's product words
 * find none in them (digits), so the message would name nothing and its count be lost. Read only
 * when no product word is named and the catalog has goods of those dimensions.
 */
import type { Entity } from '../../../domain/nlu.js';
import type { Product } from '../../../domain/tenant.js';
import { NUMBER_WORDS } from '../../catalog/index.js';
import type { ProductMention } from './products.js';

/** "2x4", "2 x 4", "2x4x10", "2x4x10'": dimensions as the catalog writes them in a name. */
const DIMS_IN_NAME = /(?<![\d.])(\d+)\s*x\s*(\d+)(?:\s*x\s*\d+)?/g;
/** Dimensions said, with a length after them ("2x4 de 12", "2x4x12", "2x4 12 ft", "2x4s of 10 feet"). */
const DIMS_SAID = /(?<![\w.\/-])(\d+)\s*x\s*(\d+)(?:\s*x\s*\d+'?)?s?(?:\s+(?:de|of)\s+\d+(?:\s*(?:pies|pie|ft|feet|foot|'))?|\s+\d+\s*(?:pies|ft|feet|foot|'))?(?![\w\/])/i;
/** The count said before them: digits or a word, dozens ("una docena de", "a dozen", "two dozen", "half a dozen"). */
const COUNT_BEFORE = /(?:^|[\s,])(?:(\d+|[a-z]+)\s+)?(?:(docenas?|dozens?)\s+(?:(?:de|of)\s+)?)?$/i;
const HALF_DOZEN = /(?:^|[\s,])(?:media\s+docena|half\s+a\s+dozen)\s+(?:(?:de|of)\s+)?$/i;

/** The dimensions the catalog sells, from its names ("2x4", "4x8"). */
function catalogDims(catalog: readonly Product[]): ReadonlySet<string> {
  const dims = new Set<string>();
  for (const p of catalog) for (const m of p.name.matchAll(DIMS_IN_NAME)) dims.add(`${m[1]}x${m[2]}`);
  return dims;
}
const dimsOf = new WeakMap<readonly Product[], ReadonlySet<string>>();

/**
 * The goods named by their dimensions, with the count before them, as a product mention and its
 * entities; null when a product word is named, or the dimensions are none the catalog sells.
 *
 * @example
 * goodsBySize('a dozen 2x4s please', catalog); // { mentions: [{ query: '2x4s', quantity: 12, … }], … }
 */
export function goodsBySize(text: string, catalog: readonly Product[]): { mentions: ProductMention[]; entities: Entity[] } | null {
  const m = DIMS_SAID.exec(text);
  if (!m) return null;
  return sizedGoodAt(text, catalog, m);
}

/** Every sized good said with its count in a list ("10 2x4s, 5 2x6 8 ft", "6 1x4 y 2 planchas"): a match per item. */
const DIMS_SAID_ALL = new RegExp(DIMS_SAID.source, 'gi');
/** Cheap gate: a count touching a cross-section ("10 2x4", "12 2x4x10"). */
const COUNT_THEN_DIMS = /(?:^|[\s,])(?:\d+|[a-z]+)\s+\d+\s*x\s*\d/i;
/** "8 2x4 de 12 y 4 de 10": the same cross-section again, another count and length, its words left unsaid. */
const ANOTHER_LENGTH = /^\s*(?:,|y|and|,\s*y)\s*(\d+)\s+(?:de|of)\s+(\d+)(\s*(?:pies|pie|ft|feet|foot|')?)(?![\w\/])/i;

/**
 * The lumber counted by its size alone beside other goods named by their words ("I need 10 2x4s, 5
 * 2x6 and a box of nails", "10 2x4 de 8 pies y 4 planchas de plywood"): the brain's product words
 * find the nails and the plywood but no word in "10 2x4", so those lines would be lost. Each such
 * size with its count before it joins the mentions, in the order said; a size with no count
 * ("piso de 4x4", "plywood 4x8") or inside another mention stays as it was.
 */
export function withCountedSizes(text: string, catalog: readonly Product[], found: { mentions: ProductMention[]; entities: Entity[] }): { mentions: ProductMention[]; entities: Entity[] } {
  if (!COUNT_THEN_DIMS.test(text)) return found;
  const mentions = [...found.mentions];
  const entities = [...found.entities];
  for (const m of text.matchAll(DIMS_SAID_ALL)) {
    const start = m.index ?? 0;
    const said = mentions.find((x) => x.start === start && x.query === m[0].trim()); // read already (`goodsBySize`)
    if (!said && mentions.some((x) => x.start < start + m[0].length && start < x.end)) continue;
    const sized = said ? null : sizedGoodAt(text, catalog, m);
    const mention = said ?? sized?.mentions[0];
    if (mention?.quantity === undefined) continue;
    if (sized) mentions.push(mention), entities.push(...sized.entities);
    const again = ANOTHER_LENGTH.exec(text.slice(mention.end));
    if (again && !/^\d+x\d+x\d+/i.test(mention.query)) {
      const at = mention.end + again[0].length - `${again[2]}${again[3]}`.length;
      const query = `${m[1]}x${m[2]} de ${again[2]}${again[3] ?? ''}`;
      mentions.push({ query, quantity: Number(again[1]), start: at, end: mention.end + again[0].length });
      entities.push({ type: 'product', value: query, start: at, end: mention.end + again[0].length });
    }
  }
  if (mentions.length === found.mentions.length) return found;
  mentions.sort((a, b) => a.start - b.start);
  entities.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
  return { mentions, entities };
}

function sizedGoodAt(text: string, catalog: readonly Product[], m: RegExpExecArray | RegExpMatchArray): { mentions: ProductMention[]; entities: Entity[] } | null {
  let known = dimsOf.get(catalog);
  if (!known) dimsOf.set(catalog, (known = catalogDims(catalog)));
  if (!known.has(`${m[1]}x${m[2]}`)) return null;
  const start = m.index ?? 0;
  const end = start + m[0].length;
  const before = text.slice(0, start).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const entities: Entity[] = [{ type: 'product', value: m[0].trim(), start, end }];
  const mention: ProductMention = { query: m[0].trim(), start, end };
  const half = HALF_DOZEN.exec(before);
  const counted = half ? null : COUNT_BEFORE.exec(before);
  const word = counted?.[1];
  const n = word === undefined ? undefined : /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  const dozens = counted?.[2] !== undefined;
  const quantity = half ? 6 : dozens ? (n ?? 1) * 12 : n !== undefined && (/^\d+$/.test(word ?? '') || n > 1) ? n : undefined;
  if (quantity !== undefined && Number.isInteger(quantity) && quantity > 0) {
    const at = half ? half.index : (counted?.index ?? start);
    const from = at + (/^[\s,]/.test(before.slice(at)) ? 1 : 0);
    mention.quantity = quantity;
    entities.push({ type: 'quantity', value: String(quantity), start: from, end: start });
  }
  return { mentions: [mention], entities };
}
