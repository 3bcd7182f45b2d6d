import type { InterestArea, UrgencyLevel } from '../domain/lead.js';
import type { Understanding } from '../domain/understanding.js';
import { foldAccents } from '../kernel/fold.js';
import type { LeadState } from './lead-draft.js';
import { needWithoutIntroduction } from './need-words.js';

/**
 * What a customer asked to be priced, carried into a lead started after it: "quiero cotizar 200
 * blocks de 6 para una obra", priced, then "necesito la cotización formal para la empresa" — the
 * clerk writes the blocks down as the need instead of asking "¿qué necesitas?" again. And "mándame
 * la cotización formal" right after one product was priced asks the quote of that product.
 */

/** The customer's words that asked for goods to be priced, with the message and the turn. */
export interface GoodsAsked {
  text: string;
  messageId: string;
  turn: number;
  /** When the goods are wanted, as the message said it ("for next week"): the lead's urgency (absent in older snapshots). */
  urgency?: UrgencyLevel;
  /** The lines priced ("40 x Cemento Gris …"): they take the place of a need the brain read in the same message (`priced-lead.ts`). */
  priced?: true;
}

/** How many turns after the goods were asked a lead still takes them as its need. */
const GOODS_TURNS = 6;

/** A quote asked for (the noun or the verb, es/en), on accent-folded lower-case text. */
const QUOTE_WORDS = /\b(?:coti[sz]\w*|presupuest\w*|proforma|quote|quotation|estimate)\b/;
/** The formal quote asked as a thing to be sent or prepared ("mándame la cotización formal", "send me the quote"). */
const FORMAL_QUOTE = /\b(?:cotizacion|cotisacion|presupuesto|proforma|quote|quotation)\b/;

/** A price asked as a question ("¿cuánto cuestan…?", "how much for…"). */
const PRICE_QUESTION = /\b(?:cuanto|cuantos|precio|precios|a como|cuesta|cuestan|vale|valen|how much|price|cost)\b/;

/**
 * The goods asked in this message, when it asks them as a need would say them — counted ("200
 * blocks de 6") or to be quoted ("cotízame pintura para la casa") — not a bare price question; a
 * counted price question is written as the line priced (`priced`).
 */
export function goodsAskedIn(understanding: Understanding | null, text: string, priced: string | undefined, messageId: string, turn: number): GoodsAsked | null {
  if (!understanding || understanding.products.length === 0) return null;
  const counted = understanding.products.some((p) => p.quantity !== undefined && p.quantity > 1);
  if (!counted && !QUOTE_WORDS.test(foldAccents(text))) return null;
  // "¿cuánto cuestan 50 sacos de cemento?" is a question, not a need: the line priced says it ("50 x Cemento Gris …").
  // "Buenas tardes, les escribe Laura Gómez del Hotel Playa Dorada, queremos cotizar 60 abanicos…": the need without the greeting and who is writing.
  const read = needWithoutIntroduction(text, understanding.nlu.entities);
  const said = (priced !== undefined && PRICE_QUESTION.test(foldAccents(text)) ? priced : read).trim().replace(/\s+/g, ' ');
  return { text: said.length <= 400 ? said : `${said.slice(0, 399).trimEnd()}…`, messageId, turn };
}

/**
 * The goods of a message asked whether an advisor should quote them ("Hi, I'm Mark from Blue Reef,
 * we need 300 bags of cement for next week"): the need as the brain read it (no greeting, no name)
 * and the urgency it said, so a yes starts the form with both instead of the whole message.
 */
export function leadGoodsAskedIn(understanding: Understanding | null, text: string, messageId: string, turn: number): GoodsAsked | null {
  const goods = goodsAskedIn(understanding, text, undefined, messageId, turn);
  if (!goods || !understanding) return goods;
  const need = understanding.leadFields.problem_statement;
  const said = typeof need === 'string' && need.trim().length >= 3 ? need.trim().replace(/\s+/g, ' ') : goods.text;
  return { ...goods, text: said.length <= 400 ? said : `${said.slice(0, 399).trimEnd()}…`, ...(understanding.urgency ? { urgency: understanding.urgency } : {}) };
}

/**
 * The lead with the goods asked shortly before written down as its need, when it has none yet;
 * goods priced to be bought are a sale, so the area is sales unless the customer said another.
 */
export function withGoodsAsNeed(lead: LeadState, goods: GoodsAsked | null | undefined, turn: number): LeadState {
  const said = lead.draft.problem_statement;
  const readInSameMessage = goods?.priced === true && said?.sourceMessageId === goods.messageId;
  if (!goods || turn - goods.turn > GOODS_TURNS || (said !== undefined && !readInSameMessage)) return lead;
  const source = { sourceMessageId: goods.messageId };
  const area: InterestArea = 'Ventas';
  return {
    ...lead,
    draft: {
      ...lead.draft,
      problem_statement: { value: goods.text, ...source },
      ...(lead.draft.interest_area === undefined ? { interest_area: { value: area, ...source } } : {}),
      ...(goods.urgency && lead.draft.urgency_level === undefined ? { urgency_level: { value: goods.urgency, ...source } } : {}),
    },
  };
}

/** "mándame la cotización formal", "hazme el presupuesto", "send me the quote": the formal quote asked for, no product named. */
export function asksFormalQuote(understanding: Understanding | null, text: string): boolean {
  return !!understanding && understanding.products.length === 0 && FORMAL_QUOTE.test(foldAccents(text));
}
