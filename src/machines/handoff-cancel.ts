/**
 * The customer calling off the person they asked for, before anyone answered: "olvídalo, ya no
 * hace falta", "ya lo resolví", "never mind". A clerk who was about to call a colleague says
 * "listo" and keeps helping; the bot does the same (the case is closed as the customer's, the
 * agents see the message), instead of staying silent for an agent who will find nothing to do.
 * Only the whole message: "ya no hace falta el cemento, pero necesito…" is not this.
 */
import type { HandoffReason } from '../domain/ticket.js';
import { foldAccents } from '../kernel/fold.js';

/** Handoffs the customer may call off: asked by them, or made for want of understanding; never a complaint, an urgent case or an agent's takeover. */
const CANCELLABLE: ReadonlySet<HandoffReason> = new Set(['customer_request', 'not_understood', 'brain_unavailable']);

const LEAD = String.raw`(?:(?:no|ok|okay|oka|bueno|ah|ay|tranquilo|tranquila|dale|gracias|disculpa|perdon|sorry|thanks|oh|nah|nope)\s+)*`;
const TAIL_WORD = String.raw`(?:gracias|muchas gracias|thanks|thank you|bye|adios|igual|de todas formas|anyway|then|entonces|ya|por ahora|for now|mejor|better|porfa|por favor|please)`;
const PHRASE = String.raw`(?:olvid(?:alo|enlo|a eso|ate de eso|elo)|ya no (?:hace falta|es necesario|lo necesito|importa|se necesita|quiero|hay que)|no hace falta(?: ya)?|ya no|cancel(?:a|alo|ar|en|enlo|a eso|a la solicitud)|no importa|deja(?:lo)? (?:asi|eso)|ya (?:lo |la )?(?:resolvi|arregle|consegui|encontre)|ya se resolvio|ya esta resuelto|never ?mind|forget (?:it|about it)|cancel(?: it| that| the request)?|no longer needed|not needed anymore|i (?:already )?(?:solved|fixed|found|sorted) it|it s (?:fine|ok|okay|sorted) now|(?:that s|thats) (?:fine|ok)|no need)`;
const CALLED_OFF = new RegExp(String.raw`^${LEAD}${PHRASE}(?:\s+(?:${PHRASE}|${TAIL_WORD}))*$`);

/**
 * Whether `text` calls off a handoff of `reason` (see the module comment). `askedPerson`: a complaint
 * told while asking for a person ("quiero hablar con alguien, el pedido llegó incompleto"). The person
 * was the customer's request, so they may call it off as any request ("ya lo resolví"); the ticket
 * closes still filed as a complaint, so the store keeps what went wrong. A complaint the bot filed on
 * its own (no person asked) stays open: the store owes the customer an answer.
 */
export function callsOffHandoff(text: string, reason: HandoffReason | null, askedPerson = false): boolean {
  if (reason === null || !(CANCELLABLE.has(reason) || (reason === 'complaint' && askedPerson)) || text.length > 80) return false;
  const f = foldAccents(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return CALLED_OFF.test(f);
}
