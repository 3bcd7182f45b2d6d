import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorOutput } from '../../machines/conversation.contract.js';
import { asksCurrency } from '../brain/rule/studio-asks.js';
import { formatMoney } from './format.js';
import type { StudioService } from './studio-reads.js';

/**
 * "How much is a haircut in USD?", "do you take dollars?", "¿a cómo cogen el dólar?": a visitor's
 * question. The studio's prices are in pesos and it has no exchange rate in its data, so none is made
 * up; the one service named is priced in pesos first, its ways of paying (`store.json`
 * `paymentMethods`) are said, and paying in dollars is a person's to confirm. Null when the message
 * asks no currency or the tenant has no `studio.currency` template.
 */
export function currencyReply(data: Pick<TenantData, 'templates' | 'store'>, text: string, lang: Lang, named: readonly StudioService[]): InfoActorOutput | null {
  const template = data.templates[lang]?.['studio.currency'];
  if (template === undefined || !asksCurrency(text)) return null;
  const one = named.length === 1 && named[0]!.price !== undefined ? named[0]! : null;
  const lead = one ? (data.templates[lang]?.['studio.currency.lead'] ?? '').replace('{name}', one.name[lang]).replace('{price}', formatMoney(one.price!)) : '';
  const methods = data.store.paymentMethods[lang].join(', ');
  return { replies: [{ template: 'studio.currency', params: { lead, methods } }], ...(one ? { service: one.id } : {}) };
}
