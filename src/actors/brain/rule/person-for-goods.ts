/**
 * "quiero que un asesor me cotice los blocks", "pásame un vendedor pa cotizar 50 sacos de cemento",
 * "necesito un asesor para la varilla", "I want a salesperson to quote me the rebar": a person of the
 * store asked for, about goods the message names. A clerk calls the salesperson over (the handoff,
 * with the goods in its summary), never prices the goods nor asks their size instead. A question for
 * the person to answer ("¿un asesor me puede decir el precio del block?") is a question: answered.
 * The sales side by name, or an advisor asked to quote ("que un asesor me cotize…"), stays the
 * advisor's lead (`asksForSalesPerson`), and a tradesperson ("alguien que me instale…") is no person of the store.
 */
import { fold } from './text.js';

function words(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const COURTESY = String.raw`(?:(?:hola|ola|buenas|buenos dias|buenas tardes|buenas noches|buen dia|saludos|klk|hi|hello|hey|disculpa|disculpe|oye|oiga|mira|por favor|porfa|please|ok|okay|bueno|y|and)\s+)*`;
/** A person of the store who sells (Spanish and English). */
const SELLER = String.raw`(?:asesor|asesora|vendedor|vendedora|agente|representante|ejecutivo|ejecutiva|encargado|encargada|dependiente|salesperson|salesman|saleswoman|sales rep|sales person|rep|agent|advisor|adviser|representative|staff member|human|humano|persona real|real person)`;
/** Anyone, when asked to talk to or to be passed to ("pásame con alguien", "talk to someone"). */
const ANYONE = String.raw`(?:${SELLER}|persona|alguien|someone|somebody|a person|person)`;
const ART = String.raw`(?:(?:un|una|el|la|algun|alguna|su|sus|a|an|the|one of your|your)\s+)?`;
/** Wanting it: "quiero", "necesito", "I want", "I'd like"… */
const WANT = String.raw`(?:quiero|kiero|qiero|quisiera|necesito|ocupo|me gustaria|prefiero|preferiria|deseo|busco|i want|i need|i d like|i would like|i d prefer|i would prefer|can i get|could i get|let me get|i m looking for|looking for)`;

const ASKED = [
  // "quiero que un asesor me cotice…", "necesito que un vendedor me atienda…", "I want a salesperson to quote me…"
  new RegExp(String.raw`\b${WANT}\s+(?:(?:que|q|k)\s+)?${ART}${SELLER}\s+(?:(?:me|nos)\s+\w+|to\s+\w+|para|pa|for|about|sobre|de|con)\b`),
  // "que un vendedor me cotice 300 blocks" (the message opens with it)
  new RegExp(String.raw`^${COURTESY}(?:que|q)\s+${ART}${SELLER}\s+(?:me|nos)\s+\w+`),
  // "pásame (con) un vendedor…", "comunícame con un asesor…", "put me through to a salesperson…"
  new RegExp(String.raw`\b(?:pasame|pasenme|pasame con|pasenme con|comunicame con|comuniquenme con|conectame con|conectenme con|ponme con|pongame con|put me through to|connect me (?:with|to)|transfer me to)\s+${ART}${ANYONE}\b`),
  // "quiero hablar con un vendedor sobre…", "can I talk to someone about…"
  new RegExp(String.raw`\b(?:${WANT}\s+)?(?:hablar|tratar|conversar|talk|speak|chat)\s+(?:con|to|with)\s+${ART}${ANYONE}\s+(?:para|pa|sobre|de|acerca|por|about|regarding|for|on|que)\b`),
];

/** Asked of the person, not for them: "¿un asesor me puede decir el precio?", "can a salesperson tell me…" */
const ASKS_THEM = /\b(?:puede|pueden|podria|podrian|can|could)\s+(?:(?:me|nos)\s+)?(?:decir|dar|informar|tell|give)\b|\b(?:me|nos)\s+(?:puede|pueden|podria|podrian)\s+(?:decir|dar|informar)\b/;
/** A big order or a project ("para un pedido grande de varilla", "for my project"): the advisor's lead, whoever is asked for. */
const BIG_BUY = /\b(?:pedido grande|pedidos grandes|compra grande|al por mayor|por mayor|por volumen|wholesale|large order|big order|bulk|proyecto|proyectos|project|projects|obra|obras)\b/;
/** A job as one ("busco trabajo de vendedor"), or a tradesperson to do a job ("alguien que me instale"). */
const NOT_THIS = /\b(?:trabajo|trabajar|empleo|vacante|vacantes|puesto|plaza|curriculum|cv|job|hiring|hire|position|apply|instale|instalen|instalar|install|repare|reparen|arregle|arreglen|fix|pinte|pinten|construya|construyan)\b/;

/** A person of the store asked for (to attend, quote, be talked to), not asked a question. */
export function asksPersonForGoods(text: string): boolean {
  const f = words(text);
  return ASKED.some((re) => re.test(f)) && !ASKS_THEM.test(f) && !NOT_THIS.test(f) && !BIG_BUY.test(f);
}
