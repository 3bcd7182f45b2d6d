import type { Understanding } from '../domain/understanding.js';

/**
 * "I need a trowel and a level": one of each of two tools, read as a lead at 0.31 while the price
 * and product readings together weigh more (0.44). A clerk prices the two tools; "would you like an
 * advisor to prepare a quote?" is for goods counted by the hundred or a job, not for one of each.
 * True when an unsure lead names goods, none counted past one, and the product readings outweigh it.
 */
export function goodsOutweighUnsureLead(u: Understanding): boolean {
  if (u.products.length === 0) return false;
  const score = (name: string): number => u.nlu.ranking.find((r) => r.name === name)?.confidence ?? 0;
  const outweighs = score('price_quote') + score('product_inquiry') > u.nlu.intent.confidence;
  // "necesito 100 sacos de cemento y 50 varillas de 3/8 …, me lo pueden llevar?": every good counted,
  // two lines or more — an order to price line by line (the estimate offers the formal quote), not
  // "¿Quieres que un asesor te prepare una cotización?" over the lines the customer already gave.
  if (u.products.length >= 2 && u.products.every((p) => p.quantity !== undefined && p.quantity >= 1)) return outweighs;
  if (u.products.some((p) => p.quantity !== undefined && p.quantity > 1)) return false;
  // "quiero una llana y un nivel": two goods or more named, none counted — a counter question, whatever the lead's lean.
  if (u.products.length >= 2 && u.products.every((p) => p.quantity === undefined)) return true;
  return outweighs;
}
