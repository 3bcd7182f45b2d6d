/**
 * Doors told as the area to paint: "son 2 puertas", "una puerta por un lado", "3 doors". A clerk
 * counts a door as about 2 m² a side (both sides painted unless one is said) and works out the
 * paint for that, never "we don't sell doors".
 */
import { foldAccents } from '../kernel/fold.js';

/** The area of one side of an everyday door (about 0.9 x 2.1 m), in m². */
export const DOOR_SIDE_M2 = 2;

const DOOR = /\b(?:puertas?|doors?)\b/;
const COUNTS: Readonly<Record<string, number>> = { un: 1, una: 1, a: 1, one: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6, siete: 7, seven: 7, ocho: 8, eight: 8 };
const DOORS_ONLY =
  /^(?:(?:y|and|ok|bueno|pues|no|son|seria|serian|es|are|it\s+s|its|it\s+is|they\s+re|theyre|there\s+are|just|solo|nada\s+mas|como|about|around|aprox|mas\s+o\s+menos|para|pa|for|voy\s+a\s+pintar|quiero\s+pintar|i\s+m\s+painting|im\s+painting|i\s+want\s+to\s+paint|to\s+paint)\s+)*(\d{1,2}|un|una|a|one|dos|two|tres|three|cuatro|four|cinco|five|seis|six|siete|seven|ocho|eight)\s+(?:(?:wooden|wood|metal|iron|interior|exterior|front|back|old)\s+)?(?:puertas?|doors?)((?:\s+(?:de\s+(?:madera|hierro|metal)|wooden|wood|metal|iron|interiores?|interior|exteriores?|de\s+la\s+casa|of\s+the\s+house|por\s+(?:los\s+)?(?:dos|ambos)\s+(?:lados|caras)|por\s+(?:un|una|un\s+solo|una\s+sola)\s+(?:lado|cara)|(?:on\s+)?both\s+sides|(?:on\s+)?one\s+side|nada\s+mas|only|no\s+mas))*)$/;
const DOOR_MATERIAL = /\b(?:madera|hierro|metal|aluminio|wood|wooden|iron|steel|aluminum)\b/;
const ONE_SIDE = /\b(?:un|una|un\s+solo|una\s+sola)\s+(?:lado|cara)\b|\bone\s+side\b/;

/**
 * The doors to paint a message says, as their count and the sides painted, or null.
 *
 * @example
 * doorsToPaint('son 2 puertas'); // { doors: 2, sides: 2 }
 * doorsToPaint('tienen puertas?'); // null
 */
export function doorsToPaint(text: string): { doors: number; sides: 1 | 2 } | null {
  const t = foldAccents(text).replace(/['’]/g, ' ').replace(/[¿?¡!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!DOOR.test(t)) return null;
  const m = DOORS_ONLY.exec(t);
  if (!m) return null;
  const doors = COUNTS[m[1] as string] ?? Number(m[1]);
  return doors > 0 ? { doors, sides: ONE_SIDE.test(m[2] ?? '') ? 1 : 2 } : null;
}

/** Doors counted anywhere in a question of how much ("¿cuántos galones para 2 puertas?", "how much paint for 3 doors?"). */
const DOORS_IN = /\b(?:(\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|one|two|three|four|five|six|seven|eight)\s+(?:(?:interior|exterior|front|back|old)\s+)?(?:puertas?|doors?)|(la|mi|the|my)\s+(?:(?:front|back)\s+)?(?:puerta|door))\b((?:\s+(?:por\s+(?:un|una|un\s+solo|una\s+sola)\s+(?:lado|cara)|(?:on\s+)?one\s+side))*)/;

/**
 * The doors a folded question counts, as in `doorsToPaint`, or null.
 *
 * @example
 * doorsIn('cuantos galones para 2 puertas'); // { doors: 2, sides: 2 }
 */
export function doorsIn(folded: string): { doors: number; sides: 1 | 2 } | null {
  // A door of wood or iron takes its own paint (the surface's kit): no area of the wall paint for it.
  if (!DOOR.test(folded) || DOOR_MATERIAL.test(folded)) return null;
  const m = DOORS_IN.exec(folded);
  const doors = m ? (m[2] !== undefined ? 1 : (COUNTS[m[1] as string] ?? Number(m[1]))) : 0;
  return m && doors > 0 ? { doors, sides: ONE_SIDE.test(m[3] ?? '') ? 1 : 2 } : null;
}
