/**
 * Word-level normalisation shared by everything that reads product words: the catalog index, the
 * attribute parser and the rule brain's product extraction. One definition, so a customer's word
 * means the same thing to the brain and to the tool that answers.
 */
import { foldAccents } from '../../kernel/fold.js';

/** Lower-case, accent-free (the kernel's one fold). */
export const fold = foldAccents;

/** Spanish gender folding: "blanca" and "blanco" are the same colour to a customer. */
function genderless(word: string): string {
  return word.length >= 5 && /[ao]$/.test(word) ? word.slice(0, -1) : word;
}

/** Spanish/English plural and gender folding; applied to the catalog and the query alike, so consistency beats accuracy. */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  // An English adjective in "-ical" is the Spanish one in "-ico": "electrical" and "eléctrico" are one word.
  if (word.length >= 8 && word.endsWith('ical')) return word.slice(0, -2);
  if (word.endsWith('ces') && word.length > 4) return `${word.slice(0, -3)}z`;
  if (/[rlndj]es$/.test(word) && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return genderless(word.slice(0, -1));
  return genderless(word);
}

/**
 * A rough Spanish sound key, so "varriya" meets "varilla", "sement" meets "cement", "asul" meets "azul".
 *
 * Fourteen rewrites in a fixed order. Each runs only when the word, as the rewrites before left it,
 * holds the letters every one of its matches needs, and the literal ones as string replaces:
 * fourteen pattern replaces on every call made soundKey the catalog's dearest text step, about 47
 * replaces on a never-seen message (issue 16, session 34). The same key for every word:
 * `test/unit/perf/catalog-text-prechecks.test.ts` compares it with the chain of replaces.
 */
export function soundKey(word: string): string {
  let s = word;
  if (s.includes('c')) {
    s = s.replaceAll('ck', 'k');
    if (s.includes('qu')) s = s.replaceAll('qu', 'k');
    s = s.replace(/c([ei])/g, 's$1').replaceAll('ch', '§').replaceAll('c', 'k');
  } else if (s.includes('qu')) s = s.replaceAll('qu', 'k');
  if (s.includes('§')) s = s.replaceAll('§', 'ch');
  if (s.includes('g')) s = s.replace(/g([ei])/g, 'j$1');
  if (s.includes('z')) s = s.replaceAll('z', 's');
  if (s.includes('v')) s = s.replaceAll('v', 'b');
  if (s.includes('ll')) s = s.replaceAll('ll', 'y');
  if (s.includes('ph')) s = s.replaceAll('ph', 'f');
  if (s.includes('h')) s = s.replace(/(^|[^c])h/g, '$1');
  if (s.endsWith('y')) s = `${s.slice(0, -1)}i`;
  return hasLetterTwice(s) ? s.replace(/(.)\1+/g, '$1') : s;
}

/** True when two neighbouring characters are the same: what `/(.)\1+/` needs to match at all. */
function hasLetterTwice(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - 1)) return true;
  return false;
}

/**
 * A word table without a prototype: a customer's word is looked up as a key, and "constructor" or
 * "toString" must find nothing rather than `Object`'s own members.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Number words a customer types for a quantity or a size. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = lookupTable({
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, veinte: 20, veinticinco: 25, treinta: 30,
  cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100, ciento: 100,
  doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, quinientos: 500, quinientas: 500, mil: 1000,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, sixteen: 16, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
});

/** Words that say nothing about which product is meant (Spanish and English), already stemmed. */
export const FILLER: ReadonlySet<string> = new Set(
  [
    'a', 'al', 'algo', 'algun', 'alguna', 'alguno', 'buen', 'buena', 'buenas', 'buenos', 'busco', 'buscando', 'como', 'con',
    'cotizacion', 'cotizar', 'cotizame', 'cual', 'cuanto', 'cuanta', 'cuesta', 'cuestan', 'da', 'dame', 'de', 'del', 'dia', 'dias',
    'dime', 'disponible', 'disponibles', 'el', 'ella', 'en', 'es', 'esa', 'ese', 'eso', 'esta', 'este', 'esto', 'favor', 'hay',
    'hola', 'la', 'las', 'le', 'les', 'lo', 'los', 'mas', 'me', 'mi', 'necesito', 'necesitaria', 'o', 'para', 'pero', 'por',
    'porfa', 'precio', 'precios', 'puede', 'puedo', 'que', 'q', 'k', 'queria', 'quiero', 'quisiera', 'sale', 'salen', 'saber',
    'se', 'si', 'su', 'tambien', 'tarde', 'tardes', 'te', 'tendran', 'tiene', 'tienen', 'tienes', 'todavia', 'tu', 'u', 'un',
    'una', 'unas', 'uno', 'unos', 'usted', 'ustedes', 'vale', 'valen', 'venden', 'vende', 'vendes', 'y', 'ya', 'hacer', 'info',
    'informacion', 'necesitamos', 'queremos', 'existencia', 'stock', 'inventario', 'presupuesto', 'compro', 'comprar', 'llevo',
    'llevar', 'ocupo', 'tan', 'ta', 'cuantos', 'cuantas', 'sera', 'seria', 'serian', 'ahi', 'aqui', 'alla', 'mismo', 'misma', 'otro',
    'otra', 'entonces', 'ok', 'okey', 'bueno', 'pues', 'digame', 'dimelo', 'favor', 'xfa', 'pls', 'ando', 'tiene',
    // "2x4 de 10 pies de largo", "12 feet long": how long a board is, said with its length, names no product.
    'largo', 'larga', 'long',
    'an', 'and', 'any', 'are', 'available', 'buy', 'can', 'cost', 'costs', 'do', 'does', 'for', 'get', 'have', 'has', 'hello',
    'hi', 'how', 'i', 'in', 'is', 'it', 'looking', 'many', 'much', 'my', 'need', 'of', 'please', 'price', 'prices', 'quote',
    'sell', 'some', 'the', 'there', 'to', 'want', 'we', 'what', 'whats', 's', 'which', 'with', 'you', 'your', 'them', 'those',
    'these', 'one', 'ones', 'about', 'give', 'gimme', 'if', 'would', 'be', 'like', 'll', 'take', 'got', 'stock', 'that', 'this', 'than', 'then',
    // Ordering itself ("quiero hacer un pedido para recoger", "I'd like to place an order") names no product.
    'pedido', 'pedidos', 'pedir', 'orden', 'ordenar', 'encargar', 'encargo', 'recoger', 'order', 'place',
    // "how much for both?": the two on the counter, never a typo of "boots".
    'both', 'ambos', 'ambas', 'each',
  ].map((w) => stem(w)),
);

/**
 * Everyday Spanish and English words that sit one typo or one sound from a product word ("rebaja" /
 * rebar, "escribo" / estribo, "thanks" / tank, "correo" / corte, "cantidades" / candado, "puerto" /
 * puerta, "calle" / cable): as customers write them they are themselves, never a misspelt product.
 * A word the catalog itself has is still that product; real product typos ("varriya", "sement",
 * "cemnt", "barilla") are not here. Folded, as written (the caller also tries it without a plural).
 */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set([
  // Prices, offers, quantities.
  'rebaja', 'rebajas', 'rebajan', 'rebajar', 'rebajo', 'rebaje', 'rebajita', 'cantidad', 'cantidades', 'granel', 'varias', 'varios',
  'total', 'totales', 'pasado', 'pasada', 'pasados', 'pasadas', 'pasar', 'pasan', 'paso',
  // Writing, contacting, sending.
  'escribo', 'escribe', 'escriben', 'escribi', 'escribio', 'escribimos', 'escriba', 'escribir', 'escribiendo', 'escrito', 'correo',
  'correos', 'contacte', 'contacten', 'contactar', 'contactara', 'contactarme', 'contactenme', 'contactame', 'mandar', 'mandan', 'mande',
  'manden', 'mando', 'mandas', 'tratar', 'trato', 'trata', 'trabajamos', 'trabajando', 'trabaje',
  // Opening and closing, places, people.
  'cierro', 'cierra', 'cierran', 'cierre', 'cerrar', 'cerrado', 'cerrada', 'cerrados', 'cerradas', 'centro', 'centros', 'barrio', 'barrios',
  'calle', 'calles', 'puerto', 'puertos', 'puesto', 'puestos', 'taller', 'talleres', 'madre', 'madres', 'casado', 'casada',
  'cansado', 'cansada', 'angela', 'angeles', 'pamela', 'pancho', 'caballo', 'caballos', 'caballero', 'caballeros', 'domino',
  // Other everyday words.
  'siento', 'sientes', 'sienta', 'seguro', 'seguros', 'segura', 'seguras', 'ingreso', 'ingresos', 'cuarto', 'cuartos', 'calido',
  'calida', 'cinco', 'electronico', 'electronica', 'corta', 'cortas', 'corto', 'cortos', 'caso', 'casos', 'lento', 'lenta', 'grave',
  'papel', 'papeles', 'paper', 'papers', 'panal', 'panales',
  // English.
  'thank', 'thanks', 'thankyou', 'contract', 'contracts', 'look', 'looks', 'looking', 'posting', 'showed', 'washed', 'scheduled',
  'brass', 'electrician', 'electricians', 'point', 'points', 'print', 'value', 'values', 'group', 'groups',
  // "a couple of pairs" is two, never the PVC coupling ("cople").
  'couple', 'couples',
]);

/** Optimal string alignment distance (a swapped pair of letters is one typo), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return Math.min((rows[a.length] as number[])[b.length] as number, max + 1);
}

/** Words of a folded text: letters, or digits with fractions, decimals and inch/foot marks. */
export function words(folded: string): string[] {
  return folded.match(/[a-z]+|\d+(?:[.,]\d+)?(?:\/\d+)?/g) ?? [];
}

/**
 * One word written as two ("sand paper", "screw driver"): joined where the catalog knows the joined
 * word and not one of the halves, so "sand paper" is the sandpaper, never sand with an unknown paper.
 *
 * @example
 * joinSplitWords(['sand', 'paper'], (w) => ['sand', 'sandpaper'].includes(w)); // ['sandpaper']
 */
export function joinSplitWords(content: readonly string[], isKnown: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < content.length; i++) {
    const a = content[i] as string;
    const b = content[i + 1];
    if (b !== undefined && (!isKnown(a) || !isKnown(b)) && isKnown(a + b)) {
      out.push(a + b);
      i++;
    } else out.push(a);
  }
  return out;
}
