/** The catalog's vocabulary the product reader reads phrases by: heads, word pairs, each product's words. */
import type { Product } from '../../../domain/tenant.js';
import type { ProductResolver } from '../../catalog/index.js';
import { GENERIC_PRODUCT_WORDS } from './lexicon.js';
import { isEnglishGoodsWord } from './english-words.js';
import { foldWithMap } from './text.js';
import { singular, UNITS } from './product-units.js';

export interface Vocabulary {
  heads: Set<string>;
  /** Each product's words (name and aliases): two product words one product carries name it together. */
  productWords: Set<string>[];
  /** "pvc pipe", "tubo pvc", "light bulb": two product words that name one product together. */
  pairs: Set<string>;
  /**
   * Heads known only as the first word of a longer alias ("work gloves", "contact adhesive",
   * "angle grinder"): English modifiers that name no product alone ("I work at…", "contact me"),
   * so they lead a phrase only when a product word follows them.
   */
  modifiers: Set<string>;
  /** "hoja segueta", "juego destornillador": a selling-unit word that leads a product's name before "de" and the word after it. */
  unitNames: Set<string>;
}

export function buildVocabulary(catalog: readonly Product[], resolver: ProductResolver): Vocabulary {
  const heads = new Set<string>(GENERIC_PRODUCT_WORDS);
  const pairs = new Set<string>();
  const productWords: Set<string>[] = [];
  const soloHeads = new Set<string>(GENERIC_PRODUCT_WORDS);
  const leadingOnly = new Set<string>();
  const unitNames = new Set<string>();
  const tokens = (s: string): string[] => foldWithMap(s).folded.split(/[^a-z0-9]+/).filter((t) => t.length >= 2 && !/^\d/.test(t));
  for (const p of catalog) {
    const nameTokens = tokens(p.name);
    if (nameTokens[0]) for (const form of singular(nameTokens[0])) {
      heads.add(form);
      soloHeads.add(form);
    }
    // "Hojas de Segueta": the sheets are the product here, not the unit it is counted in.
    if (nameTokens[1] === 'de' && nameTokens[2]) for (const unit of singular(nameTokens[0] ?? '')) if (UNITS.has(unit)) for (const form of singular(nameTokens[2])) unitNames.add(`${unit} ${form}`);
    const own = new Set<string>();
    productWords.push(own);
    for (const phrase of [nameTokens, ...(p.aliases ?? []).map(tokens)]) {
      for (const word of phrase) for (const form of singular(word)) own.add(form);
      if (phrase !== nameTokens && phrase[0]) {
        heads.add(phrase[0]);
        // A Spanish alias names its product first ("plancha de zinc", "cola pvc"): only an alias
        // of two words with no connector, in the English order, leaves its first word a modifier.
        if (phrase.length === 1 || /^(?:de|para|del)$/.test(phrase[1] ?? '')) soloHeads.add(phrase[0]);
        else leadingOnly.add(phrase[0]);
        // "paint tray", "angle grinder": English says the thing last, and names it alone too ("a roller and tray").
        if (phrase.length === 2 && isEnglishGoodsWord(phrase[1]!)) for (const form of singular(phrase[1]!)) soloHeads.add(form), heads.add(form);
      }
      for (let i = 0; i + 1 < phrase.length; i++) pairs.add(`${phrase[i]} ${phrase[i + 1]}`);
    }
  }
  for (const u of UNITS) heads.delete(u);
  for (const h of [...heads]) if (!resolver.lexicon.has(h) && !GENERIC_PRODUCT_WORDS.has(h)) heads.delete(h);
  const modifiers = new Set([...leadingOnly].filter((h) => !soloHeads.has(h) && !singular(h).some((f) => soloHeads.has(f))));
  return { heads, pairs, productWords, modifiers, unitNames };
}

