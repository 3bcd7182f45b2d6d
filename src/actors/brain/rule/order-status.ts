/**
 * A question about an order already placed: "¿cuándo llega mi pedido?", "quiero saber el estado de
 * mi pedido", "hice un pedido ayer, ¿cuándo me lo traen?", "where is my order?". Only a person of the
 * store can look it up, so it is a request for one, never a complaint before anything went wrong;
 * trouble told ("mi pedido no ha llegado", "llevo 3 días esperando el pedido") stays a complaint.
 */
import { ORDER_NOT_PLACED } from '../../../machines/delivery-time.js';
import { fold } from './text.js';

const MY_ORDER =
  /\b(?:(?:mi|nuestro|nuestra|my|our)\s+(?:pedido|orden|compra|envio|delivery|order|purchase)|hice un pedido|hicimos un pedido|(?:tengo|tenemos) un (?:pedido|orden)|(?:el|la) (?:pedido|orden) que (?:hice|hicimos|pedi|pedimos|ordene|ordenamos)|i (?:placed|made|have) an order)\b/;
const ASKS = /\b(?:cuando|a que hora|estado|status|ya (?:salio|viene|va|esta|lo|me|nos)|donde (?:esta|va|viene)|como va|me lo traen|me lo llevan|nos lo traen|llega|when|where|track(?:ing)?)\b/;
const TROUBLE =
  /\b(?:no (?:(?:me|nos) )?(?:ha|han)? ?(?:llegado|llego|traido|entregado|mandado|despachado)|todavia no|aun no|llevo|llevamos|hace \d+|desde (?:ayer|el)|nunca|still|hasn t|has not|never|late|demora\w*|retras\w*|incomplet\w*|equivocad\w*|danad\w*|rot[oa]s?|wrong|missing|damaged|broken)\b/;

/** Whether the message asks after an order already placed, with no trouble told (see above). */
export function asksOrderStatus(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return MY_ORDER.test(f) && ASKS.test(f) && !TROUBLE.test(f) && !ORDER_NOT_PLACED.test(f);
}

/** Calling off an order: "quiero cancelar mi pedido", "anulen la orden que hice ayer", "cancel my order". */
const CANCEL = /\b(?:cancel\w*|anul\w*|ya no (?:quiero|necesito|voy a querer) (?:el|mi|la|ese|esa) (?:pedido|orden))\b/;
const AN_ORDER = /\b(?:(?:el|la|mi|nuestro|nuestra|ese|esa|este|esta|my|our|the|that) (?:pedido|orden|compra|order|purchase)|hice un pedido|i (?:placed|made) an order)\b/;

/**
 * Whether the message asks to cancel an order already placed, with no trouble told: only a person
 * of the store can stop it (a request for one, worded as such, not "lamento lo que pasó"); "quiero
 * cancelar mi pedido porque llegó roto" tells trouble and stays a complaint.
 */
export function asksToCancelOrder(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return CANCEL.test(f) && AN_ORDER.test(f) && !TROUBLE.test(f) && !ORDER_NOT_PLACED.test(f);
}

/** Changing an order: "quiero cambiar el pedido", "¿le puedo agregar 5 sacos a mi pedido?", "I need to change my order". */
const CHANGE = /\b(?:cambiar|cambiarle|modificar|modificarle|agregar|agregarle|anadir|anadirle|sumarle|quitar|quitarle|change|modify|add to|update)\b/;

/** An order placed, named as such (not "la compra", which an estimate in progress is too). */
const PLACED_ORDER = /\b(?:(?:el|la|mi|nuestro|nuestra|ese|esa|este|my|our|the|that) (?:pedido|orden|order)|hice un pedido|i (?:placed|made) an order)\b/;

/**
 * Whether the message asks to change an order already placed (add, take off, modify), with no
 * trouble told: a person of the store finds it and changes it before it leaves — a request for one,
 * worded as such, never "lamento lo que pasó". "quiero cambiar el pedido porque llegó roto" stays a complaint.
 */
export function asksToChangeOrder(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return CHANGE.test(f) && PLACED_ORDER.test(f) && !TROUBLE.test(f) && !ORDER_NOT_PLACED.test(f) && !CANCEL.test(f);
}

/**
 * "¿me lo traen?", "me lo pueden llevar?" read as a weak complaint (the classifier hears trouble in
 * "traer"): with no trouble told and no order already placed, it asks whether the goods can be
 * brought, a delivery question. A complaint about a delivery ("no me lo han traído") keeps its reading.
 */
export function bringsNoTrouble(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return f.split(' ').length <= MAX_BRING_WORDS && BRING_IT.test(f) && !TROUBLE.test(f) && !MY_ORDER.test(f) && !/\b(?:no|nunca|todavia|aun|not|never|yet)\b/.test(f);
}
/** The goods asked to be brought, with their pronoun: "me lo traen", "nos los pueden llevar", "me la mandan". */
const BRING_IT = /\b(?:me|nos) (?:lo|la|los|las) (?:(?:pueden|puede|podrian|podria|van a) )?(?:llevan|llevar|traen|traer|mandan|mandar|envian|enviar)\b/;
/** Longer than this, the message tells a story, not a short question. */
const MAX_BRING_WORDS = 8;

/** An order placed, told as such ("hice un pedido", "pedí 20 sacos ayer", "I placed an order", "I ordered 50 blocks on Monday"). */
const ORDER_PLACED = /\b(?:(?:mi|nuestro|nuestra|el|la|my|our|the) (?:pedido|orden|order|delivery)|(?:hice|hicimos) (?:un|el) pedido|(?:pedi|pedimos|ordene|ordenamos|encargue|encargamos)\b.*\b(?:ayer|antier|anteayer|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|hace)|(?:i|we) (?:placed|made|put in) (?:an|the|my|our) order|(?:i|we) ordered)\b/;
/** It has not come ("no ha llegado", "todavía no llega", "hasn't arrived", "still haven't delivered", "never came"). */
const NOT_ARRIVED = /\b(?:no (?:(?:me|nos) )?(?:ha|han) (?:llegado|traido|entregado|mandado|despachado)|(?:todavia|aun|nunca) no (?:(?:me|nos) )?(?:llega|llegan|llego|llegaron|ha llegado|han llegado|lo traen|lo han traido|me lo traen)|no (?:me |nos )?(?:llega|llego|llegaron)|(?:hasn t|has not|haven t|have not|didn t|did not) (?:arrived|come|shown up|been delivered|delivered|got here|gotten here)|never (?:arrived|came|showed up|got here)|not (?:here|delivered) yet|still (?:waiting|not here))\b/;

/**
 * An order placed that has not arrived: "ayer hice un pedido de 20 sacos y todavía no ha llegado",
 * "I placed an order yesterday for 50 blocks and it hasn't arrived". A late delivery, a complaint a
 * person takes up — never the products it names priced again.
 */
export function tellsOrderNotArrived(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return ORDER_PLACED.test(f) && NOT_ARRIVED.test(f) && !ELSEWHERE.test(f) && !ASKS_IF_DELIVERED.test(f);
}
/** Whether the store delivers then, asked with it ("my order didn't come on Sunday, don't you deliver on weekends?"): the store's delivery days answer. */
const ASKS_IF_DELIVERED = /\b(?:(?:don t|do not|do|can t|can|will|won t) you (?:guys )?deliver|(?:no )?(?:entregan|reparten|hacen delivery|hacen entregas|trabajan|despachan) (?:los|el|en)\b)/;
/** An order placed with another store ("lo pedí en otro lado y nunca llegó"): not ours to chase. */
const ELSEWHERE = /\b(?:elsewhere|somewhere else|another store|other store|en otr[oa] (?:lado|parte|ferreteria|tienda|sitio))\b/;
