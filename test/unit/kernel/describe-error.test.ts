import { describe, expect, it } from 'vitest';
import { errorMessage, errorSummary, serializeError } from '../../../src/kernel/describe-error.js';
import { HiloError } from '../../../src/kernel/errors.js';

describe('errorMessage', () => {
  it('should give the message of whatever was thrown', () => {
    expect(errorMessage(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(errorMessage(new TypeError(''))).toBe('TypeError');
    expect(errorMessage('plain words')).toBe('plain words');
    expect(errorMessage({ message: 'from a plain object' })).toBe('from a plain object');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(null)).toBe('null');
  });
});

describe('errorSummary', () => {
  it('should put a coded error\'s code in front and leave other errors as their message', () => {
    expect(errorSummary(new HiloError('HILO_ERR_CRM_REJECTED', 'receiver said 400'))).toBe('HILO_ERR_CRM_REJECTED: receiver said 400');
    expect(errorSummary(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe('duplicate key');
    expect(errorSummary('x')).toBe('x');
  });
});

describe('serializeError', () => {
  it('should keep the stack, the code and the cause that a bare message drops', () => {
    const cause = new Error('socket hang up');
    const err = new HiloError('HILO_ERR_CRM_FAILED', undefined, { cause });
    const out = serializeError(err);
    expect(out).toMatchObject({ type: 'HiloError', code: 'HILO_ERR_CRM_FAILED', cause: { type: 'Error', message: 'socket hang up' } });
    expect(typeof out === 'object' && out.stack).toContain('describe-error.test.ts');
  });
});
