import { fold } from './text.js';

/**
 * Someone who speaks for an organisation and tells a job on its building in the opening: "soy la
 * directora del Colegio Santa Rosa, queremos pintar la escuela en las vacaciones", "soy el pastor de
 * la Iglesia Bautista Central, necesitamos techar el templo", "I'm the maintenance manager at Coral
 * Bay Hotel, we want to repaint all 40 rooms". No quote word is said, yet a clerk hears a project for
 * an advisor (the quantities are the school's, not one gallon's): the sales lead, at once.
 */

/** Who speaks: a role in the organisation ("soy la directora del", "I'm the manager at"), or "somos del colegio". */
const SPEAKS_FOR = new RegExp(
  [
    String.raw`\b(?:soy|somos|le habla|les habla|te habla|habla)\s+(?:el|la|los|las|un|una)?\s*(?:\w+\s+)?(?:director[ae]?s?|subdirector[ae]?s?|administrador[ae]?s?|encargad[oa]s?|gerentes?|pastor[ae]?s?|padre|sacerdote|parroco|secretari[oa]s?|coordinador[ae]?s?|president[ae]s?|tesorer[oa]s?|duen[oa]s?|propietari[oa]s?|sindic[oa]s?|alcaldes?|alcaldesa|jef[ea]s?|supervisor[ae]?s?|rector[ae]?s?|maestr[oa]s?|profesor[ae]?s?|miembros?|de mantenimiento|del comite|de la junta)\b.{0,40}?\b(?:del?|de la|en el|en la)\b`,
    String.raw`\b(?:somos|soy|escribo|escribimos|les escribo|le escribo)\s+(?:de parte\s+)?(?:del|de la)\s+(?:colegio|escuela|liceo|iglesia|parroquia|hotel|hospital|clinica|ayuntamiento|club|junta|condominio|residencial|universidad|fundacion|asociacion|cooperativa)\b`,
    String.raw`\b(?:somos|we are|we re)\s+(?:un|una|a|an)\s+(?:colegio|escuela|liceo|iglesia|hotel|hospital|clinica|condominio|school|church|hotel|hospital|clinic|condo)\b`,
    String.raw`\b(?:i m|i am|im|we re|we are|this is)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:principal|director|manager|administrator|pastor|priest|owner|secretary|coordinator|head|superintendent|supervisor|treasurer|chair|president)\b.{0,40}?\b(?:at|of|for|from)\b`,
    String.raw`\b(?:i m|i am|im|we re|we are)\s+(?:\w+\s+){0,3}(?:from|with)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:school|church|hotel|hospital|clinic|academy|condo\w*|resort|club)\b`,
    // "I manage three rental apartment buildings", "administro un condominio", "estoy a cargo del edificio".
    String.raw`\b(?:i|we) (?:manage|run|own|administer|operate|look after|take care of)\b.{0,60}?\b(?:buildings?|apartments?|propert(?:y|ies)|condos?|complex|rentals?|hotels?|schools?|churches|villas?|offices)\b`,
    String.raw`\b(?:administro|administramos|manejo|manejamos|estoy a cargo|estamos a cargo|tengo a cargo|tenemos a cargo)\b.{0,60}?\b(?:edificios?|apartamentos|condominios?|residencial|torres?|hotel(?:es)?|colegios?|escuelas?|iglesias?|villas?|locales|oficinas|propiedades)\b`,
  ].join('|'),
);

/** A job on a building: "pintar la escuela", "techar el templo", "repaint all 40 rooms", "remodelar las aulas". */
const JOB_ON_PLACE = new RegExp(
  String.raw`\b(?:pintar|repintar|techar|retechar|remodelar|reparar|arreglar|construir|ampliar|impermeabilizar|renovar|remozar|rehabilitar|paint|repaint|roof|reroof|remodel|renovate|repair|fix up|build|expand|waterproof|refurbish|redo)\b(?:\s+\w+){0,4}?\s+(?:la|el|las|los|nuestra|nuestro|nuestras|nuestros|todo el|toda la|todas las|todos los|the|our|all|all the|all of the|its)?\s*(?:\d+\s+)?(?:escuelas?|colegios?|liceos?|aulas|salones|iglesias?|templos?|capillas?|parroquias?|hotel(?:es)?|habitaciones|cuartos|hospital(?:es)?|clinicas?|edificios?|oficinas|fachadas?|techos?|verjas?|canchas?|parques?|banos|areas comunes|pasillos|apartamentos|unidades|school|schools|classrooms|common areas|hallways|lobby|apartments|units|church|churches|temple|chapel|hotel|hotels|rooms|hospital|clinic|building|buildings|offices|facade|roof|roofs|fence|courts?|bathrooms|campus|property)\b`,
);

/** Whether the opening speaks for an organisation and tells a job on its building (`SPEAKS_FOR`, `JOB_ON_PLACE`). */
export function tellsOrganisationProject(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return SPEAKS_FOR.test(f) && JOB_ON_PLACE.test(f);
}
