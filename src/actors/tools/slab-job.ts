/**
 * "Losa" in the Dominican Republic is first of all a concrete slab (losa de techo, de piso); the
 * catalog also knows it as a word for floor tiles. The words around it decide: concrete, cement,
 * rebar, a roof, pouring ("vaciar") → the slab, a job whose materials are sold; a floor, a bathroom,
 * ceramic → the tiles ("¿tienen losas para el piso?").
 */
import { fold } from '../catalog/index.js';

const LOSA = /\b(?:losas?|slabs?)\b/;
const SLAB_CONTEXT = /\b(?:concreto|cemento|varillas?|hierro|cabillas?|techos?|techar|vaciar|vaciado|vaciamos|vaciando|hormigon|encofrado|formaleta|columnas?|vigas?|zapatas?|armar|armado|concrete|cement|rebar|roof|pour(?:ing)?)\b/;
/** Words that say which slab, not a material for it: "losa de techo", "losa de concreto". */
const SLAB_KIND = /^(?:techos?|concreto|hormigon|roof|concrete)$/;
const TILE_CONTEXT = /\b(?:pisos?|banos?|ceramicas?|porcelanatos?|azulejos?|paredes?|cocina|enchapar|tiles?|floor|bathroom)\b/;

/** Whether the message speaks of a concrete slab ("necesito concreto para una losa", "vaciar la losa del techo"). */
export function speaksOfSlab(text: string): boolean {
  const f = fold(text);
  return LOSA.test(f) && SLAB_CONTEXT.test(f) && !TILE_CONTEXT.test(f);
}

/**
 * A product phrase without the slab it speaks of: "losa techo" → "" (the slab itself), "varilla
 * losa" → "varilla" (a material for it), "techo" → ""; a phrase without them is left as it is.
 */
export function withoutSlab(query: string): string {
  const words = query.split(/\s+/).filter((w) => w !== '');
  // "techo" read apart from "la losa del techo" is the slab's too.
  if (!words.some((w) => LOSA.test(fold(w)) || SLAB_KIND.test(fold(w)))) return query;
  const kept = words.filter((w) => !LOSA.test(fold(w)) && !SLAB_KIND.test(fold(w)));
  return kept.every((w) => /^(?:de|del|la|el|una|un|mi|para|pa|the|a|of|for)$/i.test(w)) ? '' : kept.join(' ');
}
