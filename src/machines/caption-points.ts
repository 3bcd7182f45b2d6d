import { foldAccents } from '../kernel/fold.js';

/**
 * A caption that points at the photo it came with instead of naming anything: "¿tienen esto?",
 * "¿cuánto cuesta este?", "necesito uno igual", "algo así", "do you have this?", "how much is this
 * one?". The customer means what the photo shows, not the product talked about before it — a clerk
 * shown a picture asks what it is rather than quoting the last thing on the counter. The caller
 * also checks that the reading names no product ("¿tienen este tubo?" names one).
 */
export function captionPointsAtMedia(caption: string): boolean {
  const t = foldAccents(caption).replace(/[^a-z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === '' || t.split(' ').length > 10) return false;
  return POINTING.test(t);
}

// Demonstratives and "one like it", Spanish and English. "esta/estas" alone are left out: folded,
// "está" ("¿a cómo está?") reads the same.
const POINTING =
  /\b(?:esto|este|estos|eso|ese|esos|esa|esas|aquello|(?:uno|una|algo|otro|otra) (?:igual|asi|parecido|parecida|como este|como esta|como esto|similar)|de (?:este|esta|estos|estas) (?:mismo|misma|mismos|mismas)|this|these|this one|that one|one like (?:this|that|it)|something like (?:this|that)|the same one)\b/;
