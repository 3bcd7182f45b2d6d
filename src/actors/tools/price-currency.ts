/**
 * "¿Cuánto es en dólares?", "how much is that in US dollars?", "what rate do you use?": the
 * store's prices are in its own currency (the product just priced said again in it), it has no
 * exchange rate in its data (none is made up), and whether it takes the currency asked is read
 * from its `paymentMethods`.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { paymentMethodsNamed } from '../brain/rule/store-questions.js';
import { asksPriceInCurrency } from '../brain/rule/currency-questions.js';
import { formatMoney } from './format.js';
import { renderReply } from '../render-reply.js';
import { takesPaymentMethod } from './store-policies.js';

/** The currencies a customer may ask a price in, as keys of the ways of paying. */
const CURRENCIES = ['dollars', 'euros'] as const;

/**
 * The answer to a price asked in another currency, or null when the message asks none (or the
 * tenant lacks the templates). `focusSku`: the product priced last turn, said again in pesos.
 */
export function priceInCurrencyReply(tenant: TenantData, text: string, lang: Lang, methods: string, say: (template: string) => string | null, focusSku?: string): ReplyDirective | null {
  if (!asksPriceInCurrency(text)) return null;
  // "what rate do you use?" names none: in the Dominican Republic that is the dollar.
  const key = paymentMethodsNamed(text).find((k): k is (typeof CURRENCIES)[number] => (CURRENCIES as readonly string[]).includes(k)) ?? 'dollars';
  const template = takesPaymentMethod(tenant, key) ? 'info.payment.currency.yes' : 'info.payment.currency.no';
  const named = say(`info.payment.name.${key}`);
  if (named === null || tenant.templates[lang]?.[template] === undefined || tenant.templates[lang]?.['info.payment.currency.store'] === undefined) return null;
  const product = focusSku === undefined ? undefined : tenant.catalog.find((p) => p.sku === focusSku);
  const lead = renderReply(
    product && tenant.templates[lang]?.['info.payment.currency.product'] !== undefined
      ? { template: 'info.payment.currency.product', params: { name: product.name, price: formatMoney(product.price) } }
      : { template: 'info.payment.currency.store' },
    tenant.templates,
    lang,
  );
  return { template, params: { lead, named, methods } };
}
