/**
 * The one schema library for untrusted input (REST bodies, webhook payloads, tenant files, model
 * output): zod 4 schemas give the TypeScript type, the runtime check and, for the model, the JSON
 * schema. This file holds what every edge shares: turning zod issues into Hilo's problem list
 * (`{ path, problem }` with `entry[0].changes`-style paths), and the few building blocks zod lacks
 * (text bounded in code points, not UTF-16 units).
 *
 * Each edge keeps its own wording (a REST client reads "is required", a tenant author reads
 * "expected a number, got \"mil\""): it passes a {@link Wording} that is consulted only when a
 * check fails, so valid input never pays for it.
 *
 * @example
 * const Body = z.strictObject({ text: boundedText({ min: 1, max: 2000, trim: true }) });
 * const checked = checkWith(Body, raw, { wording: (issue) => (issue.code === 'invalid_type' ? 'must be a string' : undefined) });
 * if (!checked.ok) throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: checked.problems });
 */
import { z } from 'zod';

export { z };

/** One thing wrong with an input, where it is and what is wrong, as every `details` list carries it. */
export interface Problem {
  /** `lead_fields.email`, `entry[0].changes[1].value`, `$[12].price` (see {@link formatPath}). */
  path: string;
  problem: string;
}

/** A zod issue as an error map sees it (the input is there even when not reported). */
export type SchemaIssue = z.core.$ZodRawIssue;

/**
 * An edge's words for a failed check; `undefined` falls back to zod's English message. A message
 * given on the schema itself (`.regex(re, { error: '…' })`) wins over this.
 */
export type Wording = (issue: SchemaIssue) => string | undefined;

/** Length in Unicode code points, so an emoji counts as one character. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * A zod path as Hilo writes it: `entry[0].changes[1].value`; with `root: '$'`, `$[12].price` and
 * `$.branches[1].hours.en`. The empty path is `root` (`''` by default).
 */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

export interface CheckOptions {
  wording?: Wording;
  /** Path prefix: `'$'` for tenant files, a JSON path when a sub-value is checked on its own. */
  root?: string;
  /** Writes a path; default {@link formatPath} under `root`. */
  formatPath?: (path: readonly PropertyKey[]) => string;
  /** Keep at most this many problems (webhooks answer with 20 at most). */
  max?: number;
  /** Unknown keys before everything else: a misspelt key explains the "missing" one it was meant to be. */
  unknownKeysFirst?: boolean;
}

/**
 * Problems from zod issues, in the order zod found them. An unknown key of a strict object is one
 * problem per key, at the key's own path (`extra: is not allowed`), as clients read them.
 */
export function toProblems(issues: readonly z.core.$ZodIssue[], options: Omit<CheckOptions, 'wording'> = {}): Problem[] {
  const format = options.formatPath ?? ((path: readonly PropertyKey[]) => formatPath(path, options.root));
  // zod 4 still runs its length checks on a value of the wrong type that has a `length` (an array
  // where a string belongs): a value of the wrong type is one problem, its type.
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => JSON.stringify(i.path)));
  const problems: Problem[] = [];
  const ordered = options.unknownKeysFirst ? [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys')) : issues;
  for (const issue of ordered) {
    if (issue.code !== 'invalid_type' && wrongType.has(JSON.stringify(issue.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: format([...issue.path, key]), problem: issue.message });
    } else {
      problems.push({ path: format(issue.path), problem: issue.message });
    }
  }
  return options.max === undefined ? problems : problems.slice(0, options.max);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Runs `schema` on `value` and answers the parsed value or every problem, worded by the edge.
 * Never throws for bad input (a throwing refinement is a bug and does throw).
 */
export function checkWith<S extends z.ZodType>(schema: S, value: unknown, options: CheckOptions = {}): Checked<z.output<S>> {
  // Valid input (nearly all of it) is parsed once without an error map, which costs zod twice
  // the time even when nothing fails; only a failure is parsed again for the edge's words.
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = options.wording === undefined ? result.error.issues : (schema.safeParse(value, { error: options.wording }).error?.issues ?? result.error.issues);
  return { ok: false, problems: toProblems(issues, options) };
}

/**
 * A string whose length is counted in code points (an emoji is one character, as the customer
 * counts), optionally trimmed first (the value returned is trimmed too). Too short or too long is
 * a `too_small`/`too_big` issue with `origin: 'string'` and the bound, like zod's own.
 */
export function boundedText({ min, max, trim = false }: { min: number; max: number; trim?: boolean }) {
  const base = trim ? z.string().trim() : z.string();
  return base.check((ctx) => {
    const length = charLength(ctx.value);
    if (length < min) ctx.issues.push({ code: 'too_small', origin: 'string', minimum: min, inclusive: true, input: ctx.value, inst: base });
    else if (length > max) ctx.issues.push({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: ctx.value, inst: base });
  });
}

/** What an input value is, for messages: `"abc"`, `null`, `an array`, `number 12`, `nothing (missing)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * The path of the first value nested deeper than `maxDepth` arrays/objects, or null. A loop with
 * an explicit stack, so a body of 20,000 nested arrays costs memory, not the call stack — which
 * `JSON.stringify` and recursive checks would exhaust (a RangeError: a 500 instead of a 400).
 *
 * @example
 * tooDeep({ a: [[[1]]] }, 2); // '$.a[0]'
 */
export function tooDeep(value: unknown, maxDepth: number, root = '$'): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: root }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= maxDepth) return next.path;
    if (Array.isArray(next.value)) next.value.forEach((item, i) => stack.push({ value: item, depth: next.depth + 1, path: `${next.path}[${i}]` }));
    else for (const [key, item] of Object.entries(next.value)) stack.push({ value: item, depth: next.depth + 1, path: `${next.path}.${key}` });
  }
  return null;
}
