/**
 * The goods a conversation is about, for the agent who picks a handoff up ("quiero que un vendedor me
 * cotice 300 blocks de 6" → "300 × blocks de 6"): the products the handing-off message names, in the
 * customer's words with their counts, and the product answered last. Read from the live context
 * (plain JSON); empty when none was named.
 */
interface GoodsView {
  understanding?: { products?: { query: string; quantity?: number }[] } | null;
  productFocus?: { name?: string; quantity?: number } | null;
}

export function goodsForAgent(context: Record<string, unknown>): string[] {
  const view = context as GoodsView;
  const out: string[] = [];
  for (const p of view.understanding?.products ?? []) {
    const query = p.query.trim();
    if (query !== '') out.push(p.quantity !== undefined && p.quantity > 0 ? `${p.quantity} × ${query}` : query);
  }
  const focus = view.productFocus?.name;
  if (focus && !out.some((g) => g.toLowerCase().includes(focus.toLowerCase()))) out.push(view.productFocus?.quantity ? `${view.productFocus.quantity} × ${focus}` : focus);
  return [...new Set(out)].slice(0, 6);
}
