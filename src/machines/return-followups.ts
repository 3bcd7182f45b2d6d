/**
 * A short answer right after the returns policy was given, telling the condition of the purchase:
 * "tengo la factura", "no están cortados, están completos" (it qualifies), or "la mandaron a
 * preparar", "ya los corté" (it does not). A clerk answers on that: "then yes, bring it…" or "sorry,
 * that one can't be returned" — never "¿qué necesitas?" nor a complaint about "preparar".
 */
import { foldAccents } from '../kernel/fold.js';
import { reportsTrouble } from './product-focus.js';

/** The question answered was about returns or exchanges (the answer the follow-up is about). */
const ABOUT_RETURNS = /\b(?:devol\w*|debolv\w*|devuelv\w*|cambi(?:ar|arl[oa]s?|o|os|en|an)|regresar\w*|reembols\w*|equivoque|equivocamos|confundi|confundimos|returns?|refunds?|exchange\w*|wrong (?:size|colou?r|one))\b/;

/** The purchase qualifies: the receipt, unused, complete, not cut or mixed. */
const QUALIFIES =
  /\b(?:tengo (?:la|el|mi|su) (?:factura|recibo|comprobante)|(?:con|tengo) (?:la|su) factura|la factura la tengo|no (?:(?:lo|la|los|las) )?(?:(?:estan?|fueron|fue|he|e|hemos|emos) )?(?:cortad|usad|abiert|preparad|entintad|mezclad)\w*|no (?:lo|la|los|las) (?:use|usamos|abri|abrimos|corte|cortamos)|sin (?:usar|abrir|cortar|estrenar)|(?:estan?|vienen?|todo) complet[oa]s?|complet[oa]s|en su (?:caja|empaque|funda)|sellad[oa]s?|nuevecit[oa]s?|i (?:have|got|kept) the receipt|(?:not|never) (?:been )?(?:cut|used|opened|mixed)|unused|unopened|still sealed|in (?:the|its) (?:box|package|packaging))\b/g;

/** The purchase does not: mixed or tinted to order, cut to size, used, bulk material. */
const EXCLUDED =
  /\b(?:(?:la|lo|los|las) (?:mandaron|mande|mandamos|mandé|hicieron|pedi|pedimos) a (?:preparar|mezclar|entintar|cortar)|preparad[oa]s?|entintad[oa]s?|(?:estan?|fueron|fue) cortad[oa]s?|(?:ya )?(?:me )?(?:lo|la|los|las) (?:cortaron|corte|cortamos|use|usamos|abri|abrimos)|(?:que )?(?:me |nos )(?:la |lo |las |los )?(?:entintaron|prepararon|mezclaron|cortaron)|cortad[oa]s? a (?:la )?medida|(?:was|were|it s|they re|it was|they were) (?:mixed|tinted|cut|used|opened)|(?:i|we) (?:used|opened|cut) (?:it|them)|(?:you|they) (?:mixed|tinted))\b/;

/** A change of mind, the reason told: nothing wrong with it ("no me gustó", "ya no lo necesito", "I changed my mind"). */
const CHANGED_MIND =
  /\b(?:no me (?:gusto|gusta|convencio|convence|sirvio para lo que)|ya no (?:lo|la|los|las) (?:necesito|ocupo|quiero|voy a usar)|no (?:lo|la|los|las) (?:necesito|ocupo|voy a usar)|(?:cambie|cambiamos) de (?:idea|opinion|parecer)|me arrepenti|no era (?:lo que|el que|la que)|compre (?:otro|otra|de mas|demas)|me sobr(?:o|aron)|(?:i|we) changed (?:my|our) mind|(?:didn t|did not|don t|do not) (?:like|need|want) (?:it|them)(?: anymore)?|no longer need|not what (?:i|we) (?:needed|wanted|was looking for)|bought (?:too many|one too many|an extra))\b/;

/**
 * The receipt is missing: "no tengo la factura", "se me perdió el recibo", "la boté", "sin factura",
 * "I lost the receipt", "I don't have the receipt". Read before `QUALIFIES`, which "tengo la factura"
 * inside "no tengo la factura" would otherwise satisfy.
 */
const NO_RECEIPT =
  /\b(?:(?:no|ya no|nunca) (?:(?:la|lo|le) )?(?:tengo|tenemos|encuentro|encontramos|encontre|consigo|hallo|aparece|guarde|guardamos|me (?:la |lo )?(?:dieron|entregaron)|nos (?:la |lo )?dieron)(?: (?:la|el|mi|su|una|un|ninguna))? ?(?:factura|recibo|comprobante|ticket|papel)|(?:perdi|bote|extravie|se me (?:perdio|extravio|mojo|rompio)|botamos|perdimos)(?: (?:la|el|mi|su))? (?:factura|recibo|comprobante|ticket)|(?:la|el) (?:factura|recibo) (?:se me (?:perdio|extravio|mojo)|la perdi|lo perdi|no (?:la|lo) (?:tengo|encuentro))|sin (?:la |el |mi )?(?:factura|recibo|comprobante)|(?:don t|do not|didn t|did not|no longer) (?:have|keep|get|find) (?:the|my|a|any) (?:receipt|invoice)|(?:lost|threw away|can t find|cannot find) (?:the|my) (?:receipt|invoice)|no (?:receipt|invoice)|without (?:the |a |my )?(?:receipt|invoice))\b/;

/** How many words a condition told alone has at most ("no están cortados, están completos y tengo la factura"). */
const MAX_WORDS = 14;

/** Whether the question just answered was about returns (kept with the answer's focus). */
export function asksAboutReturns(text: string): boolean {
  return ABOUT_RETURNS.test(foldAccents(text));
}

/**
 * What the condition told says of the return: `eligible`, `excluded`, or null (not a condition).
 *
 * @example
 * returnCondition('no estan cortados, estan completos'); // 'eligible'
 * returnCondition('la mandaron a preparar'); // 'excluded'
 * returnCondition('no tengo la factura'); // 'no_receipt'
 * returnCondition('a que hora abren?'); // null
 */
export function returnCondition(text: string): 'eligible' | 'excluded' | 'changed' | 'no_receipt' | 'dated' | null {
  const f = foldAccents(text).replace(/[¿?¡!.,;:']+/g, ' ').replace(/\s+/g, ' ').trim();
  if (f === '' || f.split(' ').length > MAX_WORDS) return null;
  // "no tengo la factura": the policy asks for it, so what else is told waits on it (made to order still is no).
  if (NO_RECEIPT.test(f)) return EXCLUDED.test(f) || returnsBulkGoods(f) ? 'excluded' : 'no_receipt';
  const qualifies = f.match(QUALIFIES) !== null;
  // "y unos sacos de cemento sin abrir?": bulk goods are never taken back, however unopened.
  if (EXCLUDED.test(f.replace(QUALIFIES, ' ')) || (qualifies && returnsBulkGoods(f))) return 'excluded';
  if (qualifies) return 'eligible';
  // "no me gustó": a change of mind, which the policy takes (unused, with the receipt, in time).
  if (CHANGED_MIND.test(f) && !reportsTrouble(f)) return 'changed';
  // "lo compré hace una semana": when it was bought, nothing else told (the window is the tenant's).
  return purchaseAge(f) !== null ? 'dated' : null;
}

const AGE_NUMBERS: Record<string, number> = { un: 1, una: 1, uno: 1, a: 1, an: 1, one: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6, siete: 7, seven: 7, ocho: 8, eight: 8, diez: 10, ten: 10, quince: 15, fifteen: 15, veinte: 20, twenty: 20 };
const UNIT_DAYS = (unit: string): number => (/^(?:dia|day)/.test(unit) ? 1 : /^(?:semana|week)/.test(unit) ? 7 : /^(?:mes|month)/.test(unit) ? 30 : 365);
/** "hace una semana", "hace 3 dias", "hace como 2 meses", "3 days ago", "a week ago". */
const AGO_ES = /\bhace (?:como |unos |unas |mas de |menos de |casi |ya )?(\d{1,3}|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|veinte)? ?(dias?|semanas?|mes(?:es)?|anos?)\b/;
const AGO_EN = /\b(?:about |over |almost )?(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|ten|fifteen|twenty) (days?|weeks?|months?|years?) ago\b/;
/** "ayer", "antier", "la semana pasada", "el mes pasado", "yesterday", "last week", "last month". */
const NAMED_AGO: [RegExp, number][] = [
  [/\b(?:ayer|antier|anteayer|antes de ayer|yesterday|hoy|esta manana|today|this morning)\b/, 1],
  [/\b(?:(?:la|esta) semana(?: pasada)?|last week|this week)\b/, 7],
  [/\b(?:el mes pasado|last month)\b/, 30],
  [/\b(?:el ano pasado|last year)\b/, 365],
];

/**
 * How many days ago the purchase was, as told ("lo compré hace una semana" → 7, "ayer" → 1,
 * "last month" → 30), or null when no time of purchase is told. Read on folded, lower-case text.
 */
export function purchaseAge(text: string): number | null {
  const f = foldAccents(text).replace(/[¿?¡!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
  const m = AGO_ES.exec(f) ?? AGO_EN.exec(f);
  if (m) {
    const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? Number(m[1]) : (AGE_NUMBERS[m[1]] ?? 1);
    return n * UNIT_DAYS(m[2]!);
  }
  for (const [pattern, days] of NAMED_AGO) if (pattern.test(f)) return days;
  return null;
}

/**
 * The purchase told fit to go back and nothing wrong with it, right after the returns policy ("no lo
 * he usado, tengo la factura"), or the receipt told missing ("I lost the receipt"): the policy's
 * answer, even where the classifier leans to a complaint ("tengo la factura pero no prende" tells
 * trouble: the complaint stands).
 */
export function tellsEligibleReturn(focus: { returns?: true; turn: number } | null | undefined, turn: number, text: string): boolean {
  const told = returnCondition(text);
  // "I lost the receipt": the loss is the receipt's, not trouble with the goods.
  const rest = told === 'no_receipt' ? foldAccents(text).replace(/[¿?¡!.,;:']+/g, ' ').replace(NO_RECEIPT, ' ') : text;
  return !!focus?.returns && turn - focus.turn === 1 && (told === 'eligible' || told === 'changed' || told === 'no_receipt') && !reportsTrouble(rest);
}

/** Goods the policy never takes back, named in the return asked about: cement (not the contact or PVC cement, a glue), sand, gravel, bulk material. */
const BULK = /\b(?:cemento(?! (?:de contacto|pvc|solvente|para pvc))|arena|grava|gravilla|cascajo|caliche|material(?:es)? a granel|cement(?! (?:glue|for pvc))|sand|gravel)\b/;

/** The return asked about is of cement, sand or other bulk material: no condition told next makes it eligible. */
export function returnsBulkGoods(text: string): boolean {
  return BULK.test(foldAccents(text));
}

/**
 * The return asked about is of goods made to order, which the policy never takes back ("una pintura
 * que me entintaron", "una varilla que me cortaron a la medida"); "no la usé" is no such thing.
 * Bulk material is not this: its answer is the policy, which names it.
 */
export function returnsMadeToOrder(text: string): boolean {
  return EXCLUDED.test(foldAccents(text.toLowerCase()).replace(QUALIFIES, ' '));
}
