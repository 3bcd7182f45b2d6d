/**
 * The customer lets the matter go: "never mind", "forget it", "olvídalo", "déjalo así", "cancela",
 * "ya no quiero la cotización", "I changed my mind". Not a complaint (the classifier learnt "never"
 * from "the delivery never arrived") and not a farewell: a clerk says "no problem" and asks whether
 * there is anything else; in the middle of the lead form, the form is dropped (nothing is sent).
 * Read by the rule brain (the intent) and by the machine (a form in progress is dropped).
 */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Words around the letting go that change nothing ("ok, never mind, thanks"). */
const AROUND = String.raw`(?:ok|okay|okey|oh|ah|ahh|bueno|pues|well|hmm|mm|no|nah|sorry|perdon|disculpa|gracias|thanks|thank you|then|entonces|mejor|better|actually|en realidad|por ahora|for now|de todos modos|anyway|anyways|ya|dale|please|por favor)`;

/** The letting go itself. */
const LET_GO = String.raw`(?:never ?mind|nvm|forget (?:it|that|about it|the whole thing)|don t worry about it|olvid(?:a|e|en)(?:lo|la|te|se) ?(?:de eso|eso|todo)?|dej(?:a|e|en)(?:lo|la) (?:asi|ahi|eso|para despues|para otro dia)|dej(?:a|e|en)lo|deja eso|dejemos(?:lo)? (?:asi|ahi|eso)|cancel(?:a|e|en|ar|alo|ala|o|ado)?(?: (?:it|that|eso|la solicitud|the request|la cotizacion|the quote|todo|everything))?|ya no (?:quiero|necesito|me interesa|hace falta)(?: (?:la solicitud|la cotizacion|el presupuesto|eso|nada|seguir|continuar|hacerla|hacerlo))?|no quiero (?:seguir|continuar)(?: con (?:eso|esto|la solicitud|la cotizacion))?|(?:i )?changed my mind|(?:i )?don t want (?:it|that|the quote|to continue) (?:anymore|any more)|not interested any ?more|no longer (?:needed|interested)|i don t need it any ?more|cambie de (?:idea|opinion|parecer)|me arrepenti)`;

/** Later, in so many words ("después", "más tarde", "otro día", "later"). */
const LATER = String.raw`(?:para )?(?:despues|luego|mas tarde|mas adelante|otro dia|otro momento|otra vez|later|another time|some other time|another day)`;
/** "olvídalo, después sigo", "forget it, I'll come back later": the letting go with the coming back said after it. */
const BACK_LATER = String.raw`(?: (?:${LATER} (?:lo |la )?(?:sigo|seguimos|termino|continuo|retomo|vuelvo|te escribo|les escribo)|(?:i ll|i will) (?:come back|write|finish it) ${LATER}))?`;

const LETTING_GO = new RegExp(String.raw`^(?:${AROUND} )*${LET_GO}${BACK_LATER}(?: ${AROUND})*$`);

/** The whole message lets the matter go (with an "ok" or a "thanks" around it). */
export function letsItGo(text: string): boolean {
  const f = fold(text);
  return f.length > 0 && f.split(' ').length <= 12 && LETTING_GO.test(f);
}
/** Putting the matter off: "mejor después", "lo dejo para después", "después lo termino", "let's do it later". */
const PUTS_OFF = new RegExp(
  String.raw`^(?:${AROUND} )*(?:(?:mejor|better) ${LATER}|(?:(?:mejor )?(?:lo|la) )?(?:dejo|dejamos|termino|terminamos|hago|hacemos|sigo|seguimos|continuo|continuamos|completo|vemos) (?:(?:esto|eso) )?${LATER}|${LATER} (?:lo |la )?(?:sigo|seguimos|termino|terminamos|hago|completo|continuo|continuamos|te escribo|les escribo|vuelvo|retomo|retomamos)|(?:maybe|perhaps) later|(?:let s|let us|we can|i ll|i will|i can) (?:do|finish|continue|complete) (?:it|this|that) ${LATER}|i ll (?:come back|get back to you|write back) ${LATER}?)(?: ${AROUND})*$`,
);

/**
 * The form put off for later ("mejor después", "lo dejo para después", "después lo termino", "let's
 * do it later"): read only in the middle of a form, where it is let go like "olvídalo" (nothing
 * sent, the draft kept for when the customer comes back) — never "no te entendí", nor a goodbye that
 * forgets it was half done.
 */
export function putsOffForm(text: string): boolean {
  const f = fold(text);
  return f.length > 0 && f.split(' ').length <= 12 && PUTS_OFF.test(f);
}
