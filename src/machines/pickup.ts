/**
 * "paso por ahí", "lo recojo yo", "voy a buscarlo", "I'll come by": the customer will come to the
 * store (to "¿te lo enviamos o pasas por aquí?"), not a request to read anew. Read by the machine's
 * routing (a follow-up of the store answer) and by the store tool (what to answer).
 */
import { foldAccents } from '../kernel/fold.js';
const fold = foldAccents;

const PICKUP =
  /\b(?:(?:yo\s+)?(?:paso|pasare|pasamos|pasaria|voy|vamos|ire|iremos|llego|llegamos|me\s+doy\s+una\s+vuelta)\s+(?:por\s+(?:ahi|alla|ai|la\s+tienda|alli)|a\s+(?:buscar\w*|recoger\w*|la\s+tienda)|para\s+(?:alla|ahi|alli))|(?:lo|la|los|las)\s+(?:recojo|recogo|busco|paso\s+a\s+buscar|voy\s+a\s+buscar|recogere|buscare)|(?:prefiero\s+)?(?:recoger\w*|retirar\w*|buscarlo|buscarla)\s+(?:yo|en\s+la\s+tienda|alla|ahi)|i\s*(?:'ll|\s+will)\s+(?:come\s+by|pick\s+(?:it|them)\s+up|stop\s+by|swing\s+by|come\s+(?:in|over))|(?:i'?ll\s+)?pick\s+(?:it|them)\s+up(?:\s+myself)?)\b/;

/** "¿puedo pasar a buscarlo?", "can I pick it up in store?": a question about picking up (the store's service), not the plan; "paso a buscar, dónde queda la principal": the question of where (or when) is answered. */
const ASKS = /\?|^\s*(?:can|could|may|do|does|puedo|podria|se\s+puede|pueden|puede|hay)\b|\b(?:donde|direccion|ubicacion|hasta\s+que\s+hora|a\s+que\s+hora|where|address|what\s+time|until\s+when)\b/;

export function saysPickUp(text: string): boolean {
  const f = fold(text);
  return PICKUP.test(f) && !ASKS.test(f);
}

/** The same, for the routing's list of follow-ups (a question is routed there too, then answered as one). */
export const PICKUP_PATTERN = PICKUP;
