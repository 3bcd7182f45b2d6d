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
