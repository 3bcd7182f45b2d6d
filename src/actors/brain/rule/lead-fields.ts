import type { InterestArea, LeadField, UrgencyLevel } from '../../../domain/lead.js';
import type { Entity } from '../../../domain/nlu.js';
import type { Expectation } from '../../../domain/understanding.js';
import { capitalizeName, extractCompanies } from './contact-entities.js';
import { detectInterestArea, detectUrgency } from './signals.js';
import { fold } from './text.js';

const DECLINE_COMPANY =
  /^(?:no|ninguna|ninguno|none|n\/?a|no aplica|no tengo|no tengo empresa|no tengo compania|no tengo negocio|independiente|soy independiente|particular|personal|freelance|freelancer|por mi cuenta|trabajo por mi cuenta|self employed|self-employed|i don'?t have one|i don'?t have a company|no company|just me|individual|soy particular|es personal|es para mi casa|para mi casa)$/;
const NAME_PREFIX = /^(?:(?:mi nombre es|me llamo|soy|my name is|i'?m|i am|es|it'?s|nombre:?)\s+)/i;
const COMPANY_PREFIX = /^(?:(?:la empresa es|la empresa se llama|mi empresa es|mi empresa se llama|se llama|es|trabajo en|la compania es|my company is|it'?s|company:?|empresa:?)\s+)/i;
const NOT_A_NAME = /\b(?:no|si|sí|yes|ok|gracias|thanks|hola|hello|quiero|necesito|tienen|precio|cuanto|how|what|donde|where|cemento|varilla)\b/i;

export interface LeadReading {
  leadFields: Partial<Record<LeadField, string | null>>;
  interestArea?: InterestArea;
  urgency?: UrgencyLevel;
}

/**
 * Lead fields found in a message: from entities anywhere, and, when the conversation asked for one
 * field, from a bare answer ("Ana Pérez", "independiente", "Ventas").
 */
export function readLeadFields(input: { text: string; entities: readonly Entity[]; expecting: Expectation; tenantName?: string }): LeadReading {
  const { text, entities, expecting } = input;
  const expected = expecting.kind === 'lead_field' ? expecting.field : null;
  const fields: Partial<Record<LeadField, string | null>> = {};
  const first = (type: Entity['type']): Entity | undefined => entities.find((e) => e.type === type);

  const name = first('person_name');
  if (name) fields.name = name.value;
  const email = first('email');
  if (email) fields.email = email.value;
  const phone = first('phone');
  if (phone) fields.phone_or_username = phone.value;
  const company = first('company');
  if (company) fields.company_name = company.value;

  const interestArea = detectInterestArea(text, { bare: expected === 'interest_area' });
  const urgency = detectUrgency(text, { bare: expected === 'urgency_level' });
  if (interestArea) fields.interest_area = interestArea;
  if (urgency) fields.urgency_level = urgency;

  const trimmed = text.trim().replace(/\s+/g, ' ');
  const bare = trimmed.replace(/[.!?¡¿]+$/g, '').replace(/^[¡¿]+/, '').trim();
  const f = fold(bare);
  switch (expected) {
    case 'name':
      if (!fields.name) {
        const candidate = bare.replace(NAME_PREFIX, '').trim();
        const words = candidate.split(/\s+/);
        if (words.length >= 1 && words.length <= 5 && /^[\p{L}'’ -]+$/u.test(candidate) && !NOT_A_NAME.test(fold(candidate))) {
          fields.name = capitalizeName(candidate);
        }
      }
      break;
    case 'phone_or_username':
      if (!fields.phone_or_username) {
        const handle = bare.match(/@[\w.]{2,30}/);
        if (handle) fields.phone_or_username = handle[0];
        else if (/^(?:no|no tengo|none|prefiero no)$/.test(f)) fields.phone_or_username = null;
      }
      break;
    case 'company_name':
      if (DECLINE_COMPANY.test(f) || /^no tengo (?:empresa|compania|negocio)\b/.test(f) || /\bindependiente\b/.test(f)) {
        fields.company_name = null;
      } else if (!fields.company_name) {
        const candidate = bare.replace(COMPANY_PREFIX, '').trim();
        if (candidate.length > 0 && candidate.split(/\s+/).length <= 6 && !/@/.test(candidate)) {
          const shaped = extractCompanies(candidate, input.tenantName ? { exclude: [input.tenantName] } : {})[0];
          fields.company_name = shaped?.value ?? (candidate === candidate.toLowerCase() ? capitalizeName(candidate) : candidate);
        }
      }
      break;
    case 'interest_area':
      fields.interest_area = interestArea ?? (entities.some((e) => e.type === 'product') ? 'Ventas' : 'Otro');
      break;
    case 'problem_statement':
      if (trimmed.length > 0) fields.problem_statement = trimmed.length <= 400 ? trimmed : `${trimmed.slice(0, 399).trimEnd()}…`;
      break;
    default:
      break;
  }
  return {
    leadFields: fields,
    ...(fields.interest_area ? { interestArea: fields.interest_area as InterestArea } : {}),
    ...(fields.urgency_level ? { urgency: fields.urgency_level as UrgencyLevel } : {}),
  };
}
