import { fold } from './slot-extractors.js';

/**
 * "Una cita para mi hija", "book my mom in": the booking is for someone else, so the customer's
 * own name (known from an earlier booking or the channel) is not the one to book under; the
 * receptionist asks whose name. The phone stays the customer's (they are the one to reach). Pure.
 */
const RELATIVE =
  'hija|hijo|hijas|hijos|nena|nene|nina|nino|mama|madre|mami|papa|padre|esposa|esposo|marido|mujer|novia|novio|hermana|hermano|tia|tio|prima|primo|abuela|abuelo|sobrina|sobrino|suegra|amiga|amigo|jefa|comadre|cunada';
const FOR_ANOTHER_ES = new RegExp(`\\bpara (?:mi|mis|la|el|una|un) (?:${RELATIVE})\\b|\\bpara (?:otra persona|alguien mas)\\b|\\bno es para mi\\b`);
const FOR_ANOTHER_EN =
  /\bfor (?:my|a) (?:daughter|son|kids?|child|girl|boy|mom|mother|mum|dad|father|wife|husband|girlfriend|boyfriend|sister|brother|aunt|uncle|cousin|grandma|grandmother|friend|niece|nephew)\b|\bfor someone else\b|\bbook my (?:daughter|son|mom|mother|wife|husband|sister|friend)\b|\bnot for me\b/;

export function forAnother(text: string): boolean {
  const f = fold(text);
  return FOR_ANOTHER_ES.test(f) || FOR_ANOTHER_EN.test(f);
}
