import { describe, expect, it } from 'vitest';
import { CONVERSATION_LIST_QUERY, validateQuery } from '../../../src/runtime/gateway/validate.js';
import { encodeListCursor } from '../../../src/persistence/ports/conversation-directory.js';
import { isHiloError } from '../../../src/kernel/errors.js';

const read = (query: string) => validateQuery(new URLSearchParams(query), CONVERSATION_LIST_QUERY);
const problems = (query: string) => {
  try {
    read(query);
  } catch (err) {
    if (isHiloError(err, 'HILO_ERR_HTTP_VALIDATION')) return err.details;
    throw err;
  }
  return expect.unreachable('the query should have been refused');
};

describe('GET /api/tenants/{t}/conversations query (zod)', () => {
  it('should read state, limit and cursor, all optional', () => {
    const cursor = encodeListCursor({ lastActivityAt: '2026-12-03T12:00:00.000Z', conversationId: 'c_1' });
    expect(read('')).toEqual({});
    expect(read(`state=handoff&limit=20&cursor=${encodeURIComponent(cursor)}`)).toEqual({ state: 'handoff', limit: 20, cursor });
  });

  it('should report every bad parameter under its name', () => {
    expect(problems('state=handoff.withHuman&limit=0&cursor=nope')).toEqual([
      { path: 'state', problem: 'must be a top-level state name such as handoff or closed' },
      { path: 'limit', problem: 'must be an integer from 1 to 200' },
      { path: 'cursor', problem: 'must be the next value of a previous page' },
    ]);
    for (const limit of ['201', '1.5', 'ten', '-3', '']) expect(problems(`limit=${limit}`)).toEqual([{ path: 'limit', problem: 'must be an integer from 1 to 200' }]);
  });
});
