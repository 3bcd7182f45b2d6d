/**
 * What an account holder asks beyond the standing: the detailed statement ("¿me mandan el estado
 * de cuenta?", "send me my statement") or the credit limit ("¿cuál es mi límite?", "how much credit
 * do I have left?"). The store's data holds neither (only standing, balance and due date): a clerk
 * says so, gives what is known, and offers a person who has them — never the standing again as if
 * it answered.
 */
import type { Lang } from '../../domain/nlu.js';
import type { CustomerAccount, TenantData } from '../../domain/tenant.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { fold } from '../brain/rule/text.js';
import { renderReply } from '../render-reply.js';
import { offerOf } from './store-policies.js';

export type AccountAsk = 'statement' | 'limit';

const ASKS: readonly (readonly [AccountAsk, RegExp])[] = [
  ['statement', /\b(?:estados? de cuenta|estado de mi cuenta detallado|detalle de (?:la |mi )?cuenta|movimientos|historial de (?:compras|pagos|la cuenta)|facturas pendientes|(?:account )?statements?|transaction history|list of (?:invoices|purchases|payments))\b/],
  ['limit', /\b(?:limite(?: de credito)?|cupo|credito disponible|disponible para comprar|cuanto (?:me queda|tengo) (?:de credito|disponible|para comprar)|credit limit|available credit|how much credit (?:do i have|is left)|credit (?:do i have )?left)\b/],
];

/** The statement or the limit asked, if the message asks one (cheap: a length bound, then two tests). */
export function accountAsked(text: string): AccountAsk | null {
  if (text.length === 0 || text.length > 300) return null;
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return ASKS.find(([, re]) => re.test(f))?.[0] ?? null;
}

/**
 * The answer to the statement or the limit (asked now, or before the account could be shown) for a verified account: what is known (its standing in
 * a line) and a person offered for the rest. Null when nothing of the kind is asked or the tenant
 * lacks the templates (the standing answers as before).
 */
export function accountAskReply(tenant: TenantData, account: CustomerAccount, asked: AccountAsk | null, lang: Lang, params: Record<string, string>): { reply: ReplyDirective; offer: ChoiceOption } | null {
  const has = (template: string): boolean => tenant.templates[lang]?.[template] !== undefined;
  if (asked === null || !has(`account.ask.${asked}`) || !has(`account.summary.${account.standing}`) || !has('info.offer.human_agent')) return null;
  const summary = renderReply({ template: `account.summary.${account.standing}`, params }, tenant.templates, lang);
  const { option, offer } = offerOf('human_agent', lang);
  return { reply: { template: `account.ask.${asked}`, params: { ...params, summary }, options: [option] }, offer };
}
