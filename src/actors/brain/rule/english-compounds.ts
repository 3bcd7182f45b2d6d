import type { Entity } from '../../../domain/nlu.js';
import type { ProductMention } from './products.js';
import { detectLang } from './signals.js';
import { MASS } from './english-words.js';

type Found = { mentions: ProductMention[]; entities: Entity[] };

/**
 * English names a thing by its last noun: "wood screws" are screws (for wood), "concrete nails"
 * nails, "door hinges" hinges. The product reader starts a new product at each word of the trade,
 * so "wood screws" would be two (the lumber and the screws); in an English message two product
 * words side by side — the first one singular, the second uncounted and a thing counted by the
 * piece — are one product named by both, its head last ("wood screw"). A list of materials
 * ("cement sand gravel") stays a list.
 */
export function joinEnglishCompounds(text: string, found: Found): Found {
  if (found.mentions.length < 2 || detectLang(text, 'es') !== 'en') return found;
  const mentions: ProductMention[] = [];
  const joined: [ProductMention, ProductMention, ProductMention][] = [];
  for (const m of found.mentions) {
    const before = mentions[mentions.length - 1];
    if (before && compounds(text, before, m)) {
      const one: ProductMention = { query: `${before.query} ${m.query}`, start: before.start, end: m.end, ...(before.quantity !== undefined || m.quantity !== undefined ? { quantity: before.quantity ?? m.quantity } : {}) };
      joined.push([before, m, one]);
      mentions[mentions.length - 1] = one;
    } else mentions.push(m);
  }
  if (joined.length === 0) return found;
  const entities: Entity[] = [];
  for (const e of found.entities) {
    const pair = e.type === 'product' ? joined.find(([a, b]) => (e.start === a.start && e.end === a.end) || (e.start === b.start && e.end === b.end)) : undefined;
    if (!pair) entities.push(e);
    else if (e.start === pair[0].start) entities.push({ ...e, value: pair[2].query, end: pair[2].end });
  }
  return { mentions, entities };
}

function compounds(text: string, first: ProductMention, second: ProductMention): boolean {
  // The first one's own word as written ("2 wood": its count may stand before it).
  const modifier = text.slice(first.start, first.end).trim().split(/\s+/).at(-1) ?? '';
  const head = second.query.split(' ')[0] ?? '';
  return /^\s+$/.test(text.slice(first.end, second.start)) && /^[a-z]+$/i.test(modifier) && !/s$/i.test(modifier) && second.quantity === undefined && !first.query.includes(' ') && !MASS.has(head);
}
