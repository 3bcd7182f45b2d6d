import { describe, expect, it } from 'vitest';
import { RESOLVE_BODY, RESOLVE_OUTCOME_MAX_CHARS } from '../../../src/runtime/gateway/validate.js';

describe('the resolve outcome cap (REST API and console share it)', () => {
  it('should take an outcome of up to 500 characters and refuse a longer one', () => {
    expect(RESOLVE_OUTCOME_MAX_CHARS).toBe(500);
    expect(RESOLVE_BODY.safeParse({ agent: 'Ana', outcome: 'x'.repeat(500) }).success).toBe(true);
    const refused = RESOLVE_BODY.safeParse({ agent: 'Ana', outcome: 'x'.repeat(501) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['outcome']);
  });
});
