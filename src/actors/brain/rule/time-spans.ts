import type { UrgencyLevel } from '../../../domain/lead.js';

/**
 * When something is needed, said as a span of time from now ("en 15 días", "dentro de 2 semanas",
 * "within a week", "by the end of the month"): the lead's urgency level. Read by `lead-fields.ts`
 * on accent-folded, lower-case words.
 */

/** A span of time from now: "en 15 días", "dentro de 2 semanas", "in three weeks", "within a month". */
const TIME_SPAN = /\b(?:en|dentro de|para dentro de|de aqui a|in|within|in about|en unos|en unas|in a|in the next|en los proximos|en las proximas)\s+(\d{1,3}|una?|one|a|dos|two|tres|three|cuatro|four|cinco|five|seis|six|diez|ten|quince|fifteen|veinte|twenty|treinta|thirty)\s+(dias?|days?|semanas?|weeks?|mes(?:es)?|months?|anos?|years?)\b/;
const END_OF = /\b(?:fin|final|finales|end|termine|se termine|acabe) (?:de |del |of )?(?:este |esta |the |this |la |el )?(semana|week|mes|month|ano|year)\b/;
const SPAN_WORDS: Record<string, number> = { un: 1, una: 1, one: 1, a: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6, diez: 10, ten: 10, quince: 15, fifteen: 15, veinte: 20, twenty: 20, treinta: 30, thirty: 30 };

/** The level of a span of time from now: within a week high, within 3 weeks medium, later low. */
export function levelOfSpan(f: string): UrgencyLevel | undefined {
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
