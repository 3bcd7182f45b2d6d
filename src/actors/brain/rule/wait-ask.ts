import type { Understanding } from '../../../domain/understanding.js';
import { plainWords } from '../../../kernel/plain-words.js';

/**
 * "espera", "un momento", "déjame ver", "dame un chin que la busco", "hold on", "let me check": the
 * customer asks the clerk to wait. A clerk says "take your time" and keeps what was pending (the
 * offer just made, the account number, the form's question); never a product called "espera", the
 * offer taken on the "ok" in "ok déjame ver", nor "un momento" written down as the customer's name.
 */
const WAIT = String.raw`(?:esper[ae](?:me|nos|n|nme)?|un\s+(?:momento|momentito|segundo|segundito|minuto|minutito|minutico|chin|chinito)|(?:dame|deme|denme|regalame)\s+un\s+(?:momento|momentito|segundo|segundito|minuto|minutito|minutico|chin|chinito)|(?:dejame|dejeme|deja|dejenme)\s+(?:ver|chequear|chequearlo|revisar|revisarlo|buscar|buscarla|buscarlo|confirmar|preguntar|mirar|checar|consultar|verificar)(?:\s+(?:el|la|los|las|mi|mis)\s+(?:correo|email|numero|cuenta|factura|datos?|telefono|cedula|rnc|nombre|direccion|recibo))?|aguanta(?:me)?|perate|perame|hold\s+on|wait(?:\s+a\s+(?:sec|second|minute|moment))?|one\s+(?:sec|second|moment|minute)|just\s+a\s+(?:sec|second|moment|minute)|give\s+me\s+a\s+(?:sec|second|moment|minute)|let\s+me\s+(?:check|see|look|ask|find\s+it)|brb|ahorita\s+(?:te\s+digo|vuelvo|regreso|te\s+confirmo|te\s+escribo)|ya\s+(?:te\s+digo|vuelvo|regreso)|ahora\s+(?:vuelvo|te\s+digo))`;
const ASKS_TO_WAIT = new RegExp(
  String.raw`^(?:(?:ok|okay|oki|dale|si|bueno|ah|perfecto|listo|ya|vale|oye|ok\s+ok|sure|yes|alright|mmm+|hmm+)\s+)*${WAIT}(?:\s+${WAIT})*(?:\s+(?:por\s+favor|porfa|please|pls))?(?:\s+(?:que|mientras|while|i|ya|voy|ahorita|now|para|pa|to)\b.*)?$`,
);
/** Longest message read as a request to wait. */
const MAX_WORDS = 10;

/** The customer asks the bot to wait ("un momento", "déjame ver", "hold on"). */
export function asksToWait(text: string): boolean {
  const t = plainWords(text);
  return t !== '' && t.split(' ').length <= MAX_WORDS && ASKS_TO_WAIT.test(t);
}

/**
 * Any brain's reading with `waits` set when the message only asks to wait; a critical case never.
 * Nothing in it is a form's answer ("un momento" is no name).
 */
export function readingWithWait<T extends Understanding>(reading: T, text: string): T {
  if (reading.waits || reading.critical || !asksToWait(text)) return reading;
  return { ...reading, waits: true, leadFields: {} };
}
