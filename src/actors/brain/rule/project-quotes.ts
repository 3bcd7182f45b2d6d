import type { Entity } from '../../../domain/nlu.js';
import { fold } from './text.js';
import { tellsOrganisationProject } from './org-project.js';

/**
 * A quote asked for a project rather than for products: an advisor's sales lead. Read by the rule
 * brain.
 */

/** The message's words as `signals.ts` splits them (folded; "@" and "." kept; a letter typed thrice once). */
function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9@.\s]+/g, ' ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** Every form of "cotizar" ("cotizaran", "cotizarían", "cotícenme"), "presupuesto(s)" and the English nouns. */
export const QUOTE_WORDS = /\b(?:quote|quotes|quotation|quotations|estimate|coti[sz]\w*|presupuestos?)\b/;
export const PROJECT_WORDS =
  /\b(?:proyectos?|obras?|construccion|remodelacion|renovacion|casas?|apartamentos?|aptos?|habitaciones|edificios?|hotel(?:es)?|villas?|torres?|naves?|locales|oficinas|templos?|iglesias?|capillas?|escuelas?|colegios?|liceos?|aulas|parques?|canchas?|project|projects|churche?s?|schools?|classrooms|parks?|rooms|house|houses|home|apartments?|units|building|buildings|hotel|hotels|villas?|renovation|remodel\w*|construction|development|site)\b/;

/**
 * A quote for a project ("we want a quote for 40 rooms", "cotización para remodelar 12 apartamentos")
 * rather than for products: a sales lead an advisor prepares.
 */
export function asksProjectQuote(text: string): boolean {
  const f = words(text).join(' ');
  return QUOTE_WORDS.test(f) && PROJECT_WORDS.test(f);
}

/** A quote asked for, with or without what it is for ("quiero cotizar", "I'd like a quote"). */
export function asksForQuote(text: string): boolean {
  return QUOTE_WORDS.test(words(text).join(' '));
}

/** A count of the project's units: "20 villas", "un edificio de 12 apartamentos", "a 30 room hotel", "40 hotel rooms". */
const PROJECT_COUNT =
  /\b(?:\d+|dos|tres|cuatro|cinco|seis|ocho|diez|doce|veinte|treinta|cuarenta|cincuenta|cien|two|three|four|five|six|eight|ten|twelve|twenty|thirty|forty|fifty|hundred)\s+(?:(?:hotel|guest|new|small|big|office|residential|rental|beach|school|apartment)\s+)?(?:villas?|casas?|viviendas?|apartamentos?|aptos?|habitacion(?:es)?|cuartos|edificios?|locales|oficinas|naves|cabanas|torres?|niveles|pisos|aulas|salones|banos|cocinas|tiendas|sucursales|escuelas|colegios|parques|canchas|iglesias|templos|houses?|homes?|apartments?|rooms?|units|buildings?|offices|parks|courts|churches|cabins|bungalows?|condos?|floors|stor(?:ey|ie|y)s?|classrooms|bathrooms|kitchens|stores|schools)\b/;

/**
 * "a quote for roofing materials for 20 villas", "cotización de pintura para 8 apartamentos": a
 * project counted in its units, whatever kind of material it names — an advisor's quote, not the
 * price of one product (the count is the villas', not the product's).
 */
export function asksQuoteForProjectUnits(text: string): boolean {
  const f = words(text).join(' ');
  return QUOTE_WORDS.test(f) && PROJECT_COUNT.test(f);
}

/**
 * The building of an organisation the goods are for: "para un colegio", "pa la iglesia", "para el
 * hotel", "for a school", "for our church", or whose part they are for ("las aulas del colegio", "the
 * lobby of our hotel"). A house or "una obra" is not one (a homeowner's paint is
 * asked which and how many); a school's, a church's or a hotel's quantities are an advisor's to take.
 */
const FOR_ORGANISATION =
  /\b(?:(?:para|pa|pal|for)\s+(?:(?:el|la|los|las|un|una|unos|unas|nuestro|nuestra|nuestros|nuestras|mi|the|a|an|our|my)\s+)?|(?:del|de la|de nuestr[oa]|of (?:our|the))\s+)(?:colegios?|escuelas?|liceos?|politecnicos?|universidad(?:es)?|iglesias?|templos?|capillas?|parroquias?|hotel(?:es)?|hospital(?:es)?|clinicas?|condominios?|residencial|ayuntamiento|alcaldia|fundacion|club|school|schools|church|churches|chapel|hotel|hotels|resort|hospital|clinic|condo|condominium|academy|university|college)\b/;

/** "quiero cotizar pintura para un colegio", "a quote for paint for our church", "a quote for tiles to redo the lobby of our hotel": goods quoted for an organisation's building. */
export function asksQuoteForOrganisation(text: string): boolean {
  const f = words(text).join(' ');
  return QUOTE_WORDS.test(f) && FOR_ORGANISATION.test(f);
}

/**
 * A quote asked the way a sales lead is, not a price list to compute:
 * - "a quote for 40 rooms" names no product: a project for an advisor;
 * - "a quote for roofing materials for 20 villas": a project counted in units, whatever material it names;
 * - "soy Carlos Díaz de Díaz SRL, quiero cotizar": a business (or an e-mail to answer to) asking a quote for nothing named yet;
 * - "I'm David Ortiz from Ortiz Electric, we need a quote for wire and breakers for a new building":
 *   someone who says who they are (a company, or a name with a list of goods) asks a quote of goods
 *   uncounted for a project — the lead starts with the name, the company and the need taken, never
 *   one unit of each priced. One product uncounted without a company is asked which and how many;
 * - "soy la directora del Colegio Santa Rosa, queremos pintar la escuela": whoever speaks for an
 *   organisation and tells a job on its building (`org-project.ts`), no quote word said;
 * - "quiero cotizar pintura para un colegio": goods uncounted quoted for an organisation's building
 *   (`asksQuoteForOrganisation`): the school's quantities, an advisor's lead.
 */
export function asksQuoteAsLead(text: string, entities: readonly Entity[], mentions: readonly { quantity?: unknown }[]): boolean {
  const uncounted = mentions.every((m) => m.quantity === undefined);
  // "soy la directora del Colegio Santa Rosa, queremos pintar la escuela", "I manage three buildings… repaint the
  // common areas and replace about 60 door locks": a project for an advisor, no quote word needed, whatever it counts.
  if (tellsOrganisationProject(text)) return true;
  if (mentions.length === 0) return (entities.some((e) => e.type === 'company' || e.type === 'email') && asksForQuote(text)) || asksProjectQuote(text);
  const introduced = entities.some((e) => e.type === 'company') || (mentions.length >= 2 && entities.some((e) => e.type === 'person_name'));
  return uncounted && ((introduced && asksProjectQuote(text)) || asksQuoteForProjectUnits(text) || asksQuoteForOrganisation(text));
}

/** A building's storeys ("una casa de 2 niveles", "edificio de 4 pisos"): the word, and what stands before it. */
const STOREY_WORD = /^(?:\d+\s+)?(?:niveles?|pisos?|plantas?|levels?|floors?|storeys?|stories)$/;
const BUILDING_BEFORE =
  /\b(?:casas?|edificios?|torres?|viviendas?|apartamentos?|naves?|locales?|residencias?|residencial|hotel|houses?|buildings?|homes?|towers?)\s+(?:de|of)\s+(?:(?:\d+|una?|dos|tres|cuatro|cinco|seis|siete|ocho|diez|two|three|four|five|six)\s*)?$/;

/**
 * "una casa de 2 niveles": the house's storeys, never two spirit levels ("Nivel de Aluminio") to
 * price. True for a product mention that is the storeys of a building named just before it.
 */
export function isStoreysOfBuilding(text: string, span: { start: number; end: number }): boolean {
  if (!STOREY_WORD.test(fold(text.slice(span.start, span.end)).trim())) return false;
  return BUILDING_BEFORE.test(fold(text.slice(Math.max(0, span.start - 40), span.start)));
}
