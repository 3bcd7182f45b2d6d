import type { IntentName } from '../domain/intents.js';
import type { IntentScore, Lang } from '../domain/nlu.js';
import type { ChoiceExpectation, ChoiceOption, Understanding } from '../domain/understanding.js';
import { carriesLeadData } from './lead-draft.js';
import { foldAccents } from '../kernel/fold.js';
import { goodsOutweighUnsureLead } from './goods-over-lead.js';
import { urgencyTakesLeadOffer } from './urgency-to-offer.js';

/**
 * How triage decides on a reading: the whole reading (intent ranking, confidence, entities), not the
 * top intent alone. Pure functions over plain data; the machine's routing guards call them.
 *
 * The thresholds were calibrated on held-out predictions of a 5-fold cross-validation over the
 * tenant's training utterances (1,526 examples; `crossValidatedPredictions` in
 * `src/actors/brain/rule/cross-validate.ts`) plus the development messages in
 * `test/fixtures/routing-dev.jsonl`; the figures are in `docs/architecture.md` § 3.
 */

/**
 * Below this confidence a reading is not acted on by itself. At 0.30, 95.2 % of the cross-validated
 * predictions are above it and 94.1 % of those are right (at 0.20: 92.7 %; at 0.40: 95.6 % but
 * 10 % of messages below).
 */
export const MIN_INTENT_CONFIDENCE = 0.3;

/**
 * A complaint or a request for a person opens a ticket and silences the bot only from this
 * confidence on. At 0.45: complaint precision 90/93 (96.8 %, recall 0.81), human_agent 92/93
 * (98.9 %, recall 0.91); at 0.30 complaint precision falls to 93/100 (93.0 %). Between
 * `MIN_INTENT_CONFIDENCE` and this, the customer is asked first.
 */
export const HANDOFF_CONFIDENCE = 0.45;

/**
 * An intent of the ranking becomes an option of a clarifying question from this probability on.
 * For cross-validated readings below `MIN_INTENT_CONFIDENCE` whose true intent is a request,
 * options at ≥ 0.08 contain the right one 32 times in 34 (94 %) with 2.4 options on average
 * (≥ 0.10: 31/34 with 2.1; ≥ 0.15: 27/34 with 1.4).
 */
export const CLARIFY_OPTION_MIN = 0.08;

/** At most this many options in one clarifying question. */
export const MAX_CLARIFY_OPTIONS = 3;

/**
 * A low reading whose best guess is small talk (greeting, thanks, goodbye) is answered as such when
 * the small-talk intents together hold at least this much: a wrong "¡Con gusto!" costs nothing.
 */
export const SMALL_TALK_MASS = 0.45;

export type TriageDecision =
  /** Confident complaint or request for a person: ticket and handoff now. */
  | { kind: 'handoff'; reason: 'customer_request' | 'complaint' }
  /**
   * An unsure complaint or request for a person ("¿Quieres que te pase con una persona?"), or an
   * unsure sales lead ("¿Quieres que un asesor te prepare una cotización?"): ask first.
   */
  | { kind: 'confirm'; intent: ConfirmedIntent }
  /** Act on this intent (an unsure reading that names a product is a product question). */
  | { kind: 'act'; intent: IntentName }
  /** Not sure: ask one short question with these two or three likely intents as options. */
  | { kind: 'clarify'; intents: IntentName[] }
  | { kind: 'not_understood' };

const SMALL_TALK: readonly IntentName[] = ['greeting', 'thanks', 'goodbye'];
const NOT_AN_OPTION: readonly IntentName[] = [...SMALL_TALK, 'out_of_scope'];
const HANDOFF_INTENTS: readonly IntentName[] = ['complaint', 'human_agent'];

/** Intents whose flow costs the customer something (a ticket and a silent bot, a form to fill): confirmed when unsure. */
export type ConfirmedIntent = 'complaint' | 'human_agent' | 'sales_lead';

/**
 * A lead asks for name, e-mail and company: started on a sure reading only. At 0.45 sales_lead
 * precision is 110/114 (96.5 %) in cross-validation; between 0.30 and 0.45 the customer is asked.
 */
export const LEAD_CONFIDENCE = 0.45;

/**
 * "Hi, I'm Mark Evans from Blue Reef Construction, we need 300 bags of cement…, mark@bluereef.com":
 * an e-mail or a phone left with goods or a company is a request to be contacted, whatever the
 * classifier's doubt between a lead and a product question; asking "would you like a quote?" first
 * is a question the customer already answered.
 */
export function leavesContactForANeed(u: Understanding): boolean {
  const given = (v: string | null | undefined): boolean => typeof v === 'string' && v.trim() !== '';
  const { email, phone_or_username: phone, company_name: company } = u.leadFields;
  return (given(email) || given(phone)) && (mentionsProduct(u) || given(company));
}

/** The message names a product (a catalog word, a size, a product phrase). */
export function mentionsProduct(u: Understanding): boolean {
  return u.products.length > 0 || u.nlu.entities.some((e) => e.type === 'product');
}

/** Price questions and product questions lead to the same flow: one option. */
const optionIntent = (intent: IntentName): IntentName => (intent === 'price_quote' ? 'product_inquiry' : intent);

function ranking(u: Understanding): IntentScore[] {
  return u.nlu.ranking.length > 0 ? u.nlu.ranking : [u.nlu.intent];
}

/**
 * The part of a reading's ranking triage can ever read: the best entry, every entry from
 * `CLARIFY_OPTION_MIN` on (options, the complaint's rank) and the small-talk entries (their mass),
 * in the classifier's order. Every decision here is the same on it as on the whole ranking, and the
 * machine keeps only this in its context: the other entries were two thirds of a persisted
 * snapshot, serialised and walked by XState on every turn (issue 16).
 *
 * @example
 * decisiveRanking([{ name: 'price_quote', confidence: 0.93 }, { name: 'offers', confidence: 0.003 }, { name: 'thanks', confidence: 0.001 }])
 * // → [{ name: 'price_quote', confidence: 0.93 }, { name: 'thanks', confidence: 0.001 }]
 */
export function decisiveRanking(ranked: IntentScore[]): IntentScore[] {
  let keep = 0;
  for (let i = 0; i < ranked.length; i++) if (isDecisive(ranked[i] as IntentScore, i)) keep++;
  return keep === ranked.length ? ranked : ranked.filter(isDecisive);
}

function isDecisive(r: IntentScore, i: number): boolean {
  return i === 0 || r.confidence >= CLARIFY_OPTION_MIN || SMALL_TALK.includes(r.name);
}

/** The likely requests of a reading, best first, as option intents. */
export function likelyIntents(u: Understanding): IntentName[] {
  const out: IntentName[] = [];
  for (const r of ranking(u)) {
    if (r.confidence < CLARIFY_OPTION_MIN || NOT_AN_OPTION.includes(r.name)) continue;
    const intent = optionIntent(r.name);
    if (!out.includes(intent)) out.push(intent);
    if (out.length === MAX_CLARIFY_OPTIONS) break;
  }
  return out;
}

/**
 * What triage does with a reading (after pending expectations, critical cases and priority, which
 * the machine checks first).
 *
 * @example
 * // "quiero pintura azul" read as complaint at 0.33 with a product entity → a product answer.
 * decideTriage(u) // { kind: 'act', intent: 'product_inquiry' }
 */
export function decideTriage(u: Understanding | null): TriageDecision {
  if (!u) return { kind: 'not_understood' };
  const { intent } = u.nlu;
  const product = mentionsProduct(u);
  if (HANDOFF_INTENTS.includes(intent.name)) {
    const which = intent.name as 'complaint' | 'human_agent';
    // "no me gustó" / "estoy enojado" (sure or not) voices discontent and says nothing of what
    // happened: ask what happened, or offer a person, before any ticket.
    if (which === 'complaint' && u.vagueComplaint === true && !product) return { kind: 'confirm', intent: 'complaint' };
    if (intent.confidence >= HANDOFF_CONFIDENCE) return { kind: 'handoff', reason: which === 'complaint' ? 'complaint' : 'customer_request' };
    // "quiero pintura azul" is not a complaint because the classifier leans that way.
    if (which === 'complaint' && product) return { kind: 'act', intent: 'product_inquiry' };
    if (intent.confidence >= MIN_INTENT_CONFIDENCE) return { kind: 'confirm', intent: which };
  } else if (intent.name === 'sales_lead' && intent.confidence >= MIN_INTENT_CONFIDENCE && intent.confidence < LEAD_CONFIDENCE && !leavesContactForANeed(u)) {
    return goodsOutweighUnsureLead(u) ? { kind: 'act', intent: 'product_inquiry' } : { kind: 'confirm', intent: 'sales_lead' };
  } else if (intent.name !== 'out_of_scope' && intent.confidence >= MIN_INTENT_CONFIDENCE) {
    return { kind: 'act', intent: intent.name };
  }
  // An unsure reading from here on.
  if (product) return { kind: 'act', intent: 'product_inquiry' };
  const ranked = ranking(u);
  const best = ranked[0] as IntentScore;
  // The classifier itself says "not about the store": no option would fit.
  if (best.name === 'out_of_scope' && best.confidence >= 0.2) return { kind: 'not_understood' };
  if (SMALL_TALK.includes(best.name)) {
    const mass = ranked.filter((r) => SMALL_TALK.includes(r.name)).reduce((s, r) => s + r.confidence, 0);
    if (mass >= SMALL_TALK_MASS) return { kind: 'act', intent: best.name };
  }
  const intents = likelyIntents(u);
  if (intents.length === 0) return { kind: 'not_understood' };
  // One likely request alone: offer it, or a person.
  if (intents.length === 1 && intents[0] !== 'human_agent') intents.push('human_agent');
  return { kind: 'clarify', intents };
}

/**
 * After "Cuéntame qué pasó, o te paso con una persona" the customer tells what happened ("me
 * despacharon varilla de 3/8 y pagué de 1/2"): that is the complaint, even when the classifier, seeing
 * a product, is unsure. Not when the message is clearly another request (≥ 0.5) or still vague.
 */
export function describesAskedComplaint(u: Understanding | null, choice: ChoiceExpectation | null | undefined, text?: string): boolean {
  if (!u || !choice?.confirm || choice.options[0]?.intent !== 'complaint' || u.vagueComplaint === true) return false;
  const top = u.nlu.intent;
  if (top.name === 'complaint') return true;
  if (top.confidence >= 0.5 && top.name !== 'out_of_scope') return false;
  // "kiero pintura asul" after the question asks for a product: a story says what happened
  // (bought, paid, delivered, broke, wrong); a bare product request is not handed off on a guess.
  if (text !== undefined && mentionsProduct(u) && (top.name === 'product_inquiry' || top.name === 'price_quote') && !tellsWhatHappened(text)) return false;
  // Asked what happened, the customer tells it ("me despacharon varilla de 3/8 y pagué de 1/2"):
  // that is the complaint, whatever the classifier made of the product words in it.
  if (text !== undefined && tellsWhatHappened(text)) return true;
  const complaint = ranking(u).find((r) => r.name === 'complaint')?.confidence ?? 0;
  return complaint >= CLARIFY_OPTION_MIN && ranking(u).findIndex((r) => r.name === 'complaint') <= 1;
}

/** Words of a story about a purchase gone wrong, es and en (accents folded). */
const STORY_CUES =
  /\b(?:compre|compramos|pague|pagamos|me (?:despacharon|vendieron|dieron|entregaron|cobraron|mandaron|trajeron|llevaron)|salio|salieron|vino|vinieron|llego|llegaron|no (?:sirve|sirven|funciona|funcionan|sirvio|funciono|ha llegado)|rot[oa]s?|danad[oa]s?|mal[oa]s?|defectuos[oa]s?|equivocad[oa]s?|incomplet[oa]s?|bought|paid|sold me|gave me|delivered|arrived|broke|broken|damaged|wrong|defective|doesn'?t work|didn'?t|never came|missing|came (?:wet|broken|damaged|open|opened|cracked|torn|dented|wrong|late|incomplete|short|bad)|sent (?:me|us)|cracked|leak(?:s|ing)|dented|stopped working|won'?t (?:work|turn on|start)|doesn'?t (?:turn on|fit|start)|instead of)\b/;

/** The message tells what happened with a purchase rather than asking for something. */
export function tellsWhatHappened(text: string): boolean {
  return STORY_CUES.test(foldAccents(text));
}

// ---------------------------------------------------------------- options and reading a choice

type OptionKey = 'product' | 'account' | 'info' | 'offers' | 'jobs' | 'lead' | 'complaint' | 'human' | 'yes_person' | 'yes_lead' | 'other';

/**
 * What picking each option says, in the customer's words (a widget button sends it), and the words
 * that pick it when typed. Labels are tenant templates (`clarify.option.<key>`).
 */
const OPTIONS: Record<OptionKey, { intent: IntentName; text: Record<Lang, string>; words: RegExp }> = {
  product: {
    intent: 'product_inquiry',
    text: { es: 'Buscar un producto o precio', en: 'Look up a product or price' },
    words: /\b(?:productos?|precios?|buscar|busco|articulos?|products?|prices?|items?)\b/,
  },
  account: {
    intent: 'account_status',
    text: { es: 'El estado de mi cuenta', en: 'My account status' },
    words: /\b(?:cuenta|saldo|balance|deuda|account)\b/,
  },
  info: {
    intent: 'store_hours_location',
    text: { es: 'Horarios, sucursales o delivery', en: 'Hours, branches or delivery' },
    words: /\b(?:horarios?|horas?|sucursal(?:es)?|tiendas?|direccion|ubicacion|delivery|envios?|hours|branch(?:es)?|location|address)\b/,
  },
  offers: {
    intent: 'offers',
    text: { es: 'Ver las ofertas', en: 'See the offers' },
    words: /\b(?:ofertas?|promo\w*|descuentos?|offers?|deals?|discounts?)\b/,
  },
  jobs: {
    intent: 'job_vacancies',
    text: { es: 'Empleos en la tienda', en: 'Jobs at the store' },
    words: /\b(?:empleos?|trabajos?|vacantes?|jobs?|hiring)\b/,
  },
  lead: {
    intent: 'sales_lead',
    text: { es: 'Una cotización para un proyecto o empresa', en: 'A quote for a project or business' },
    words: /\b(?:cotizacion(?:es)?|proyectos?|empresa|obra|quote|project|business|company)\b/,
  },
  complaint: {
    intent: 'complaint',
    text: { es: 'Reportar un problema con una compra', en: 'Report a problem with a purchase' },
    words: /\b(?:quejas?|problemas?|reclamo|reclamacion|reportar|complaint|problem|issue|report)\b/,
  },
  human: {
    intent: 'human_agent',
    text: { es: 'Hablar con una persona', en: 'Talk to a person' },
    words: /\b(?:persona|humano|agente|asesor|alguien|person|human|agent|someone)\b/,
  },
  yes_person: {
    intent: 'human_agent',
    text: { es: 'Sí, con una persona', en: 'Yes, a person please' },
    words: /\b(?:persona|humano|agente|asesor|alguien|person|human|agent|someone)\b/,
  },
  yes_lead: {
    intent: 'sales_lead',
    text: { es: 'Sí, quiero una cotización', en: 'Yes, I want a quote' },
    words: /\b(?:cotizacion(?:es)?|cotizar|asesor|presupuesto|remodelacion completa|todo completo|quote|advisor|estimate|full remodel|whole (?:job|thing))\b/,
  },
  other: {
    intent: 'out_of_scope',
    text: { es: 'No, es otra cosa', en: 'No, something else' },
    words: /\b(?:otra cosa|otro|otra|ninguna|ninguno|nada de eso|something else|other|neither|none)\b/,
  },
};

const KEY_OF_INTENT: Partial<Record<IntentName, OptionKey>> = {
  product_inquiry: 'product',
  price_quote: 'product',
  account_status: 'account',
  store_hours_location: 'info',
  offers: 'offers',
  job_vacancies: 'jobs',
  sales_lead: 'lead',
  complaint: 'complaint',
  human_agent: 'human',
  out_of_scope: 'other',
};

const option = (key: OptionKey, lang: Lang, intent?: IntentName): ChoiceOption => ({
  intent: intent ?? OPTIONS[key].intent,
  label: `clarify.option.${key}`,
  text: OPTIONS[key].text[lang],
});

/** Template keys of every option label (each tenant defines them in every language). */
export const CLARIFY_OPTION_TEMPLATES: readonly string[] = Object.keys(OPTIONS).map((k) => `clarify.option.${k}`);

/** The choice a clarifying question expects: one option per likely intent. */
export function clarifyChoice(intents: readonly IntentName[], text: string, lang: Lang): ChoiceExpectation {
  const options = intents.flatMap((intent) => {
    const k = KEY_OF_INTENT[intent];
    return k ? [option(k, lang)] : [];
  });
  return { kind: 'choice', options, text };
}

/**
 * "¿Quieres que te pase con una persona?" (yes leads to the handoff, as `intent`) or "¿Quieres que un
 * asesor te prepare una cotización?" (yes starts the lead); no leads to nothing.
 */
export function confirmChoice(intent: ConfirmedIntent, text: string, lang: Lang): ChoiceExpectation {
  const yes = intent === 'sales_lead' ? option('yes_lead', lang) : option('yes_person', lang, intent);
  return { kind: 'choice', options: [yes, option('other', lang)], text, confirm: true };
}

/**
 * An answer's offer as a yes/no question: yes runs the offer's intent on the offer's own words
 * (the credit answer's "quiero abrir una cuenta de crédito" starts the lead form).
 */
export function offerChoice(offer: ChoiceOption, lang: Lang): ChoiceExpectation {
  return { kind: 'choice', options: [offer, option('other', lang)], text: offer.text, confirm: true, offer: true };
}

/** The most words of a short answer that completes an offer's question (`ChoiceOption.completes`). */
const COMPLETING_ANSWER_WORDS = 6;
/**
 * A day, a time or an opening asked ("¿y el sábado?", "y mañana?", "¿y el 1ro de enero?", "what about Sunday?"): a question
 * of its own about when, never the place or thing that completes an offer's question ("¿Dónde queda
 * {answer}?" would become "¿Dónde queda y el sábado?").
 */
const ASKS_WHEN = /\b(?:hoy|manana|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|feriados?|horarios?|horas?|abren|abre|abierto|abierta|cierran|cierra|cerrado|cerrada|today|tomorrow|tonight|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|holidays?|hours|open|close|closed|closing|opening|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|january|february|march|april|june|july|august|september|october|november|december|navidad|nochebuena|christmas|new year s?|ano nuevo|(?:el|the|on the) \d{1,2}(?:ro|st|nd|rd|th)?)\b/;

/**
 * "¿dónde están ubicados?", "where are you located?" to "¿Te comparto la dirección?": a where
 * question of its own, answered as asked (the addresses), never completed into "¿Dónde queda y a
 * qué hora abre dónde están ubicados?" (the hours said again before them).
 */
const ASKS_WHERE = /\b(?:donde|where|ubicad[oa]s?|ubicacion|direccion|address|location|located)\b/;
/** "¿tienen parqueo?", "¿aceptan tarjeta?" to "¿Te comparto la dirección?": a question of its own (a verb or question word leads it), never a branch completing the offer's question. */
const ASKS_ITS_OWN = /^(?:(?:y|e|and|pero|but|ok|oye|mira)\s+)*(?:tienen|tiene|tienes|hay|aceptan|acepta|aceptas|hacen|hace|puedo|pueden|puede|podemos|venden|vende|cobran|cobra|llevan|mandan|traen|dan|dejan|se\s+puede|do|does|can|could|is|are|will|would|how|what|whats|why|cuanto|cuanta|cuantos|cuantas|como|que|q|por\s+que|porque|quien|quienes)\b/;

/** What a message can be besides picking an option, after the sales-lead offer. */
const ANSWERS_THE_LEAD_OFFER: readonly IntentName[] = ['sales_lead', ...SMALL_TALK, 'out_of_scope'];

/** A goodbye read this surely (a farewell said, `detectClosing`) declines an offer's choice whatever yes it holds. */
const FAREWELL_CONFIDENCE = 0.9;

/**
 * The option a message picks (see `pickOption`), or the yes it implies: after "¿Quieres que un
 * asesor te prepare una cotización?", a customer often answers with what the form needs instead
 * of "sí" ("Juan Pérez", an e-mail, "medium", a line about the project), or asks for the lead
 * again. A clerk takes that as a yes. `implied`: the message itself is the answer (its data fills
 * the form), not a stand-in for the question's message. A message that asks something else (a
 * price, an account, a person) is never an implied yes.
 *
 * @example
 * answerToChoice('John Miller', leadOffer, reading) // { at: 0, implied: true }
 */
export function answerToChoice(text: string, choice: ChoiceExpectation, u: Understanding): { at: number; implied: boolean; text?: string } | null {
  // "perfecto, gracias, hasta luego" to "¿Te comparto la dirección?": a farewell, not a yes to the offer.
  if (choice.offer && u.nlu.intent.name === 'goodbye' && u.nlu.intent.confidence >= FAREWELL_CONFIDENCE) return null;
  if (urgencyTakesLeadOffer(text, choice, u)) return { at: 0, implied: true }; // "no rush", "no, es urgente": how soon, not a no
  const at = pickOption(text, choice, u.affirmation);
  if (at !== null) return { at, implied: false };
  const yes = choice.options[0];
  // "¿Te comparto su dirección?" → "la de Villa Hermosa": a short answer that asks nothing else
  // completes the offer's question ("¿Dónde queda la de Villa Hermosa?").
  if (choice.confirm && yes?.completes && u.affirmation === null && fold(text).split(' ').length <= COMPLETING_ANSWER_WORDS && !ASKS_WHEN.test(fold(text)) && !ASKS_WHERE.test(fold(text)) && !ASKS_ITS_OWN.test(fold(text))) {
    const decision = decideTriage(u);
    const other = decision.kind === 'handoff' || decision.kind === 'confirm' || (decision.kind === 'act' && decision.intent !== yes.intent);
    if (!other && u.products.length === 0) return { at: 0, implied: false, text: yes.completes.replace('{answer}', text.trim().replace(/[?¿!¡.]+/g, '')) };
  }
  if (!choice.confirm || yes?.intent !== 'sales_lead' || u.affirmation === 'no') return null;
  const decision = decideTriage(u);
  const asksAgain = (decision.kind === 'confirm' || decision.kind === 'act') && decision.intent === 'sales_lead';
  if (asksAgain) return { at: 0, implied: true };
  if (!carriesLeadData(u)) return null;
  const other = (decision.kind === 'act' && !ANSWERS_THE_LEAD_OFFER.includes(decision.intent)) || decision.kind === 'handoff' || (decision.kind === 'confirm' && decision.intent !== 'sales_lead');
  return other ? null : { at: 0, implied: true };
}

/**
 * A "no" to an offer that goes on to say what the customer wants instead ("no, I just want the
 * store hours", "no gracias, ¿cuánto cuesta el cemento?"): a request the reading is sure of, in
 * more than the "no" itself.
 */
export function saysWhatInstead(u: Understanding | null, text: string): boolean {
  if (!u || fold(text).split(' ').length < 3) return false;
  // "no, solo la cerámica": the product it names instead, whatever the classifier makes of it.
  if (u.products.length > 0 && u.affirmation === 'no') return true;
  const decision = decideTriage(u);
  return decision.kind === 'act' && !ANSWERS_THE_LEAD_OFFER.includes(decision.intent);
}

/** Folded texts by text: the routing pass folds the message and each option's text several times per turn. */
const FOLDED = new Map<string, string>();
const FOLDED_MAX = 512;

function fold(text: string): string {
  let folded = FOLDED.get(text);
  if (folded === undefined) {
    folded = foldUncached(text);
    if (FOLDED.size >= FOLDED_MAX) FOLDED.clear();
    FOLDED.set(text, folded);
  }
  return folded;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PICK_PREFIX = '(?:(?:quiero|prefiero|escojo|elijo|seria|es|pues|ok|dale|si|yes|the|la|el|lo|opcion|option|numero|number|no|nro|num|#)\\s+)*';
const PICK_SUFFIX = '(?:\\s+(?:opcion|option|one|por favor|porfa|please|gracias|thanks|pls))*';
const ORDINALS: [RegExp, number | 'last'][] = [
  [/^(?:1|uno|una|one|primer[ao]?|1r[ao]|1er|first|1st)$/, 0],
  [/^(?:2|dos|two|segund[ao]|2d[ao]|second|2nd)$/, 1],
  [/^(?:3|tres|three|tercer[ao]?|3r[ao]|3er|third|3rd)$/, 2],
  [/^(?:4|cuatro|four|cuart[ao]|4t[ao]|fourth|4th)$/, 3],
  [/^(?:ultim[ao]|last)$/, 'last'],
];
const PICK = new RegExp(`^${PICK_PREFIX}(\\S+)${PICK_SUFFIX}$`);

/** Only an acknowledgment or a laugh, folded ("ok", "jajaja ok", "perfecto", "dale pues" is not: that one asks). */
const ACKNOWLEDGES = /^(?:(?:ok[aeiy]?|okey|oki|perfecto|bueno|entendido|excelente|genial|chevere|great|cool|nice|got it|ya|listo|(?:ja|je|ji|ha|he)+h?|lol|xd|jsjs\w*)(?:\s+|$))+$/;

/** Thanks with at most an acknowledgment, folded ("ok gracias", "perfecto, muchas gracias", "thanks"): no yes word in it. */
const THANKS_CLOSE = /^(?:(?:ok[aeiy]?|okey|oki|perfecto|bueno|entendido|excelente|genial|chevere|great|cool|nice|got it|listo|vale|de acuerdo|muchas|mil|muchisimas|many|thanks?|thank you|thx|thnx|tnx|ty|gracias|grasias|graciass+|grax|grx|grcs|grs)[\s,.!]*)*(?:gracias|grasias|graciass+|grax|grx|grcs|grs|thanks?|thank you|thx|thnx|tnx|ty)[\s,.!]*(?:(?:amig[oa]|mi (?:herman[oa]|amig[oa])|manito|jefe|senor[a]?|a lot|so much|very much)[\s,.!]*)?$/;

/**
 * Which option a message picks: a number or an ordinal ("2", "la segunda", "opción 3", "the first
 * one"), the option's own text, "sí"/"no" to a yes/no question, or words that fit exactly one
 * option ("lo de la cuenta"). `null`: the message is something else, read as a new request.
 *
 * @example
 * pickOption('la segunda', choice, null) // 1
 */
export function pickOption(text: string, choice: ChoiceExpectation, affirmation: 'yes' | 'no' | null): number | null {
  // Several routing guards ask the same question of the same pending choice in one pass.
  const last = PICKED.get(choice);
  if (last !== undefined && last.text === text && last.affirmation === affirmation) return last.at;
  const at = pickOptionOf(text, choice, affirmation);
  PICKED.set(choice, { text, affirmation, at });
  return at;
}

/** The last answer of `pickOption` per choice object (the machine never changes a choice in place). */
const PICKED = new WeakMap<ChoiceExpectation, { text: string; affirmation: 'yes' | 'no' | null; at: number | null }>();

function pickOptionOf(text: string, choice: ChoiceExpectation, affirmation: 'yes' | 'no' | null): number | null {
  const f = fold(text);
  if (f.length === 0) return null;
  const n = choice.options.length;
  const bare = PICK.exec(f)?.[1];
  if (bare !== undefined) {
    for (const [re, at] of ORDINALS) {
      if (!re.test(bare)) continue;
      const index = at === 'last' ? n - 1 : at;
      // "uno"/"una" alone is too ambiguous unless the message is just that word.
      if (index < n && (at !== 0 || !/^un[oa]$/.test(bare) || f === bare)) return index;
    }
  }
  const keyOf = (o: ChoiceOption): OptionKey | undefined => {
    const k = o.label.replace(/^clarify\.option\./, '');
    return Object.hasOwn(OPTIONS, k) ? (k as OptionKey) : undefined;
  };
  // A button sends the option's text (in either language, should the conversation have switched).
  const exact = choice.options.findIndex((o) => {
    const k = keyOf(o);
    return fold(o.text) === f || (k !== undefined && Object.values(OPTIONS[k].text).some((t) => fold(t) === f));
  });
  if (exact >= 0) return exact;
  // Words decide only a short answer ("lo de la cuenta", "una persona"); a long message is a new request.
  const fits =
    f.split(' ').length > 6
      ? []
      : choice.options.flatMap((o, i) => {
          const k = keyOf(o);
          return k !== undefined && OPTIONS[k].words.test(f) ? [i] : [];
        });
  if (fits.length === 1) return fits[0] as number;
  if (choice.confirm) {
    const other = choice.options.findIndex((o) => o.intent === 'out_of_scope');
    // "jajaja ok" to "¿Te paso con alguien, o te ayudo con otra cosa?": a person is offered, not asked
    // for; an acknowledgment or a laugh is not the clear yes that hands the customer over. It takes
    // the offer's "otra cosa" ("¡Perfecto! 👍 ¿Te ayudo con algo más?"), not a goodbye.
    if (affirmation === 'yes' && choice.offer && choice.options[0]?.intent === 'human_agent' && ACKNOWLEDGES.test(f)) return other >= 0 ? other : null;
    // "ok gracias", "perfecto, muchas gracias" to "¿Te comparto la dirección?", "¿Quieres que te pase
    // las formas de pago?" or a credit application: thanks that close the exchange, not a yes to what
    // is offered (a form started or a person called on "ok gracias" is not what the customer asked).
    // "sí, gracias" still takes it.
    if (affirmation === 'yes' && choice.offer && THANKS_CLOSE.test(f)) return null;
    if (affirmation === 'yes') return 0;
    if (affirmation === 'no' && other >= 0) return other;
  }
  return null;
}
