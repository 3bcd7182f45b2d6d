import { describe, expect, it } from 'vitest';
import { readCommittedTurn, type CommittedTurn } from '../../../src/actors/turn-facts.js';

const ctx = (productFocus?: Record<string, unknown>) => ({ misunderstoodStreak: 0, handoffReason: null, understanding: { nlu: { intent: { name: 'price_quote', confidence: 0.9 } } }, lead: { status: 'none', draft: {} }, ...(productFocus ? { productFocus } : {}) });
const turn = (before: unknown, after: unknown): CommittedTurn => ({ key: { tenantId: 't1', conversationId: 'c1' }, seq: 3, messageId: 'm1', channel: 'rest', event: 'user.message', at: '2026-12-08T00:00:00.000Z', ms: 2, stateFrom: 'triage.idle', stateTo: 'triage.idle', before, after, emitted: [] }) as CommittedTurn;

/** Every good one answer priced counts for "products asked most", not only the one in focus. */
describe('agent40: the products a quote of several lines answered', () => {
  it('should name the focus first and the goods priced beside it in the same answer', () => {
    const r = readCommittedTurn(turn(ctx(), ctx({ sku: 'CEM-001', query: 'cemento', recent: ['VAR-001', 'BLK-6'], counts: { 'VAR-001': 20, 'BLK-6': 100 } })));
    expect(r.product).toBe('CEM-001');
    expect(r.products).toEqual(['CEM-001', 'VAR-001', 'BLK-6']);
  });

  it('should not count again goods answered before ("y varilla?" after the cement, a follow-up on the quote)', () => {
    const moved = readCommittedTurn(turn(ctx({ sku: 'CEM-001', query: 'cemento' }), ctx({ sku: 'VAR-001', query: 'varilla', recent: ['CEM-001'] })));
    expect(moved.products).toEqual(['VAR-001']);
    const earlier = readCommittedTurn(turn(ctx({ sku: 'CEM-001', query: 'cemento', recent: ['VAR-001'] }), ctx({ sku: 'BLK-6', query: 'blocks', recent: ['CEM-001', 'VAR-001'] })));
    expect(earlier.products).toEqual(['BLK-6']);
    const same = readCommittedTurn(turn(ctx({ sku: 'CEM-001', query: 'cemento', recent: ['VAR-001'] }), ctx({ sku: 'CEM-001', query: 'cemento', recent: ['VAR-001'] })));
    expect(same.products).toEqual([]);
    expect(same.product).toBeNull();
  });
});
