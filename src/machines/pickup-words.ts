import { plainWords } from '../kernel/plain-words.js';

/**
 * The customer says they will come for what was just priced, or asks for it to be ready: "me lo
 * pueden tener listo pa las 3?", "paso a buscarlo mañana", "lo recojo en la tarde", "can you have it
 * ready for pickup at 4?", "I'll pick it up tomorrow". After "¿Te lo reservo?" a clerk sets it aside
 * for that pickup: a yes, told as one.
 */
const PICKUP = new RegExp(
  [
    // "me lo pueden tener listo", "tenmelo listo", "déjamelo listo", "que esté listo pa las 3"
    String.raw`\b(?:tener(?:me|nos)?l[oa]s?|ten(?:me|nos)l[oa]s?|tengan(?:me|nos)?l[oa]s?|deja(?:me|nos)l[oa]s?|dejen(?:me|nos)l[oa]s?|(?:me|nos) (?:l[oa]s? )?(?:pueden|puede|podrian|podria) (?:tener|dejar)|(?:l[oa]s? )?(?:tienen|tengan|dejen|deja|tenga)|que (?:este|esten)) (?:\w+ )?(?:list[oa]s?|preparad[oa]s?|separad[oa]s?|apartad[oa]s?)\b`,
    // "paso a buscarlo", "voy a recogerlo", "lo busco mañana", "lo recojo en la tarde", "mañana paso por él"
    String.raw`\b(?:paso|pasare|pasamos|voy|vamos|iria|vengo|mando|envio) (?:a )?(?:buscar|recoger|retirar)l[oa]s?\b`,
    String.raw`\b(?:paso|pasare|pasamos|voy|vamos|vengo) (?:a )?(?:buscar|recoger|retirar) (?:hoy|manana|ahora|ahorita|en la|a las|esta|pasado)\b|\b(?:paso|pasare|pasamos) por (?:el|ella|ellos|ellas|eso)\b`,
    String.raw`\b(?:l[oa]s? )(?:busco|buscare|recojo|recogere|retiro|paso a buscar|paso a recoger|mando a buscar)\b(?! (?:en|a) otr)`,
    String.raw`\b(?:buscarl[oa]s?|recogerl[oa]s?|retirarl[oa]s?) (?:hoy|manana|ahora|ahorita|en la|a las|esta|pasado|el)\b`,
    // English
    String.raw`\b(?:have|get) (?:it|them|that|those|everything|the order) (?:ready|set aside|put aside)\b`,
    String.raw`\b(?:i ll|i will|i m going to|i am going to|gonna|we ll|we will|i can|can i|could i) (?:come )?(?:pick (?:it |them )?up|collect (?:it|them)|come (?:by |and get it|for it|get it))\b`,
    String.raw`\b(?:ready for (?:pick ?up|collection)|for pick ?up|pick it up|pick them up)\b`,
  ].join('|'),
);

/** Whether the message plans the pickup of what was priced, or asks it to be ready (`PICKUP`). */
export function plansPickup(text: string): boolean {
  const t = plainWords(text);
  return PICKUP.test(t) && !SOME_OTHER_TIME.test(t);
}

/** "paso a buscarlo en otra ocasión", "I'll pick it up some other time": put off, no pickup planned. */
const SOME_OTHER_TIME = /\b(?:otra ocasion|otro dia|otro momento|otra vez sera|some other time|another time|another day|some other day)\b/;
