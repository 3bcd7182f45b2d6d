import type { Entity } from '../../../domain/nlu.js';
import type { Product } from '../../../domain/tenant.js';
import { NUMBER_WORDS, resolverFor } from '../../catalog/index.js';
import type { ProductMention } from './products.js';

/**
 * "dame 2 galones de blanco y una brocha", "5 galones de blanco hueso y 2 rodillos", "2 gallons of
 * white and a roller": paint counted by its pack and named by its colour alone, beside other goods.
 * The brain's product words find the brush and the roller but no word in "2 galones de blanco", so
 * the paint line was lost (its colour and pack then stuck to the brush: "No lo tengo en *blanco,
 * galones*"). Each such count joins the mentions as the paint of the store in that colour and pack,
 * in the order said; a message that names nothing else keeps its own reading (`colour-only.ts`).
 */

/** A count, a paint pack, then the colour words up to the next item ("y", "and", a comma) or the end. */
const COUNTED_COLOUR =
  /(?:^|[\s,;:¿¡])(\d{1,3}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|one|two|three|four|five|six|seven|eight|nine|ten)\s+(galon|galones|gal|gls?|cubetas?|gallons?|buckets?)\s+(?:(?:de|of)\s+)?(?:(?:la|el|lo|the)\s+)?(?:(?:pintura|paint)\s+)?([a-z]+(?:\s+[a-z]+){0,2}?)(?=\s*(?:[,;.!?]|\s(?:y|e|and|con|with|mas|plus)\s|$))/g;

/** The head of the catalog's painted goods sold by the gallon ("pintura"): the first word most of them share. */
const PAINT_HEAD = new WeakMap<readonly Product[], string | null>();
function paintHead(catalog: readonly Product[]): string | null {
  const known = PAINT_HEAD.get(catalog);
  if (known !== undefined) return known;
  const resolver = resolverFor(catalog);
  const heads = new Map<string, number>();
  for (const p of catalog) {
    if (!/^gal/.test(fold(p.unit)) || resolver.parse(p.name).attributes.colours.length === 0) continue;
    const head = fold(p.name).split(/[^a-z]+/).find((w) => w.length > 2);
    if (head !== undefined) heads.set(head, (heads.get(head) ?? 0) + 1);
  }
  const head = [...heads.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  PAINT_HEAD.set(catalog, head);
  return head;
}

const fold = (text: string): string => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** The mentions, with each paint counted by its pack and colour alone that no mention covers. */
export function withCountedColours(text: string, catalog: readonly Product[], found: { mentions: ProductMention[]; entities: Entity[] }): { mentions: ProductMention[]; entities: Entity[] } {
  // Alone ("5 galones de blanco hueso") the colour reading answers it; only beside other goods is a line lost.
  if (found.mentions.length === 0 || !/gal|cubeta|bucket/i.test(text)) return found;
  const folded = fold(text);
  if (folded.length !== text.length) return found;
  const head = paintHead(catalog);
  if (head === null) return found;
  const resolver = resolverFor(catalog);
  const mentions = [...found.mentions];
  const entities = [...found.entities];
  for (const m of folded.matchAll(COUNTED_COLOUR)) {
    const words = m[3] as string;
    const end = (m.index ?? 0) + m[0].length;
    const start = end - m[0].trimStart().replace(/^[,;:¿¡]\s*/, '').length;
    if (mentions.some((x) => x.start < end && start < x.end)) continue;
    const parsed = resolver.parse(words);
    const colour = parsed.phrases.colour;
    if (parsed.content.length > 0 || colour === undefined) continue;
    const count = /^\d+$/.test(m[1] as string) ? Number(m[1]) : NUMBER_WORDS[m[1] as string];
    if (count === undefined || count <= 0) continue;
    const pack = /^(?:cubeta|bucket)/.test(m[2] as string) ? 'cubeta' : 'galon';
    const query = `${head} ${colour} ${pack}`;
    mentions.push({ query, quantity: count, start, end });
    entities.push({ type: 'product', value: query, start, end });
  }
  if (mentions.length === found.mentions.length) return found;
  mentions.sort((a, b) => a.start - b.start);
  entities.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
  return { mentions, entities };
}
