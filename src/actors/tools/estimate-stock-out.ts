/**
 * An estimate with a line that is out of stock ("10 sacos de cemento y 5 varillas de 5/8" with the
 * 5/8" rebar sold out): a clerk adds up what he can sell, says which line he left out, and what the
 * one he offers instead would add ("con 5 de la de 3/4 en su lugar, son RD$5,450 más"). The line
 * stays in the list with its price and its alternative, but never in the total — nor in a delivery's
 * free-delivery minimum or an offer's total, which read the same lines.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { QuoteLine } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { formatMoney } from './format.js';

/** Sold out: nothing on the shelf (a live backend's unknown stock is no sold-out line). */
export const soldOut = (product: Pick<Product, 'stock'>): boolean => product.stock <= 0;

/** What the lines that can be sold cost at catalog prices (DOP): a sold-out line adds nothing. */
export function sellableTotal(tenant: TenantData, lines: readonly QuoteLine[]): number {
  return lines.reduce((sum, l) => {
    const product = tenant.catalog.find((p) => p.sku === l.sku);
    return sum + (product && !soldOut(product) ? product.price * l.quantity : 0);
  }, 0);
}

/** One sold-out line of an estimate, with the in-stock product offered instead (if any). */
export interface SoldOutLine {
  product: Product;
  quantity: number;
  alt?: Product;
}

/**
 * The words after an estimate's total on its sold-out lines: which were left out of it and, when
 * every one has an alternative, what those would add (or, with `none` sold, what they would
 * come to). Empty when no line is sold out or the tenant has no such template.
 *
 * @example
 * soldOutNote(tenant, [{ product: rebar58, quantity: 5, alt: rebar34 }], 'es');
 * // "\nNo sumé lo agotado: *Varilla Corrugada 5/8" …*. Si quieres 5 de *Varilla Corrugada 3/4" …* en su lugar, son *RD$5,450.00* más."
 */
export function soldOutNote(tenant: TenantData, out: readonly SoldOutLine[], lang: Lang, none = false): string {
  // `none`: nothing of the estimate can be sold, so there is no total to leave the lines out of.
  const key = none ? 'product.estimate.sold_out_none' : 'product.estimate.sold_out';
  if (out.length === 0 || tenant.templates[lang]?.[key] === undefined) return '';
  const names = out.map((l) => `*${l.product.name}*`).join(lang === 'en' ? ' and ' : ' y ');
  const alts = out.flatMap((l) => (l.alt ? [{ alt: l.alt, quantity: l.quantity }] : []));
  if (alts.length < out.length || tenant.templates[lang]?.[`${key}_alt`] === undefined) return `\n${renderReply({ template: key, params: { names } }, tenant.templates, lang)}`;
  const and = lang === 'en' ? ' and ' : ' y ';
  // "5 de *Varilla Corrugada 3/4"…*": the count said apart from the name, never read as a line of the estimate.
  const instead = alts.map((a) => `${a.quantity} ${lang === 'en' ? 'of' : 'de'} *${a.alt.name}*`).join(and);
  const more = alts.reduce((sum, a) => sum + a.alt.price * a.quantity, 0);
  return `\n${renderReply({ template: `${key}_alt`, params: { names, instead, more: formatMoney(more) } }, tenant.templates, lang)}`;
}

/** The estimate's template when none of its lines can be sold: the lines and the note, no total of nothing; null when the tenant has none. */
export function soldOutTemplate(tenant: TenantData, template: string, lang: Lang): string | null {
  const key = `${template}_sold_out`;
  return tenant.templates[lang]?.[key] !== undefined ? key : null;
}
