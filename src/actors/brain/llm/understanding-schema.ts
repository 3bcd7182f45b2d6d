import { INTENTS } from '../../../domain/intents.js';
import { INTEREST_AREAS, URGENCY_LEVELS } from '../../../domain/lead.js';
import { ENTITY_TYPES } from '../../../domain/nlu.js';
import { z } from '../../../kernel/schema.js';
import { toJsonSchema, type JsonSchema } from './json-schema.js';

const nullableString = z.string().max(500).nullable();

/**
 * What the model answers for `understand` (structured output; strict: every key present, null
 * when absent), over a tenant's intent labels. One definition: the type, the check of every
 * answer, and the JSON schema sent.
 */
export function createModelUnderstanding<const L extends readonly [string, ...string[]]>(labels: L) {
  return z.strictObject({
  intent: z.enum(labels),
  confidence: z.number().min(0).max(1),
  lang: z.enum(['es', 'en']),
  entities: z.array(z.strictObject({ type: z.enum(ENTITY_TYPES), value: z.string().min(1).max(200) })).max(20),
  lead_fields: z.strictObject({
    name: nullableString,
    email: nullableString,
    phone_or_username: nullableString,
    company_name: nullableString,
    problem_statement: z.string().max(1000).nullable(),
  }),
  interest_area: z.enum(INTEREST_AREAS).nullable(),
  urgency: z.enum(URGENCY_LEVELS).nullable(),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  priority: z.int().min(0).max(10),
  critical: z.boolean(),
  affirmation: z.enum(['yes', 'no']).nullable(),
  products: z.array(z.strictObject({ query: z.string().min(1).max(200), quantity: z.int().min(1).max(100000).nullable() })).max(10),
  account_id: z.string().max(30).nullable(),
  });
}

/** The model's answer over the built-in labels (`ferreteria`). */
export const MODEL_UNDERSTANDING = createModelUnderstanding(INTENTS);

/** The model's answer; `intent` is one of the tenant's labels. */
type BuiltInModelUnderstanding = z.infer<typeof MODEL_UNDERSTANDING>;
export type ModelUnderstanding = { [K in keyof BuiltInModelUnderstanding]: K extends 'intent' ? string : BuiltInModelUnderstanding[K] };

/** The JSON schema of {@link MODEL_UNDERSTANDING} (OpenAI strict-mode compatible), for the provider. */
export const UNDERSTANDING_SCHEMA: JsonSchema = toJsonSchema(MODEL_UNDERSTANDING);
