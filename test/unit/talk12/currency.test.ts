import { beforeAll, describe, expect, it } from 'vitest';
import { asksPriceInCurrency } from '../../../src/actors/brain/rule/currency-questions.js';
import { priceInCurrencyReply } from '../../../src/actors/tools/price-currency.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const say = (lang: 'es' | 'en') => (key: string) => tenant.templates[lang]?.[key] ?? null;

describe('a price asked in another currency', () => {
  it('should read a price in dollars or the rate, not whether dollars are taken', () => {
    for (const text of ['¿cuánto es en dólares?', 'how much is that in US dollars?', 'what would that be in USD?', '¿a cómo toman el dólar?', 'what rate do you use?', 'el precio es en pesos o en dolares?', 'cuanto sale en euros?']) {
      expect(asksPriceInCurrency(text), text).toBe(true);
    }
    for (const text of ['¿aceptan dólares?', 'can I pay in dollars?', 'tienen cemento?', 'cuanto cuesta el tubo de 4 pulgadas?', 'en cuanto me sale el delivery a caleta?', 'cuanto esta el dolar hoy', "what's the exchange rate for dollars today"]) {
      expect(asksPriceInCurrency(text), text).toBe(false);
    }
  });

  it("should say the prices are in pesos and what the store's data takes, with no rate made up", () => {
    const reply = priceInCurrencyReply(tenant, '¿cuánto es en dólares?', 'es', 'efectivo', say('es'));
    expect(reply).toMatchObject({ template: 'info.payment.currency.no', params: { named: 'dólares' } });
    const takesDollars: TenantData = { ...tenant, store: { ...tenant.store, paymentMethods: { es: ['efectivo (pesos o dólares)'], en: ['cash (pesos or US dollars)'] } } };
    expect(priceInCurrencyReply(takesDollars, 'how much in dollars?', 'en', 'cash', say('en'))).toMatchObject({ template: 'info.payment.currency.yes' });
  });

  it('should say the price just given again in pesos, never look for a product called "us dollars"', async () => {
    const [, reply] = await chatOnFreshHost(tenant, brain, 'cur-1', 'I need a pump for water pressure at my house', 'how much is that in US dollars?');
    expect(reply).toContain('RD$4,650.00');
    expect(reply).toContain('Dominican pesos');
    expect(reply).not.toMatch(/don't sell|exchange rate is|US\$ ?\d/i);
  });
});
