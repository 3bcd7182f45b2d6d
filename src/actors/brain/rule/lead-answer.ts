import type { LeadField } from '../../../domain/lead.js';
import type { Entity } from '../../../domain/nlu.js';
import { capitalizeName, extractCompanies, extractPersonNames, stripTitles } from './contact-entities.js';
import { COMPANY_HEAD } from './name-words.js';
import { detectInterestArea } from './lead-levels.js';
import { fold } from './text.js';
import { AREA_NAMED, carriesContactData, GOODS_WORDS } from './lead-area.js';
import { levelOfSpan } from './time-spans.js';
import { toldVolume } from './volume-told.js';
import { toldJobSize } from './need-continued.js';
import { bareOf, leadWords } from './lead-text.js';
import { readUrgencyAnswer, TIME_ONLY, URGENCY_ALONE, URGENCY_WHEN } from './lead-urgency.js';

/**
 * One answer to one question of the lead form ("Ana Pérez" to the name, "independiente" to the
 * company, "para ayer" to the urgency): its value, a decline, or no answer at all.
 */

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
export const FORM_WORDS = /\b(?:ventas?|soporte|soporte tecnico|servicio tecnico|facturacion|cobros|sales|support|tech support|technical support|billing|departamento|department|area)\b|^(?:(?:muy )?(?:alta|alto|media|medio|baja|bajo|urgente)|high|medium|low|urgent|otro|otra|other|general)$/;

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
export const WRITTEN_AS_A_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:de|del|la|las|los|y|&|\p{Lu}[\p{L}'’.-]*)){0,5}[.!]*$/u;
const THANKS_OR_YES = /^(?:si|yes|yeah|yep|ok|okay|okey|oki|dale|gracias|muchas gracias|thanks|thank you|thanks a lot)$/;

/** Buying, said as the area ("purchasing for 3 hotels", "compras para la obra"): sales. */
const BUYING = /\b(?:compras?|comprar|compramos|compro|adquirir|adquisicion\w*|suplir|abastec\w*|purchas\w*|buy|buying|procurement|sourcing|supply|supplying)\b/;
/** How a request opens ("quiero…", "pásame…", "I want…"): a sentence that asks, never a company's name. */
const REQUEST_OPENING = /^(?:(?:mejor|bueno|ok|oye|disculpa|no)\s+)?(?:quiero|quisiera|queria|necesito|queremos|necesitamos|quisieramos|buscamos|busco|prefiero|puedo|pueden|podrian|podria|me pueden|me puedes|me podrian|pasame|pasenme|comunicame|comuniquenme|dejame|llamenme|llamame|hablar con|i want|i need|we want|we need|we'?re looking|we are looking|i'?m looking|i'?d like|i would like|can i|can you|could you|could i|let me|put me|transfer me|call me)\b/i;

/** How a question starts ("¿tienen…?", "¿cuánto…?", "how much…?"). */
const QUESTION_START = /^(?:tienen|tiene|hay|cuanto|cuantos|cuanta|que|cual|cuales|donde|a que hora|a como|venden|do you|how much|what|where|is there|are there|can you)\b/;

/** A price asked ("¿cuánto cuesta…?", "quiero saber el precio…", "how much…"), on plain words. */
export const PRICE_ASKED = /\b(?:precios?|cuanto|cuesta|cuestan|vale|valen|a como|price|prices|cost|costs|how much)\b/;

/**
 * What a message tells besides the price it asks ("voy a techar mi casa, son como 80 metros
 * cuadrados, quiero saber cuánto me sale el zinc" → "voy a techar mi casa, son como 80 metros
 * cuadrados"); '' when it only asks.
 */
export function toldBesidesPrice(text: string): string {
  const clauses = text
    .trim()
    .split(/(?<=[,;.?!])\s+|\s*¿|\s+(?:y|and)\s+(?=(?:quiero|quisiera|necesito|me gustaria) saber|(?:i'?d like|i want|i need) to know|dime|tell me)/i)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const rest = clauses.filter((c) => !PRICE_ASKED.test(leadWords(c))).join(' ').replace(/[,;.\s]+$/, '').trim();
  return leadWords(rest).split(' ').filter((w) => w !== '').length >= 3 ? rest : '';
}

/** The text without its clauses that ask a question ("…, ¿cuánto cuesta el porcelanato?"); the text itself when none does. */
function withoutQuestionClauses(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.includes('?')) return trimmed;
  const clauses = trimmed.split(/(?<=[,;.?!])\s+|\s*¿/).map((c) => c.trim()).filter((c) => c !== '');
  const kept = clauses.filter((c) => !((/\?\s*$/.test(c) && QUESTION_START.test(leadWords(c))) || /^(?:cuant[oa]s?|a como|how much|how many)\b/.test(leadWords(c))));
  if (kept.length === clauses.length) return trimmed;
  const rest = kept.join(' ').replace(/[,;.\s]+$/, '').trim();
  // A greeting before the question ("Buenas, ¿tienen block de 6?") is no need.
  return leadWords(rest).split(' ').filter((w) => w !== '').length >= 3 ? rest : '';
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
  const f = leadWords(bare).replace(/[.]+$/, '');
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
      if (found && !FORM_WORDS.test(leadWords(found.value))) return found.value;
      // "Ana Pérez, ana@x.com": the name is the first part.
      // "juan perez y mi correo es …", "pedro martinez 8095551234": the name is what comes before the contact data.
      const head = (bare.split(/[,;]|\s+(?:y|and)\s+(?=\S+@|(?:mi |my |el |the )?(?:correo|email|e-mail|mail|telefono|celular|numero|phone|number|empresa|company)\b)/)[0] ?? '')
        .replace(/\s+(?:\S+@\S+|\+?\d[\d\s().-]{6,}\d)$/, '')
        .trim();
      const candidate = stripTitles(head.replace(NAME_PREFIX, '').trim().replace(/^(?:el|la)\s+/i, ''));
      const words = candidate.split(/\s+/);
      if (words.length >= 1 && words.length <= 6 && /^[\p{L}'’ .-]+$/u.test(candidate) && /\p{L}{2}/u.test(candidate) && !NOT_A_NAME.test(fold(candidate)) && !FORM_WORDS.test(leadWords(candidate))) {
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
      // "no hay prisa", "no urge": the urgency told ahead, never "no company".
      if (URGENCY_ALONE.test(f)) return undefined;
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
      if (DECLINE_COMPANY.test(leadWords(stripped))) return null;
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
      // "son 12 aulas y el pasillo": the job's size, more of the need (read by `lead-fields.ts`), not "Otro".
      if (toldJobSize(f, context.entities)) return undefined;
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
    case 'urgency_level':
      return dontKnow ? null : readUrgencyAnswer(bare);
    default:
      return undefined;
  }
}
