/**
 * "prefiero que me llamen", "mejor por WhatsApp", "escríbanme al wasap", "I'd rather get a call":
 * in the lead form, the customer says how they would rather be reached. A salesperson notes it and
 * asks for the number (or, with the WhatsApp number known, does not insist on the e-mail) — never a
 * handoff ticket for "que me llamen", the store's own WhatsApp number, or "Mejor Por Whatsapp" as the
 * company. Read on folded plain words.
 */

/** The phone or WhatsApp, as a way to be reached. */
const BY_PHONE = String.raw`(?:whatsapp|whatsap|wasap|wassap|guasap|watsap|llam\w*|telefono|celular|cel|phone|call|calls|a call|text|texts|sms)`;
/** A preference stated ("prefiero…", "mejor…", "I'd rather…"), then the phone within a few words. */
const PREFERS = new RegExp(String.raw`\b(?:prefiero|preferimos|prefeririamos|preferiria|mejor|mas facil|better|(?:i|we)(?: d| would)? (?:prefer|rather)|rather)\b(?: \S+){0,4} ${BY_PHONE}\b`);
/** Asked to be called or written on WhatsApp ("llámenme", "escríbanme por wasap", "call me", "text me"). */
const ASKS = new RegExp(String.raw`^(?:(?:mejor|ok|okay|bueno|no|pues|si)\s+)*(?:llamenme|llamame|llameme|me pueden llamar|me puedes llamar|me llaman|call me|text me|whatsapp me|(?:escribanme|escribeme|escribame|contactenme|contactame|write me|message me|reach me|contact me) (?:por|al|a mi|on|by|via|through) ${BY_PHONE}|por ${BY_PHONE}(?: mejor| please| por favor)?$)`);
/** A person asked for: a handoff, not a way to be reached. */
const PERSON = /\b(?:persona|humano|agente|alguien|encargado|gerente|someone|somebody|person|human|agent|representative|manager)\b/;

/** The phone refused, not preferred ("prefiero no dar el teléfono", "I'd rather not get calls"). */
const REFUSED = /\b(?:prefiero no|preferimos no|mejor no|rather not|prefer not|no (?:quiero|tengo|uso|me llamen|llamen)|sin (?:telefono|celular|llamadas)|(?:don t|do not) (?:call|text)|no (?:calls|phone))\b/;

/** True when the message says the customer would rather be reached by phone or WhatsApp. */
export function prefersPhoneContact(folded: string): boolean {
  if (folded === '' || folded.split(' ').length > 16 || PERSON.test(folded) || REFUSED.test(folded)) return false;
  return PREFERS.test(folded) || ASKS.test(folded);
}
