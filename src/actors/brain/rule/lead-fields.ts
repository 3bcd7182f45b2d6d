import type { InterestArea, LeadField, UrgencyLevel } from '../../../domain/lead.js';
import type { Entity } from '../../../domain/nlu.js';
import { joinPhones, namesANumberByItsTail } from '../../../domain/phone-list.js';
import type { Expectation } from '../../../domain/understanding.js';
import { capitalizeName, extractCompanies, extractPersonNames, stripTitles } from './contact-entities.js';
import { COMPANY_HEAD } from './name-words.js';
import { detectInterestArea, detectUrgency } from './lead-levels.js';
import { fold, foldWithMap } from './text.js';
import { PROJECT_WORDS } from './project-quotes.js';
import { AREA_NAMED, carriesContactData, GOODS_WORDS, readNeedAtArea } from './lead-area.js';
import { levelOfSpan } from './time-spans.js';
import { continuesNeed, saysOnlyWhen, toldProblem } from './need-continued.js';
import { prefersPhoneContact } from './contact-preference.js';
import { toldVolume } from './volume-told.js';

/** "no sé", "ni idea", "not sure": the customer cannot answer the question. */
const DONT_KNOW = /^(?:no se|no lo se|no sabria decir|no sabria decirte|ni idea|no tengo idea|no estoy segur[oa]|no se todavia|todavia no se|aun no se|i don'?t know|i do not know|dunno|not sure|no idea|idk)$/;
const DECLINE_COMPANY =
  /^(?:no|ninguna|ninguno|none|nope|n\/?a|no aplica|no tengo|no tengo empresa|no tengo compania|no tengo negocio|independiente|soy independiente|particular|soy particular|personal|es personal|uso personal|para uso personal|para mi|es para mi|para mi casa|es para mi casa|para la casa|es para la casa|para mi mismo|para mi misma|yo mismo|yo misma|soy yo|freelance|freelancer|por mi cuenta|trabajo por mi cuenta|self employed|self-employed|i don'?t have one|i don'?t have a company|no company|just me|myself|individual|personal use|it'?s personal|it'?s for me|for me|for my home|for my house|for my family|for my own home|for my own house|para mi familia|para mi hogar|es para mi hogar|para la familia)$/;
const DECLINE_CONTACT =
  /^(?:no|nah|nope|prefiero no|prefiero no decirlo|prefiero no darlo|mejor no|no quiero|no quiero darlo|no tengo|no tengo correo|no uso correo|no tengo email|i'?d rather not|rather not|no thanks|i don'?t have one|i don'?t have (?:an )?email)$|^(?:no (?:te|se|les|le) (?:lo |la )?(?:voy a dar|doy|quiero dar|paso|digo|voy a decir|quiero decir)\b|i'?m not (?:giving|telling|sharing)\b|no (?:quiero|voy a) dar(?:lo|te)?\b|prefiero no\b|mejor no\b|no es necesario|no hace falta|i won'?t|i don'?t want to|i'?d rather not\b|rather not\b|i'?d prefer not\b|i prefer not\b|no (?:tengo|uso|manejo) (?:correo|email|e-?mail|mail)\b|sin correo\b|i don'?t (?:have|use) (?:an? )?(?:e-?mail|mail)\b|no e-?mail\b)/;
const DECLINE_PHONE = /^(?:no|no tengo|none|prefiero no|mejor no|no quiero|i'?d rather not|rather not)$/;
/**
 * A phone refused in words ("tampoco quiero dar el teléfono", "no phone either, just write me here",
 * "escríbanme por aquí"): the customer wants to be answered by this chat.
 */
const DECLINE_PHONE_WORDS =
  /^(?:(?:no|ok|bueno|pues|sorry|perdon|disculpa)[, ]+)?(?:tampoco\b|neither\b|nor\b|no (?:phone|number|cell) either\b|not (?:the|my) (?:phone|number) either\b|(?:no )?(?:prefiero no|no quiero|no voy a|i'?d rather not|i (?:don'?t|do not) want to|i prefer not to|i'?m not (?:giving|sharing)) (?:dar|darte|darles|darle|pasar|compartir|give|share)\w*(?: (?:mi|el|tu|my|the|a))? (?:numero|telefono|celular|cel|phone|number|cell)\b|no (?:tengo|uso|manejo) (?:telefono|celular|numero)\b|i (?:don'?t|do not) have a (?:phone|cell)\b)|\b(?:(?:escrib|contact|respond|contest)\w* (?:por |en )?(?:aqui|aca|este chat|este mismo chat|por este medio)|por (?:aqui|aca|este chat|este medio) (?:nada mas|mejor|solamente|solo|esta bien)|(?:write|message|text|contact|answer|reach) (?:me|us) (?:here|in this chat|on this chat|through this chat|by chat)|just (?:write|message|chat) (?:me )?here|(?:here|this chat) is fine)\b/;
const DECLINE_PROBLEM = /^(?:no|nada|ninguna|ninguno|nothing|none|n\/?a)$/;
const NAME_PREFIX = /^(?:(?:mi nombre es|mi nombre e|mi nombre:|me llamo|me dicen|soy|my name is|my name'?s|i'?m|i am|this is|es|it'?s|nombre:?|name:?)\s+)/i;
const COMPANY_PREFIX =
  /^(?:(?:(?:soy|somos) (?:de|del|de la)|(?:soy|yo soy) (?:el |la )?(?:due[nñ][oa]|gerente|encargad[oa]|propietari[oa]) (?:de|del)|i'?m (?:with|from|the owner of)|we'?re (?:with|from)|(?:el )?nombre(?: de la empresa| de mi empresa| del negocio)? es|la empresa es|la empresa se llama|mi empresa es|mi empresa se llama|el negocio es|mi negocio es|mi negocio se llama|se llama|es|somos|trabajo en|trabajo para|de parte de|de la empresa|la compania es|mi compania es|represento a|my company is|our company is|the company is|we are|i work at|i work for|it'?s|company:?|empresa:?)\s+)/i;
const NOT_A_NAME = /\b(?:no|si|sí|yes|ok|gracias|thanks|hola|hello|quiero|necesito|tienen|precio|cuanto|how|what|donde|where|cemento|varilla|porque|cual|que|por que|para que|queremos|necesitamos|quisiera|quisieramos|busco|buscamos|cotizar|cotizacion|cotizame|comprar|want|need|quote|looking|somos|represento|tenemos|empresa|compania|company|para|pa|una|un|mi|mis|con|sin|por|obra|obras|proyecto|proyectos|construccion|remodelacion|for|my|with|project|job|site)\b/i;
/**
 * The form's own vocabulary is never a person's name: an interest area or a department ("ventas",
 * "el área de soporte", "billing"), or a bare urgency level ("alta"), typed where the name was asked
 * (the customer answered another question, or thought of the area first).
 */
const FORM_WORDS = /\b(?:ventas?|soporte|soporte tecnico|servicio tecnico|facturacion|cobros|sales|support|tech support|technical support|billing|departamento|department|area)\b|^(?:(?:muy )?(?:alta|alto|media|medio|baja|bajo|urgente)|high|medium|low|urgent|otro|otra|other|general)$/;

/** The company declined in so many words, whatever was asked. */
const NO_COMPANY = /\b(?:no (?:tengo|tenemos|hay) (?:una |un )?(?:empresa|compania|negocio)|sin (?:empresa|compania)|i (?:don'?t|do not) have a (?:company|business)|we (?:don'?t|do not) have a company|no company|soy (?:particular|independiente|freelance(?:r)?)|trabajo (?:por mi cuenta|independiente)|(?:es|soy) persona fisica|i'?m (?:self[ -]employed|a freelancer|freelance|an individual)|i work for myself)\b/;

/** A correction said as one when nothing is asked (the lead already registered). */
const AFTER_CUE = /^(?:no\b|perdon|disculp|sorry|oops|ups|correcci|correction|me equivoque|quise decir|i meant|my bad|actually)|\b(?:esta mal|is wrong|was wrong|me equivoque|equivocad[oa]|mal escrit[oa]|i made a mistake|typo)\b/;

/** The customer's own name named ("mi nombre", "me llamo", "my name"), not "el nombre" (of the company, maybe). */
const OWN_NAME = /\b(?:mi nombre|me llamo|my name|my full name)\b/;

/** A value said to be wrong: it was given before, so it is not the one asked now. */
const SAID_WRONG = /\b(?:esta mal|estan mal|equivocad[oa]|incorrect[oa]?|is wrong|was wrong|wrong|mal escrit[oa])\b/;

/**
 * A person's role, and nothing else ("soy ama de casa", "soy ingeniero", "I'm a homeowner", "soy un
 * maestro constructor"), on folded words: who they are, not a company. English needs its article
 * ("I'm done" is no role).
 */
const PERSON_ROLE = /^(?:(?:soy|yo soy)\s+(?:(?:un|una)\s+)?|(?:i'?m|i am)\s+(?:a|an)\s+)(?!(?:de|del|from|with|at|for|of|in|en|con|parte|el|la|los|las|the|dueno|duena|owner|gerente|manager|encargad[oa]|jef[ea]|director[a]?|presidente|president|soci[oa]|partner|propietari[oa]|yo|nuevo|nueva|new|little|bit)\b)([a-z][a-z-]*)(?:\s+(?:de|del)\s+[a-z]+|\s+[a-z]+)?$/;

/** "no, mi correo es …", "no, my name is …": a "no" that corrects another field, not a decline of the one asked. */
const CORRECTS_OTHER_FIELD = /^no\s*,?\s*(?:(?:mi|el|la|my|the)\s+)?(?:correo|email|e-mail|mail|telefono|celular|numero|nombre|apellido|name|phone|number|cell)\b/;

const ACKNOWLEDGMENT = /^(?:si|yes|yeah|yep|ok|okay|okey|oki|dale|claro|claro que si|of course|sure|correcto|perfecto|listo|bueno|vale|ajá|aja|sip|ya|entendido|got it|alright|all right|fine|great|thanks|thank you|gracias)$/;

const GRUDGING_OK = /^\s*(?:ok|okay|okey|bueno|dale|esta bien|está bien|vale|ya|fine|alright|well|pues)\s*[,.!:;]+\s*(?=\S)/i;
const CORRECTION_CUE = /^\s*(?:perd[oó]n|disculp[ae]|perdona|sorry|oops|ups|correcci[oó]n|correction|me equivoqu[eé]|quise decir|i meant|my bad)\s*[,.:!-]*\s*(?:(?:es|era|it'?s|it is|is)\s+)?/i;
/** Words that say who writes before a company's name ("Soy de …", "Trabajo en …"), never part of it. */
const INTRO_WORD = /^(?:soy|somos|es|son|de|del|la|el|los|las|mi|mis|nuestra|nuestro|my|our|its|it's|we|we're|i'm|from|for|para|en|trabajo|work|at|the|a|una|un|hola|hi|hello|buenas)$/i;
const WRITTEN_AS_A_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:de|del|la|las|los|y|&|\p{Lu}[\p{L}'’.-]*)){0,5}[.!]*$/u;
const THANKS_OR_YES = /^(?:si|yes|yeah|yep|ok|okay|okey|oki|dale|gracias|muchas gracias|thanks|thank you|thanks a lot)$/;

/** Bare answers to "¿qué tan urgente?" beyond the level words. */
const URGENCY_WHEN: [UrgencyLevel, RegExp][] = [
  ['Alto', /^(?:de una vez|de inmediato|ya mismo|manana|mañana|para manana|tomorrow|by tomorrow|ahorita|ahora|now|ya|ayer|para ayer|esta semana|this week|lo antes posible|bastante|mucho|muy|very|tengo apuro|con apuro|mucho apuro|rapido|lo mas rapido posible|para el lunes|para este fin de semana|this weekend|right away)$/],
  ['Medio', /^(?:la semana que viene|la proxima semana|proxima semana|para la proxima semana|en unos dias|en dos semanas|en 2 semanas|en quince dias|next week|in a few days|in two weeks|este mes|this month|mas o menos|regular)$/],
  ['Bajo', /^(?:el mes que viene|el proximo mes|proximo mes|next month|en unos meses|in a few months|nada|no mucho|not much|not really|poco|sin prisa|no hay prisa|no urge|cuando sea|whenever|sin apuro|no hay apuro|no tengo apuro|tranquilo|con calma|no es urgente|para mas adelante|mas adelante|later|no rush)$/],
];
/** A bare day or time ("para el lunes", "el viernes", "by monday", "hoy"): when, never what. */
const TIME_ONLY = /^(?:(?:para|antes del?|by|before|on|for)\s+)?(?:el |este |the |this )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hoy|manana|today|tomorrow|fin de semana|weekend)(?: que viene| next week| proximo)?$/;
/** An urgency said alone ("alta", "urgente", "sin prisa", "asap"), which answers nothing else. */
const URGENCY_ALONE = /^(?:es |it'?s |muy |very |bastante |super )?(?:alta|alto|media|medio|baja|bajo|urgente|urgentisimo|high|medium|low|urgent|sin prisa|no hay prisa|no urge|no rush|no hurry|lo antes posible|cuanto antes|asap|as soon as possible)$/;
/** Urgency cues strong enough to count inside a question ("¿lo tienen para hoy? es urgente"). */
const URGENCY_CUE = /\b(?:urgen\w*|prioridad|priority|para ayer|cuanto antes|lo antes posible|asap|as soon as possible|inmediat\w*|immediately|emergencia|emergency|sin prisa|no hay prisa|no urge|no rush|no hurry|not urgent|cuando puedan|whenever)\b/;

/**
 * Words that name a lead field in a correction ("cambia la urgencia a alta", "the company name is
 * wrong, it's BuildCo"). Company before name: "nombre de la empresa" names the company.
 */
const FIELD_CUES: [LeadField, RegExp][] = [
  ['company_name', /\b(?:nombre de (?:la|mi) (?:empresa|compania)|company name|name of (?:the|my) company|empresa|compania|negocio|company|business)\b/g],
  ['email', /\b(?:correo electronico|correo|e-?mail|mail)\b/g],
  ['phone_or_username', /\b(?:numero de telefono|numero de celular|telefono|celular|whatsapp|phone number|phone|cell)\b/g],
  ['interest_area', /\b(?:area de interes|area|departamento|interest area|area of interest)\b/g],
  ['problem_statement', /\b(?:necesidad|descripcion|problema|proyecto|need|problem|description|project)\b/g],
  ['urgency_level', /\b(?:urgencia|prioridad|urgency|priority)\b/g],
  ['name', /\b(?:nombre completo|nombre|full name|name)\b/g],
];
/** What may stand between the field word and the new value: "está mal, es", "is wrong, it's", "a". */
const CORRECTION_GLUE =
  /^(?:\s|[,.:;!=>-]|\b(?:esta mal|estan mal|esta equivocad[oa]|es incorrect[oa]|no es ese|no es esa|no es asi|es otr[oa]|es diferente|cambio|cambió|cambiala|cambialo|seria|sería|deberia ser|debe ser|el correcto es|la correcta es|correct[oa] es|en realidad es|realmente es|es|son|a|al|por|en|de|mio|mia|se llama|se llaman|is wrong|is incorrect|is not right|isn'?t right|wrong|incorrect|should be|it should be|actually|is actually|change it to|is called|called|named|it is|to|is|it'?s|its|the right one is)\b)+/;

export interface LeadReading {
  leadFields: Partial<Record<LeadField, string | null>>;
  interestArea?: InterestArea;
  urgency?: UrgencyLevel;
  /** More of the need told at the summary (see `Understanding.addsToNeed`). */
  addsToNeed?: true;
  /** In the form, the customer would rather be reached by phone or WhatsApp (see `Understanding.prefersPhone`). */
  prefersPhone?: true;
  /** A field of the lead corrected in so many words ("el correo está mal, es …"): an answer to the form, never a complaint. */
  corrects?: true;
}

/** Not more of the need: thanks, a person asked for, a question put as a statement ("quiero saber si tienen…"). */
const NOT_A_NEED = /\b(?:gracias|thanks|thank you|persona|humano|agente|asesor|encargado|hablar con|talk to|speak to|person|human|agent|saber si|si tienen|si venden|if you have|if you sell|do you have|do you sell)\b/;

/** The questions of who the customer is: a need told there is told ahead. */
const CONTACT_QUESTIONS = new Set<LeadField>(['name', 'email', 'phone_or_username', 'company_name']);
/** The sales side asked for ("quiero que me visite un vendedor"): the request again, not the need. */
const SALES_ASKED = /\b(?:vendedor\w*|ventas|sales|rep|reps|representative|reunion|meeting|visite|visit)\b/;
/** A need told in words ("necesito…", "vamos a construir…", "es para una obra…", "we need…"). */
const NEED_TOLD =
  /\b(?:necesit\w*|queremos|quiero|quisiera|buscamos|busco|ocupo|ocupamos|vamos a|estamos (?:construyendo|haciendo|remodelando|levantando)|es para (?:una?|la|el|mi|nuestr[oa])|son para|cotiz\w*|we need|we want|we'?\s?re (?:building|renovating|remodeling|looking)|we are (?:building|renovating|remodeling|looking)|i need|i want|i'?\s?m (?:building|renovating|looking)|looking for|it'?\s?s for an?)\b/;

/** A quote asked for (the noun or the verb, es/en). */
const QUOTE_ASKED = /\b(?:coti[sz]\w*|presupuest\w*|proforma|quote|quotation|estimate)\b/;

/** Buying, said as the area ("purchasing for 3 hotels", "compras para la obra"): sales. */
const BUYING = /\b(?:compras?|comprar|compramos|compro|adquirir|adquisicion\w*|suplir|abastec\w*|purchas\w*|buy|buying|procurement|sourcing|supply|supplying)\b/;

/**
 * Lead fields found in a message: from entities anywhere, from a correction that names a field
 * ("el correo es otro: …", "cambia la urgencia a alta") while a lead is in progress, and, when the
 * conversation asked for one field, from a bare answer ("Ana Pérez", "independiente", "Ventas",
 * "para ayer"). The interest area is only taken when the customer names it or answers the question:
 * a customer who wants to buy has not said which area their request is for. (Taking "Ventas" from
 * an opening that asks a quote of goods was tried in session 19: the held-out set lost a
 * conversation, 171 → 170, so the area is still asked.)
 */
export function readLeadFields(input: { text: string; entities: readonly Entity[]; expecting: Expectation; tenantName?: string; intent?: string }): LeadReading {
  const { text, entities, expecting } = input;
  const expected = expecting.kind === 'lead_field' ? expecting.field : null;
  const inLead = expecting.kind === 'lead_field' || expecting.kind === 'lead_confirmation';
  const fields: Partial<Record<LeadField, string | null>> = {};
  const first = (type: Entity['type']): Entity | undefined => entities.find((e) => e.type === type);

  const name = first('person_name');
  if (name) fields.name = name.value;
  const email = first('email');
  if (email) fields.email = email.value;
  // "mi cel es 809-… y la oficina 809-…": every number given, in one value (src/domain/phone-list.ts).
  const phones = entities.filter((e) => e.type === 'phone').map((e) => e.value);
  if (phones.length > 0) fields.phone_or_username = joinPhones(phones);
  const company = first('company');
  if (company) fields.company_name = company.value;
  // "Coral Hotel Bayahibe" answering the company: the whole name as written, not the part from the word the extractor starts at ("Hotel").
  const written = text.trim().replace(/[.!]+$/, '');
  const before = company && written.endsWith(company.value) ? written.slice(0, written.length - company.value.length).trim().split(/\s+/).filter(Boolean) : [];
  if (company && expected === 'company_name' && WRITTEN_AS_A_NAME.test(written) && before.length > 0 && before.length <= 2 && before.every((w) => /^\p{Lu}/u.test(w) && !INTRO_WORD.test(w))) fields.company_name = written;

  const folded = plainWords(text);
  const named = AREA_NAMED.find(([, re]) => re.test(folded))?.[0];
  if (named) fields.interest_area = named;
  // A question's time words are not the lead's urgency ("¿abren hoy?"), unless urgency is named.
  // ("como 300 varillas mensuales": "como" there is "about", a volume told, no question.)
  const question = /\?\s*$/.test(text.trim()) || (/^(?:a que|que|cual|cuando|donde|como|cuanto|cuantos|hay|tienen|abren|cierran|what|when|where|how|do|does|is|are|can)\b/.test(folded) && !toldVolume(folded, entities));
  const urgency = !question || URGENCY_CUE.test(folded) ? detectUrgency(text) : undefined;
  if (urgency) fields.urgency_level = urgency;

  // "no tengo empresa", "I don't have a company", said ahead of the question: the company declined.
  if (fields.company_name === undefined && expected !== 'company_name' && NO_COMPANY.test(folded)) fields.company_name = null;

  // "perdón, es María Elena Pérez", "sorry, it's John Miller": a full name given again as a
  // correction (a name's words, capitalised) is the name, whatever question is pending (but the
  // company's: "perdón, es Ferreplus Dominicana" there is the company).
  if (inLead && fields.name === undefined && expected !== 'company_name') {
    const again = CORRECTION_CUE.exec(text);
    const rest = again ? text.slice(again[0].length).trim().replace(/[.!]+$/, '') : '';
    if (again && /\s/.test(rest) && WRITTEN_AS_A_NAME.test(rest) && !extractCompanies(rest).length) fields.name = rest;
  }
  // A correction names the field and gives the new value: it wins over a looser reading.
  // "perdón, mi nombre es Ramón Antonio Ureña", "me equivoqué, el nombre es Luisa Marte" where the
  // company is asked: the name corrected, not the company's.
  let correctsOther = false;
  let corrects = false;
  // With nothing pending, only a correction said as one ("perdón, …", "me equivoqué en …", "el correo está mal, …") is read.
  // "el que termina en 9876 está mal, es 849-…": a number of the lead named by its last digits, and a new one, corrects it (never a complaint).
  if (fields.phone_or_username && (inLead || expecting.kind === 'none') && namesANumberByItsTail(folded)) corrects = true;
  if (inLead || (expecting.kind === 'none' && AFTER_CUE.test(folded))) {
    const correction = readCorrection(text);
    correctsOther = correction !== null && correction.field !== expected && (correction.field === 'email' || correction.field === 'phone_or_username' || (correction.field === 'name' && (OWN_NAME.test(folded) || SAID_WRONG.test(folded) || CORRECTION_CUE.test(text))));
    if (correction && !(correction.field === 'problem_statement' && toldProblem(folded))) {
      const value = readBare(correction.field, correction.value, { tenantName: input.tenantName, entities: [] });
      if (value !== undefined && (value !== null || correction.field !== expected)) {
        if (!(correction.field === 'email' && fields.email) && !(correction.field === 'phone_or_username' && fields.phone_or_username)) {
          fields[correction.field] = value;
        }
        corrects = true;
      }
    }
  }

  // The answer to the question asked wins for the levels ("alta, empezamos la semana que viene").
  const answersLevel = expected === 'urgency_level' || expected === 'interest_area';
  // "prefiero que me llamen", "mejor por WhatsApp": how to be reached, never the company or the name; where the e-mail is asked, the e-mail passed over.
  const prefersPhone = expecting.kind === 'lead_field' && fields.phone_or_username === undefined && prefersPhoneContact(folded);
  if (prefersPhone && expected === 'email' && fields.email === undefined) fields.email = null;
  if (expected && !prefersPhone && (fields[expected] === undefined || answersLevel) && !(correctsOther && expected === 'company_name')) {
    const value = readBare(expected, text, { tenantName: input.tenantName, entities });
    if (value !== undefined && (value !== null || fields[expected] === undefined)) fields[expected] = value;
  }
  // "Pedro Mejía" typed where the e-mail or phone is asked: the name given late (it was passed over).
  if ((expected === 'email' || expected === 'phone_or_username') && fields[expected] === undefined && fields.name === undefined && !question && !entities.some((e) => e.type === 'product')) {
    const bareName = bareOf(text);
    const person = /\s/.test(bareName) && bareName.split(/\s+/).length <= 4 && WRITTEN_AS_A_NAME.test(bareName) ? extractPersonNames(bareName)[0] : undefined;
    // Only a whole message that is a person's name ("Castillo Materiales" is a business).
    if (person && person.start === 0 && person.end === bareName.length && !extractCompanies(bareName).length && !FORM_WORDS.test(plainWords(bareName))) fields.name = person.value;
  }
  // "alta", "urgente", "para el lunes" typed while another field is asked: the urgency, given ahead.
  if (inLead && expected && expected !== 'urgency_level' && fields[expected] === undefined && fields.urgency_level === undefined && (TIME_ONLY.test(folded) || URGENCY_ALONE.test(folded) || (!question && folded.split(' ').length <= 6 && levelOfSpan(folded) !== undefined))) {
    const level = readBare('urgency_level', text, { tenantName: input.tenantName, entities });
    if (typeof level === 'string') fields.urgency_level = level;
  }
  // "pintura para una escuela, la necesitamos para el lunes", "doors for 12 units, we need them in two weeks": when, told in a clause of the need, is the urgency too.
  if (expected === 'problem_statement' && typeof fields.urgency_level === 'string' && !question && saysOnlyWhen(folded, entities)) delete fields.problem_statement; // "no es urgente, para el mes que viene": only when, no need
  if (expected === 'problem_statement' && fields.urgency_level === undefined && !question) {
    const level = urgencyInClauses(text);
    if (level) fields.urgency_level = level;
  }
  // The phone is asked only in place of a declined e-mail: "no tengo empresa" there answers ahead.
  if (expected === 'phone_or_username' && fields.phone_or_username === undefined && fields.company_name === undefined && readBare('company_name', text, { tenantName: input.tenantName, entities }) === null) fields.company_name = null;
  // A price asked ("necesito saber el precio del cemento y la varilla") is a detour to answer first.
  const asksPrice = /\b(?:precios?|cuanto|cuesta|cuestan|vale|valen|a como|price|prices|cost|costs|how much)\b/.test(folded);
  // The area asked: the need told with it, or goods for a job told instead ("techos de zinc para 12 casas": a sale, and the need).
  if (expected === 'interest_area') readNeedAtArea(text, folded, fields, entities, question || asksPrice);
  // "necesito materiales para 10 casas en Bávaro" where the company (or the name, the e-mail) is
  // asked: the need told ahead, written down — the question asked stays open.
  let needAhead = false;
  if (expected && CONTACT_QUESTIONS.has(expected) && fields[expected] === undefined && fields.problem_statement === undefined && !question && !asksPrice && !carriesContactData(entities)) {
    // One product looked for ("busco una escalera de aluminio") is a question to answer, not the need; a person asked for is no need.
    const goods = entities.filter((e) => e.type === 'product').length >= 2 || GOODS_WORDS.test(folded) || PROJECT_WORDS.test(folded);
    const aboutGoods = input.intent === undefined || input.intent === 'sales_lead' || input.intent === 'price_quote' || input.intent === 'product_inquiry';
    // "unos 200 sacos al mes", "about 500 blocks a month": a volume of goods is the need, whatever the classifier made of it.
    if ((aboutGoods && folded.split(' ').length >= 5 && NEED_TOLD.test(folded) && goods && !NOT_A_NEED.test(folded) && !SALES_ASKED.test(folded)) || toldVolume(folded, entities)) {
      fields.problem_statement = text.trim().replace(/\s+/g, ' ').slice(0, 400);
      needAhead = true;
    }
  }
  // At the summary, "necesitamos cemento, varilla y blocks para 20 casas, en 3 entregas": more of the need told at length (no question, price, yes/no, contact or field named) goes after the need.
  let addsToNeed = false;
  // "el problema es que el suplidor me queda mal con las entregas": the story of the need goes under it, wherever it is told.
  if (inLead && fields.problem_statement === undefined && toldProblem(folded)) [fields.problem_statement, addsToNeed] = [text.trim().replace(/\s+/g, ' ').slice(0, 400), true];
  const aboutGoods = input.intent === 'sales_lead' || input.intent === 'price_quote' || input.intent === 'product_inquiry';
  if (expecting.kind === 'lead_confirmation' && aboutGoods && Object.keys(fields).every((k) => k === 'urgency_level') && !question && !asksPrice && !carriesContactData(entities)) {
    const described = folded.split(' ').length >= 6 && !/^(?:si|no|ok|okay|vale|dale|correcto|yes|yeah|nope)\b/.test(folded);
    if (described && !NOT_A_NEED.test(folded) && (entities.some((e) => e.type === 'product') || GOODS_WORDS.test(folded))) {
      fields.problem_statement = text.trim().replace(/\s+/g, ' ').slice(0, 400);
      addsToNeed = true;
    }
  }
  // "para una casa de 3 habitaciones" where the urgency is asked: the need told in two messages, kept whole ("…necesito blocks…, empezamos en enero": the urgency too).
  if (expected === 'urgency_level' && (fields.urgency_level === undefined || NEED_TOLD.test(folded)) && fields.problem_statement === undefined && fields.interest_area === undefined && !question && !asksPrice && !carriesContactData(entities) && continuesNeed(folded, entities)) {
    fields.problem_statement = text.trim().replace(/\s+/g, ' ').slice(0, 400);
    addsToNeed = true;
  }
  // Asked for the company, "se llama Techos del Caribe" names the company, not the customer.
  if (expected === 'company_name' && typeof fields.company_name === 'string' && typeof fields.name === 'string' && fold(fields.company_name).includes(fold(fields.name))) delete fields.name;
  return {
    leadFields: fields,
    ...(fields.interest_area ? { interestArea: fields.interest_area as InterestArea } : {}),
    ...(fields.urgency_level ? { urgency: fields.urgency_level as UrgencyLevel } : {}),
    ...(addsToNeed || needAhead ? { addsToNeed: true as const } : {}),
    ...(corrects ? { corrects: true as const } : {}),
    ...(prefersPhone ? { prefersPhone: true as const } : {}),
  };
}

/** Lower-case, accent-free words separated by single spaces (punctuation dropped). */
function plainWords(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9@.'\s/-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How a request opens ("quiero…", "pásame…", "I want…"): a sentence that asks, never a company's name. */
const REQUEST_OPENING = /^(?:(?:mejor|bueno|ok|oye|disculpa|no)\s+)?(?:quiero|quisiera|queria|necesito|queremos|necesitamos|quisieramos|buscamos|busco|prefiero|puedo|pueden|podrian|podria|me pueden|me puedes|me podrian|pasame|pasenme|comunicame|comuniquenme|dejame|llamenme|llamame|hablar con|i want|i need|we want|we need|we'?re looking|we are looking|i'?m looking|i'?d like|i would like|can i|can you|could you|could i|let me|put me|transfer me|call me)\b/i;

/** The message without the punctuation people put around a short answer. */
function bareOf(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!?¡¿…]+$/g, '')
    .replace(/^[¡¿]+/, '')
    .trim();
}

/**
 * The value of one field read from an answer to its question: a value, `null` when the customer
 * declines (or cannot say), `undefined` when the message does not answer it.
 */
export function readBare(field: LeadField, text: string, context: { tenantName?: string | undefined; entities: readonly Entity[] }): string | null | undefined {
  // "ok, Juan", "bueno, Constructora Báez": the answer after a grudging "ok" (a refusal first, then
  // the name), when what follows is written as a name ("bueno, hasta luego" is no name).
  const afterOk = text.replace(GRUDGING_OK, '');
  const given = (field === 'name' || field === 'company_name') && afterOk !== text && WRITTEN_AS_A_NAME.test(afterOk.trim()) ? afterOk : text;
  const bare = bareOf(given);
  const f = plainWords(bare).replace(/[.]+$/, '');
  if (f.length === 0) return undefined;
  const dontKnow = DONT_KNOW.test(f);
  // "gracias", "ok", "thank you": an acknowledgment answers none of the open fields (not a name,
  // a company or the need); the question stays open.
  // ("Claro" and "Listo" are also names of businesses: only the need ignores them.)
  const ack = f.replace(/[^a-z\s]/g, '').trim();
  if (field === 'problem_statement' ? ACKNOWLEDGMENT.test(ack) : (field === 'name' || field === 'company_name') && THANKS_OR_YES.test(ack)) return undefined;
  switch (field) {
    case 'name': {
      if (DECLINE_CONTACT.test(f) || dontKnow) return null;
      // A question or a product is not a name ("¿horario?", "cemento gris").
      if (/\?\s*$/.test(text.trim()) || context.entities.some((e) => e.type === 'product')) return undefined;
      // "Constructora Ramírez", "Ferretería El Progreso SRL": a business answered for the name is the company, never the person.
      const business = extractCompanies(bare)[0];
      if (business && business.start === 0 && business.end >= bare.trim().length) return undefined;
      const found = extractPersonNames(bare)[0];
      if (found && !FORM_WORDS.test(plainWords(found.value))) return found.value;
      // "Ana Pérez, ana@x.com": the name is the first part.
      // "juan perez y mi correo es …", "pedro martinez 8095551234": the name is what comes before the contact data.
      const head = (bare.split(/[,;]|\s+(?:y|and)\s+(?=\S+@|(?:mi |my |el |the )?(?:correo|email|e-mail|mail|telefono|celular|numero|phone|number|empresa|company)\b)/)[0] ?? '')
        .replace(/\s+(?:\S+@\S+|\+?\d[\d\s().-]{6,}\d)$/, '')
        .trim();
      const candidate = stripTitles(head.replace(NAME_PREFIX, '').trim().replace(/^(?:el|la)\s+/i, ''));
      const words = candidate.split(/\s+/);
      if (words.length >= 1 && words.length <= 6 && /^[\p{L}'’ .-]+$/u.test(candidate) && /\p{L}{2}/u.test(candidate) && !NOT_A_NAME.test(fold(candidate)) && !FORM_WORDS.test(plainWords(candidate))) {
        return capitalizeName(candidate.replace(/\.(?=\s|$)/g, '').trim());
      }
      return undefined;
    }
    case 'email':
      if (DECLINE_CONTACT.test(f) || dontKnow) return null;
      {
        // A bare answer that is one token with an @ is the address as typed (the machine checks it).
        const token = bare.replace(/^(?:(?:mi correo es|es|my email is|it'?s|email:?|correo:?)\s+)/i, '').trim();
        if (/^\S+@\S+$/.test(token)) return token.toLowerCase();
      }
      return undefined;
    case 'phone_or_username': {
      // A social handle ("@ana.perez") when there is no phone; an email is not a handle.
      const handle = /\S@\S/.test(bare) ? null : bare.match(/@[\w.]{2,30}/);
      if (handle) return handle[0];
      if (DECLINE_PHONE.test(f) || DECLINE_PHONE_WORDS.test(f) || dontKnow) return null;
      return undefined;
    }
    case 'company_name': {
      // "no, mi correo es …": the "no" corrects another answer, it does not decline the company.
      if (CORRECTS_OTHER_FIELD.test(f)) return undefined;
      const firstClause = (f.split(/[,;]/)[0] ?? f).trim();
      // "es para mi casa nada más": the decline with a closing "nada más" / "only".
      const declined = f.replace(/\s+(?:nada mas|na mas|solamente|solo|nomas|only|just that)$/, '');
      if (DECLINE_COMPANY.test(f) || DECLINE_COMPANY.test(declined) || DECLINE_COMPANY.test(firstClause) || dontKnow || DONT_KNOW.test(firstClause)) return null;
      // "soy ama de casa", "I'm a homeowner", "soy ingeniero": who they are, in lower case, is a person, not a company.
      // "soy una constructora pequeña" describes the business without naming it: asked again.
      const role = PERSON_ROLE.exec(f);
      if (role) return COMPANY_HEAD.test(role[1]!) ? undefined : null;
      if (/\b(?:no tengo|todavia no|aun no|trabajo solo|trabajo sola|solo yo|por mi cuenta|independiente|no company|not yet|just me|on my own|independent|freelance\w*|self[ -]employed|persona fisica|a mi nombre|a nombre mio|a titulo personal|pa mi casa|pa la casa|pa mi)\b/.test(f) || /^(?:ninguna|ninguno|none|no)\b/.test(f)) return null;
      // "ventas", "alta": the form's own words answer another of its questions, never the company's name; nor does a volume ("unos 200 sacos al mes").
      if ((f.split(' ').length <= 3 && FORM_WORDS.test(f)) || toldVolume(f, context.entities)) return undefined;
      // "within 2 weeks", "antes de navidad": when, never the company's name.
      if (f.split(' ').length <= 6 && levelOfSpan(f) !== undefined) return undefined;
      const stripped = bare.replace(COMPANY_PREFIX, '').trim();
      // "it's for my house", "es para mi casa": declined after the prefix too.
      if (DECLINE_COMPANY.test(plainWords(stripped))) return null;
      // A description is not a name ("es una constructora", "para mi empresa", "la empresa de mi papá").
      if (/^(?:una?|an?|mi|my|our|nuestra|nuestro|su|para|por|de|del|en|con|for|la empresa|el negocio|la compania|the company)\b/i.test(fold(stripped))) return undefined;
      // A request is not a name ("quiero hablar con una persona", "pásame con alguien", "can I talk to someone?").
      if (REQUEST_OPENING.test(fold(stripped))) return undefined;
      const candidate = stripped.replace(/^(?:la|el|the)\s+(?=\p{Lu}|constructora|ferreteria|inversiones|grupo)/iu, '').trim();
      if (candidate.length === 0 || candidate.split(/\s+/).length > 7 || /@/.test(candidate) || /\?$/.test(text.trim())) return undefined;
      if (context.tenantName && fold(candidate) === fold(context.tenantName)) return undefined;
      const shaped = extractCompanies(candidate, context.tenantName ? { exclude: [context.tenantName] } : {})[0];
      if (shaped && shaped.start === 0) return shaped.value;
      // "y el de la oficina es 809-…": a number given, never the company's name.
      if (context.entities.some((e) => e.type === 'phone')) return undefined;
      return candidate === candidate.toLowerCase() ? capitalizeName(candidate) : candidate;
    }
    case 'interest_area': {
      const area = detectInterestArea(bare, { bare: true });
      if (area) return area;
      // "alta", "para el lunes" answer the urgency ahead; "dale", "ok" answer nothing.
      if (URGENCY_ALONE.test(f) || TIME_ONLY.test(f) || ACKNOWLEDGMENT.test(ack)) return undefined;
      if (dontKnow || /^(?:otro|otra|otros|other|ninguno|ninguna|none|nada|general|informacion|info|consulta)$/.test(f)) return 'Otro';
      // A question, contact data ("mi nombre completo es …") or a long message is not an answer to
      // this question: the machine takes what it carries and asks again.
      if (/\?\s*$/.test(text.trim()) || carriesContactData(context.entities) || f.split(' ').length > 6) return undefined;
      // Answered with what they want to buy ("materiales de construcción", "tools"): sales.
      return context.entities.some((e) => e.type === 'product') || GOODS_WORDS.test(f) || BUYING.test(f) ? 'Ventas' : 'Otro';
    }
    case 'problem_statement': {
      if (dontKnow || DECLINE_PROBLEM.test(f)) return null;
      // "ventas", "sales", "perdón, es para ventas": areas named again (or corrected) are not the need.
      if (f.split(' ').length <= 6 && AREA_NAMED.some(([, re]) => re.test(f)) && AREA_NAMED.reduce((rest, [, re]) => rest.replace(new RegExp(re.source, 'g'), ''), f).replace(/\b(?:el|la|las|los|de|del|area|areas|the|team|department|departamento|para|for|es|is|it'?s|both|ambos|ambas|las dos|y|and|o|or|tambien|too|also|perdon|disculpa|disculpe|sorry|oops|no|mejor|actually|en realidad|quise decir|i meant|my bad|era|was|mas bien|rather)\b/g, '').trim() === '') return undefined;
      // "para la semana que viene", "urgente", "para el lunes": when it is needed answers the
      // urgency (read ahead), it is not the need.
      if (TIME_ONLY.test(f) || URGENCY_ALONE.test(f) || URGENCY_WHEN.some(([l, re]) => l !== 'Bajo' && re.test(f.replace(/^para\s+/, '')))) return undefined;
      // "mi correo es …" while the need was asked gives contact data, not the need.
      if (carriesContactData(context.entities) && f.split(' ').length <= 10) return undefined;
      // "¿tienen cemento gris?" is a question to answer first (a detour), not the need.
      if (/\?\s*$/.test(text.trim()) && QUESTION_START.test(f)) return undefined;
      // "quiero remodelar la cocina, ¿cuánto cuesta el porcelanato?": the need without the question asked after it (answered as a detour).
      const told = withoutQuestionClauses(text);
      if (told === '') return undefined;
      const trimmed = told.replace(/\s+/g, ' ');
      return trimmed.length <= 400 ? trimmed : `${trimmed.slice(0, 399).trimEnd()}…`;
    }
    case 'urgency_level': {
      if (dontKnow) return null;
      // WhatsApp spelling: "pa la semana q viene" is "para la semana que viene".
      if (/\b(?:pa|q|k|xq|d)\b/.test(f)) return readBare(field, f.replace(/\bpa\b/g, 'para').replace(/\b[qk]\b/g, 'que').replace(/\bxq\b/g, 'porque').replace(/\bd\b/g, 'de'), context);
      const level = detectUrgency(bare, { bare: true });
      if (level) return level;
      for (const [l, re] of URGENCY_WHEN) if (re.test(f)) return l;
      // "para julio, no hay apuro", "ya mismo, es urgente": one clause says the level.
      for (const clause of bare.split(/\s*[,;]\s*|\s+(?:pero|but)\s+/).map((c) => plainWords(c)).filter((c) => c !== '' && c !== f)) {
        const said = detectUrgency(clause, { bare: true }) ?? URGENCY_WHEN.find(([, re]) => re.test(clause))?.[0];
        if (said) return said;
      }
      // A day named ("para el lunes", "by friday"): within the week; "el lunes que viene": next week.
      if (TIME_ONLY.test(f)) return /que viene|next week|proximo/.test(f) ? 'Medio' : 'Alto';
      const span = levelOfSpan(f);
      if (span) return span;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** "la necesitamos", "we need them": the words that lead into when something is needed. */
const NEEDED_BY = /^(?:(?:y|and|pero|but)\s+)?(?:(?:l[oa]s?|it|them)\s+)?(?:necesit\w*|quer\w*|ocup\w*|(?:we|i) (?:need|want) (?:it|them)|need (?:it|them)|tiene que estar|tienen que estar|has to be ready|must be ready)\s+/;

/** The urgency said in a clause of a longer answer ("…, la necesitamos para el lunes"). */
function urgencyInClauses(text: string): UrgencyLevel | undefined {
  const clauses = text.split(/\s*[,;.]\s*|\s+(?:pero|but)\s+/).map((c) => plainWords(c).replace(NEEDED_BY, '')).filter((c) => c !== '');
  if (clauses.length < 2) return undefined;
  for (const c of clauses.slice(1)) {
    if (TIME_ONLY.test(c)) return /que viene|next week|proximo/.test(c) ? 'Medio' : 'Alto';
    const span = levelOfSpan(c);
    if (span) return span;
    // "para el mes que viene", "no hay apuro" (two words or more: "ya", "nada" alone say other things here).
    const when = c.replace(/^para\s+/, '');
    const level = when.includes(' ') ? URGENCY_WHEN.find(([, re]) => re.test(when))?.[0] : undefined;
    if (level) return level;
  }
  return undefined;
}

/** How a question starts ("¿tienen…?", "¿cuánto…?", "how much…?"). */
const QUESTION_START = /^(?:tienen|tiene|hay|cuanto|cuantos|cuanta|que|cual|cuales|donde|a que hora|a como|venden|do you|how much|what|where|is there|are there|can you)\b/;

/** The text without its clauses that ask a question ("…, ¿cuánto cuesta el porcelanato?"); the text itself when none does. */
function withoutQuestionClauses(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.includes('?')) return trimmed;
  const clauses = trimmed.split(/(?<=[,;.?!])\s+|\s*¿/).map((c) => c.trim()).filter((c) => c !== '');
  const kept = clauses.filter((c) => !((/\?\s*$/.test(c) && QUESTION_START.test(plainWords(c))) || /^(?:cuant[oa]s?|a como|how much|how many)\b/.test(plainWords(c))));
  if (kept.length === clauses.length) return trimmed;
  const rest = kept.join(' ').replace(/[,;.\s]+$/, '').trim();
  // A greeting before the question ("Buenas, ¿tienen block de 6?") is no need.
  return plainWords(rest).split(' ').filter((w) => w !== '').length >= 3 ? rest : '';
}

/**
 * A correction naming one field and its new value: "el correo es otro: ana@x.com",
 * "no, la empresa es Constructora Báez", "cambia la urgencia a alta", "the company name is wrong,
 * it's BuildCo". Null when no single field is named or no value follows it.
 */
export function readCorrection(text: string): { field: LeadField; value: string } | null {
  const f = foldWithMap(text);
  const hits: { field: LeadField; start: number; end: number }[] = [];
  for (const [field, re] of FIELD_CUES) {
    for (const m of f.folded.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({ field, start, end });
    }
  }
  const fieldsNamed = new Set(hits.map((h) => h.field));
  if (fieldsNamed.size !== 1) return null;
  const hit = hits.sort((a, b) => a.start - b.start)[0]!;
  const rest = f.folded.slice(hit.end);
  const glue = rest.match(CORRECTION_GLUE)?.[0] ?? '';
  // Without a connector ("es", "a", ":", "is", "to") the words after the field are not a value.
  if (!/(?:\bes\b|\bseria\b|\bsería\b|\ba\b|\bal\b|\bpor\b|\bllama\b|\bcalled\b|\bnamed\b|:|=|\bis\b|\bto\b|\bit'?s\b|\bits\b|\bbe\b|-)/.test(glue)) return null;
  const from = hit.end + glue.length;
  const startOriginal = f.map[from] ?? text.length;
  const value = bareOf(text.slice(startOriginal));
  if (value.length === 0) return null;
  return { field: hit.field, value };
}
