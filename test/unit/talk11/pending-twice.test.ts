import { describe, it, expect } from 'vitest';
import { focusAskedAgain } from '../../../src/machines/pending-again.js';
import { loadDemo, chatOnFreshHost } from '../../helpers/memory-host.js';

const blocks = { sku: 'BLK-002', name: 'Block de Hormigón 6" (unidad)', price: 52, query: 'block', options: ['BLK-002', 'BLK-001', 'BLK-003'], turn: 1 };

describe('the pending question asked again, twice', () => {
  it('should renew the focus\'s turn when its question was asked again, and nothing else', () => {
    expect(focusAskedAgain({ turn: 2, expecting: { kind: 'none' }, productFocus: blocks })).toEqual({ ...blocks, turn: 2 });
    expect(focusAskedAgain({ turn: 4, expecting: { kind: 'none' }, productFocus: blocks })).toBeNull();
    expect(focusAskedAgain({ turn: 2, expecting: { kind: 'product' } })).toBeNull();
  });

  it('should ask for the square metres after a second "¿sigues ahí?" and take the answer after', async () => {
    const { tenant, brain } = await loadDemo();
    const replies = await chatOnFreshHost(tenant, brain, 'talk11-twice', 'cuanta ceramica necesito para un piso', '¿sigues ahí?', '¿sigues ahí?', '4 por 5');
    expect(replies[2]).toMatch(/metros cuadrados/);
    expect(replies[2]).not.toMatch(/en qué más/i);
    expect(replies[3]).toMatch(/20 m/);
  });

  it('should ask which size again after "¿sigues ahí?" then "hola??"', async () => {
    const { tenant, brain } = await loadDemo();
    const replies = await chatOnFreshHost(tenant, brain, 'talk11-twice-pick', 'tienen tubos pvc?', '¿sigues ahí?', 'hola??', 'el de 1/2');
    expect(replies[2]).toMatch(/opciones de \*tubo pvc\*/);
    expect(replies[3]).toMatch(/RD\$185\.00/);
  });
});
