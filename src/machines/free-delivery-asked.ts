/**
 * "y si la compra es de 20 mil es gratis?", "and if I spend 15k?", "a partir de cuánto es gratis?"
 * once a zone's delivery fee, or delivery at all, was talked about in the conversation (however many
 * turns ago): whether that delivery is free for an amount, or from what amount.
 * Pure text rule, read by the machine's routing (the store's follow-up) and by the store tool (the
 * zone answered before is the one asked about).
 */
import { plainWords as fold } from '../kernel/plain-words.js';

/** Free, or without a fee. */
const FREE = /\b(?:gratis|free|sin costo|no (?:me )?cobran|no cobran el (?:delivery|envio)|no charge)\b/;
/** From what amount ("a partir de cuánto", "desde cuánto", "what's the minimum"). */
const FROM_WHAT = /\b(?:a partir de (?:cuanto|que monto)|desde (?:cuanto|que monto)|cuanto (?:tengo|hay) que (?:comprar|gastar)|monto minimo|minimo de compra|from how much|how much (?:do i|would i|should i) (?:have to |need to )?(?:spend|buy)|minimum (?:order|purchase|spend))\b/;
/** An amount to be bought or spent: "20 mil", "15k", "RD$20,000", "20,000 pesos". */
const AMOUNT = /(?:\brd ?|\$ ?)\d|\b\d+(?:[.,]\d+)? ?(?:mil|k)\b|\b\d{1,3}(?:[.,]\d{3})+\b|\b\d{4,}\b/;
/** Buying or spending said with the amount. */
const SPENDS = /\b(?:compr\w*|gast\w*|spend|spent|buy|order|purchase|pedido|pesos)\b/;

/** A short message asking whether the delivery is free for an amount, or from what amount. */
export function asksFreeDeliveryFor(text: string): boolean {
  if (text.length > 160) return false;
  const f = fold(text);
  const amount = AMOUNT.test(f) || AMOUNT.test(text.toLowerCase());
  return (FREE.test(f) && (amount || FROM_WHAT.test(f))) || (amount && SPENDS.test(f) && /^(?:y|and|what|si|if|pero|but)\b/.test(f));
}

/** Delivery talked about ("¿hacen delivery?", "¿me lo envían a Caleta?", "do you deliver?", "shipping"). */
const DELIVERY_WORDS = /\b(?:delivery|deliver\w*|envi[oa]s?|enviar\w*|envian|mandan|mandar\w*|llevan|llevar\w*|entreg\w*|shipping|ship|flete|domicilio|transporte)\b/;

/** Whether a customer message talks about delivery: a free-delivery question later in the conversation is about it. */
export function talksDelivery(text: string): boolean {
  return text.length <= 400 && DELIVERY_WORDS.test(fold(text));
}
