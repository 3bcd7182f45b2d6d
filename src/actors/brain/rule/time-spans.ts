import type { UrgencyLevel } from '../../../domain/lead.js';

/**
 * When something is needed, said as a span of time from now ("en 15 días", "dentro de 2 semanas",
 * "within a week", "by the end of the month"): the lead's urgency level. Read by the lead form (`lead-urgency.ts`, `lead-answer.ts`)
 * on accent-folded, lower-case words.
 */

/** A span of time from now: "en 15 días", "dentro de 2 semanas", "in three weeks", "within a month". */
const TIME_SPAN = /\b(?:en|dentro de|para dentro de|de aqui a|in|within|in about|en unos|en unas|in a|in the next|en los proximos|en las proximas)\s+(\d{1,3}|una?|one|a|dos|two|tres|three|cuatro|four|cinco|five|seis|six|diez|ten|quince|fifteen|veinte|twenty|treinta|thirty)\s+(dias?|days?|semanas?|weeks?|mes(?:es)?|months?|anos?|years?)\b/;
const END_OF = /\b(?:fin|final|finales|end|termine|se termine|acabe) (?:de |del |of )?(?:este |esta |the |this |la |el )?(semana|week|mes|month|ano|year)\b/;
const SPAN_WORDS: Record<string, number> = { un: 1, una: 1, one: 1, a: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6, diez: 10, ten: 10, quince: 15, fifteen: 15, veinte: 20, twenty: 20, treinta: 30, thirty: 30 };

const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|june|july|august|september|october|november|december';
const SEASONS = 'navidad|christmas|semana santa|easter|verano|summer|otono|fall|autumn|invierno|winter|primavera|spring';
/**
 * A time named rather than counted, months or more away ("next quarter", "el año que viene", "para
 * enero", "we start in march", "después de navidad"): low; "un par de semanas" medium; "un par de
 * días", "we needed it yesterday" high. ("mayo" only after a preposition: "may" is a verb in English.)
 */
const NAMED_LEVELS: [UrgencyLevel, RegExp][] = [
  ['Alto', /\b(?:(?:en|dentro de) (?:un par de|uno o dos) dias|in a (?:couple (?:of )?|day or two)days?|in a day or two|(?:we |i )?needed (?:it|them) yesterday|for yesterday|yesterday)\b/],
  ['Medio', /\b(?:(?:en|dentro de) (?:un par de semanas|una o dos semanas|una semana o dos)|in a couple (?:of )?weeks|in a week or two|in one or two weeks)\b/],
  // Christmas as the deadline ("antes de navidad", "before Christmas", "pa navidad"): said in the
  // weeks before it, when people say it (the brain has no calendar; "después de navidad" stays low).
  ['Medio', /\b(?:antes de|para|pa|by|before|for|in time for) (?:la |el |the )?(?:navidad|navidades|nochebuena|christmas|xmas|diciembre|december)\b/],
  [
    'Bajo',
    new RegExp(
      `\\b(?:(?:el |la |para el |para la )?(?:proximo|proxima) (?:trimestre|ano|semestre|temporada)|(?:el |la |para el |para la )?(?:trimestre|ano|semestre) (?:que viene|proximo)|(?:next|the next|the following) (?:quarter|year|semester|season)|(?:a |para )?(?:principios|inicios|mediados|finales) (?:de|del) (?:ano|proximo ano|ano que viene|mes que viene)|(?:early|mid|late) next (?:year|month)|(?:en|para|a partir de|desde|despues de|antes de|in|by|after|from|around|for) (?:(?:el|la|the) )?(?:${MONTHS}|${SEASONS})|(?:en|in|dentro de) (?:un par de|unos|unos cuantos|a couple of|a few) (?:meses|months)|no (?:nos |me )?corre (?:prisa|apuro)|no es para (?:ya|ahora))\\b`,
    ),
  ],
];

/** The level of a span of time from now: within a week high, within 3 weeks medium, later low. */
export function levelOfSpan(f: string): UrgencyLevel | undefined {
  const named = NAMED_LEVELS.find(([, re]) => re.test(f))?.[0];
  if (named) return named;
  // "a fin de mes", "by the end of the month", "antes de que termine la semana".
  const end = END_OF.exec(f);
  if (end) return /^(?:semana|week)/.test(end[1]!) ? 'Alto' : /^(?:mes|month)/.test(end[1]!) ? 'Medio' : 'Bajo';
  const m = TIME_SPAN.exec(f);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (SPAN_WORDS[m[1]!] ?? 1);
  const unit = m[2]!;
  const days = /^(?:dia|day)/.test(unit) ? n : /^(?:semana|week)/.test(unit) ? n * 7 : /^(?:mes|month)/.test(unit) ? n * 30 : n * 365;
  return days <= 7 ? 'Alto' : days <= 21 ? 'Medio' : 'Bajo';
}
