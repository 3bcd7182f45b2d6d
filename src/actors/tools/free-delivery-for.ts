/**
 * A delivery asked with the amount the customer will buy ("20 mil pesos de compra a Villa Hermosa,
 * ¿es gratis?", "si compro RD$5,000 ¿me lo llevan gratis a Caleta?"): a clerk answers yes or no for
 * that amount — free from the offer's minimum, else the fee and what is missing — never the rule
 * alone for the customer to work out.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import { foldAccents } from '../../kernel/fold.js';
import { renderReply } from '../render-reply.js';
import { formatMoney } from './format.js';

import { asksFreeDeliveryFor } from '../../machines/free-delivery-asked.js';
import { asksPriceAlone } from '../../machines/price-alone.js';
import { freeDeliveryFrom } from './estimate-delivery.js';

export { asksFreeDeliveryFor, asksPriceAlone };

/** "RD$20,000", "$ 5000", "20 mil pesos", "20k", "15.000 pesos", "20,000 de compra": an amount of money. */
const AMOUNT =
  /(?:rd\s*\$|us\s*\$|\$)\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:\s*(mil|k)\b)?|(\d+(?:[.,]\d+)?)\s*(mil|k)\b(?:\s*(?:pesos|pe))?|(\d{1,3}(?:[.,]\d{3})+|\d{3,})\s*(?:pesos|de\s+compra|en\s+compras?)/;
/** Words that make the amount a purchase: the amount said with buying or with money. */
const PURCHASE = /\b(?:compr\w*|pedido|orden|order|purchase|spend|gast\w*|pesos|rd|mil)\b|\$/;

/** The amount the customer says they will buy for (DOP), or undefined when the message says none. */
export function purchaseAmount(text: string): number | undefined {
  const t = foldAccents(text.toLowerCase());
  if (!PURCHASE.test(t)) return undefined;
  const m = AMOUNT.exec(t);
  if (!m) return undefined;
  const digits = (s: string): number => Number(s.replace(/[.,](?=\d{3}(?:\D|$))/g, '').replace(',', '.'));
  const [, sign, signK, word, wordK, plain] = m;
  const n = sign !== undefined ? digits(sign) * (signK ? 1000 : 1) : word !== undefined ? Number(word.replace(',', '.')) * (wordK ? 1000 : 1) : digits(plain ?? '');
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The fee said for the amount the customer named, when a current offer makes delivery to the zone
 * free from a minimum ("gratis: con RD$20,000.00 pasas de RD$15,000.00"); null when the message names
 * no amount or the tenant has no such templates (the fee with its rule is said instead).
 */
export function feeForAmount(tenant: TenantData, fee: number, freeFrom: number, text: string, lang: Lang): string | null {
  const amount = purchaseAmount(text);
  const free = amount !== undefined && amount >= freeFrom;
  const template = free ? 'info.delivery.free_for' : 'info.delivery.not_free_for';
  if (amount === undefined || tenant.templates[lang]?.[template] === undefined) return null;
  return renderReply({ template, params: { fee: formatMoney(fee), min: formatMoney(freeFrom), amount: formatMoney(amount), missing: formatMoney(freeFrom - amount) } }, tenant.templates, lang);
}

/**
 * The fee of a zone no offer makes free, when the customer asks whether it is free ("y si la compra es
 * de 20 mil es gratis?" after San Pedro's fee): the fee stays, and the zones where delivery is free say
 * from what amount. Null when nothing free is asked, no zone is free under an offer, or the tenant lacks the template.
 */
export function feeNotFreeHere(tenant: TenantData, fee: number, text: string, lang: Lang, now: number): string | null {
  const template = 'info.delivery.not_free_here';
  if (fee <= 0 || tenant.templates[lang]?.[template] === undefined || !asksFreeDeliveryFor(text)) return null;
  const free = tenant.store.deliveryZones.flatMap((z) => (z.fee > 0 ? [{ zone: z.zone, from: freeDeliveryFrom(tenant, z.zone, now) }] : [])).filter((z): z is { zone: string; from: number } => z.from !== undefined);
  if (free.length === 0) return null;
  const zones = free.map((z) => z.zone);
  const joined = zones.length === 1 ? zones[0]! : `${zones.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${zones[zones.length - 1]}`;
  return renderReply({ template, params: { fee: formatMoney(fee), zones: joined, min: formatMoney(Math.min(...free.map((z) => z.from))) } }, tenant.templates, lang);
}

/**
 * What delivery costs, asked with no place ("¿cuánto cobran por el envío?", "how much is delivery?"),
 * never the areas served ("¿a qué zonas llegan?", "which areas?"), which are listed whole.
 */
export function asksDeliveryFee(text: string): boolean {
  const t = foldAccents(text).toLowerCase();
  return t.length <= 120 && DELIVERY_FEE.test(t) && !DELIVERY_AREAS.test(t);
}
const DELIVERY_FEE = /\b(?:a\s+como|a\s+cuanto|cuanto|cuesta|cuestan|costo|cobran|cobras|cobra|vale|sale|precio|tarifa|how\s+much|cost|costs|fee|charge)\b/;
const DELIVERY_AREAS = /\b(?:zonas?|areas?|sectores?|lugares|donde|where|which|cuales)\b/;
