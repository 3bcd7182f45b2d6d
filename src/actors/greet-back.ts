import type { ReplyTemplates } from '../domain/tenant.js';
import { foldAccents } from '../kernel/fold.js';

/**
 * A clerk greets back a customer who opens with a greeting, even when the message also asks
 * something ("hola, tienen cemento?" → "¡Hola! Sí, ..."; "buenas tardes, cuánto vale..." →
 * "¡Buenas tardes! ..."). Only when the customer greeted, and only once: a reply that already
 * greets (the welcome, "¡Hola de nuevo, Ana!") is left as it is.
 */
export type GreetingKind = 'hello' | 'buenas' | 'morning' | 'afternoon' | 'evening';

const fold = foldAccents;

/**
 * A bare "morning" greets only said alone or to someone ("Morning!", "morning all, do you…"): "morning
 * please", "morning works" answer "¿mañana o tarde?" / which part of the day, never a "Good morning!".
 */
const BARE_MORNING = /^mornin[g']?(?=\s*(?:$|[!,.;:]|(?:all|everyone|everybody|guys|folks|team|there|y all)\b))/;

const OPENING: readonly [RegExp, GreetingKind][] = [
  [/^(?:buenos dias|buen dia|good morning)\b/, 'morning'],
  [BARE_MORNING, 'morning'],
  [/^(?:buenas tardes|good afternoon)\b/, 'afternoon'],
  [/^(?:buenas noches|good evening)\b/, 'evening'],
  [/^(?:buenas|buenas buenas)\b/, 'buenas'],
  [/^(?:hola+|ola|holis|saludos|klk|q?lq|que lo que|hi+|hello|hey|hiya)\b/, 'hello'],
];

/** The greeting a customer message opens with, or null ("tienen cemento?", "hola" inside a sentence). */
export function greetingOpening(text: string): GreetingKind | null {
  const t = fold(text).replace(/^[\s¡!¿?.,'"*_~-]+/, '');
  for (const [pattern, kind] of OPENING) if (pattern.test(t)) return kind;
  return null;
}

/** A bot line that already greets: "¡Hola! 👋 Bienvenido…", "Hi again, Ana!", "¡Buenas tardes!". */
const GREETS = /^[\s¡!]*(?:hola|hi|hello|hey|buen(?:as|os)|good (?:morning|afternoon|evening))\b/;

/**
 * The first character after the leading spaces and "¡"/"!": folding keeps that run as it is and
 * turns an ASCII character into its lower case, so a line whose first character there is ASCII
 * and not h, b or g cannot greet once folded (no accent fold of a long answer for nothing).
 */
const FIRST = /^[\s¡!]*([^\s¡!])/;
const GREETING_INITIALS = 'hHbBgG';

export function alreadyGreets(line: string): boolean {
  const first = FIRST.exec(line)?.[1];
  if (first === undefined) return false;
  if (first.charCodeAt(0) < 0x80 && !GREETING_INITIALS.includes(first)) return false;
  return GREETS.test(fold(line));
}

const KEY: Readonly<Record<GreetingKind, string>> = {
  hello: 'greeting.back',
  buenas: 'greeting.back.buenas',
  morning: 'greeting.back.morning',
  afternoon: 'greeting.back.afternoon',
  evening: 'greeting.back.evening',
};

/**
 * The short greeting to open the reply with ("¡Hola!", "¡Buenas tardes!", "Hi!"), from the tenant's
 * templates (`greeting.back*`); null when the customer did not greet or the tenant has none.
 */
export function greetingBack(customerText: string, templates: ReplyTemplates, lang: 'es' | 'en'): string | null {
  const kind = greetingOpening(customerText);
  if (!kind) return null;
  const table = templates[lang] ?? {};
  return table[KEY[kind]] ?? table[KEY.hello] ?? null;
}

/** A plain hello opening a reply ("¡Hola! 👋 Bienvenido…"), which a time-of-day greeting may replace. */
const PLAIN_HELLO = /^(?:¡Hola!|Hi!)(?=\s)/;

/**
 * The first bot line with the greeting in front, unless it already greets; a plain "¡Hola!" it opens
 * with becomes the customer's own "¡Buenas noches!".
 */
export function withGreetingBack(line: string, greeting: string): string {
  if (!alreadyGreets(line)) return `${greeting} ${line}`;
  return PLAIN_HELLO.test(line) && !PLAIN_HELLO.test(`${greeting} `) ? line.replace(PLAIN_HELLO, greeting) : line;
}
