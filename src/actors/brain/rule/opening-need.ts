import type { InterestArea } from '../../../domain/lead.js';
import type { Entity } from '../../../domain/nlu.js';
import { fold } from './text.js';

/**
 * The need told in the message that opens a lead: "Hi, I'm Mark Evans from Caribbean Builders,
 * mark@cb.com. We need a quote for roofing materials for 20 villas, fairly urgent", "necesito cotizar
 * pintura para 8 apartamentos" — a clerk writes the need down and does not ask "what do you need?"
 * again. With contact data in the same message (the whole request at once) any goods or count will
 * do; without it the goods must be named as products ("pintura", "tubería y cemento"). A bare
 * "quiero cotizar un proyecto", "cotizar materiales para una obra" or "we're renovating 40 rooms,
 * can a rep call us?" is a request, and the form asks for the need as usual.
 */

/** Contact data that says the customer is giving the request whole. */
const CONTACT_TYPES = new Set<Entity['type']>(['person_name', 'company', 'email', 'phone']);

/** A clause that asks for something or describes a job: where the need starts. */
const NEED_CUE =
  /\b(?:necesit\w*|queremos|quiero|quisiera\w*|buscamos|busco|ocupamos|vamos a|estamos|cotiz\w*|presupuesto|we need|we re|we are|we want|we d like|we would like|i need|i want|i d like|i would like|looking for|looking to|quote|quotation|estimate|building|renovating|remodel\w*|construyendo|remodelando|construir|a cargo de(?: la)? (?:construccion|obra|remodelacion)|in charge of)\b/;

/** What makes the clause a need and not a bare request: goods, a job, a count of units or a product. */
const SUBSTANCE =
  /\b(?:materiales?|materials?|tuberia|tubos?|cemento|varillas?|blocks?|bloques?|pintura|paint|plomeria|plumbing|electric\w*|roofing|techos?|zinc|pisos?|ceramica|tiles?|madera|lumber|wood|rebar|cement|pipes?|drywall|hardware|herramientas?|tools?|\d+\s+\w+)\b/;

/** Clauses that are only courtesy or urgency ("hola", "gracias", "fairly urgent", "es urgente"). */
const NOT_THE_NEED = /^(?:hola|buenas|buenos dias|buenas tardes|hi|hello|hey|good morning|good afternoon|gracias|thanks|thank you|saludos|(?:es |it s |its |fairly |very |muy |bastante |quite )?(?:urgente|urgent|asap)|(?:no hay|sin|no) (?:prisa|apuro)|no rush)$/;

/** A person asked for before the need ("necesito hablar con alguien para …", "I'd like to talk to a sales rep about …"). */
const PERSON_ASKED_FOR =
  /^(?:(?:quiero|necesito|quisiera|queria|me gustaria|deseo)\s+(?:hablar|comunicarme|conversar)\s+con\s+(?:\S+\s+){1,4}?(?:para|sobre|acerca de|por)\s+|(?:i(?:'d| would)?\s+(?:like|want|need)\s+to\s+(?:talk|speak)\s+(?:to|with)|can i (?:talk|speak) (?:to|with))\s+(?:\S+\s+){1,4}?(?:about|for|regarding)\s+)/i;

/** Materials asked for as a whole ("cotización de materiales", "quote all materials"): goods, though no product. */
const MATERIALS = /\b(?:materiales|materials?|material de construccion)\b/;
/** A project a clerk can write down: its units counted ("pa 10 casas") or a building being worked on ("renovating a villa", "remodelando el restaurante"). */
const COUNTED_PROJECT =
  /\b(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)\s+(?:casas?|viviendas?|villas?|apartamentos?|aptos?|habitaciones|cuartos|edificios?|locales|naves|cabanas|aulas|banos|houses?|homes?|villas?|apartments?|rooms?|units|buildings?|cabins|bungalows?|condos?|classrooms|bathrooms)\b/;
const WORKED_BUILDING =
  /\b(?:renovat\w*|remodel\w*|refurbish\w*|building|build|construyendo|construir|construimos|levantando|ampliando|ampliar|reparando|arreglando|fixing up)\s+(?:(?:a|an|the|our|my|un|una|el|la|los|las|mi|nuestra?|nuestros|nuestras|new|nueva?|small|big|pequena|grande)\s+){0,2}(?:casas?|villas?|apartamentos?|edificios?|hotel(?:es)?|restaurantes?|locales?|oficinas?|negocios?|colmados?|tiendas?|naves?|house|home|villa|apartment|building|hotel|restaurant|office|store|shop|warehouse)\b/;

/**
 * "necesitamos cotización de materiales pa 10 casas en Guaymate", "I'm renovating a villa in Casa de
 * Campo and would like an advisor to quote all materials": materials for a project told concretely
 * — a need a clerk writes down, though no product is named. "cotizar materiales para una obra"
 * says no project, and the form asks what it is.
 */
function materialsForAProject(text: string): boolean {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ');
  return MATERIALS.test(f) && (COUNTED_PROJECT.test(f) || WORKED_BUILDING.test(f));
}

/** What a customer runs or owns, told as the need's setting ("I manage three buildings", "administro 2 edificios", "tenemos un hotel de 40 habitaciones"). */
const OWNS = /^(?:(?:hi|hello|hola|buenas)\s+)?(?:i|we|yo|nosotros)?\s*(?:manage|run|own|operate|administro|administramos|manejo|manejamos|tenemos|tengo|operamos|opero)\s+(?:\S+\s+){0,3}?(?:\d+|un|una|two|three|four|five|six|dos|tres|cuatro|cinco|seis|several|varios|varias|a|an)\s+/;

/**
 * A clause that names a company only to say whose the setting is ("I manage three rental apartment
 * buildings in La Romana for Caribe Properties"): the clause without the company and the word that
 * ties it ("for", "de", "para"), or null when the clause says who the customer is ("soy Ana de X").
 */
function ownedWithoutCompany(c: { text: string; start: number; end: number }, touching: readonly Entity[]): { text: string; start: number; end: number } | null {
  if (touching.some((e) => e.type !== 'company')) return null;
  let text = c.text;
  for (const e of [...touching].sort((a, b) => b.start - a.start)) {
    const from = Math.max(0, e.start - c.start);
    text = `${text.slice(0, from).replace(/\s+(?:for|from|at|with|de|del|para|en|con)\s*$/i, '')}${text.slice(Math.max(from, e.end - c.start))}`;
  }
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  return OWNS.test(f) && f.split(' ').length >= 4 ? { text: text.trim(), start: c.start, end: c.end } : null;
}

export function needToldOpening(text: string, entities: readonly Entity[]): string | null {
  const contact = entities.filter((e) => CONTACT_TYPES.has(e.type));
  if (contact.length === 0 && !entities.some((e) => e.type === 'product') && !materialsForAProject(text)) return null;
  const clauses: { text: string; start: number; end: number }[] = [];
  // "somos del Colegio San José y necesitamos cotizar pintura": "y" before a need starts a clause of its own (same length, so the entities' offsets hold).
  const split = text.replace(/\s[yY]\s(?=(?:necesit|quer|quis|busc|ocup|vamos|estamos|estoy|cotiz|we need|we want|need|want)\w*)/gi, ',  ');
  for (const m of split.matchAll(/[^.!?;,\n]+/g)) {
    const start = m.index ?? 0;
    clauses.push({ text: m[0], start, end: start + m[0].length });
  }
  const plain = (c: { text: string }): string => fold(c.text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  // "I manage three rental apartment buildings in La Romana for Caribe Properties": what the customer
  // runs, without the company, is part of the need (the salesperson reads whose buildings they are).
  const free = clauses.flatMap((c) => {
    const touching = contact.filter((e) => e.start < c.end && c.start < e.end);
    if (touching.length === 0) return [c];
    const own = ownedWithoutCompany(c, touching);
    return own ? [own] : [];
  });
  // "estoy haciendo un proyecto de 12 apartamentos, quisiera una cotización": the project told is where the need starts.
  const cue = free.findIndex((c) => NEED_CUE.test(plain(c)) || COUNTED_PROJECT.test(plain(c)) || WORKED_BUILDING.test(plain(c)));
  if (cue < 0) return null;
  // ...and what the customer runs, told just before it.
  const first = cue > 0 && OWNS.test(plain(free[cue - 1]!)) ? cue - 1 : cue;
  const kept = free.slice(first).filter((c) => plain(c) !== '' && !NOT_THE_NEED.test(plain(c)));
  const told = kept.map((c) => c.text.trim()).join(', ');
  const words = fold(told).split(/\s+/).filter((w) => /[a-z0-9]/.test(w));
  // Goods the catalog knows in the need ("wire and breakers") are substance too.
  const goods = entities.some((e) => e.type === 'product' && kept.some((c) => c.start <= e.start && e.end <= c.end));
  if (words.length < 5 || !(goods || SUBSTANCE.test(fold(told)))) return null;
  // "quiero hablar con un asesor de ventas para cotizar unas puertas": the need is what follows the person asked for.
  const need = told.replace(PERSON_ASKED_FOR, '') || told;
  return need.length <= 400 ? need : `${need.slice(0, 399).trimEnd()}…`;
}

/**
 * The need told in the opening, written down; goods counted in it ("necesitamos 500 sacos de
 * cemento") are a purchase, so the area is Ventas and not asked — a salesperson does not ask a
 * customer ordering 500 bags whether it is about sales, support or billing.
 */
export function takeOpeningNeed(lead: { leadFields: Partial<Record<string, string | null>>; interestArea?: InterestArea }, need: string, entities: readonly Entity[]): void {
  lead.leadFields.problem_statement = need;
  const counted = entities.some((e) => e.type === 'quantity') && entities.some((e) => e.type === 'product');
  if (counted && lead.leadFields.interest_area === undefined) lead.interestArea = (lead.leadFields.interest_area = 'Ventas') as InterestArea;
}
