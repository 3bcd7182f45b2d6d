/**
 * Model output is untrusted input: every structured answer and every tool argument is checked in
 * code (a zod schema, `parseAndValidate`) before Hilo uses it. The JSON schema the provider sees is
 * generated from the same zod schema (`toJsonSchema`), in the subset OpenAI structured outputs and
 * strict function tools accept, and sent without its length, range, pattern and item-count
 * constraints (`toWireSchema`).
 */
import { checkWith, formatPath, z, type Problem, type Wording } from '../../../kernel/schema.js';

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A JSON schema as Hilo sends it to a provider (generated from zod, never written by hand). */
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

/** `path`: `lead_fields.email`, `products[2].quantity`, `(root)` for the whole answer. */
export type SchemaProblem = Problem;

/** The words the model reads back in a repair request ("Your previous answer does not match…"). */
const MODEL_WORDING: Wording = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${issue.expected}, got ${issue.input === null ? 'null' : Array.isArray(issue.input) ? 'array' : typeof issue.input}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'not allowed';
    case 'too_small':
      return issue.origin === 'array' ? `fewer than ${String(issue.minimum)} items` : issue.origin === 'string' ? `shorter than ${String(issue.minimum)}` : `less than ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `more than ${String(issue.maximum)} items` : issue.origin === 'string' ? `longer than ${String(issue.maximum)}` : `greater than ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `does not match ${String(issue.pattern)}` : undefined;
    default:
      return undefined;
  }
};

const modelPath = (path: readonly PropertyKey[]): string => (path.length === 0 ? '(root)' : formatPath(path));

/** Parses model text as JSON (tolerating a ```json fence some models add) and checks it against `schema`. */
export function parseAndValidate<S extends z.ZodType>(text: string | null, schema: S): { ok: true; value: z.output<S> } | { ok: false; problems: SchemaProblem[] } {
  if (text === null || text.trim() === '') return { ok: false, problems: [{ path: '(root)', problem: 'empty answer' }] };
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/u, '$1');
  let value: unknown;
  try {
    value = JSON.parse(unfenced);
  } catch (err) {
    return { ok: false, problems: [{ path: '(root)', problem: `not JSON: ${(err as Error).message}` }] };
  }
  return checkWith(schema, value, { wording: MODEL_WORDING, formatPath: modelPath });
}

type Generated = Record<string, unknown>;

/**
 * The JSON schema of a zod schema in the shape Hilo has always sent: OpenAI strict mode (every
 * object closed and listing all its keys as required), a nullable value as `type: [T, 'null']`
 * (with `null` in its `enum`) rather than zod's `anyOf`, keys in a stable order, no `$schema`.
 * Throws on a construct outside that subset, so a schema the provider would refuse fails at start-up.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return normalize(z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' }) as Generated, '(root)');
}

function normalize(node: Generated, at: string): JsonSchema {
  const anyOf = node.anyOf as Generated[] | undefined;
  if (anyOf !== undefined) {
    const nonNull = anyOf.filter((n) => n.type !== 'null');
    if (anyOf.length !== 2 || nonNull.length !== 1) throw new Error(`toJsonSchema: ${at}: only T | null unions are supported`);
    const inner = normalize(nonNull[0]!, at);
    return { ...inner, type: [inner.type as JsonSchemaType, 'null'], ...(inner.enum !== undefined ? { enum: [...inner.enum, null] } : {}) };
  }
  const out: JsonSchema = {};
  if (typeof node.type !== 'string') throw new Error(`toJsonSchema: ${at}: no single type`);
  out.type = node.type as JsonSchemaType;
  if (typeof node.description === 'string') out.description = node.description;
  if (Array.isArray(node.enum)) out.enum = node.enum as JsonSchema['enum'];
  if (node.type === 'object') {
    const properties = (node.properties ?? {}) as Record<string, Generated>;
    const required = (node.required ?? []) as string[];
    // Strict mode: closed objects whose every key is required (absent = null, never missing).
    if (node.additionalProperties !== false) throw new Error(`toJsonSchema: ${at}: use z.strictObject`);
    if (Object.keys(properties).some((k) => !required.includes(k))) throw new Error(`toJsonSchema: ${at}: every key must be required (nullable instead of optional)`);
    out.additionalProperties = false;
    out.required = required;
    out.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, normalize(v, `${at}.${k}`)]));
  }
  if (node.items !== undefined) out.items = normalize(node.items as Generated, `${at}[]`);
  for (const k of CONSTRAINT_KEYS) if (node[k] !== undefined) (out as Record<string, unknown>)[k] = node[k];
  return out;
}

const CONSTRAINT_KEYS = ['minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'minItems', 'maxItems'] as const;

/**
 * The schema as sent to providers: without length, range, pattern and item-count constraints,
 * the strictest subset every OpenAI-compatible provider with schema enforcement accepts. Hilo
 * still checks the full zod schema on its side.
 */
export function toWireSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  for (const k of CONSTRAINT_KEYS) delete out[k];
  if (schema.properties !== undefined) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toWireSchema(v)]));
  if (schema.items !== undefined) out.items = toWireSchema(schema.items);
  return out;
}
