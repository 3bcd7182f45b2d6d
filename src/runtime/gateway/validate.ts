/** Tiny validators for JSON bodies (no schema library): collect every problem, then answer once. */
import { HiloError } from '../../kernel/errors.js';

export interface ValidationProblem {
  path: string;
  problem: string;
}

export interface StringRule {
  min: number;
  max: number;
  /** Length measured after trimming (the value returned is trimmed too). */
  trim?: boolean;
  optional?: boolean;
}

export type Shape = Record<string, StringRule>;

/** Length in Unicode code points, so an emoji counts as one character. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export function checkString(value: unknown, rule: StringRule, path: string, problems: ValidationProblem[]): string | undefined {
  if (value === undefined) {
    if (!rule.optional) problems.push({ path, problem: 'is required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({ path, problem: 'must be a string' });
    return undefined;
  }
  const text = rule.trim ? value.trim() : value;
  const length = charLength(text);
  if (length < rule.min) {
    problems.push({ path, problem: rule.min === 1 ? 'must not be empty' : `must have at least ${rule.min} characters` });
    return undefined;
  }
  if (length > rule.max) {
    problems.push({ path, problem: `must have at most ${rule.max} characters` });
    return undefined;
  }
  return text;
}

/**
 * Validates a parsed JSON body against a flat shape of string fields; unknown fields are refused.
 * Throws `HILO_ERR_HTTP_VALIDATION` with `details: [{ path, problem }]`.
 */
export function validateBody<S extends Shape>(body: unknown, shape: S): { [K in keyof S]: S[K]['optional'] extends true ? string | undefined : string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: [{ path: '', problem: 'must be a JSON object' }] });
  }
  const problems: ValidationProblem[] = [];
  const out: Record<string, string | undefined> = {};
  const record = body as Record<string, unknown>;
  for (const [field, rule] of Object.entries(shape)) {
    out[field] = checkString(record[field], rule, field, problems);
  }
  for (const field of Object.keys(record)) {
    if (!(field in shape)) problems.push({ path: field, problem: 'is not allowed' });
  }
  if (problems.length > 0) throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: problems });
  return out as { [K in keyof S]: S[K]['optional'] extends true ? string | undefined : string };
}
