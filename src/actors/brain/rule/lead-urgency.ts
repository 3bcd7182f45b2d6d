import type { UrgencyLevel } from '../../../domain/lead.js';
import { detectUrgency } from './lead-levels.js';
import { bareOf, leadWords } from './lead-text.js';
import { levelOfSpan } from './time-spans.js';

/**
 * When the lead is needed, as the form reads it: bare answers to "¿Qué tan urgente es?" ("para el
 * lunes", "no hay prisa"), the urgency said in a clause of a longer answer, and the cues strong
 * enough to count inside a question. Levels themselves are read by `lead-levels.ts` and spans of
 * time by `time-spans.ts`.
 */

/** Bare answers to "¿qué tan urgente?" beyond the level words. */
export const URGENCY_WHEN: [UrgencyLevel, RegExp][] = [
  ['Alto', /^(?:de una vez|de inmediato|ya mismo|manana|mañana|para manana|tomorrow|by tomorrow|ahorita|ahora|now|ya|ayer|para ayer|esta semana|this week|lo antes posible|bastante|mucho|muy|very|tengo apuro|con apuro|mucho apuro|rapido|lo mas rapido posible|para el lunes|para este fin de semana|this weekend|right away)$/],
  ['Medio', /^(?:la semana que viene|la proxima semana|proxima semana|para la proxima semana|en unos dias|en dos semanas|en 2 semanas|en quince dias|next week|in a few days|in two weeks|este mes|this month|mas o menos|regular)$/],
  ['Bajo', /^(?:el mes que viene|el proximo mes|proximo mes|next month|en unos meses|in a few months|nada|no mucho|not much|not really|poco|sin prisa|no hay prisa|no urge|cuando sea|whenever|sin apuro|no hay apuro|no tengo apuro|tranquilo|con calma|no es urgente|para mas adelante|mas adelante|later|no rush)$/],
];
/** A bare day or time ("para el lunes", "el viernes", "by monday", "hoy"): when, never what. */
export const TIME_ONLY = /^(?:(?:para|antes del?|by|before|on|for)\s+)?(?:el |este |the |this )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hoy|manana|today|tomorrow|fin de semana|weekend)(?: que viene| next week| proximo)?$/;
/** An urgency said alone ("alta", "urgente", "sin prisa", "asap"), which answers nothing else. */
export const URGENCY_ALONE = /^(?:es |it'?s |muy |very |bastante |super )?(?:alta|alto|media|medio|baja|bajo|urgente|urgentisimo|high|medium|low|urgent|sin prisa|sin apuro|no hay prisa|no hay apuro|no tengo prisa|no tengo apuro|no urge|no rush|no hurry|there s no rush|lo antes posible|cuanto antes|asap|as soon as possible)$/;
/** Urgency cues strong enough to count inside a question ("¿lo tienen para hoy? es urgente"). */
export const URGENCY_CUE = /\b(?:urgen\w*|prioridad|priority|para ayer|cuanto antes|lo antes posible|asap|as soon as possible|inmediat\w*|immediately|emergencia|emergency|sin prisa|no hay prisa|no urge|no rush|no hurry|not urgent|cuando puedan|whenever)\b/;

/** The level an answer to "¿Qué tan urgente es?" gives ("para el lunes", "pa la semana q viene", "no rush"); `undefined` when it gives none. */
export function readUrgencyAnswer(text: string): UrgencyLevel | undefined {
  const bare = bareOf(text);
  const f = leadWords(bare).replace(/[.]+$/, '');
  if (f.length === 0) return undefined;
  // WhatsApp spelling: "pa la semana q viene" is "para la semana que viene".
  if (/\b(?:pa|q|k|xq|d)\b/.test(f)) return readUrgencyAnswer(f.replace(/\bpa\b/g, 'para').replace(/\b[qk]\b/g, 'que').replace(/\bxq\b/g, 'porque').replace(/\bd\b/g, 'de'));
  const level = detectUrgency(bare, { bare: true });
  if (level) return level;
  for (const [l, re] of URGENCY_WHEN) if (re.test(f)) return l;
  // "para julio, no hay apuro", "ya mismo, es urgente": one clause says the level.
  for (const clause of bare.split(/\s*[,;]\s*|\s+(?:pero|but)\s+/).map((c) => leadWords(c)).filter((c) => c !== '' && c !== f)) {
    const said = detectUrgency(clause, { bare: true }) ?? URGENCY_WHEN.find(([, re]) => re.test(clause))?.[0];
    if (said) return said;
  }
  // A day named ("para el lunes", "by friday"): within the week; "el lunes que viene": next week.
  if (TIME_ONLY.test(f)) return /que viene|next week|proximo/.test(f) ? 'Medio' : 'Alto';
  const span = levelOfSpan(f);
  if (span) return span;
  return undefined;
}

/** "la necesitamos", "we need them": the words that lead into when something is needed. */
const NEEDED_BY = /^(?:(?:y|and|pero|but)\s+)?(?:(?:l[oa]s?|it|them)\s+)?(?:necesit\w*|quer\w*|ocup\w*|(?:we|i) (?:need|want) (?:it|them)|need (?:it|them)|tiene que estar|tienen que estar|has to be ready|must be ready)\s+/;

/** The urgency said in a clause of a longer answer ("…, la necesitamos para el lunes"). */
export function urgencyInClauses(text: string): UrgencyLevel | undefined {
  const clauses = text.split(/\s*[,;.]\s*|\s+(?:pero|but)\s+/).map((c) => leadWords(c).replace(NEEDED_BY, '')).filter((c) => c !== '');
  if (clauses.length < 2) return undefined;
  for (const c of clauses.slice(1)) {
    if (TIME_ONLY.test(c)) return /que viene|next week|proximo/.test(c) ? 'Medio' : 'Alto';
    const span = levelOfSpan(c);
    if (span) return span;
    // "para el mes que viene", "no hay apuro" (two words or more: "ya", "nada" alone say other things here).
    const when = c.replace(/^para\s+/, '');
    const level = when.includes(' ') ? URGENCY_WHEN.find(([, re]) => re.test(when))?.[0] : undefined;
    if (level) return level;
  }
  return undefined;
}
