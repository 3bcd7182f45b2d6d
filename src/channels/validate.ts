/**
 * Provider payloads (WhatsApp Cloud, Twilio, Telegram, Rocket.Chat) are checked with zod schemas
 * (`src/kernel/schema.ts`), one piece at a time: a webhook reads the parts that concern it (a
 * message of a type Hilo knows), tolerates the rest (providers add fields and types without
 * notice), and answers once with every problem so nothing partial is ever written.
 */
import { HiloError } from '../kernel/errors.js';
import { checkWith, z, type Problem, type Wording } from '../kernel/schema.js';


/** Any object; its fields are not copied (the caller reads them from the value it passed). */
const ANY_OBJECT = z.object({});

/** At most this many problems in one answer. */
const MAX_PROBLEMS = 20;

/** A provider string: at most `max` UTF-16 units (16 KiB by default), then an optional format. */
export function providerString({ max = 16_384, pattern }: { max?: number; pattern?: RegExp } = {}) {
  // `abort`: a string over the limit is not also reported for its format.
  const bounded = z.string().max(max, { abort: true });
  return pattern === undefined ? bounded : bounded.regex(pattern);
}

/** A safe integer (ids, dates, error codes). */
export const providerInteger = z.int({ error: 'expected an integer' });

/** A list of at most `max` items, each read on its own afterwards. */
export function providerArray(max = 1000) {
  return z.array(z.unknown()).max(max);
}

/** The words a provider's integrator reads in `details[].problem` (docs/errors.md). */
const CHANNEL_WORDING: Wording = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'object' || issue.expected === 'array' ? `expected an ${issue.expected}` : `expected a ${issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `longer than ${String(issue.maximum)} characters`;
      return issue.origin === 'array' ? `more than ${String(issue.maximum)} items` : undefined;
    case 'invalid_format':
      return 'unexpected format';
    default:
      return undefined;
  }
};

/**
 * Collects the problems of one payload: `read` checks a piece against its schema at its path
 * (`entry[0].changes[0].value`) and answers the parsed piece or `undefined`; `done()` throws one
 * `HILO_ERR_CHANNEL_VALIDATION` listing every problem (at most 20).
 */
export class PayloadProblems {
  readonly problems: Problem[] = [];

  /** An object whose fields are read one by one afterwards: the value itself (nothing copied), or `undefined`. */
  object(value: unknown, path: string): Record<string, unknown> | undefined {
    return this.read(ANY_OBJECT, value, path) === undefined ? undefined : (value as Record<string, unknown>);
  }

  read<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> | undefined {
    const checked = checkWith(schema, value, { wording: CHANNEL_WORDING, root: path });
    if (checked.ok) return checked.value;
    for (const p of checked.problems) this.fail(p.path, p.problem);
    return undefined;
  }

  fail(path: string, problem: string): undefined {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, problem });
    return undefined;
  }

  done(): void {
    if (this.problems.length > 0) throw new HiloError('HILO_ERR_CHANNEL_VALIDATION', undefined, { details: this.problems });
  }
}
