import { foldAccents } from '../kernel/fold.js';

/** One count the need names, as the customer wrote it: `{ quantity: 300, item: 'bags of cement' }`. */
export interface LeadQuantity {
  quantity: number;
  item: string;
}

/** Words that join a count to its goods ("bags *of* cement", "fundas *de* cemento"). */
const JOIN = new Set(['de', 'del', 'of']);
/** Words after which the goods end ("…cemento *y* 40 varillas", "…rebar *for* next week"). */
const STOP = new Set(['y', 'e', 'and', 'para', 'pa', 'por', 'for', 'con', 'with', 'a', 'al', 'en', 'to', 'in', 'at', 'que', 'that', 'the', 'el', 'la', 'los', 'las', 'mas', 'plus', 'o', 'or', 'mi', 'mis', 'my', 'su', 'your', 'email', 'correo', 'e-mail', 'before', 'after', 'by', 'antes', 'despues', 'durante', 'during']);
/** Spelled counts a customer writes for goods. */
const SPELLED: Record<string, number> = { dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, veinte: 20, cien: 100, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20, hundred: 100 };
/** A count that is no quantity of goods: a time, a size, money. */
const NOT_GOODS = /^(?:dias?|days?|semanas?|weeks?|meses|months?|anos|years?|horas?|hours?|am|pm|pesos?|rd|usd|dolares|dollars?|%|por|x)$/;

/**
 * The counts a lead's need names, for the salesperson ("300 bags of cement and rebar for next
 * week" → 300 bags of cement; "200 fundas de cemento y 40 varillas" → both). At most three words of
 * goods after each count; a count of days, weeks or money is not one.
 */
export function quantitiesIn(need: string | null | undefined): LeadQuantity[] {
  if (!need) return [];
  // A line's particulars in brackets ("(saco 42.5 kg)", "(20 pies)") are no count of their own.
  const raw = need.replace(/\([^)]*\)/g, ' ').split(/\s+/);
  // "son 20 aulas, hay que pintar…", "un techo de 60 metros, necesito zinc": the clause ends the goods ("aulas", not "aulas hay").
  const words: string[] = [];
  const endsClause: boolean[] = [];
  for (const w of raw) {
    const bare = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}"']+$/gu, '');
    // "(saco 42.5 kg), 150 x …": the comma left alone after the brackets ends the word before it.
    if (bare === '') {
      if (endsClause.length > 0 && /[,;:.!?]/.test(w)) endsClause[endsClause.length - 1] = true;
      continue;
    }
    words.push(bare);
    endsClause.push(/[,;:.!?]["')]*$/.test(w));
  }
  const out: LeadQuantity[] = [];
  // The last word a line took as its size ("tubos de 4 pulgadas": the 4 is no count of its own).
  let sizeTo = -1;
  for (let i = 0; i < words.length; i++) {
    if (i <= sizeTo) continue;
    const raw = foldAccents(words[i]!.toLowerCase());
    let quantity = /^\d{1,6}(?:[.,]\d{3})*$/.test(raw) ? Number(raw.replace(/[.,]/g, '')) : SPELLED[raw];
    if (quantity === undefined || quantity <= 0) continue;
    // "12 mil blocks", "2 thousand bags": the thousands said in words.
    const thousands = i + 1 < words.length && /^(?:mil|thousand|k)$/.test(foldAccents(words[i + 1]!.toLowerCase()));
    if (thousands) quantity *= 1000;
    const item: string[] = [];
    let most = 4;
    for (let j = i + 1 + (thousands ? 1 : 0); j < words.length && item.length < most; j++) {
      const w = foldAccents(words[j]!.toLowerCase());
      // "400 varillas de 3/8", "blocks de 6", "tubos de 4 pulgadas": the size is part of the goods.
      if (JOIN.has(w) && item.length > 0 && j + 1 < words.length && sizeAt(words, j + 1, item)) {
        const inches = j + 2 < words.length && INCH_WORD.test(foldAccents(words[j + 2]!.toLowerCase()));
        item.push(words[j]!, words[j + 1]!, ...(inches ? [words[j + 2]!] : []));
        sizeTo = j + (inches ? 2 : 1);
        break;
      }
      // "40 x Cemento Gris …" (a line priced written as the need): the "x" joins the count to the product's name, a longer one; "10 x 20" stays a size.
      if (item.length === 0 && (w === 'x' || w === '×') && j + 1 < words.length && !/^\d/.test(words[j + 1]!)) {
        most = 6;
        continue;
      }
      if (item.length === 0 && NOT_GOODS.test(w)) break;
      if (STOP.has(w) || /^\d/.test(w)) break;
      if (JOIN.has(w) && (item.length === 0 || j + 1 >= words.length)) break;
      item.push(words[j]!);
      if (endsClause[j]) break;
    }
    while (item.length > 0 && JOIN.has(foldAccents(item[item.length - 1]!.toLowerCase()))) item.pop();
    if (item.length === 0) continue;
    const line = { quantity, item: item.join(' ') };
    // "una obra de 6 casas…. Son 6 casas de una planta": the same count told again, more fully, is one line.
    const same = out.findIndex((o) => o.quantity === quantity && (line.item.startsWith(o.item) || o.item.startsWith(line.item)));
    if (same >= 0) {
      if (line.item.length > out[same]!.item.length) out[same] = line;
      continue;
    }
    out.push(line);
    if (out.length === 10) break;
  }
  return out;
}

/** "pulgadas", "inches", "in": the unit of a size after its number. */
const INCH_WORD = /^(?:pulgadas?|pulg|inch(?:es)?|in|mm|cm)$/;
/** Goods whose size is a bare number ("blocks de 6": the 6-inch block). */
const SIZED_BY_NUMBER = /^(?:blocks?|bloques?|blocs?)$/;

/** Whether the word at `at` is the size of the goods in `item`: a fraction, inches, or a block's number. */
function sizeAt(words: readonly string[], at: number, item: readonly string[]): boolean {
  const w = words[at]!;
  if (/^\d+\/\d+["”]?$|^\d+(?:\.\d+)?["”]$/.test(w)) return true;
  if (!/^\d{1,2}$/.test(w)) return false;
  const next = at + 1 < words.length ? foldAccents(words[at + 1]!.toLowerCase()) : '';
  return INCH_WORD.test(next) || SIZED_BY_NUMBER.test(foldAccents(item[item.length - 1]!.toLowerCase()));
}
