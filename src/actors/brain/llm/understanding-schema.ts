import { INTENTS, type IntentName } from '../../../domain/intents.js';
import { INTEREST_AREAS, URGENCY_LEVELS, type InterestArea, type UrgencyLevel } from '../../../domain/lead.js';
import { ENTITY_TYPES, type EntityType, type Lang } from '../../../domain/nlu.js';
import type { JsonSchema } from './json-schema.js';

/** What the model answers for `understand` (structured output; strict: every key present, null when absent). */
export interface ModelUnderstanding {
  intent: IntentName;
  confidence: number;
  lang: Lang;
  entities: { type: EntityType; value: string }[];
  lead_fields: {
    name: string | null;
    email: string | null;
    phone_or_username: string | null;
    company_name: string | null;
    problem_statement: string | null;
  };
  interest_area: InterestArea | null;
  urgency: UrgencyLevel | null;
  sentiment: 'positive' | 'neutral' | 'negative';
  priority: number;
  critical: boolean;
  affirmation: 'yes' | 'no' | null;
  products: { query: string; quantity: number | null }[];
  account_id: string | null;
}

const nullableString: JsonSchema = { type: ['string', 'null'], maxLength: 500 };

/** OpenAI strict-mode compatible: every object lists all its keys as required, no extra keys. */
export const UNDERSTANDING_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['intent', 'confidence', 'lang', 'entities', 'lead_fields', 'interest_area', 'urgency', 'sentiment', 'priority', 'critical', 'affirmation', 'products', 'account_id'],
  properties: {
    intent: { type: 'string', enum: INTENTS },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    lang: { type: 'string', enum: ['es', 'en'] },
    entities: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'value'],
        properties: { type: { type: 'string', enum: ENTITY_TYPES }, value: { type: 'string', minLength: 1, maxLength: 200 } },
      },
    },
    lead_fields: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'email', 'phone_or_username', 'company_name', 'problem_statement'],
      properties: {
        name: nullableString,
        email: nullableString,
        phone_or_username: nullableString,
        company_name: nullableString,
        problem_statement: { type: ['string', 'null'], maxLength: 1000 },
      },
    },
    interest_area: { type: ['string', 'null'], enum: [...INTEREST_AREAS, null] },
    urgency: { type: ['string', 'null'], enum: [...URGENCY_LEVELS, null] },
    sentiment: { type: 'string', enum: ['positive', 'neutral', 'negative'] },
    priority: { type: 'integer', minimum: 0, maximum: 10 },
    critical: { type: 'boolean' },
    affirmation: { type: ['string', 'null'], enum: ['yes', 'no', null] },
    products: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['query', 'quantity'],
        properties: { query: { type: 'string', minLength: 1, maxLength: 200 }, quantity: { type: ['integer', 'null'], minimum: 1, maximum: 100000 } },
      },
    },
    account_id: { type: ['string', 'null'], maxLength: 30 },
  },
};
