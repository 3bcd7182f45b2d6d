/**
 * A side question while the bot waits for the account number or the holder's identifier: "¿para
 * qué lo necesitan?" (why it is asked), "¿y cuándo vence?" (the data it unlocks) or "soy José
 * Castillo" (a name instead of the number). A clerk answers it and asks again, once; repeating the request, or reading "para qué" as another topic, is not.
 */
import { foldAccents } from '../kernel/fold.js';

const fold = foldAccents;

/** Why the number or the identifier is asked: "¿para qué lo necesitan?", "¿por qué me piden eso?", "why do you need it?". */
const WHY =
  /\b(?:para (?:que|q) (?:(?:me )?(?:l[oa]s?|eso|es|esto|ese dato|mi \w+)\b|(?:l[oa]s? |me l[oa] )?(?:necesit|quier|pid|ocup|sirv|us)\w*)|por (?:que|q) (?:me |l[oa]s? |me l[oa] )?(?:necesit|quier|pid|pregunt|ocup)\w*|(?:es|sera) (?:seguro|necesario|obligatorio)|why (?:do|would|does) (?:you|it)|what (?:do you need it|is it) for|what for|is (?:it|that|this) (?:safe|necessary|required))\b/;

/** The account's data asked before it is unlocked: due date, balance, what is owed. */
const DATA =
  /\b(?:cuando (?:vence|se vence|hay que pagar|tengo que pagar|toca pagar|es el pago|pago)|(?:fecha|dia) (?:de )?(?:pago|vencimiento|corte)|vencimiento|cuanto (?:debo|es lo que debo|tengo pendiente|es el balance|me falta)|(?:mi|el) (?:balance|saldo)|when (?:is it due|is (?:the|my) payment due|do i (?:have to )?pay)|due date|how much do i owe|(?:my|the) balance)\b/;

/**
 * The customer's name instead of the number ("soy José Ramón Castillo", "está a nombre de María
 * Peña", "my name is Ana"): the account is not found by a name, so the clerk says so and asks for
 * the number (or the holder's identifier) again — never a new welcome.
 */
const WHO =
  /^(?:(?:hola|buenas|ok|okey|si|bueno|pues|mira|mire|hi|hello|well)\s+)*(?:soy|yo soy|mi nombre es|me llamo|a nombre de|(?:(?:la|mi) cuenta )?(?:esta|ta|es|sale) a nombre de|my name is|it(?:'|’)?s under|under the name(?: of)?)\s+[a-z]{2,}/;

/**
 * A cédula (11 digits, written 402-1234567-8 or run together) where the account number is asked:
 * the account is found by its number, so the clerk says so and asks for it (the cédula proves the
 * holder afterwards) — never "not an account number" nor a phone.
 */
const CEDULA = /(?<![\d-])\d{3}[\s-]?\d{7}[\s-]?\d(?![\d-])/;
const CEDULA_ALL = new RegExp(CEDULA.source, 'g');
/** An account number (5 to 8 digits) said beside it. */
const ACCOUNT_NUMBER = /(?<!\d)\d{5,8}(?!\d)/;

/**
 * What the side question asks: `why` the data is needed, the account `data` it unlocks, `who` the
 * customer is (a name given instead of the number), a `cedula` given for the number (only when
 * `waitsForNumber`), or null
 * (an answer with digits, or anything else, goes on as usual).
 *
 * @example
 * askedAboutAccountCheck('¿para qué lo necesitan?'); // 'why'
 * askedAboutAccountCheck('y cuándo vence?'); // 'data'
 * askedAboutAccountCheck('10234'); // null
 */
export function askedAboutAccountCheck(text: string, waitsForNumber = false): 'why' | 'data' | 'who' | 'cedula' | null {
  const f = fold(text).replace(/[¿?¡!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (waitsForNumber && CEDULA.test(f) && !ACCOUNT_NUMBER.test(f.replace(CEDULA_ALL, ' '))) return 'cedula';
  if (/\d{3,}/.test(f) || f.split(' ').length > 14) return null;
  if (WHY.test(f)) return 'why';
  if (DATA.test(f)) return 'data';
  if (WHO.test(f)) return 'who';
  return null;
}
