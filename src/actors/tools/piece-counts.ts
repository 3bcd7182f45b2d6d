/**
 * A count of pieces said for goods sold by another measure: "3 docenas de tornillos" of screws sold
 * by the hundred is the hundreds that hold them (`inHundreds`); "una docena de tornillos de drywall"
 * of screws sold by the pound is no count of pounds: a clerk shows the price per pound, never sells
 * twelve pounds for twelve screws.
 */
import { foldAccents } from '../../kernel/fold.js';
import type { Wanted } from './product-request.js';
import { inHundreds } from './request-counts.js';

/** The item with its count read in the product's own selling unit (`unit`, as the catalog has it). */
export function countInUnit(item: Wanted, unit: string, text: string | undefined): Wanted {
  if (text === undefined) return item;
  if (unit === 'ciento') return inHundreds(item, text);
  if (item.quantity === undefined) return item;
  if (/^(?:libra|lb)$/.test(foldAccents(unit).toLowerCase()) && /\b(?:docenas?|dozens?)\b/.test(foldAccents(text).toLowerCase())) {
    const { quantity: _pieces, ...rest } = item;
    return rest;
  }
  return item;
}

/**
 * The focus without its count when `drop`: "2 cajas de clavos" of nails sold by the pound shows the
 * nails, and the one picked next ("el de 3 pulgadas") is priced per pound, never as 2 pounds.
 */
export function withoutCount<T extends { quantity?: number }>(focus: T, drop: boolean): T {
  if (!drop) return focus;
  const { quantity: _boxes, ...rest } = focus;
  return rest as T;
}
