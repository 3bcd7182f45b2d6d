/**
 * "Buenas, le escribe Pedro Santana de Ferremax SRL, ocupo 150 blocks de 6 y 40 sacos de cemento,
 * mi email pedro@ferremax.do": a big order with who is asking and how to reach them. A clerk gives
 * the prices and takes the order down for a salesperson — both: the goods priced (without the
 * "¿Te preparo la cotización formal?" the lead answers), then the lead (Ventas) with the contact
 * the message gave and the goods as its need. Without a contact, or for a few units, the prices
 * and their offer stay as they are.
 */
import type { Understanding } from '../domain/understanding.js';
import type { LeadState } from './lead-draft.js';
import type { ReplyDirective } from './conversation.contract.js';
import type { GoodsAsked } from './quote-need.js';
import { foldAccents } from '../kernel/fold.js';

/** The fewest units of one line that make an order a salesperson's ("40 sacos", "150 blocks"). */
export const BIG_ORDER_UNITS = 10;

const given = (v: string | null | undefined): boolean => typeof v === 'string' && v.trim() !== '';

/** Who is asking (a name or a company), how to reach them (e-mail or phone), and a big count of goods. */
export function ordersWithContact(u: Understanding | null): boolean {
  if (!u) return false;
  const f = u.leadFields;
  const reachable = given(f.email) || given(f.phone_or_username);
  const who = given(f.name) || given(f.company_name);
  return reachable && who && u.products.some((p) => (p.quantity ?? 0) >= BIG_ORDER_UNITS);
}

/** A new request only: a form in progress or sent already is not started again by an order. */
export function pricesThenLead(u: Understanding | null, lead: LeadState): boolean {
  return lead.status === 'none' && ordersWithContact(u);
}

/** One line of the estimate's reply (`product.estimate.item` params). */
interface PricedItem {
  quantity?: unknown;
  name?: unknown;
}

/**
 * The lines priced, as the need a salesperson reads ("40 x Cemento Gris …, 10 x Varilla …"),
 * rather than the whole opening ("Buenas, le escribe Pedro…, mi email…"): null when the replies
 * priced no counted line.
 */
export function pricedLinesNeed(replies: readonly ReplyDirective[]): string | null {
  for (const r of replies) {
    if (!('template' in r) || !r.params) continue;
    const items = (r.params as Record<string, unknown>).items;
    if (!Array.isArray(items)) continue;
    const lines = (items as PricedItem[]).filter((i) => typeof i.name === 'string' && typeof i.quantity === 'number').map((i) => `${i.quantity as number} x ${i.name as string}`);
    if (lines.length > 0) return lines.join(', ');
  }
  return null;
}

/** A time, not a project, after "para" ("para la semana que viene", "pa mañana", "for next week", "para navidad"). */
const WHEN = /^(?:para|pa|for)\s+(?:(?:el|la|los|las|this|next|the|este|esta|el proximo|la proxima)\s+)?(?:ya|hoy|manana|pasado|ayer|ahora|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|mes|ano|proxim\w*|fin|finales|navidad|diciembre|enero|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|end|christmas|asap|yesterday)\b/;

/**
 * What the goods are for, as the customer said it after them ("…150 varillas de 3/8 para un
 * edificio de 4 niveles en Bávaro" → "para un edificio de 4 niveles en Bávaro"): the project the
 * salesperson calls about, which the lines priced alone would lose. Null when the goods' clause
 * names none (or only a time: "para la semana que viene").
 */
export function projectOfNeed(said: string): string | null {
  const clause = /\d[^.;,!?\n]*?\s((?:para|pa|for)\s[^.;,!?\n]+)/i.exec(said)?.[1]?.trim();
  if (!clause) return null;
  const folded = foldAccents(clause.toLowerCase());
  return WHEN.test(folded) || clause.split(/\s+/).length < 3 ? null : clause;
}

/** The goods a priced opening asked, with the lines priced as their words (the urgency it said kept), and the project they are for. */
export function withPricedLines(goods: GoodsAsked | null, replies: readonly ReplyDirective[]): GoodsAsked | null {
  const lines = goods ? pricedLinesNeed(replies) : null;
  const project = goods && lines ? projectOfNeed(goods.text) : null;
  const need = lines && project ? `${lines}, ${project}` : lines;
  return goods && need ? { ...goods, text: need.length <= 400 ? need : `${need.slice(0, 399).trimEnd()}…`, priced: true } : goods;
}
