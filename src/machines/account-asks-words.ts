/**
 * What an account holder asks of the account beyond its standing, as words: the detailed statement,
 * the credit limit, or whether they can buy on credit with it now ("¿puedo comprar a crédito hoy?",
 * "¿puedo sacar material a crédito?", "can I buy on credit?"), or why it is suspended or overdue and
 * how to put it right ("¿por qué está suspendida?", "how do I reactivate it?"). Pure text rules: the account tool
 * answers them, and the machine routes them to the account verified in this conversation.
 */
import { foldMessage as fold } from './count-words.js';

export type AccountAsk = 'statement' | 'limit' | 'buy' | 'why' | 'due';

const ASKS: readonly (readonly [AccountAsk, RegExp])[] = [
  ['statement', /\b(?:estados? de cuenta|estado de mi cuenta detallado|detalle de (?:la |mi )?cuenta|movimientos|historial de (?:compras|pagos|la cuenta)|facturas pendientes|(?:account )?statements?|transaction history|list of (?:invoices|purchases|payments))\b/],
  ['limit', /\b(?:limite(?: de credito)?|cupo|credito disponible|disponible para comprar|cuanto (?:me queda|tengo|queda) (?:de credito|de limite|disponible|para comprar)|cuanto credito (?:me queda|tengo|hay)|credit limit|available credit|how much credit (?:do i have|is left|have i got)|credit (?:do i have )?left)\b/],
  [
    'buy',
    /\b(?:(?:puedo|podemos|pudiera|podria|se puede|me dejan|me dejarian|me venden|me fian|me despachan)\s+(?:\w+\s+){0,4}?(?:a credito|al credito|fiao|fiado|con (?:mi|la) cuenta|con (?:mi|el) credito)|(?:puedo|podemos|se puede)\s+(?:usar|utilizar)\s+(?:mi|la|el)\s+(?:cuenta|credito)|(?:can|could|may)\s+(?:i|we)\s+(?:\w+\s+){0,4}?(?:on credit|on my account|with my account|on account)|(?:can|could)\s+(?:i|we)\s+use\s+(?:my|the)\s+(?:account|credit))\b/,
  ],
  // "¿por qué está suspendida?", "¿cómo la reactivo?", "why is it suspended?", "how do I get it active again?": why, and what to do about it.
  [
    'why',
    /\b(?:(?:por ?que|xq|pq|porq|why)\s+(?:\w+\s+){0,4}?(?:suspendi\w*|suspend\w*|atrasad\w*|overdue|late|bloquead\w*|blocked|desactivad\w*|deactivated|frozen|congelad\w*)|(?:como|que\s+(?:hago|tengo\s+que\s+hacer|hay\s+que\s+hacer))\s+(?:\w+\s+){0,4}?(?:reactiv|activ|desbloque)\w*(?:\s+(?:de\s+nuevo|otra\s+vez|(?:la|mi)\s+cuenta|(?:el|mi)\s+credito))?\s*$|how\s+(?:\w+\s+){0,4}?(?:reactivate|activate|unblock|unfreeze|get)\s+(?:it|my\s+account|the\s+account|my\s+credit)(?:\s+(?:active|working|back))?(?:\s+again)?\s*$)/,
  ],
  // "¿y cuándo vence?", "¿cuándo tengo que pagar?", "when is it due?": the payment's date, said plainly (past or to come).
  [
    'due',
    /\b(?:(?:cuando|que dia|para cuando|hasta cuando)\s+(?:\w+\s+){0,3}?(?:vence|vencia|vencio|se vence|toca pagar|tengo que pagar|hay que pagar|debo pagar|es el pago|hay que saldar|pago)|fecha (?:de|del) (?:pago|vencimiento)|when\s+(?:\w+\s+){0,3}?(?:due|do i (?:have to|need to) pay|should i pay|is (?:the|my) payment)|due date)\b/,
  ],
];

/**
 * The statement, the limit, buying on credit or why the standing, if the message asks one (cheap: a length bound, then the tests).
 *
 * @example
 * accountAsked('y puedo comprar a credito hoy?'); // 'buy'
 */
export function accountAsked(text: string): AccountAsk | null {
  if (text.length === 0 || text.length > 300) return null;
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return ASKS.find(([, re]) => re.test(f))?.[0] ?? null;
}
