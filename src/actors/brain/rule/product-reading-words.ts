/** The words the product reader reads sizes, attributes and materials by (see `products.ts`). */

export const FRACTION_WORDS: [RegExp, string][] = [
  [/^(?:media|medio|half)$/, '1/2'],
  [/^(?:tres cuartos|three quarters?)$/, '3/4'],
  [/^(?:un cuarto|cuarto|quarter)$/, '1/4'],
  [/^(?:tres octavos|three eighths?)$/, '3/8'],
  [/^(?:cinco octavos|five eighths?)$/, '5/8'],
];
/** A verb of a job on a room ("pintar un cuarto", "enchapo un cuarto"): the "cuarto" after it is the room, never a quarter. */
export const ROOM_JOB_VERB = /^(?:pint|enchap|tech|remodel|arregl|ampli|constru|levant|pone|pong|hac|hag)[a-z]*$/;
export const MEASURE = /^(?:\d+\/\d+|\d+(?:[.,]\d+)?|pulgadas?|pulg|inch(?:es)?|in|pies?|feet|ft|mm|cm|kg|lbs?|galon(?:es)?|x|calibre|gauge|grano|grit|grado|grade)$/;
export const MEASURE_UNIT = /^(?:pulgadas?|pulg|inch(?:es)?|pies?|feet|ft|mm|cm|kg|lbs?|w|watts?|v|voltios|volts?|a|amp(?:s|erios?)?|oz|onzas?|hp|ml|m|metros?|gal(?:ones)?|gallons?|l|lts?|litros?|liters?|litres?|piezas?|polos?|poles?|gauge|awg|grit)$/;
/** Words that carry an attribute the resolver reads (colour, finish), typos included. */
export const ATTRIBUTE_WORD = /^(?:blanc[oa]s?|gris|gray|grey|negr[oa]s?|black|roj[oa]s?|red|verdes?|green|azul(?:es)?|asul|blue|amarill[oa]s?|yellow|beige|crema|naranja|orange|marron|brown|transparentes?|clear|white|hueso|perla|satinad[oa]|satin|mate|matte|brillantes?|brillad[oa]|gloss|glossy)$/;
/** Materials a customer names a product by ("tubo de cobre"); only those the catalog has no word for are stepped over. */
export const MATERIAL = /^(?:cobre|copper|cpvc|pex|galvanizad[oa]s?|galvanized|hierro|iron|acero|steel|bronce|brass|aluminio|alumini?um|inoxidable|stainless|plastico|plastic)$/;
export const STOP = new Set(['y', 'and', 'o', 'or', 'con', 'with', 'que', 'por', 'el', 'la', 'los', 'las', 'un', 'una', 'the', 'a', 'an', 'para', 'for', 'en', 'in', 'es', 'is', 'me', 'mi', 'my', 'tienen', 'hay', 'precio', 'price', 'cuanto', 'cuesta', 'vale', 'esta', 'tiene', 'de', 'of',
  // Short words that also occur inside catalog names ("Weld-On", "No. 18") but never name a product; everyday phrases' words ("no hay manera" is no "madera").
  'on', 'at', 'to', 'by', 'from', 'per', 'it', 'its', 'this', 'that', 'any', 'some', 'no', 'si', 'ya', 'se', 'le', 'lo', 'te', 'forma', 'formas', 'manera', 'maneras', 'modo', 'modos', 'chance', 'way']);
