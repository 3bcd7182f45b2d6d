import { foldAccents as foldText } from '../kernel/fold.js';

/** Colour words as a customer says them, with "de"/"en"/"color" before them ("en azul", "color crema", "in white"). */
export const COLOUR_SAID =
  /\b(?:(?:de|en|in)\s+)?(?:colou?r\s+)?(?:blanc[oa]s?|white|gris|gray|grey|negr[oa]s?|black|azul(?:es)?|blue|roj[oa]s?|red|verdes?|green|amarill[oa]s?|yellow|hueso|perla|crema|cream|beige|naranja|orange|ros[ao]d?[oa]?s?|pink|morad[oa]s?|purple|lila|marron|brown|celeste|turquesa|ivory|off white|claro|clara|oscuro|oscura|light|dark|pastel)\b/g;

/** A colour by itself: the shades ("claro", "light") are left out, since "sí, claro" is a yes. */
const HUE = /\b(?:blanc[oa]s?|white|gris|gray|grey|negr[oa]s?|black|azul(?:es)?|blue|roj[oa]s?|red|verdes?|green|amarill[oa]s?|yellow|hueso|perla|crema|cream|beige|naranja|orange|rosad[oa]s?|pink|morad[oa]s?|purple|lila|marron|brown|celeste|turquesa|ivory)\b/g;

const STEM: Readonly<Record<string, string>> = { blanca: 'blanc', blancas: 'blanc', blanco: 'blanc', blancos: 'blanc', white: 'blanc', negra: 'negr', negro: 'negr', negras: 'negr', negros: 'negr', black: 'negr', gray: 'gris', grey: 'gris', roja: 'roj', rojo: 'roj', rojas: 'roj', rojos: 'roj', red: 'roj', verdes: 'verde', green: 'verde', amarilla: 'amarill', amarillo: 'amarill', yellow: 'amarill', azules: 'azul', blue: 'azul', cream: 'crema', orange: 'naranja', rosada: 'rosad', rosado: 'rosad', pink: 'rosad', morada: 'morad', morado: 'morad', purple: 'morad', brown: 'marron', ivory: 'hueso' };

/**
 * The colours a message names that the product's name does not ("la quiero en azul" after the white
 * paint): the customer wants another colour, never the one offered. Empty when every colour said is
 * the product's own ("la quiero blanca" after "Pintura … Blanco").
 *
 * @example
 * otherColoursSaid('la quiero color crema', 'Pintura Acrílica Tropical Blanco (galón)'); // ['crema']
 */
export function otherColoursSaid(text: string, productName: string): string[] {
  const own = new Set([...foldText(productName).matchAll(HUE)].map((m) => STEM[m[0]] ?? m[0]));
  return [...foldText(text).matchAll(HUE)].map((m) => m[0]).filter((word) => !own.has(STEM[word] ?? word));
}
