/** REST bodies: zod schemas checked at the edge, every problem collected, then one answer. */
import { MAX_MESSAGE_CHARS } from '../../channels/widget/protocol.js';
import { HiloError } from '../../kernel/errors.js';
import { boundedText, checkWith, z, type Wording } from '../../kernel/schema.js';
import { hasVisibleText, INVISIBLE_TEXT_PROBLEM, isStableIdentifier, UNSTABLE_IDENTIFIER_PROBLEM } from '../../channels/normalize-text.js';
import { CONVERSATION_LIST_MAX_LIMIT, decodeListCursor } from '../../persistence/ports/conversation-directory.js';

/** A message shows something: a text of bidi marks or joiners only is refused like an empty one. */
const message = boundedText({ min: 1, max: MAX_MESSAGE_CHARS, trim: true }).refine(hasVisibleText, { error: INVISIBLE_TEXT_PROBLEM, abort: true });
const agent = boundedText({ min: 1, max: 128, trim: true });
/** An id the client chose: taken as sent, so never normalised (see `isStableIdentifier`). */
const clientId = (max: number) => boundedText({ min: 1, max }).refine(isStableIdentifier, { error: UNSTABLE_IDENTIFIER_PROBLEM, abort: true });

/** `POST /api/tenants/{t}/messages` (docs/protocol.md, REST channel). */
export const MESSAGE_BODY = z.strictObject({
  sender: clientId(128),
  text: message,
  message_id: clientId(200).optional(),
});

/** `POST /api/tenants/{t}/nlu/parse`. */
export const PARSE_BODY = z.strictObject({ text: message });

/** `POST /api/tenants/{t}/conversations/{id}/agent-messages`. */
export const AGENT_MESSAGE_BODY = z.strictObject({ agent, text: message });

/** `POST /api/tenants/{t}/conversations/{id}/resolve`. */
/**
 * The longest resolve outcome ("resuelto", "cotización enviada, pasa el sábado"): a note of how the
 * handoff ended, not a transcript. The REST API and the console refuse a longer one with a 400 that
 * names `outcome`; the console's outcome field holds as many (web-console maxLength).
 */
export const RESOLVE_OUTCOME_MAX_CHARS = 500;
export const RESOLVE_BODY = z.strictObject({ agent, outcome: boundedText({ min: 1, max: RESOLVE_OUTCOME_MAX_CHARS, trim: true }) });

/** The words REST clients read in `details[].problem` (docs/errors.md, `HILO_ERR_HTTP_VALIDATION`). */
const REST_WORDING: Wording = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'object') return 'must be a JSON object';
      return issue.input === undefined ? 'is required' : `must be a ${issue.expected}`;
    case 'unrecognized_keys':
      return 'is not allowed';
    case 'too_small':
      return issue.minimum === 1 ? 'must not be empty' : `must have at least ${String(issue.minimum)} characters`;
    case 'too_big':
      return `must have at most ${String(issue.maximum)} characters`;
    default:
      return undefined;
  }
};

/**
 * Checks a parsed JSON body against a strict object schema (unknown fields are refused) and
 * returns the parsed value. Throws `HILO_ERR_HTTP_VALIDATION` with `details: [{ path, problem }]`.
 *
 * @example
 * const body = validateBody(raw, z.strictObject({ text: restText({ min: 1, max: 2000, trim: true }) }));
 */
export function validateBody<S extends z.ZodType>(body: unknown, schema: S): z.output<S> {
  const checked = checkWith(schema, body, { wording: REST_WORDING });
  if (!checked.ok) throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: capProblems(checked.problems) });
  return checked.value;
}

/** As many problems as a channel webhook lists (`src/channels/validate.ts`). */
const MAX_PROBLEMS = 20;

/**
 * The first problems and one line counting the rest: a 49 KB body of 5,000 unknown keys was
 * answered with one problem per key (219 KB, an amplifier for whoever sends it).
 */
export function capProblems(problems: readonly { path: string; problem: string }[]): { path: string; problem: string }[] {
  // A path names a field the client sent: a 40 KB key name is not echoed whole either.
  const kept = problems.slice(0, MAX_PROBLEMS).map((p) => (p.path.length > MAX_PATH_CHARS ? { ...p, path: `${p.path.slice(0, MAX_PATH_CHARS)}…` } : p));
  return problems.length <= MAX_PROBLEMS ? kept : [...kept, { path: '', problem: `and ${problems.length - MAX_PROBLEMS} more problems` }];
}

const MAX_PATH_CHARS = 200;

const LIMIT_PROBLEM = `must be an integer from 1 to ${CONVERSATION_LIST_MAX_LIMIT}`;

/**
 * `GET /api/tenants/{t}/conversations` query: `state` (a top-level state), `limit`, `cursor` (the
 * `next` of a previous page). Every problem is reported, each under its parameter's name.
 */
export const CONVERSATION_LIST_QUERY = z.object({
  state: z.string().regex(/^[a-zA-Z]{1,32}$/, { error: 'must be a top-level state name such as handoff or closed' }).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: LIMIT_PROBLEM })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: LIMIT_PROBLEM }).max(CONVERSATION_LIST_MAX_LIMIT, { error: LIMIT_PROBLEM }))
    .optional(),
  cursor: z.string().refine((c) => decodeListCursor(c) !== null, { error: 'must be the next value of a previous page' }).optional(),
});

/** Checks URL query parameters (first value of each) against `schema`; throws `HILO_ERR_HTTP_VALIDATION`. */
export function validateQuery<S extends z.ZodType>(query: URLSearchParams, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of query) if (!(key in raw)) raw[key] = value;
  return validateBody(raw, schema);
}
