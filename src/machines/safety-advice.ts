/**
 * A critical case that is a danger right now (a smell of gas after fitting a regulator, sparks,
 * smoke, someone shocked or hurt): before saying a person will take it, the clerk tells the
 * customer what to do to be safe while they wait — close the gas, open windows, cut the breaker,
 * call 911 — as anyone at a hardware counter would. Other critical cases (a threat, fraud, a
 * lawyer) get no advice: only the priority handoff.
 */
import { foldAccents } from '../kernel/fold.js';

/** The kinds of danger with their own advice, in the order they are checked (gas before fire: "huele a gas" near a stove). */
export type SafetyDanger = 'gas' | 'electric' | 'fire' | 'injury';

const DANGERS: [SafetyDanger, RegExp][] = [
  ['gas', /\b(?:fuga de gas|fuga del gas|olor a gas|escape de gas|(?:huele|hiede|jiede|apesta) a gas|se (?:sale|esta saliendo|sigue saliendo) el gas|sale gas|bote de gas|gas leak\w*|leak\w* gas|smell\w* (?:of |like )?gas|gas smell)\b/],
  ['electric', /\b(?:electrocut\w*|corrientazo|chispazo|pegad[oa]s? (?:a|de|en) (?:la )?corriente|(?:me|le|lo|la|nos|les|te) (?:dio|pego|paso|agarro|cogio) (?:un |una |la )?(?:corriente|corrientazo|chispazo|descarga)|descarga electrica|electric(?:al)? shock|(?:got|get|gets|getting) (?:a |an )?(?:bad |big )?(?:electric(?:al)? )?shock(?:ed)?|was shocked|shocked (?:me|him|her|us|them|my)|gave (?:me|him|her|us|them) (?:a|an) (?:bad |big )?(?:electric(?:al)? )?shock|electrified)\b/],
  ['fire', /\b(?:incendio|fuego|humo|se (?:esta )?quem(?:o|ando)|chispas|echando chispas|chispeando|fire|smoke|smoking|sparks|sparking|burning|exploto|exploded)\b/],
  ['injury', /\b(?:herid[oa]s?|lesionad[oa]s?|me corte|se corto|sangr\w*|bleeding|injur\w*|(?:is|got|was|am|i'?m) hurt)\b/],
];

/**
 * The danger a critical message tells, or null.
 *
 * @example
 * safetyDangerOf('compré un regulador y ahora huele a gas en la cocina'); // 'gas'
 * safetyDangerOf('los voy a demandar'); // null
 */
export function safetyDangerOf(text: string): SafetyDanger | null {
  const folded = foldAccents(text).toLowerCase();
  return DANGERS.find(([, re]) => re.test(folded))?.[0] ?? null;
}
