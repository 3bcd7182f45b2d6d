import { HiloError } from '../kernel/errors.js';

export interface Problem {
  path: string;
  problem: string;
}

/**
 * A tiny reader for untrusted provider payloads: each getter records a `{path, problem}` instead of
 * throwing, unknown fields are ignored (providers add fields without notice), and `done()` throws
 * one `HILO_ERR_CHANNEL_VALIDATION` listing every problem so nothing partial is ever returned.
 */
export class PayloadReader {
  readonly problems: Problem[] = [];

  fail(path: string, problem: string): undefined {
    if (this.problems.length < 20) this.problems.push({ path, problem });
    return undefined;
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    return this.fail(path, 'expected an object');
  }

  array(value: unknown, path: string, { optional = false, max = 1000 } = {}): unknown[] | undefined {
    if (value === undefined && optional) return [];
    if (!Array.isArray(value)) return this.fail(path, 'expected an array');
    if (value.length > max) return this.fail(path, `more than ${max} items`);
    return value;
  }

  string(value: unknown, path: string, { optional = false, max = 16_384, pattern }: { optional?: boolean; max?: number; pattern?: RegExp } = {}): string | undefined {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string') return this.fail(path, 'expected a string');
    if (value.length > max) return this.fail(path, `longer than ${max} characters`);
    if (pattern && !pattern.test(value)) return this.fail(path, 'unexpected format');
    return value;
  }

  number(value: unknown, path: string, { optional = false, integer = false } = {}): number | undefined {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) return this.fail(path, integer ? 'expected an integer' : 'expected a number');
    return value;
  }

  done(): void {
    if (this.problems.length > 0) throw new HiloError('HILO_ERR_CHANNEL_VALIDATION', undefined, { details: this.problems });
  }
}
