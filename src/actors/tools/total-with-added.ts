/**
 * A product added and the whole asked for in one message: "si le sumo 2 metros de arena, ¿cuánto
 * queda todo?", "y 2 metros de arena, cuánto sería todo?", "add 2 bags of sand, how much is
 * everything?". A clerk prices the new line and gives the total of everything on the counter;
 * pricing the new line alone left the earlier items out of "todo".
 */
import { plainWords as fold } from '../../kernel/plain-words.js';

/** "cuánto queda todo", "cuánto sería el total", "how much is everything": the whole asked for. */
const WHOLE =
  /\b(?:cuanto|cuanta|a cuanto|how much|what s|whats|what is|what would)\b(?:\s+\w+){0,4}?\s+(?:todo|to|el total|en total|total|everything|all|altogether|all together|the total|in total)\b/;

/**
 * @example
 * asksWholeWithIt('si le sumo 2 metros de arena, ¿cuánto queda todo?'); // true
 * asksWholeWithIt('2 metros de arena'); // false
 */
export function asksWholeWithIt(text: string): boolean {
  // Cheap gate: a word of the whole before the pattern.
  if (text.length > 160 || !/tod|total|every|all/i.test(text)) return false;
  return WHOLE.test(fold(text));
}

/** A message that adds to the order: "agrégale 2 tubos", "súmale un pegamento", "add 2 pipes", "throw in a brush". */
const ADDS = /^(?:(?:y|e|and|ok|okay|dale|bueno|entonces|pues|also)\s+)*(?:agreg\w*|anad\w*|suma(?:le|me)|echale|meteme|metele|add|throw\s+in|tambien\s+(?:dame|ponme|agregame|mandame))\b/;

/** Giving words: "dame", "ponme", "mándame", "give me", "I'll take". */
const GIVE = /\b(?:dame|deme|damelo|ponme|pon|mandame|give\s+me|i\s*ll\s+take|i\s+will\s+take)\b/;

/**
 * A count given to the order while every line on the counter is counted: "ok dame uno" / "dame 2"
 * for the PVC cement asked about after the pipes and elbows were counted, or "agrégale 2 tubos de
 * media" after the valves. A clerk writes it on the order and says the running total; the new
 * line priced alone left the pipes out until "¿cuánto es todo?".
 *
 * @example
 * // before: the glue in focus, uncounted, with 6 pipes and 8 elbows counted; kept: the glue × 1 with them
 * addsToCounter(before, kept, 'ok dame uno'); // true
 */
export function addsToCounter(before: CounterLines, kept: CounterLines, text: string): boolean {
  const lines = [kept.sku, ...(kept.recent ?? [])];
  if (lines.length < 2 || kept.quantity === undefined || (kept.options?.length ?? 0) >= 2) return false;
  if (!lines.every((sku) => sku === kept.sku || kept.counts?.[sku] !== undefined)) return false;
  // The product just asked about, given now ("y el pegamento?" → "dame uno"; a bare "5" answers how many and
  // stays its own line); or any line with an adding word.
  const said = fold(text);
  const givenNow = before.sku === kept.sku && before.quantity === undefined && before.one !== true && GIVE.test(said);
  return givenNow || ADDS.test(said);
}

/** What `addsToCounter` reads of a counter (a `ProductFocus`). */
interface CounterLines {
  sku: string;
  quantity?: number;
  one?: boolean;
  recent?: readonly string[];
  counts?: Readonly<Record<string, number>>;
  options?: readonly string[];
}
