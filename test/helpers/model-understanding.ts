import type { ModelUnderstanding } from '../../src/actors/brain/llm/understanding-schema.js';

export const NO_LEAD_FIELDS: ModelUnderstanding['lead_fields'] = { name: null, email: null, phone_or_username: null, company_name: null, problem_statement: null };

/**
 * A structured reading as a model answers it (every key present, null when absent): a Spanish
 * sales lead with nothing extracted, unless `over` says otherwise.
 *
 * @example
 * reply.json(modelUnderstanding({ intent: 'price_quote', products: [{ query: 'cemento', quantity: 2 }] }))
 */
export function modelUnderstanding(over: Partial<ModelUnderstanding> = {}): ModelUnderstanding {
  return {
    intent: 'sales_lead',
    confidence: 0.9,
    lang: 'es',
    entities: [],
    lead_fields: NO_LEAD_FIELDS,
    interest_area: null,
    urgency: null,
    sentiment: 'neutral',
    priority: 3,
    critical: false,
    affirmation: null,
    products: [],
    account_id: null,
    ...over,
  };
}

/** A lead draft as field → value (the machine keeps `{ value, sourceMessageId }` per field). */
export function draftValues(draft: Record<string, { value: string | null } | undefined>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v?.value ?? null]));
}
