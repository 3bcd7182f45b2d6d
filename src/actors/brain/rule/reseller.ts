import { fold } from './text.js';

/**
 * "quiero cotizar para mi ferretería", "soy dueño de un colmado y quiero comprarles", "I own a
 * hardware store and want to buy from you": a shop owner buying to resell. A clerk tells them how
 * the store sells wholesale and takes their details for an advisor — a sales lead, never "¿qué
 * necesitas?" nor one product priced at the counter.
 */

/** A shop that resells hardware or groceries, owned by the customer ("mi ferretería", "tengo un colmado", "we own a hardware store"). */
const OWN_SHOP =
  /\b(?:mi|mis|nuestra|nuestro|nuestras|nuestros|tengo (?:una?|mi)|tenemos (?:una?|nuestra|nuestro)|soy (?:el |la )?(?:dueno|duena|propietari[oa]|encargad[oa]|administrador[a]?) de (?:una?|la|el)|somos (?:una?|los duenos de una?)|manejo (?:una?|la)|my|our|i (?:own|run|have) (?:a|an|my)|we (?:own|run|have) (?:a|an|our)|i m the owner of (?:a|an))\s+(?:pequen[oa]\s+|small\s+|little\s+)?(?:ferreteri\w+|colmad\w+|tiendas?|almacen\w*|supermercad\w+|minimarket|mini market|bodegas?|deposito de materiales|distribuidora|ferre|hardware stores?|hardware shops?|grocery stores?|corner stores?|convenience stores?|mini ?mart)\b/;

/** Buying, quoting or stocking up (es/en). */
const BUYS =
  /\b(?:compr\w*|cotiz\w*|cotis\w*|presupuest\w*|surtir\w*|abastecer\w*|llenar|mercancia|revender|reventa|suplidor\w*|proveedor\w*|precios? (?:de|al|por) (?:por )?mayor|buy\w*|purchas\w*|quote\w*|quotation|stock (?:up|my|our)|restock\w*|resell\w*|suppl(?:y|ier)\w*|wholesale)\b/;

/** Working at a shop or applying to one is not buying for it ("trabajo en una ferretería"). */
const NOT_BUYING = /\b(?:empleo|trabajo en|trabaje|vacantes?|curriculum|job|hiring|apply|robaron|estafa|queja)\b/;

/** True when the message is a shop owner's wish to buy for the shop. */
export function buysToResell(text: string): boolean {
  const f = fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (f === '' || f.split(' ').length > 40 || NOT_BUYING.test(f)) return false;
  return OWN_SHOP.test(f) && BUYS.test(f);
}
