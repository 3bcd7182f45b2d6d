import { beforeAll, describe, expect, it } from 'vitest';
import { paymentDiscountAsked } from '../../../src/actors/brain/rule/store-questions.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { answerInfo } from '../../../src/actors/tools/info.tool.js';
import { paymentDiscountReply } from '../../../src/actors/tools/payment-discount.js';
import type { Lang } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { demoTenant } from './helpers.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await demoTenant();
});

/** Thursday 3 December 2026, 11:00 in La Romana. */
const NOW = Date.UTC(2026, 11, 3, 15, 0);
const said = (t: TenantData, text: string, lang: Lang = 'es'): string => {
  const reply = paymentDiscountReply(t, text, lang, NOW);
  return reply ? renderReply(reply, t.templates, lang) : '';
};

describe('a discount asked for a way of paying', () => {
  it('should read the way of paying a discount is asked for, es and en', () => {
    expect(paymentDiscountAsked('¿cuánto me descuentan si pago en efectivo?')).toEqual(['cash']);
    expect(paymentDiscountAsked('¿me lo dejan más barato si pago de contado?')).toEqual(['cash']);
    expect(paymentDiscountAsked('si pago con tarjeta ¿me rebajan algo?')).toEqual(['card']);
    expect(paymentDiscountAsked('do you give a discount for cash?')).toEqual(['cash']);
  });

  it('should not read a discount without a way of paying, nor a way of paying without a discount', () => {
    for (const text of ['¿tienen descuentos?', '¿aceptan efectivo?', 'quiero pagar en efectivo', '¿hay descuento en la pintura?']) {
      expect(paymentDiscountAsked(text), text).toEqual([]);
    }
  });

  it('should say there is no such discount, then name the current offers (never "Sí, aceptamos efectivo")', () => {
    const es = said(tenant, '¿cuánto me descuentan si pago en efectivo?');
    expect(es).toMatch(/^No, no tenemos descuento/);
    expect(es).toContain('efectivo');
    expect(es).toContain('Cemento Cemex a precio especial');
    expect(es).not.toContain('aceptamos efectivo');
    expect(said(tenant, 'do you give a discount for cash?', 'en')).toMatch(/^No, there's no discount for paying with cash/);
  });

  it('should name the offer that does give a discount for that way of paying, where the store has one', () => {
    const cashDeal = { id: 'OF-T', title: { es: 'Descuento por pago en efectivo', en: 'Cash discount' }, details: { es: '5 % de descuento pagando en efectivo', en: '5% off when paying cash' }, validUntil: '2026-12-31' };
    const withDeal: TenantData = { ...tenant, offers: [...tenant.offers, cashDeal] };
    const es = said(withDeal, '¿hay descuento si pago en efectivo?');
    expect(es).toContain('5 % de descuento pagando en efectivo');
    expect(es).not.toContain('Cemento Cemex');
  });

  it('should answer the store question with the discount, not the yes to cash', () => {
    const out = answerInfo(tenant, { tenantId: 'ferreteria', topic: 'store_hours_location', lang: 'es', text: '¿cuánto me descuentan si pago en efectivo?', idempotencyKey: 'k' } as Parameters<typeof answerInfo>[1], NOW);
    const text = out.replies.map((r) => renderReply(r, tenant.templates, 'es')).join('\n');
    expect(text).toMatch(/no tenemos descuento/);
  });
});
