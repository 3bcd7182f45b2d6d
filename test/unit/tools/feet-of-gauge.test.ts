import { describe, expect, it } from 'vitest';
import { feetOfGauge } from '../../../src/actors/tools/feet-of-gauge.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import type { ProductActorInput, ProductFocus } from '../../../src/machines/conversation.contract.js';
import { loadDemo } from '../../helpers/memory-host.js';

const { tenant } = await loadDemo();
const reading = { lang: 'es', products: [], nlu: { intent: { name: 'product_inquiry', confidence: 0.9 }, ranking: [], entities: [] } } as unknown as Understanding;
const focusOn = (sku: string): ProductFocus => {
  const p = tenant.catalog.find((x) => x.sku === sku);
  if (!p) throw new Error(sku);
  return { sku, name: p.name, price: p.price, query: p.name };
};
const input = (text: string, sku: string, lang: 'es' | 'en' = 'es'): ProductActorInput => ({
  tenantId: 'ferreteria', lang, intent: 'product_inquiry', understanding: reading, text, idempotencyKey: `k:${text}`, focus: focusOn(sku),
});
const read = (text: string, sku: string, lang: 'es' | 'en' = 'es') => feetOfGauge(tenant, input(text, sku, lang), text);

describe('a length of a gauge asked after the wire (feetOfGauge)', () => {
  it('should read "dame 100 pies del 12" and its ways as 100 feet of the #12 THHN', () => {
    for (const text of ['dame 100 pies del 12', 'Dame 100 pies del calibre 12', 'dame 100 pies del #12']) {
      expect(read(text, 'ELE-003')?.input.understanding.products).toEqual([{ query: 'cable thhn 12' }]);
      expect(read(text, 'ELE-003')?.text).toBe('dame 100 pies de cable thhn 12');
    }
    expect(read('give me 100 feet of the 12 gauge', 'ELE-001', 'en')?.text).toBe('give me 100 feet of cable thhn 12');
  });

  it('should keep the kind on the counter: the duplex after the duplex', () => {
    expect(read('dame 50 pies del 12', 'ELE-006')?.input.understanding.products).toEqual([{ query: 'cable duplex 12' }]);
  });

  it('should read a bare count as feet only when the wire in focus is sold by the foot', () => {
    expect(read('y 50 del 14', 'ELE-001')?.text).toBe('y 50 pies de cable thhn 14');
    expect(read('y 2 del 12', 'ELE-002')).toBeNull();
  });

  it('should leave a gauge the store does not carry, another product, and other words alone', () => {
    expect(read('dame 100 pies del 8', 'ELE-001')).toBeNull();
    expect(read('dame 10 de 3/8', 'VAR-001')).toBeNull();
    expect(read('dame 100 pies', 'ELE-001')).toBeNull();
  });
});
