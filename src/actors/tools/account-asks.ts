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
import { renderReply } from '../render-reply.js';
import { offerOf } from './store-policies.js';

export { accountAsked, type AccountAsk } from '../../machines/account-asks-words.js';
import type { AccountAsk } from '../../machines/account-asks-words.js';

/**
 * The answer to the statement, the limit or buying on credit (asked now, or before the account could be shown) for a verified account: what is known (its standing in
 * a line) and a person offered for the rest. Null when nothing of the kind is asked or the tenant
 * lacks the templates (the standing answers as before).
 */
export function accountAskReply(tenant: TenantData, account: CustomerAccount, asked: AccountAsk | null, lang: Lang, params: Record<string, string>): { reply: ReplyDirective; offer?: ChoiceOption } | null {
  const has = (template: string): boolean => tenant.templates[lang]?.[template] !== undefined;
  // "¿puedo comprar a crédito hoy?": yes with an account up to date; paid up first when it is overdue or suspended (the standing's offer follows).
  // "¿por qué está suspendida?" right after the standing: why (the payment overdue since its date) and how to put it right, in other words than the standing.
  // "¿y cuándo vence?": the date, said as past (and what to do) or to come — never the standing again.
  if (asked === 'due') return has(`account.ask.due.${account.standing}`) ? { reply: { template: `account.ask.due.${account.standing}`, params } } : null;
  if (asked === 'why') return has(`account.ask.why.${account.standing}`) ? { reply: { template: `account.ask.why.${account.standing}`, params } } : null;
  if (asked === 'buy') return has(`account.ask.buy.${account.standing}`) ? { reply: { template: `account.ask.buy.${account.standing}`, params } } : null;
  if (asked === null || !has(`account.ask.${asked}`) || !has(`account.summary.${account.standing}`) || !has('info.offer.human_agent')) return null;
  const summary = renderReply({ template: `account.summary.${account.standing}`, params }, tenant.templates, lang);
  const { option, offer } = offerOf('human_agent', lang);
  return { reply: { template: `account.ask.${asked}`, params: { ...params, summary }, options: [option] }, offer };
}
