import type { Understanding } from '../domain/understanding.js';
import { foldAccents } from '../kernel/fold.js';

/**
 * "también me pueden llamar al 809-555-1234", "you can also call me at 809-555-1234", "or text me
 * at …", "mi otro número es …": a way to reach the customer, said about the request they just
 * registered — never a request for a person now. A clerk writes the number on the request.
 */

/** The words around a phone or e-mail given to be reached by ("call me at", "escríbanme al", "my other number"). */
const REACH_GLUE =
  /^(?:tambien|tb|tmb|ademas|o|mejor|si|acaso|por|en|caso|no|contesto|me|te|les|nos|pueden|puede|puedes|podrian|podria|llamar|llamarme|llamame|llamen|llamenme|llama|escribir|escribirme|escribeme|escribanme|escriban|textear|contactar|contactarme|contactenme|localizar|localizarme|marcar|marcarme|al|a|el|la|mi|otro|otra|numero|num|no\.|celular|cel|tel|telefono|movil|whatsapp|wasap|whats|oficina|casa|trabajo|es|este|de|y|aqui|tambien|you|can|could|may|also|call|me|at|on|or|text|reach|contact|ring|email|mail|write|to|my|other|another|alternative|second|number|cell|mobile|phone|office|work|home|is|it's|its|just|in|case|alternatively|as|well|too|the|this|if|i|don't|dont|answer|pick|up|ok|okay|and|please|porfa|por|favor|gracias|thanks|contesto|conteste|answer|best|mejor|way|forma|manera|perdon|disculpa|disculpe|sorry|equivoque|quise|decir|meant|bad|wrong|mal|incorrecto|incorrect|ese|that|actually|realidad|corrijo|correcto|correct|right|not|esta|was|tengo|tenemos|have|got|i've|ive|we|uso|use|dejo|dejo|leave|anota|anote|anotar|agrega|agregar|add|save|guarda|guardar|for|para|solicitud|request|pedido|cotizacion|quote|correo|del|e-mail|mail|personal|work|primero|primer|segundo|ultimo|first|second|last|one|numero|termina|acaba|ending|ends|en|with|wrong|number|equivocado)$/;

/** The e-mail or phone of the message, when everything else in it is how to reach the customer by it; null otherwise. */
export function contactToReach(understanding: Understanding, text: string): { phone?: string; email?: string } | null {
  const email = understanding.leadFields.email;
  const phone = understanding.leadFields.phone_or_username;
  const given = [email, phone].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (given.length === 0) return null;
  const folded = foldAccents(text.toLowerCase());
  const rest = folded.replace(/\S*@\S*|[+\d][\d\s().-]{6,}\d/g, ' ');
  const words = rest.split(/[^a-z'.]+/).map((w) => w.replace(/^\.+|\.+$/g, '')).filter((w) => w !== '');
  if (words.length === 0 || !words.every((w) => REACH_GLUE.test(w))) return null;
  return {
    ...(typeof phone === 'string' && phone.trim() !== '' ? { phone: phone.trim() } : {}),
    ...(typeof email === 'string' && email.trim() !== '' ? { email: email.trim().toLowerCase() } : {}),
  };
}

/** Said as a correction ("perdón, me equivoqué, mi número es …", "sorry, wrong number, it's …"): the number replaces the lead's. */
const CORRECTION = /\b(?:perdon|disculpa|disculpe|sorry|me equivoque|equivocad[oa]|quise decir|i meant|my bad|wrong|esta mal|incorrect[oa]?|no es ese|ese no es|ese no|not that one|that'?s not (?:it|mine|right|my number)|not my number|no es mi (?:numero|cel|celular|telefono)|numero equivocado|actually|en realidad|corrijo|correction|correccion)\b/;

export function saidAsCorrection(text: string): boolean {
  return CORRECTION.test(foldAccents(text.toLowerCase()));
}

