/**
 * The goods a conversation is about, for the agent who picks a handoff up ("quiero que un vendedor me
 * cotice 300 blocks de 6" → "300 × blocks de 6"): the products the handing-off message names, in the
 * customer's words with their counts, and the product answered last. Read from the live context
 * (plain JSON); empty when none was named.
 */
import type { Lang } from '../domain/nlu.js';
import { formatMoney } from '../domain/money.js';
import { foldAccents } from '../kernel/fold.js';

interface GoodsView {
  understanding?: { products?: { query: string; quantity?: number }[] } | null;
  productFocus?: { name?: string; quantity?: number; price?: number } | null;
}

/**
 * The product answered last with its count priced as the customer was told ("30 × Cemento … a
 * RD$655.00 = RD$19,650.00"): the agent quotes the same amount without looking it up.
 */
function pricedFocus(focus: NonNullable<GoodsView['productFocus']>, lang: Lang): string {
  const { name = '', quantity, price } = focus;
  if (!quantity) return name;
  if (price === undefined || price <= 0) return `${quantity} × ${name}`;
  return `${quantity} × ${name} ${lang === 'es' ? 'a' : 'at'} ${formatMoney(price)} = ${formatMoney(Math.round(quantity * price * 100) / 100)}`;
}

/** `focus: false`: only the goods the handing-off message names, never the product answered before it. */
export function goodsForAgent(context: Record<string, unknown>, lang: Lang = 'es', { focus: withFocus = true }: { focus?: boolean } = {}): string[] {
  const view = context as GoodsView;
  const out: string[] = [];
  for (const p of view.understanding?.products ?? []) {
    const query = p.query.trim();
    if (query !== '') out.push(p.quantity !== undefined && p.quantity > 0 ? `${p.quantity} × ${query}` : query);
  }
  const focus = withFocus ? view.productFocus?.name : undefined;
  if (focus && !out.some((g) => g.toLowerCase().includes(focus.toLowerCase()))) {
    // "el tomacorriente que compré" after the outlet was priced: the priced line says it; the bare word beside it said nothing more.
    const named = foldAccents(focus).toLowerCase();
    const said = out.filter((g) => !/^\d/.test(g) && foldAccents(g).toLowerCase().split(/\s+/).every((w) => named.includes(w)));
    return [...new Set([...out.filter((g) => !said.includes(g)), pricedFocus(view.productFocus!, lang)])].slice(0, 6);
  }
  return [...new Set(out)].slice(0, 6);
}
