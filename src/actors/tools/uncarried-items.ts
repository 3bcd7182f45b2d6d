/** Counted items of a message the catalog knows nothing of: named back as not carried. */
import { foldAccents } from '../../kernel/fold.js';
import { PROJECT_WORDS } from '../brain/rule/project-quotes.js';
import { boardQuery } from './board-length.js';
import type { CatalogIndex } from './catalog-search.js';
import { MONTH_WORDS } from './opening-days.js';

/** "10 de cada uno", "2 of each": a count of the items named. */
const EACH_ITEM = /^(?:de\s+|of\s+)?(?:cada|each)\b/i;

/** "una obra de 3 casas", "a job of 6 villas", "pa 20 aulas": the units of a project told (the brain's project words), never goods. */
const projectUnits = (rest: string): boolean => PROJECT_WORDS.test(foldAccents(rest.toLowerCase()).split(/\s+/)[0] ?? '');

/** "son como 80 metros cuadrados", "about 80 square meters": a measure alone, not goods. */
const MEASURE_ALONE = /^(?:(?:metros?|mts?|pies?|yardas?)(?:\s+(?:cuadrados?|cubicos?|cúbicos?|lineales))?|m2|m²|m3|sqm|(?:square|cubic)\s+(?:meters?|metres?|feet|foot|yards?)|meters?|metres?|feet|ft)$/i;

/** "20 de diciembre", "15th of January", "4 enero": a date (when it is needed), never goods. */
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th|ro|ero)?\\s*(?:(?:de|of)\\s+)?(?:${MONTH_WORDS})\\b`, 'i');

/** "para 3 casas", "for 2 houses": the word before a count that makes it a purpose. */
const PURPOSE_BEFORE = /\b(?:para|pa|pal|for)\s*$/i;

/**
 * Counted items of a list ("…, 2 jacuzzis y 10 codos") none of whose words the catalog knows: what
 * the store does not carry, named back to the customer.
 */
export function uncarriedItems(text: string, index: CatalogIndex): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;:\n]|\s+(?:y|e|and|plus|mas|más)\s+/i)) {
    const m = /(?:^|\s)(\d+|dos|tres|cuatro|cinco|seis|diez|two|three|four|five|six|ten)\s+(.+)$/i.exec(part.trim());
    // "cemento y varilla para 3 casas": a count after "para" is what the goods are for, not an item.
    if (m && PURPOSE_BEFORE.test(part.trim().slice(0, m.index + 1))) continue;
    // "40 fundas para mañana": what follows "para" is what it is for (or when), not the item.
    const rest = m?.[2]?.replace(/[¿?¡!.]+/g, '').replace(/\s+(?:para|pa|pal|for|porque|because)(?:\s.*)?$/i, '').trim();
    // "10 de cada uno", "10 of each": how many of the items named, not an item; "una obra de 3 casas": the project's units.
    // "antes del 20 de diciembre": a date.
    if (!rest || EACH_ITEM.test(rest) || projectUnits(rest) || MEASURE_ALONE.test(rest) || MONTH_AFTER.test(foldAccents(rest))) continue;
    // "la brocha de 3 pulgadas", "1000 litros": a number with its unit is a size, not an item.
    if (index.parse(`${m?.[1] ?? ''} ${rest}`).content.length === 0) continue;
    const content = index.parse(boardQuery(rest)).content; // "2x4 boards": lumber
    if (content.length > 0 && content.every((word) => index.correct(word) === null)) out.push(rest);
  }
  return out;
}
