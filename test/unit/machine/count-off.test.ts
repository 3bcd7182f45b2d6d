import { describe, expect, it } from 'vitest';
import { removedWords, takesCountOff } from '../../../src/machines/order-words.js';
import { counterOrder } from '../../../src/actors/tools/order-total.js';

/** "quítale 2", "sácale 2 a la arena", "take 2 off the sand": a count off a line, never a count put on it. */
describe('order words › a count taken off the counter', () => {
  it.each([
    ['quítale 20', 20, null],
    ['sacale 3', 3, null],
    ['2 menos', 2, null],
    ['no, quitale 5 por favor', 5, null],
    ['quitale dos', 2, null],
    ['quitale 2 a la arena', 2, 'la arena'],
    ['quítale 2 sacos al cemento', 2, 'cemento'],
    ['2 sacos menos de cemento', 2, 'cemento'],
    ['take 2 off the sand', 2, 'the sand'],
    ['remove 2 bags of cement', 2, 'cement'],
  ])('%s takes %d off (%s)', (text, quantity, words) => {
    expect(takesCountOff(text)).toMatchObject({ quantity, words });
    // ...and is no line taken off whole ("quítale 2 a la arena" keeps the sand).
    expect(removedWords(text)).toBeNull();
  });

  it.each(['quita la arena', 'sin la pintura', 'precio de 20 varillas', 'menos mal', 'dame 20'])('%s takes no count off', (text) => {
    expect(takesCountOff(text)).toBeNull();
  });
});

describe('the counter in the customer order', () => {
  const base = { name: '', price: 1, query: '' };
  it('lists the products talked of before the one in focus first (latest-first `recent` turned round)', () => {
    expect(counterOrder({ ...base, sku: 'C', recent: ['B', 'A'] })).toEqual(['A', 'B', 'C']);
  });
  it("keeps an estimate's first line first (`at` 0) when it is the one in focus", () => {
    expect(counterOrder({ ...base, sku: 'A', recent: ['C', 'B'], at: 0 })).toEqual(['A', 'B', 'C']);
    expect(counterOrder({ ...base, sku: 'B', recent: ['C', 'A'], at: 1 })).toEqual(['A', 'B', 'C']);
  });
});
