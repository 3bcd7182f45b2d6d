import { fold } from './brain/rule/text.js';
import { saysNotWhatOrdered, tellsPurchaseTrouble, tellsWrongDelivery } from './brain/rule/purchase-trouble.js';

/**
 * What went wrong, in words a customer uses beside asking for a person ("el pedido de ayer llegó
 * incompleto", "two bags missing", "me cobraron de más"): the purchase-trouble readers miss a
 * shortfall told with no "compré" before it.
 */
const TROUBLE_WORDS =
  /\b(?:incomplet[oa]s?|falt(?:a|an|o|aron|ando)|no (?:me |nos |le )?(?:ha |han )?(?:llegad[oa]s?|llego|llegaron|vino|vinieron)|(?:me|nos|lo|la) trataron mal|mal atendid[oa]s?|rude|me cobraron|cobrad[oa] de mas|cobraron de mas|doble cobro|queja|reclamo|reclamar|devolucion|reembolso|danad[oa]s?|rot[oa]s?|defectuos[oa]s?|equivocad[oa]s?|(?:vino|vinieron|llego|llegaron|trajeron|mandaron) sin|(?:came|arrived|come) without|missing|incomplete|short|never (?:came|arrived)|has not (?:come|arrived)|hasn t (?:come|arrived)|didn t (?:come|arrive)|overcharged|charged (?:me )?twice|double charged|complaint|refund|damaged|broken|defective|wrong)\b/;

function tellsTrouble(clause: string): boolean {
  const f = fold(clause).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return TROUBLE_WORDS.test(f) || tellsPurchaseTrouble(clause) || tellsWrongDelivery(clause) || saysNotWhatOrdered(clause);
}

/**
 * The trouble a customer told while asking for a person, in their own words, for the ticket's
 * reason: the clauses that tell it, the request for the person left out; `null` when they asked for
 * a person and told nothing wrong.
 *
 * @example
 * complaintToldWith('quiero hablar con una persona, el pedido de ayer llegó incompleto'); // 'el pedido de ayer llegó incompleto'
 * complaintToldWith("can I talk to a person? yesterday's order came with two bags missing"); // "yesterday's order came with two bags missing"
 * complaintToldWith('quiero hablar con una persona'); // null
 */
export function complaintToldWith(text: string): string | null {
  const clauses = text
    .split(/[,;.!?¿¡\n]+|\s+(?:pero|but|porque|because|ya que|since)\s+/i)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const told = clauses.filter(tellsTrouble);
  if (told.length === 0) return null;
  const words = told.join(', ');
  return words.length > 200 ? `${words.slice(0, 199).trimEnd()}…` : words;
}

const ORDER_WORDS = /\b(?:pedido|pedidos|orden|ordenes|entrega|envio|despacho|delivery|order|orders|shipment)\b/;

/**
 * Whether a complaint is about an order placed or delivered ("el pedido de ayer llegó incompleto",
 * "my order never arrived"), not about a product asked before: its ticket lists no earlier product.
 *
 * @example
 * aboutAnOrder('el pedido de ayer llegó incompleto'); // true
 * aboutAnOrder('el breaker que compré no sirve'); // false
 */
export function aboutAnOrder(text: string): boolean {
  return ORDER_WORDS.test(fold(text).replace(/[^a-z0-9\s]+/g, ' '));
}
