/**
 * The subset of JSON Schema that OpenAI structured outputs and function tools accept, and a
 * validator for it. Written here (no schema library) because model output is untrusted input:
 * every structured answer and every tool argument is checked in code before Hilo uses it.
 */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  type?: JsonSchemaType | JsonSchemaType[];
  description?: string;
  enum?: readonly (string | number | boolean | null)[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export interface SchemaProblem {
  /** JSON pointer-ish path: `lead_fields.email`, `products[2].quantity`. */
  path: string;
  problem: string;
}

/** Validates `value` against `schema`; returns every problem found (empty when valid). */
export function validateJson(value: unknown, schema: JsonSchema, path = ''): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const at = path === '' ? '(root)' : path;
  const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types !== undefined && !types.some((t) => hasType(value, t))) {
    problems.push({ path: at, problem: `expected ${types.join(' or ')}, got ${describe(value)}` });
    return problems;
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => e === value)) {
    problems.push({ path: at, problem: `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push({ path: at, problem: `shorter than ${schema.minLength}` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push({ path: at, problem: `longer than ${schema.maxLength}` });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) problems.push({ path: at, problem: `does not match ${schema.pattern}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push({ path: at, problem: `less than ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) problems.push({ path: at, problem: `greater than ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push({ path: at, problem: `fewer than ${schema.minItems} items` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push({ path: at, problem: `more than ${schema.maxItems} items` });
    if (schema.items !== undefined) value.forEach((item, i) => problems.push(...validateJson(item, schema.items!, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(value, key)) problems.push({ path: join(path, key), problem: 'required' });
    }
    for (const [key, v] of Object.entries(value)) {
      const sub = schema.properties?.[key];
      if (sub !== undefined) problems.push(...validateJson(v, sub, join(path, key)));
      else if (schema.additionalProperties === false) problems.push({ path: join(path, key), problem: 'not allowed' });
    }
  }
  return problems;
}

/** Parses model text as JSON (tolerating a ```json fence some models add) and validates it. */
export function parseAndValidate<T>(text: string | null, schema: JsonSchema): { ok: true; value: T } | { ok: false; problems: SchemaProblem[] } {
  if (text === null || text.trim() === '') return { ok: false, problems: [{ path: '(root)', problem: 'empty answer' }] };
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/u, '$1');
  let value: unknown;
  try {
    value = JSON.parse(unfenced);
  } catch (err) {
    return { ok: false, problems: [{ path: '(root)', problem: `not JSON: ${(err as Error).message}` }] };
  }
  const problems = validateJson(value, schema);
  return problems.length === 0 ? { ok: true, value: value as T } : { ok: false, problems };
}

function hasType(value: unknown, t: JsonSchemaType): boolean {
  switch (t) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

const CONSTRAINT_KEYS = ['minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'minItems', 'maxItems'] as const;

/**
 * The schema as sent to providers: without length, range, pattern and item-count constraints,
 * the strictest subset every OpenAI-compatible provider with schema enforcement accepts. Hilo
 * still validates the full schema on its side.
 */
export function toWireSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  for (const k of CONSTRAINT_KEYS) delete out[k];
  if (schema.properties !== undefined) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toWireSchema(v)]));
  if (schema.items !== undefined) out.items = toWireSchema(schema.items);
  return out;
}
