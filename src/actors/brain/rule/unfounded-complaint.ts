/**
 * "no entiendo", "no importa", "me equivoqué", "el truper", "y el otro?": short messages the
 * classifier leans to a complaint on a word it met in complaints ("no", "el", "otro"), unsure, with
 * no word of trouble in them. A clerk hears no complaint there and never answers "Siento mucho que
 * hayas tenido un problema". An unsure complaint needs a signal of trouble or discontent; without
 * one, the reading is the next of the ranking (or nothing understood), as if the complaint had not
 * been guessed. A sure complaint, a long message or one naming a product is left as it was read.
 */
import type { IntentScore } from '../../../domain/nlu.js';
import { HANDOFF_CONFIDENCE, tellsWhatHappened } from '../../../machines/triage-decision.js';
import { saysNotWhatOrdered, tellsPurchaseTrouble, ventsAtTheStore } from './purchase-trouble.js';
import { voicesVagueEnglishComplaint } from './english-discontent.js';
import { fold } from './text.js';

/** Longest message this guard reads: past it, a complaint may be told in words no list holds. */
const MAX_WORDS = 6;

/** Words of trouble, discontent, a claim or a wait, es and en (accents folded). */
const TROUBLE =
  /\b(?:mal|malo|mala|malos|malas|malisim\w*|pesim\w*|horrible\w*|terrible\w*|fatal|peor|problema\w*|inconveniente\w*|queja\w*|quejar\w*|quejo|reclam\w*|devol\w*|devuelv\w*|reembols\w*|garantia|dan\w*|rot[oa]s?|romp\w*|partid[oa]s?|defect\w*|falla\w*|fallo|sirve\w*|sirvio|funciona\w*|funciono|prende|enciende|molest\w*|enojad\w*|enfadad\w*|disgustad\w*|frustrad\w*|indignad\w*|decepcion\w*|harto|harta|cansad[oa]|abus\w*|estaf\w*|robo|robaron|engan\w*|grosero\w*|grosera\w*|respeto|verguenza|irrespons\w*|desastre|relajo|nadie|nunca|todavia|aun|esperando|espere|tarde|demora\w*|atras\w*|cobr\w*|factura\w*|pague|pagado|equivocad[oa]s?|incomplet[oa]s?|faltan?|falto|faltaron|sobrecarg\w*|gust[oóa]\w*|bad|worst|awful|terrible|horrible|poor|rude|upset|angry|mad|annoyed|disappoint\w*|unhappy|complain\w*|complaint|claim|refund|return|broken|broke|damaged|defective|faulty|wrong|missing|late|never|still|nobody|waiting|waited|charged|overcharg\w*|scam\w*|doesn t|didn t|won t|not working|problem\w*|issue\w*)\b/;

/** The message carries a word of trouble, tells what happened, vents at the store, or says what came is not what was ordered. */
export function voicesTrouble(text: string): boolean {
  const f = fold(text).replace(/['’]/g, ' ');
  return TROUBLE.test(f) || tellsWhatHappened(text) || tellsPurchaseTrouble(text) || ventsAtTheStore(text) || voicesVagueEnglishComplaint(text) || saysNotWhatOrdered(text);
}

/**
 * The reading without a complaint it has no ground for: an unsure complaint (below
 * `HANDOFF_CONFIDENCE`) of a short message that names no product and voices no trouble becomes the
 * next reading of the ranking (out of scope below `threshold`), the complaint taken off the ranking.
 *
 * @example
 * withoutUnfoundedComplaint({ intent: { name: 'complaint', confidence: 0.35 }, ranking, mentions: [] }, 'no entiendo', 0.15);
 * // → the ranking's next intent, or out_of_scope
 */
export function withoutUnfoundedComplaint<T extends { intent: IntentScore; ranking: IntentScore[]; mentions: readonly unknown[] }>(read: T, text: string, threshold: number): T {
  const { intent } = read;
  if (intent.name !== 'complaint' || intent.confidence >= HANDOFF_CONFIDENCE || read.mentions.length > 0) return read;
  if (fold(text).split(/\s+/).filter((w) => /[a-z0-9]/.test(w)).length > MAX_WORDS || voicesTrouble(text)) return read;
  const ranking = read.ranking.filter((r) => r.name !== 'complaint');
  const top = ranking[0];
  const next: IntentScore = top && top.confidence >= threshold ? top : { name: 'out_of_scope', confidence: 1 - (top?.confidence ?? 0) };
  return { ...read, intent: next, ranking };
}
