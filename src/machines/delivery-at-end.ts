/**
 * A delivery asked at the end of a message about goods ("40 de la grado 60, ¿me la llevan a
 * Caleta?", "20 of the grey one, delivered to Caleta", "10 del gris con delivery a Bayahíbe"): the
 * goods part is read as the follow-up it is (a count of the one named), the place by the product
 * tool, which prices its delivery with the line.
 */
import { foldMessage as fold } from './count-words.js';

/** The delivery ask with its place, at the end: a verb of taking it there, or "with delivery to". */
const DELIVERY_AT_END =
  /(?:\s*[,;]\s*|\s+)(?:¿\s*)?(?:(?:y|and)\s+)?(?:(?:me\s+)?(?:lo|la|los|las)\s+(?:llevan|mandan|traen|envian|pueden\s+(?:llevar|mandar|enviar))|(?:can\s+you\s+|could\s+you\s+)?(?:deliver|send|bring)\s+(?:it|them)|delivered|(?:con|with)\s+(?:el\s+|the\s+)?(?:delivery|envio|shipping))\s+(?:a|al|hasta|para|pa|to)\s+[a-z][a-z]*(?:\s+[a-z]+){0,2}\s*[?!.]*\s*$/;

/** The message without a delivery asked at its end; the message itself when there is none. */
export function withoutDeliveryAsked(text: string): string {
  const folded = fold(text);
  const m = DELIVERY_AT_END.exec(folded);
  return m ? folded.slice(0, m.index).trim() : text;
}
