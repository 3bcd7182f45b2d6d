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
