import type { LeadKnown, ProductFocus } from './conversation.contract.js';

/**
 * What the conversation knows beside the lead's form, for the salesperson who calls back: the
 * place named, how the customer asked to be reached, and the products priced to them (the one in
 * focus and those answered just before it, with the counts they gave) — "cuánto ta la plancha de
 * zinc?" asked in the middle of the form reaches the CRM as the zinc and its price, so the advisor
 * does not ask again what was already quoted.
 */
export function leadKnownOf(context: { placeSaid?: { name: string } | null; lead: { reachBy?: 'phone' }; productFocus?: ProductFocus | null }): LeadKnown {
  const priced = pricedOf(context.productFocus ?? null);
  return {
    ...(context.placeSaid ? { place: context.placeSaid.name } : {}),
    ...(context.lead.reachBy ? { reachBy: context.lead.reachBy } : {}),
    ...(priced.length > 0 ? { priced } : {}),
  };
}

/** The most products one lead carries as priced (a long counter session keeps only its latest). */
const MOST_PRICED = 10;

function pricedOf(focus: ProductFocus | null): { sku: string; quantity?: number }[] {
  // "Tengo 5 tipos… ¿cuál te interesa?" with none picked nor counted: a list shown, not a product priced to them.
  if (!focus || ((focus.options?.length ?? 0) > 1 && focus.quantity === undefined)) return [];
  const counted = (sku: string, n: number | undefined) => ({ sku, ...(n !== undefined && n > 0 ? { quantity: n } : {}) });
  // `recent` is latest first: the order the customer asked them in is its reverse.
  const skus = [...(focus.recent ?? [])].reverse().filter((s) => s !== focus.sku);
  const lines = skus.map((s) => counted(s, focus.counts?.[s]));
  // `at`: where the one in focus stood in the customer's order (the estimate's first line is 0).
  lines.splice(Math.min(focus.at ?? lines.length, lines.length), 0, counted(focus.sku, focus.one ? 1 : focus.quantity));
  return lines.slice(-MOST_PRICED);
}
