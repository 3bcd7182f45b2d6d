import type { Entity } from '../../../domain/nlu.js';
import type { Product, TradeGood } from '../../../domain/tenant.js';
import { isShadeWord, NUMBER_WORDS, resolverFor, type ProductResolver } from '../../catalog/index.js';
import { GENERIC_PRODUCT_WORDS } from './lexicon.js';
import { foldWithMap, joinSplitTokens, toOriginalSpan } from './text.js';
import { createTrailingQuantities } from './trailing-quantities.js';
import { productTokens, type Tok } from './product-tokens.js';
import { usedFor } from './use-purpose.js';
import { BUCKETS, DOZEN, GALLONS, PACK_UNITS, resolveUnit, SIZE_ONLY_UNIT, singular, UNITS } from './product-units.js';
import { buildVocabulary } from './product-vocabulary.js';
import { createInchSizes } from './inch-sizes.js';
import { isEnglishGoodsWord, MASS } from './english-words.js';
import { bucketCountAt, countJoinAt, dealAt, ofAfterGauge, pairAt, sizeBeforeAt, timesSignAt } from './count-shapes.js';
import { ATTRIBUTE_WORD, FRACTION_WORDS, MATERIAL, MEASURE, MEASURE_UNIT, ROOM_JOB_VERB, STOP } from './product-reading-words.js';
/** Product phrases ("tubo pvc de media", "sement gris", "3/8 rebar") and quantities ("2 sacos", "una docena"), matched against the catalog's vocabulary. */

export interface ProductMention {
  /** Canonical query: corrected words, fractions as "1/2". */
  query: string;
  quantity?: number;
  start: number;
  end: number;
}

export interface ProductMatcher {
  /** Product phrases with their quantities, plus `product` and `quantity` entities. */
  extract(text: string): { mentions: ProductMention[]; entities: Entity[] };
  /** True when a folded token is product vocabulary (for the classifier's product concept). */
  readonly lexicon: ReadonlySet<string>;
}

/**
 * Reads product phrases through the one product resolver (`src/actors/catalog`): a word is product
 * vocabulary when the resolver corrects it to a catalog word, so the brain and the catalog tool
 * agree on every typo. By default it is the tenant's shared resolver (`resolverFor`), the very index
 * the product tool searches; `storeProductMatcher`'s knows the store's names of goods ("trompo": no typo).
 */
export const storeProductMatcher = (tenant: { catalog: readonly Product[]; store?: { tradeGoods?: readonly TradeGood[] | undefined } | undefined }): ProductMatcher => createProductMatcher(tenant.catalog, resolverFor(tenant.catalog, tenant.store?.tradeGoods));
export function createProductMatcher(catalog: readonly Product[], resolver: ProductResolver = resolverFor(catalog)): ProductMatcher {
  const vocab = buildVocabulary(catalog, resolver);
  const { madeInSize, lacksSize } = createInchSizes(catalog, vocab);
  const trailing = createTrailingQuantities(catalog, vocab.productWords);
  /** The words of a phrase that name products (no sizes, units or colours): which products it means. */
  const namingWords = (parts: readonly string[]): string[] => parts.filter((w) => !/\d|"/.test(w) && !ATTRIBUTE_WORD.test(w) && vocab.productWords.some((own) => own.has(w)));
  const lexicon = new Set<string>([...resolver.lexicon, ...GENERIC_PRODUCT_WORDS]);
  const cache = new Map<string, string | null>();

  /** The catalog word a token stands for, tolerating plurals and typos. */
  const resolve = (tok: string): string | null => {
    const hit = cache.get(tok);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    if (!STOP.has(tok) && !/\d/.test(tok) && tok.length >= 2 && !singular(tok).some((c) => UNITS.has(c)) && !UNITS.has(resolveUnit(tok)) && !DOZEN.has(resolveUnit(tok))) {
      for (const cand of singular(tok)) {
        if (GENERIC_PRODUCT_WORDS.has(cand) || resolver.lexicon.has(cand)) {
          found = cand;
          break;
        }
      }
      if (!found && tok.length >= 4) found = resolver.correct(tok);
    }
    if (cache.size < 10_000) cache.set(tok, found);
    return found;
  };
  const isHead = (word: string | null): word is string => word !== null && vocab.heads.has(word) && !UNITS.has(word);

  /** "2 cajas de clavos": a box that is a product too ("Caja Octagonal") said of goods no product boxes is said after them, "clavo en caja", as "cable en rollo". */
  const boxedApart = (pack: string, query: string): boolean => /^(?:caja|paquete)$/.test(pack) && vocab.productWords.some((own) => own.has(pack)) && !vocab.productWords.some((own) => own.has(pack) && own.has(query.split(' ')[0] ?? ''));
  const soldBy = (word: string, unit: string): boolean => catalog.some((p, i) => vocab.productWords[i]!.has(word) && foldWithMap(p.unit).folded.startsWith(unit));
  /**
   * "hose for the sink": one of the first words' products is named for what the owner word names
   * ("Manguera Flexible para Lavamanos"); never the grout for "cemento para el piso", nor a second
   * product for "discos de corte pa la esmeriladora". Or an alias of the product found says both ("llave de fregadero").
   */
  const ownedBy = (parts: readonly string[], owner: string): boolean => {
    const named = foldWithMap(resolver.search(owner, { limit: 1 })[0]?.product.name ?? '').folded.split(/[^a-z0-9]+/)[0] ?? '';
    const alone = resolver.search(parts.join(' '), { limit: 5 }).map((r) => r.product);
    const both = resolver.search([...parts, owner].join(' '), { limit: 3 });
    if (both[0]?.product.aliases?.some((a) => ((w) => w.includes(parts.at(-1) ?? '') && w.includes(owner))(foldWithMap(a).folded.split(/[^a-z0-9]+/).flatMap((x) => singular(x))))) return true;
    return named.length >= 3 && both.some((r) => alone.includes(r.product) && foldWithMap(r.product.name).folded.split(/[^a-z0-9]+/).slice(1).includes(named));
  };
  /**
   * "a chrome sink faucet": English names the thing last. When the words before it find another
   * product (the sink) that the last word's own search never does, the thing is said first.
   */
  const headLast = (words: readonly string[]): string => {
    const query = words.join(' ');
    const last = words.at(-1) ?? '';
    // An alias that says both names its product as it is; goods sold by weight or volume ("contact cement") are no thing of a compound.
    if (words.length < 2 || !isEnglishGoodsWord(last) || MASS.has(last) || !isHead(last) || /\d/.test(query) || vocab.pairs.has(`${words.at(-2)} ${last}`)) return query;
    const own = resolver.search(last, { limit: 5 }).map((r) => r.product);
    const top = resolver.search(query, { limit: 1 })[0]?.product;
    if (top === undefined || own.includes(top)) return query;
    const turned = [last, ...words.slice(0, -1)].join(' ');
    const first = resolver.search(turned, { limit: 1 })[0]?.product;
    return first !== undefined && own.includes(first) ? turned : query;
  };
  const numberOf = (tok: string): number | null => {
    if (/^\d+$/.test(tok)) return Number(tok);
    return NUMBER_WORDS[tok] ?? null;
  };

  return {
    lexicon,
    extract(text) {
      const f = foldWithMap(text);
      const toks = productTokens(f.folded, resolve);
      const names = joinSplitTokens(toks, resolve, resolver.lexicon).map((t) => t.t); // "sand paper": one word
      // Punctuation after a token ends its clause ("cemento 10, arena 2": the 10 is the cement's).
      const ends = toks.map((t, k) => toks[k + 1] === undefined || /[,;:!?()]/.test(f.folded.slice(t.e, toks[k + 1]!.s)));
      const mentions: ProductMention[] = [];
      const entities: Entity[] = [];
      const used = new Set<number>(), asUse = new Set<number>();
      // "un techo falso": a ceiling built inside, never the roofing the word "techo" names.
      toks.forEach((t, k) => /^techos?$/.test(t.t) && /^fals[oa]s?$/.test(toks[k + 1]?.t ?? '') && used.add(k).add(k + 1));
      const fractionAt = (i: number): { value: string; len: number } | null => {
        const a = toks[i]?.t;
        if (!a) return null;
        if (/^\d+\/\d+$/.test(a)) return { value: a, len: 1 };
        const two = toks[i + 1] ? `${a} ${toks[i + 1]!.t}` : '';
        for (const [re, v] of FRACTION_WORDS) if (two && re.test(two) && !(a === 'un' && ROOM_JOB_VERB.test(toks[i - 1]?.t ?? ''))) return { value: v, len: 2 }; // "pintar un cuarto": a room
        for (const [re, v] of FRACTION_WORDS) if (re.test(a) && a !== 'cuarto' && a !== 'quarter') return { value: v, len: 1 };
        return null;
      };
      /** A size or attribute starting at `j` ("1/2", "6 pulgadas", "grado 60", "#12", "gris"): its words and length. */
      const attributeAt = (j: number): { parts: string[]; len: number } | null => {
        const t = toks[j]?.t;
        if (t === undefined) return null;
        const frac = fractionAt(j);
        if (frac) {
          const unit = toks[j + frac.len]?.t;
          // "tirafondo de 1/4 x 4": a diameter by a length.
          if (unit === 'x' && /^\d+(?:\/\d+)?$/.test(toks[j + frac.len + 1]?.t ?? '')) return { parts: [frac.value, 'x', toks[j + frac.len + 1]!.t], len: frac.len + 2 };
          return unit !== undefined && MEASURE_UNIT.test(unit) ? { parts: [frac.value, unit], len: frac.len + 1 } : { parts: [frac.value], len: frac.len };
        }
        if (t === '"') return { parts: ['"'], len: 1 };
        if (/^(?:quarter|cuarto)$/.test(t) && /^(?:gallons?|galon(?:es)?)$/.test(toks[j + 1]?.t ?? '')) return { parts: ['1/4', 'gal'], len: 2 };
        if (t === 'cuarto' && toks[j + 1]?.t === 'de' && /^galon(?:es)?$/.test(toks[j + 2]?.t ?? '')) return { parts: ['1/4', 'gal'], len: 3 };
        if (/^\d+x\d+(?:x\d+)?$|^\d+-\d+-\d+$/.test(t)) return { parts: [t], len: 1 };
        // "pulgada y media", "2 y media": one size.
        if (/^(?:pulgadas?|una|\d+)$/.test(t) && toks[j + 1]?.t === 'y' && toks[j + 2]?.t === 'media') return { parts: [t, 'y', 'media'], len: 3 };
        if (/^(?:grado|grade|calibre|gauge|grano|grit|#|no|numero)$/.test(t) && /^\d+$/.test(toks[j + 1]?.t ?? '')) return { parts: [t, toks[j + 1]!.t], len: 2 };
        if (/^\d+(?:[.,]\d+)?$/.test(t)) {
          const unit = toks[j + 1]?.t;
          if (unit !== undefined && /^pulgadas?$/.test(unit) && toks[j + 2]?.t === 'y' && toks[j + 3]?.t === 'media') return { parts: [t, unit, 'y', 'media'], len: 4 };
          // "pintura de 5 galones": what the pack holds, said joined ("5gal") so that no reader counts it as five gallons.
          if (unit !== undefined && GALLONS.test(unit)) return { parts: [`${t}gal`], len: 2 };
          if (unit !== undefined && (MEASURE_UNIT.test(unit) || unit === '"')) return { parts: [t, unit], len: 2 };
          if (unit !== undefined && /^x$/.test(unit) && /^\d/.test(toks[j + 2]?.t ?? '')) return { parts: [t, 'x', toks[j + 2]!.t], len: 3 };
          return null;
        }
        if (/^\d+[a-z]+$/.test(t)) return { parts: [t], len: 1 };
        if (ATTRIBUTE_WORD.test(t)) return { parts: [t], len: 1 };
        if (/^(?:off|bone)$/.test(t) && toks[j + 1]?.t === 'white') return { parts: [t, 'white'], len: 2 }; // "pintura off white": one colour (Blanco Hueso), never "cut off"
        if (MEASURE.test(t) && !/^\d/.test(t) && t !== 'x') return { parts: [t], len: 1 };
        return null;
      };

      /**
       * A product said again with only its new size or colour after "y"/"o"/"and"/a comma, right
       * after token `after` of a mention: its words and the other attributes come from `query`.
       */
      const elidedAfter = (after: number, query: string): { query: string; quantity?: number; from: number; to: number } | null => {
        let k = after + 1;
        const joint = toks[k];
        if (!joint) return null;
        const gap = f.folded.slice(toks[after]!.e, joint.s);
        // "¿el block de 6? ¿y el de 8?": a new question that starts with "y" still elides the product.
        if (/[.;:()]/.test(gap) || (/[!?]/.test(gap) && !/^(?:y|e|o|u|and|or)$/.test(joint.t))) return null;
        if (/^(?:y|e|o|u|and|or)$/.test(joint.t)) k++;
        else if (!gap.includes(',')) return null;
        const from = k;
        if (/^(?:tambien|also)$/.test(toks[k]?.t ?? '')) k++;
        let quantity: number | undefined;
        const n = toks[k] ? numberOf(toks[k]!.t) : null;
        // "y 3 de blanco": a count, then the attribute after "de".
        if (n !== null && /^(?:de|del|of)$/.test(toks[k + 1]?.t ?? '') && (/^\d+$/.test(toks[k]!.t) || n > 1)) {
          quantity = n;
          k++;
        }
        while (/^(?:de|del|el|la|los|las|en|in|of|the|a|al)$/.test(toks[k]?.t ?? '') && k - from < 4) k++;
        const bare = /^(?:de|del)$/.test(toks[k - 1]?.t ?? '') && k > from ? numberOf(toks[k]?.t ?? '') : null;
        // "y el de 6": a bare number after "de" is a size, as in "block de 6".
        // "pintura tropical o popular": another brand of the same product.
        const brand = toks[k] && /^[a-z]{3,}$/.test(toks[k]!.t) && resolver.parse(toks[k]!.t).phrases.brand !== undefined && resolver.parse(toks[k]!.t).content.length === 0 ? { parts: [toks[k]!.t], len: 1 } : null;
        const attribute = attributeAt(k) ?? brand ?? (bare !== null && bare > 1 ? { parts: [String(bare)], len: 1 } : null);
        if (!attribute) return null;
        let to = k + attribute.len - 1;
        // "y negra satinada": every attribute said together.
        for (let more = attributeAt(to + 1); more && !/[.;:!?,()]/.test(f.folded.slice(toks[to]!.e, toks[to + 1]!.s)); more = attributeAt(to + 1)) {
          attribute.parts.push(...more.parts);
          to += more.len;
        }
        const next = toks[to + 1];
        if (next && !/[.;:!?,()]/.test(f.folded.slice(toks[to]!.e, next.s))) {
          // "… y 1/2 libra de alambre", "… y blanco cemento": the attribute of another product.
          const word = resolve(next.t);
          if (isHead(word) || UNITS.has(resolveUnit(next.t)) || /^(?:de|del|of|para|for|x)$/.test(next.t)) return null;
        }
        const said = resolver.parse(attribute.parts.join(' '));
        const kinds = Object.keys(said.phrases);
        if (kinds.length === 0) return null;
        const earlier = resolver.parse(query);
        const base = query.split(' ').filter((w) => resolver.parse(w).content.length > 0 && !ATTRIBUTE_WORD.test(w) && !/^\d/.test(w) && !UNITS.has(w));
        if (base.length === 0) return null;
        const kept = (Object.entries(earlier.phrases) as [string, string][]).filter(([kind]) => !kinds.includes(kind)).map(([, words]) => words);
        // "pintura acrílica y satinada": the new finish replaces the earlier kind word when only the head has it.
        const full = [...base, ...kept, ...attribute.parts].join(' ');
        const headOnly = base.length > 1 && (resolver.search(full, { limit: 1 })[0]?.unmet.length ?? 0) > 0 ? [base[0], ...kept, ...attribute.parts].join(' ') : null;
        return { query: headOnly !== null && resolver.search(headOnly, { limit: 1 })[0]?.unmet.length === 0 ? headOnly : full, ...(quantity !== undefined ? { quantity } : {}), from, to };
      };

      for (let i = 0; i < toks.length; i++) {
        if (used.has(i)) continue;
        const tok = toks[i] as Tok;
        const word = resolve(tok.t);
        if (!isHead(word)) continue;
        // "light blue paint", "paint it light pink": a shade before a colour is the colour's, never the lamp "light".
        const shadeOf = (at: number): boolean => isShadeWord(toks[at]?.t ?? '') && toks[at + 1] !== undefined && resolver.parse(toks[at + 1]!.t).attributes.colours.length > 0;
        if (shadeOf(i)) continue;
        // "can you lock the price?", "could you paint it": an English verb before its object, not a product.
        if (/^(?:can|could|will|would|you|we|i|please|pls)$/.test(toks[i - 1]?.t ?? '') && /^(?:the|my|your|our|it|them|me|us|this|that)$/.test(toks[i + 1]?.t ?? '')) continue;
        // "gracias mi llave", "dale mi llave": Dominican for "buddy" after a courtesy, not a tap.
        if (tok.t === 'llave' && toks[i - 1]?.t === 'mi' && (i === toks.length - 1 || /[,.!;]/.test(f.folded.slice(tok.e, toks[i + 1]!.s))) && /^(?:gracias|dale|ok|okey|tranquilo|saludos|hola|buenas|klk|bien|perfecto|listo|bueno)$/.test(toks[i - 2]?.t ?? '')) continue;
        // "cemento pa pegar blocks", "el tubo para instalar el inodoro": after a product, what a job is done on is its use, not a second product;
        // it says which one when a product carries both words ("pegamento para pegar cerámica").
        const before = mentions.at(-1);
        if (before && (asUse.has(i - 1) || usedFor(toks, i, resolve))) {
          const head = before.query.split(' ')[0] ?? '';
          const entity = entities.findLast((e) => e.type === 'product' && e.value === before.query);
          if (vocab.productWords.some((words) => words.has(head) && words.has(word))) before.query = `${before.query} ${word}`;
          if (entity) entity.value = before.query;
          used.add(i), asUse.add(i); // "to put down floor tiles": the words after it name the same use
          continue;
        }
        // "I work at…", "contact me": a modifier word leads a phrase only before a product word.
        if (vocab.modifiers.has(word)) {
          const next = toks[i + 1] ? resolve(toks[i + 1]!.t) : null;
          if (next === null || UNITS.has(next) || vocab.modifiers.has(next)) continue;
        }
        // Extend left over English-style modifiers ("white paint", "3/8 rebar", "1/2 inch PVC pipe", "8 inch block").
        let first = i;
        const left: string[] = [];
        while (first > 0 && !used.has(first - 1)) {
          const p = toks[first - 1] as Tok;
          if (/^\d+\/\d+$|^\d+x\d+(?:x\d+)?$/.test(p.t) || p.t === '"' || ATTRIBUTE_WORD.test(p.t) || (/^(?:off|bone)$/.test(p.t) && (left[0] ?? toks[first]?.t) === 'white') || (left.length > 0 && shadeOf(first - 1))) left.unshift(p.t); // "3/8 rebar", "a 2x4x10 pino tratado", "off white paint"
          // "2 gallons primer", "1 gallon thinner", "5 galones pintura blanca": plural gallons or pounds of goods sold by them are how many, read below.
          else if ((/^(?:gallons|galones|pounds|libras|lbs)$/.test(p.t) || (/^(?:gallon|galon|pound|libra|lb)$/.test(p.t) && /^(?:1|one|un|una)$/.test(toks[first - 2]?.t ?? ''))) && first >= 2 && /^\d|^(?:one|un|una)$/.test(toks[first - 2]!.t) && soldBy(word, /^ga/.test(p.t) ? 'gal' : 'lib')) break;
          // "a two piece toilet", "2 pole breaker": the English compound says the kind, never how many.
          else if (/^(?:inch|inches|pulgada)$/.test(p.t) && (toks[first - 2]?.t === 'half' || (toks[first - 2]?.t === 'quarter' && !/^(?:three|tres)$/.test(toks[first - 3]?.t ?? ''))) && !used.has(first - 2)) left.unshift(toks[first - 2]!.t === 'half' ? '1/2' : '1/4', p.t), first--; // "half inch pvc pipe", "quarter inch trowel"
          else if ((MEASURE_UNIT.test(p.t) || p.t === 'piece') && first >= 2 && (/^\d/.test(toks[first - 2]!.t) || (/^(?:pol|piece)/.test(p.t) && /^(?:single|double|doble|one|two|three)$/.test(toks[first - 2]!.t)))) {
            left.unshift(toks[first - 2]!.t, p.t);
            first--;
          } else {
            const w = resolve(p.t);
            // "a 2x4x10 treated pine": a word of its own between the sizes and the product still describes it.
            if (!w && first >= 2 && /^[a-z]{4,}$/.test(p.t) && !STOP.has(p.t) && /^\d+x\d+(?:x\d+)?$|^\d+\/\d+$/.test(toks[first - 2]!.t) && !used.has(first - 2)) {
              left.unshift(toks[first - 2]!.t, p.t);
              first -= 2;
              continue;
            }
            // "50 mm brass padlock": a material between a size and the product; the size is the product's.
            if (!w && MATERIAL.test(p.t) && first >= 3 && SIZE_ONLY_UNIT.test(toks[first - 2]!.t) && /^\d/.test(toks[first - 3]!.t) && !used.has(first - 3)) {
              left.unshift(toks[first - 3]!.t, toks[first - 2]!.t);
              first -= 3;
              continue;
            }
            if (!w || UNITS.has(w) || STOP.has(p.t)) break;
            if (isHead(w) && !vocab.pairs.has(`${w} ${word}`)) break;
            left.unshift(w);
          }
          first--;
        }
        const parts = [...left, word];
        let last = i;
        let previous = word;
        for (let j = i + 1; j < toks.length && parts.length < 9; ) {
          const t = toks[j] as Tok;
          const gap = f.folded.slice((toks[j - 1] as Tok).e, t.s);
          if (/[,;:!?()]/.test(gap)) break;
          // "clavos de 3 pulgadas 5 libras", "cemento 10 sacos", "arena 4": how many, read below, not a size.
          if (trailing.at(names, j, namingWords(parts), ends[j])) break;
          // "los candados 2x1": the offer's deal, not a size (the offer tool reads it from the message).
          const deal = dealAt(toks, j);
          if (deal > 0) {
            for (let k = j; k < j + deal; k++) used.add(k);
            j += deal;
            continue;
          }
          const attribute = attributeAt(j);
          if (attribute) {
            parts.push(...attribute.parts);
            last = j + attribute.len - 1;
            j += attribute.len;
            continue;
          }
          // "pa'"/"pal" are how "para"/"para el" are said and typed ("mezcladora pal fregadero"); "del" carries its article too ("la llave del lavamanos").
          const joined = t.t === 'del' && toks[j + 1] ? resolve(toks[j + 1]!.t) : null;
          if (joined !== null && !UNITS.has(joined) && ownedBy(parts, joined)) { parts.push(joined); previous = joined; last = j + 1; j += 2; continue; }
          // "disco de cortar metal de 7", "cinta de medir": a verb after "de" is the product's use; its words go on naming it.
          if (t.t === 'de' && /^[a-z]{3,}(?:ar|er|ir)$/.test(toks[j + 1]?.t ?? '') && resolve(toks[j + 1]!.t) === null && !STOP.has(toks[j + 1]!.t)) { j += 2; continue; }
          if ((t.t === 'de' || t.t === 'of' || t.t === 'para' || t.t === 'pa' || t.t === 'pal' || t.t === 'for' || t.t === 'en' || t.t === 'in') && toks[j + 1]) {
            const next = toks[j + 1] as Tok;
            // "block de 6": a bare number right after "de" is a size unless a product follows it ("de 20 varillas");
            // after "para"/"en", a number with a word of its own counts what it is for ("blocks para 20 casas").
            const size = /^\d+$/.test(next.t) ? next.t : NUMBER_WORDS[next.t] !== undefined && NUMBER_WORDS[next.t]! > 1 ? String(NUMBER_WORDS[next.t]) : null;
            // "tubo de 4 drenaje": a product word after it that names the same product in that inch size goes on naming it.
            const onward = resolve(toks[j + 2]?.t ?? '');
            const sameProduct = isHead(onward) && size !== null && madeInSize([...namingWords(parts), onward], Number(size));
            if (size !== null && (/^(?:de|of)$/.test(t.t) || !/^\p{L}/u.test(toks[j + 2]?.t ?? '')) && !attributeAt(j + 1) && (!isHead(onward) || sameProduct) && !UNITS.has(onward ?? '')) {
              parts.push(size);
              last = j + 1;
              j += 2;
              continue;
            }
            // "a flexible hose for the sink", "la manguera para el lavamanos": the article says nothing when one product carries both.
            const owner = /^(?:the|el|la|los|las)$/.test(next.t) && toks[j + 2] ? resolve(toks[j + 2]!.t) : null;
            if (owner !== null && !UNITS.has(owner) && /^(?:para|pa|for|de|of)$/.test(t.t) && ownedBy(parts, owner)) {
              parts.push(owner);
              previous = owner;
              last = j + 2;
              j += 3;
              continue;
            }
            const nextPack = singular(next.t).find((form) => PACK_UNITS.has(form));
            if (nextPack !== undefined && (t.t === 'de' || t.t === 'en' || t.t === 'in')) {
              // The connector stays: "cable 14 en rollo" is a #14 roll, not 14 rolls.
              parts.push(t.t, nextPack);
              last = j + 1;
              j += 2;
              continue;
            }
            const nextWord = resolve(next.t);
            // "tornillo para techo", "hojas de segueta", "llave de lavamanos": what follows describes this product.
            // "alambre de amarre 5 libras": a count said after the words (not a size) does not stop them.
            const countAfter = /^\d/.test(toks[j + 2]?.t ?? '') && trailing.at(names, j + 2, namingWords([...parts, ...(nextWord ? [nextWord] : [])])) !== null;
            // "llave de paso 3/4", "candado de latón 50 mm", "martillo de uña 16 oz": a size after the words is this product's.
            const sizeAfter = /^\d+\/\d+$/.test(toks[j + 2]?.t ?? '') || (/^\d+(?:[.,]\d+)?$/.test(toks[j + 2]?.t ?? '') && SIZE_ONLY_UNIT.test(toks[j + 3]?.t ?? ''));
            if (attributeAt(j + 1) || (nextWord && !UNITS.has(nextWord) && (!/^\d/.test(toks[j + 2]?.t ?? '') || countAfter || sizeAfter))) {
              j++;
              if (nextWord && isHead(nextWord) && !attributeAt(j)) {
                parts.push(nextWord);
                previous = nextWord;
                last = j;
                j++;
              }
              continue;
            }
            // "tubo de cobre de 1/2": a material the catalog does not carry (said by the tool) leaves the size to the product.
            if (nextWord === null && MATERIAL.test(next.t) && attributeAt(j + 2) === null && /^(?:de|of|en|in)$/.test(toks[j + 2]?.t ?? '') && attributeAt(j + 3)) {
              j += 3;
              continue;
            }
            break;
          }
          // A lone letter inside a name ("block U para dintel") says nothing: step over it.
          if (/^[b-df-hj-np-tv-xz]$|^u$/.test(t.t) && /^(?:de|para)$/.test(toks[j + 1]?.t ?? '')) {
            j++;
            continue;
          }
          // A bare number after the product ("cable 12", "block 6") is its size when nothing product-like follows.
          if (/^\d+$/.test(t.t) && (ends[j] || !isHead(resolve(toks[j + 1]?.t ?? '')) && !UNITS.has(resolve(toks[j + 1]?.t ?? '') ?? '') && !DOZEN.has(toks[j + 1]?.t ?? ''))) {
            parts.push(t.t);
            last = j;
            j++;
            continue;
          }
          // "roofing sheets", "pintura blanca de cubeta": a unit word the product's own name carries, or a pack after "de".
          const unitForm = singular(t.t).find((form) => UNITS.has(form));
          if (unitForm !== undefined) {
            if (vocab.pairs.has(`${previous} ${unitForm}`)) {
              parts.push(unitForm);
              last = j;
              j++;
              continue;
            }
            break;
          }
          const w = resolve(t.t);
          if (!w || UNITS.has(w) || numberOf(t.t) !== null) break;
          // A second product word starts a new product, unless the two name one together ("tubo pvc",
          // "pvc pipe", "pintura impermeabilizante": some product carries both words; "electrical wire": an English modifier, its next word).
          const together = vocab.pairs.has(`${previous} ${w}`) || (last === j - 1 && (vocab.productWords.some((words) => words.has(previous) && words.has(w)) || (parts.length === left.length + 1 && vocab.modifiers.has(previous))));
          if (isHead(w) && GENERIC_PRODUCT_WORDS.has(w) && !together && !/^(?:pvc|block)$/.test(w)) break;
          parts.push(w);
          previous = w;
          last = j;
          j++;
        }
        for (let k = first; k <= last; k++) used.add(k);
        const span = toOriginalSpan(f, toks[first]!.s, toks[last]!.e);
        const compound = last > first && resolve(toks[last]!.t) === parts.at(-1) && resolve(toks[last - 1]!.t) === parts.at(-2); // "sink faucet", not "paint for walls"
        const mention: ProductMention = { query: compound ? headLast(parts.filter((p) => p !== '"')) : parts.filter((p) => p !== '"').join(' '), ...span };
      // Quantity to the left: "10 sacos de", "una docena de", "2", "five gallons of".
        let q = first - 1;
        // "#12 wire", "100 feet of #12 wire", "30 pies de #12 de cable": a number after "#" is the gauge; a count may come before it.
        if (ofAfterGauge(toks, q, f.folded, numberOf)) used.add(q--);
        if (q >= 0 && numberOf(toks[q]!.t) !== null && /#\s*$/.test(f.folded.slice(0, toks[q]!.s))) (mention.query = `${mention.query} #${toks[q]!.t}`), used.add(q--), toks[q]?.t === '#' && used.add(q--);
        q -= countJoinAt(toks, q, numberOf); // "10 x tubo": a pasted list's count; "2 gallons of the primer"
        let unitSeen = false;
        let multiplier = 1;
        if (pairAt(toks, q) && !soldBy(word, 'par')) (multiplier = 2), (unitSeen = true), q--; // "un par de candados": two, unless sold by the pair
        if (q >= 0 && (UNITS.has(resolveUnit(toks[q]!.t)) || DOZEN.has(toks[q]!.t.replace(/s$/, '')))) {
          if (DOZEN.has(toks[q]!.t.replace(/s$/, ''))) multiplier = 12;
          // "un galón de pintura" is not a cubeta: the pack stays in the query for the resolver.
          if (PACK_UNITS.has(resolveUnit(toks[q]!.t)) || (toks[q + 1]?.t === 'de' && vocab.unitNames.has(`${resolveUnit(toks[q]!.t)} ${mention.query.split(' ')[0]}`))) mention.query = boxedApart(resolveUnit(toks[q]!.t), mention.query) ? `${mention.query} en ${resolveUnit(toks[q]!.t)}` : `${resolveUnit(toks[q]!.t)} ${mention.query}`;
          unitSeen = true;
          q--;
        }
        if (unitSeen && multiplier === 1 && q >= 0 && DOZEN.has(toks[q]!.t.replace(/s$/, ''))) (multiplier = 12), q--; // "a dozen bags of cement"
        const sized = unitSeen ? null : sizeBeforeAt(toks, q); if (sized) (mention.query = `${mention.query} ${sized.size}`), used.add(q).add(q - 1).add(q - 2), (q = sized.q); // "4 x 8 plywood": its size, not 8
        let n = q >= 0 && !used.has(q) ? (numberOf(toks[q]!.t) ?? (unitSeen && /^\d+[.,]\d+$/.test(toks[q]!.t) ? Number(toks[q]!.t.replace(',', '.')) : null)) : null; // "2,5 metros"
        const buckets = unitSeen && n === null ? bucketCountAt(toks, q, numberOf) : null; // "3 five-gallon buckets"
        if (buckets !== null) (n = numberOf(toks[buckets]!.t)), used.add(q - 1), used.add(q), (q = buckets);
        // "la cubeta de 5 galones de pintura", "2 cubos de 5 galones de": the gallons are the bucket's size; the bucket is what is counted.
        const sizedPack = unitSeen && n !== null && multiplier === 1 && q >= 2 && toks[q - 1]!.t === 'de' ? resolveUnit(toks[q - 2]!.t) : '';
        if (BUCKETS.has(sizedPack)) {
          const size = toks[q + 1]!.t;
          mention.query = `${sizedPack} ${mention.query.split(' ').filter((w) => w !== resolveUnit(size)).join(' ')}`;
          for (let k = q - 2; k < first; k++) used.add(k);
          q -= 3;
          n = q >= 0 && !used.has(q) ? numberOf(toks[q]!.t) : null;
        }
        // "3 five-gallon buckets of paint": the gallons before the bucket are its size; the count, if any, is before them.
        if (unitSeen && n === null && q >= 1 && BUCKETS.has(resolveUnit(toks[q + 1]!.t)) && GALLONS.test(toks[q]!.t) && numberOf(toks[q - 1]!.t) !== null) used.add(q).add(q - 1), (q -= 2), (n = q >= 0 && !used.has(q) ? numberOf(toks[q]!.t) : null);
        if (q >= 1 && multiplier === 12 && toks[q]!.t === 'a' && toks[q - 1]!.t === 'half') q--; // "half a dozen"
        const half = q >= 0 && /^(?:media|half)$/.test(toks[q]!.t) && multiplier === 12;
        if ((n !== null || half || (multiplier > 1 && q >= -1)) && !(q >= 0 && /\/$/.test(f.folded.slice(0, toks[q]!.s)))) {
          const startTok = n !== null || half ? q : q + 1;
          const qty = half ? 6 : (n ?? 1) * multiplier;
          // "how much is the 4 pipe?", "a 6 block": a number between an article and one product made in that inch size is its size (as "el tubo de 4"); "the 4 pipes", "4 pipes" count.
          const article = q >= 1 && /^(?:the|a|an|this|that|el|la|ese|esa|este|esta)$/.test(toks[q - 1]!.t);
          const sized = !unitSeen && article && n !== null && /^\d+$/.test(toks[q]!.t) && first === q + 1 && singular(toks[first]!.t).length === 1 && (madeInSize(parts.filter((w) => !/\d|"/.test(w)), n) || lacksSize(parts.filter((w) => !/\d|"/.test(w)), n));
          if (sized) mention.query = `${mention.query} ${n}"`;
          // "un cemento" is too weak a quantity; a unit or a digit makes it real.
          else if (unitSeen || (n !== null && /^\d+$/.test(toks[q]!.t)) || (n !== null && n > 1)) {
            mention.quantity = qty;
            const qEnd = unitSeen ? toks[first - 1 - (toks[first - 1]?.t === 'de' || toks[first - 1]?.t === 'of' ? 1 : 0)]!.e : toks[startTok]!.e;
            const qSpan = toOriginalSpan(f, toks[startTok]!.s, qEnd);
            entities.push({ type: 'quantity', value: String(qty), ...qSpan });
            for (let k = startTok; k < first; k++) used.add(k);
          }
        }
        let end = last;
        // How many, said after the product ("clavos de 3 pulgadas, 5 libras"), when not before it.
        const after = toks[last + 1];
        const counted = mention.quantity === undefined && after && /^[\s,]*$/.test(f.folded.slice(toks[last]!.e, after.s)) ? trailing.at(names, last + 1, namingWords(parts), ends[last + 1]) : null;
        if (counted) {
          mention.quantity = counted.quantity;
          if (counted.pack !== undefined && !mention.query.split(' ').includes(counted.pack)) mention.query = `${counted.pack} ${mention.query}`;
          const unitAt = (counted.bare ? last + 1 : last + 2) + (counted.skip ?? 0);
          entities.push({ type: 'quantity', value: String(counted.quantity), ...toOriginalSpan(f, after!.s, toks[unitAt]!.e) });
          used.add(last + 1);
          used.add(unitAt);
          end = unitAt;
        }
        mentions.push(mention);
        entities.push({ type: 'product', value: mention.query, start: mention.start, end: mention.end });
        // "varilla de 1/2 y de 3/8", "el cemento gris y el blanco", "2 sacos de gris y 3 de blanco":
        // the same product again with another size or colour, its words left unsaid. "white and blue paint", "the 1/2 and 3/4 pvc pipe": the English order says the first one's attribute before "and".
        const joint = toks[first - 1];
        if (left.length > 0 && joint && /^(?:and|or|y|o)$/.test(joint.t) && !used.has(first - 2) && first >= 2) {
          const before = toks[first - 2]!;
          if (ATTRIBUTE_WORD.test(before.t) || /^\d+\/\d+$/.test(before.t)) {
            const own = mention.query.split(' ').filter((w) => !left.includes(w));
            const earlier: ProductMention = { query: [before.t, ...own].join(' '), ...toOriginalSpan(f, before.s, before.e) };
            mentions.splice(mentions.length - 1, 0, earlier);
            entities.push({ type: 'product', value: earlier.query, start: earlier.start, end: earlier.end });
            used.add(first - 2);
            used.add(first - 1);
          }
        }
        for (let other = elidedAfter(end, mention.query); other !== null; other = elidedAfter(end, mention.query)) {
          const span = toOriginalSpan(f, toks[other.from]!.s, toks[other.to]!.e);
          const again: ProductMention = { query: other.query, ...span, ...(other.quantity !== undefined ? { quantity: other.quantity } : {}) };
          if (other.quantity !== undefined) entities.push({ type: 'quantity', value: String(other.quantity), ...toOriginalSpan(f, toks[other.from]!.s, toks[other.from]!.e) });
          mentions.push(again);
          entities.push({ type: 'product', value: again.query, start: again.start, end: again.end });
          for (let k = end + 1; k <= other.to; k++) used.add(k);
          end = other.to;
        }
      }

      // Quantities without a product phrase: "dame 2 sacos", "five gallons".
      for (let i = 0; i < toks.length - 1; i++) {
        if (used.has(i) || used.has(i + 1)) continue;
        const n = numberOf(toks[i]!.t);
        const unit = resolveUnit(toks[i + 1]!.t);
        if (n === null || (!UNITS.has(unit) && !DOZEN.has(unit))) continue;
        if (!/^\d+$/.test(toks[i]!.t) && n === 1 && !DOZEN.has(unit)) continue;
        const qty = DOZEN.has(unit) ? n * 12 : n;
        entities.push({ type: 'quantity', value: String(qty), ...toOriginalSpan(f, toks[i]!.s, toks[i + 1]!.e) });
        used.add(i);
        used.add(i + 1);
      }
      entities.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
      return { mentions, entities };
    },
  };
}
