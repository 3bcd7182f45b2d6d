import type { InterestArea, LeadField, UrgencyLevel } from '../../../domain/lead.js';
import type { Entity } from '../../../domain/nlu.js';
import { joinPhones, namesANumberByItsTail } from '../../../domain/phone-list.js';
import type { Expectation } from '../../../domain/understanding.js';
import { extractCompanies, extractPersonNames } from './contact-entities.js';
import { detectUrgency } from './lead-levels.js';
import { fold } from './text.js';
import { PROJECT_WORDS } from './project-quotes.js';
import { AREA_NAMED, carriesContactData, GOODS_WORDS, readNeedAtArea } from './lead-area.js';
import { levelOfSpan } from './time-spans.js';
import { continuesNeed, saysOnlyWhen, toldJobSize, toldProblem } from './need-continued.js';
import { prefersPhoneContact } from './contact-preference.js';
import { toldVolume } from './volume-told.js';
import { FORM_WORDS, PRICE_ASKED, readBare, toldBesidesPrice, WRITTEN_AS_A_NAME } from './lead-answer.js';
import { readCorrection } from './lead-correction.js';
import { bareOf, leadWords } from './lead-text.js';
import { TIME_ONLY, URGENCY_ALONE, URGENCY_CUE, urgencyInClauses } from './lead-urgency.js';

/** The company declined in so many words, whatever was asked. */
const NO_COMPANY = /\b(?:no (?:tengo|tenemos|hay) (?:una |un )?(?:empresa|compania|negocio)|sin (?:empresa|compania)|i (?:don'?t|do not) have a (?:company|business)|we (?:don'?t|do not) have a company|no company|soy (?:particular|independiente|freelance(?:r)?)|trabajo (?:por mi cuenta|independiente)|(?:es|soy) persona fisica|i'?m (?:self[ -]employed|a freelancer|freelance|an individual)|i work for myself)\b/;

/** A correction said as one when nothing is asked (the lead already registered). */
const AFTER_CUE = /^(?:no\b|perdon|disculp|sorry|oops|ups|correcci|correction|me equivoque|quise decir|i meant|my bad|actually)|\b(?:esta mal|is wrong|was wrong|me equivoque|equivocad[oa]|mal escrit[oa]|i made a mistake|typo)\b/;

/** The customer's own name named ("mi nombre", "me llamo", "my name"), not "el nombre" (of the company, maybe). */
const OWN_NAME = /\b(?:mi nombre|me llamo|my name|my full name)\b/;

/** A value said to be wrong: it was given before, so it is not the one asked now. */
const SAID_WRONG = /\b(?:esta mal|estan mal|equivocad[oa]|incorrect[oa]?|is wrong|was wrong|wrong|mal escrit[oa])\b/;

const CORRECTION_CUE = /^\s*(?:perd[oó]n|disculp[ae]|perdona|sorry|oops|ups|correcci[oó]n|correction|me equivoqu[eé]|quise decir|i meant|my bad)\s*[,.:!-]*\s*(?:(?:es|era|it'?s|it is|is)\s+)?/i;
/** Words that say who writes before a company's name ("Soy de …", "Trabajo en …"), never part of it. */
const INTRO_WORD = /^(?:soy|somos|es|son|de|del|la|el|los|las|mi|mis|nuestra|nuestro|my|our|its|it's|we|we're|i'm|from|for|para|en|trabajo|work|at|the|a|una|un|hola|hi|hello|buenas)$/i;

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
  /\b(?:necesit\w*|queremos|quiero|quisiera|buscamos|busco|ocupo|ocupamos|vamos a|voy a|estamos (?:construyendo|haciendo|remodelando|levantando)|es para (?:una?|la|el|mi|nuestr[oa])|son para|cotiz\w*|we need|we want|we'?\s?re (?:building|renovating|remodeling|looking)|we are (?:building|renovating|remodeling|looking)|i need|i want|i'?\s?m (?:building|renovating|looking)|looking for|it'?\s?s for an?)\b/;

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

  const folded = leadWords(text);
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
    if (person && person.start === 0 && person.end === bareName.length && !extractCompanies(bareName).length && !FORM_WORDS.test(leadWords(bareName))) fields.name = person.value;
  }
  // "alta", "urgente", "para el lunes" typed while another field is asked: the urgency, given ahead.
  if (inLead && expected && expected !== 'urgency_level' && fields[expected] === undefined && fields.urgency_level === undefined && (TIME_ONLY.test(folded) || URGENCY_ALONE.test(folded) || (!question && folded.split(' ').length <= 6 && levelOfSpan(folded) !== undefined))) {
    const level = readBare('urgency_level', text, { tenantName: input.tenantName, entities });
    if (typeof level === 'string') fields.urgency_level = level;
  }
  // "pintura para una escuela, la necesitamos para el lunes", "doors for 12 units, we need them in two weeks": when, told in a clause of the need, is the urgency too.
  if (expected === 'problem_statement' && typeof fields.urgency_level === 'string' && !question && saysOnlyWhen(folded, entities)) delete fields.problem_statement; // "no es urgente, para el mes que viene": only when, no need
  // "…300 sacos de cemento para un edificio en Bávaro, correo …, lo necesito antes de navidad": the opening of a quote says when too.
  const quoteOpening = expecting.kind === 'none' && (input.intent === 'sales_lead' || input.intent === 'price_quote');
  if ((expected === 'problem_statement' || quoteOpening) && fields.urgency_level === undefined && !question) {
    const level = urgencyInClauses(text);
    if (level) fields.urgency_level = level;
  }
  // The phone is asked only in place of a declined e-mail: "no tengo empresa" there answers ahead.
  if (expected === 'phone_or_username' && fields.phone_or_username === undefined && fields.company_name === undefined && readBare('company_name', text, { tenantName: input.tenantName, entities }) === null) fields.company_name = null;
  // A price asked ("necesito saber el precio del cemento y la varilla") is a detour to answer first.
  const asksPrice = PRICE_ASKED.test(folded);
  // The area asked: the need told with it, or goods for a job told instead ("techos de zinc para 12 casas": a sale, and the need).
  if (expected === 'interest_area') readNeedAtArea(text, folded, fields, entities, question || asksPrice);
  // "necesito materiales para 10 casas en Bávaro" where the company (or the name, the e-mail) is
  // asked: the need told ahead, written down — the question asked stays open.
  let needAhead = false;
  // "voy a techar mi casa, son como 80 metros cuadrados, quiero saber cuánto me sale el zinc": the price is answered first (a detour), the job told with it is the need.
  const told = asksPrice ? toldBesidesPrice(text) : text;
  const toldWords = asksPrice ? leadWords(told) : folded;
  if (expected && CONTACT_QUESTIONS.has(expected) && fields[expected] === undefined && fields.problem_statement === undefined && (!question || (asksPrice && !told.includes('?'))) && told !== '' && !carriesContactData(entities)) {
    // One product looked for ("busco una escalera de aluminio") is a question to answer, not the need; a person asked for is no need.
    const goods = entities.filter((e) => e.type === 'product').length >= 2 || GOODS_WORDS.test(toldWords) || PROJECT_WORDS.test(toldWords);
    const aboutGoods = input.intent === undefined || input.intent === 'sales_lead' || input.intent === 'price_quote' || input.intent === 'product_inquiry';
    // "unos 200 sacos al mes", "about 500 blocks a month": a volume of goods is the need, whatever the classifier made of it.
    if ((aboutGoods && toldWords.split(' ').length >= 5 && NEED_TOLD.test(toldWords) && goods && !NOT_A_NEED.test(toldWords) && !SALES_ASKED.test(toldWords)) || (!asksPrice && toldVolume(folded, entities))) {
      fields.problem_statement = told.trim().replace(/\s+/g, ' ').slice(0, 400);
      // With a price asked, the price is the answer (its detour); the need is only written down.
      needAhead = !asksPrice;
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
  // "son 12 aulas y el pasillo, lo necesitamos antes de que empiecen las clases en enero" where the area is asked:
  // the job's size is more of the need (written under it, "Anotado"), its deadline the urgency; the area is asked again.
  if (expected === 'interest_area' && fields.interest_area === undefined && fields.problem_statement === undefined && !question && !asksPrice && !carriesContactData(entities) && toldJobSize(folded, entities)) {
    fields.problem_statement = text.trim().replace(/\s+/g, ' ').slice(0, 400);
    addsToNeed = true;
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
