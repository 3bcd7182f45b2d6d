/**
 * "¿cuántos trae la caja?", "¿cuántas vienen en el paquete?", "¿de cuántos es el rollo?", "how many
 * come in a box?", "how many per pack?": how many the product in focus comes in — asked of the thing on
 * the counter, never a product called "trae caja", nor how many there are in stock ("¿cuántos tienen?").
 */
const PACK = String.raw`(?:caja|cajita|cajas|paquete|paquetico|paquetes|bolsa|bolsita|funda|fundita|libra|ciento|rollo|box|boxes|pack|package|packet|bag|pound|lb|roll)`;
const WHAT = String.raw`(?:\s+(?:unidades|piezas|tornillos|clavos|guantes|hojas|pies|metros|pieces|units|screws|nails|gloves|blades|feet))?`;
/** A rough count is as good an answer ("más o menos", "aproximadamente", "more or less"). */
const ROUGHLY = String.raw`(?:\s+(?:mas\s+o\s+menos|mas\s+menos|aproximadamente|aprox|mas\s+o\s+menos\s+aproximadamente|more\s+or\s+less|roughly|approximately|approx))?`;
const ES = new RegExp(
  String.raw`^(?:y\s+)?(?:de\s+)?(?:cuant[oa]s?|que\s+cantidad)${WHAT}\s+(?:(?:trae|traen|viene|vienen|lleva|llevan)(?:\s+(?:en|por|cada))?(?:\s+(?:la|el|una|un|cada))?(?:\s+${PACK})?|(?:hay|son|tiene|tienen|es|trae)\s+(?:en\s+|por\s+)?(?:la|el|una|un|cada)\s+${PACK}|(?:son|es)\s+por\s+${PACK}|por\s+${PACK})${ROUGHLY}$`,
);
/** The pack said first: "¿vienen en caja de cuántos?", "la caja trae cuántos?", "el paquete de cuántas es?". */
const ES_PACK_FIRST = new RegExp(
  String.raw`^(?:y\s+)?(?:(?:vienen|viene|traen|trae|los\s+venden|las\s+venden|lo\s+venden|la\s+venden|venden)\s+)?(?:en\s+|por\s+)?(?:la\s+|el\s+|una\s+|un\s+)?${PACK}\s+(?:(?:es|son|trae|traen|viene|vienen|tiene|lleva)\s+)?(?:de\s+)?cuant[oa]s?(?:\s+(?:es|son|trae|traen|viene|vienen|tiene|lleva))?${WHAT}${ROUGHLY}$`,
);
const EN = new RegExp(
  String.raw`^(?:and\s+)?how\s+many${WHAT}\s+(?:(?:come|comes|are|do\s+you\s+get|does\s+it\s+have|do\s+they\s+come)(?:\s+(?:in|per|with))?(?:\s+(?:a|the|each|one|it))?(?:\s+${PACK})?|(?:in|per)\s+(?:a\s+|the\s+|each\s+|one\s+)?${PACK})${ROUGHLY}$`,
);

/** The message asks how many the product comes in (folded, punctuation dropped). */
export function asksPackCount(folded: string): boolean {
  return ES.test(folded) || ES_PACK_FIRST.test(folded) || EN.test(folded);
}
