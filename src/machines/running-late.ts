import { foldAccents } from '../kernel/fold.js';

/**
 * A customer telling us they will be late ("llego 10 minutos tarde", "voy retrasada", "se me hizo
 * tarde", "I'm running late", "I'll be 10 minutes late"): the handoff thanks them for letting us
 * know and says a person will tell the stylist, instead of the generic "Te paso con una persona".
 * Pure.
 */
const LATE_ES =
  /\b(?:(?:llego|llegare|llegaremos|llegamos|voy a llegar|vamos a llegar|va a llegar|van a llegar|estoy llegando|voy|vamos|ando|estoy|vengo)\b[\w\s]{0,30}?(?<!\b(?:la|las|esta|en|por|de) )\btarde\b(?! (?:libre|disponible))|se me (?:hizo|esta haciendo|hace) tarde|(?:voy|vamos|estoy|ando|vengo) (?:un (?:poco|poquito|chin) )?(?:retrasad[oa]s?|atrasad[oa]s?|con (?:\d+ (?:min\w*|minutos) de )?(?:retraso|atraso))|me (?:voy a )?(?:retrase|retraso|retrasar|atrase|atraso|atrasar)|(?:llego|voy) con (?:\d+|unos|como) [\w\s]{0,12}?(?:retraso|atraso))\b/;
const LATE_EN =
  /\b(?:running (?:a (?:bit|little) |(?:\d+|a few|few|some) (?:min\w*|minutes) )?(?:late|behind)|(?:i ll|ill|i will|i m going to|im going to|gonna|we ll|we will|i m|im|i am) be (?:a (?:bit|little) |(?:\d+|a few|few|some|ten|five|fifteen|twenty) (?:min\w*|minutes) )?late|(?:i m|im|i am) (?:a (?:bit|little) )?late for my appointment)\b/;

export function tellsRunningLate(text: string): boolean {
  const f = foldAccents(text).replace(/[’']/g, ' ').replace(/[^\w\s]/g, ' ').replace(/\s+/g, ' ');
  return LATE_ES.test(f) || LATE_EN.test(f);
}
