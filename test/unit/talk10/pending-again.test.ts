import { describe, it, expect } from 'vitest';
import { pendingQuestionAgain } from '../../../src/machines/pending-again.js';
import { loadDemo, chatOnFreshHost } from '../../helpers/memory-host.js';

const blocks = { sku: 'BLK-002', name: 'Block de Hormigón 6" (unidad)', price: 52, query: 'block', options: ['BLK-002', 'BLK-001', 'BLK-003'], turn: 1 };

describe('the question pending, asked again', () => {
  it('should ask again which of the products listed last turn', () => {
    expect(pendingQuestionAgain({ turn: 2, expecting: { kind: 'none' }, productFocus: blocks })).toEqual({ template: 'pending.pick', params: { product: 'block' } });
  });

  it('should ask again for the measurement asked last turn', () => {
    const paint = { sku: 'PIN-003', name: 'Pintura', price: 1250, query: 'pintura', measure: { asked: 'area' as const }, turn: 3 };
    expect(pendingQuestionAgain({ turn: 4, expecting: { kind: 'none' }, productFocus: paint })).toEqual({ template: 'pending.measure.area', params: { product: 'Pintura' } });
  });

  it('should ask again which product when that was asked', () => {
    expect(pendingQuestionAgain({ turn: 2, expecting: { kind: 'product' } })).toEqual({ template: 'pending.product' });
  });

  it('should ask nothing when the list is older than the last answer, or one product was answered', () => {
    expect(pendingQuestionAgain({ turn: 4, expecting: { kind: 'none' }, productFocus: blocks })).toBeNull();
    expect(pendingQuestionAgain({ turn: 2, expecting: { kind: 'none' }, productFocus: { ...blocks, options: undefined } })).toBeNull();
    expect(pendingQuestionAgain({ turn: 2, expecting: { kind: 'none' }, productFocus: null })).toBeNull();
  });

  it.each([
    ['¿sigues ahí?', 'Aquí estoy', 'block'],
    ['hola??', 'Hola de nuevo', 'block'],
  ])('should answer "%s" after the sizes of the block with the pick again, not "¿en qué más?"', async (again, greeting, product) => {
    const { tenant, brain } = await loadDemo();
    const [, reply] = await chatOnFreshHost(tenant, brain, `talk10-pending-${again}`, 'cuanto el block?', again);
    expect(reply).toContain(greeting);
    expect(reply).toMatch(new RegExp(`opciones de \\*${product}\\*`));
    expect(reply).not.toMatch(/en qué más te puedo ayudar/i);
  });
});
