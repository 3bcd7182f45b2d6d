import { describe, expect, it } from 'vitest';
import { cacheProductAnswers } from '../../../src/actors/tools/answer-cache.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import type { ProductActorInput, ProductActorOutput } from '../../../src/machines/conversation.contract.js';

const reading = (): Understanding => Object.freeze({ lang: 'es', nlu: { intent: { name: 'product_inquiry', confidence: 0.9 }, ranking: [], entities: [] } }) as unknown as Understanding;

function counted() {
  const calls: ProductActorInput[] = [];
  const answer = cacheProductAnswers((input) => {
    calls.push(input);
    return { outcome: 'answered', replies: [{ template: 'product.found', params: { name: `n${calls.length}` } }], focus: { sku: 'CEM-1', name: 'Cemento', price: 550, query: input.text ?? '' } } as ProductActorOutput;
  });
  return { calls, answer };
}

const input = (understanding: Understanding, extra: Partial<ProductActorInput> = {}): ProductActorInput => ({
  tenantId: 'ferreteria',
  lang: 'es',
  intent: 'product_inquiry',
  understanding,
  text: 'tienen cemento?',
  idempotencyKey: `c-${Math.random()}:m1:product`,
  ...extra,
});

describe('the catalog answer cache (cacheProductAnswers)', () => {
  it('should answer the same reading and input once, to every conversation, as one frozen object', () => {
    const { calls, answer } = counted();
    const r = reading();
    const first = answer(input(r));
    const second = answer(input(r, { idempotencyKey: 'other-conversation:m9:product' }));
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
    expect(Object.isFrozen(first) && Object.isFrozen(first.replies[0]) && Object.isFrozen(first.focus)).toBe(true);
    expect(() => {
      (first.replies as unknown[]).push({ template: 'x' });
    }).toThrow(TypeError);
  });

  it('should answer again for another reading object, text, language, intent, product in focus or estimate', () => {
    const { calls, answer } = counted();
    const r = reading();
    answer(input(r));
    answer(input(reading())); // equal content, another object: an LLM's reading, or one restored from a snapshot
    answer(input(r, { text: 'Tienen cemento?' }));
    answer(input(r, { lang: 'en' }));
    answer(input(r, { intent: 'price_quote' }));
    answer(input(r, { focus: { sku: 'VAR-38', name: 'Varilla 3/8', price: 245, query: 'varilla' } }));
    answer(input(r, { estimate: [{ sku: 'CEM-1', quantity: 10 }] as never }));
    expect(calls).toHaveLength(7);
  });

  it('should not tell apart foci that differ only in the turn they were answered in (the tool does not read it)', () => {
    const { calls, answer } = counted();
    const r = reading();
    const focus = { sku: 'VAR-38', name: 'Varilla 3/8', price: 245, query: 'varilla' };
    const a = answer(input(r, { focus: { ...focus, turn: 3 } }));
    const b = answer(input(r, { focus: { ...focus, turn: 7 } }));
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
    answer(input(r, { focus: { ...focus, price: 250, turn: 7 } }));
    expect(calls).toHaveLength(2);
  });

  it('should keep a bounded number of answers per reading, dropping the oldest', () => {
    const { calls, answer } = counted();
    const r = reading();
    for (let i = 0; i < 9; i++) answer(input(r, { text: `tienen cemento ${i}?` }));
    expect(calls).toHaveLength(9);
    answer(input(r, { text: 'tienen cemento 8?' }));
    expect(calls).toHaveLength(9);
    answer(input(r, { text: 'tienen cemento 0?' }));
    expect(calls).toHaveLength(10);
  });
});
