/**
 * "¿cuánto tiempo?", "¿de cuánto es?", "how long?" right after the warranty was given: how long the
 * warranty lasts — never how long a delivery takes.
 */
import { foldAccents } from '../kernel/fold.js';

const ABOUT_WARRANTY = /\b(?:garantias?|warrant(?:y|ies)|guarantee)\b/;
const HOW_LONG =
  /^(?:(?:y|e|ok|and|so|pero|but)\s+)*(?:(?:por|de|for)\s+)?(?:cuanto|cuantos|how\s+long|how\s+many)(?:\s+(?:tiempo|anos|meses|dias|dura|es|son|years?|months?|days?|is\s+it|does\s+it\s+last|la\s+garantia|the\s+warranty|de\s+garantia|of\s+warranty|cubre|covers?))*$/;

/** The question just answered was about the warranty. */
export function asksAboutWarranty(text: string): boolean {
  return ABOUT_WARRANTY.test(foldAccents(text));
}

/** A short "how long?" (at most 8 words). */
export function asksHowLongIsIt(text: string): boolean {
  const f = foldAccents(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return f !== '' && f.split(' ').length <= 8 && HOW_LONG.test(f);
}
