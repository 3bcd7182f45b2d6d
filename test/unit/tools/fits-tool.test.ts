import { describe, expect, it } from 'vitest';
import { fitsToolAnswer } from '../../../src/actors/tools/fits-tool.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import { loadDemoWithIndex } from '../../helpers/memory-host.js';

const { tenant, index } = await loadDemoWithIndex();
const focusOn = (sku: string): ProductFocus => {
  const p = tenant.catalog.find((x) => x.sku === sku);
  if (!p) throw new Error(sku);
  return { sku, name: p.name, price: p.price, query: p.name };
};
const disc = focusOn('HER-022');
const templateOf = (text: string, focus: ProductFocus = disc, lang: 'es' | 'en' = 'es') => {
  const reply = fitsToolAnswer(tenant, index as never, focus, text, lang)?.replies[0];
  return reply && 'template' in reply ? reply.template : null;
};

describe('whether an accessory fits the tool named with a size (fitsToolAnswer)', () => {
  it('should say the 4 1/2" disc fits a 4 1/2" grinder however it is written, and keep the disc in focus', () => {
    for (const text of ['pa pulidora de 4 1/2', 'sirve para una pulidora de 4-1/2"?', 'va en un esmeril de 4.5 pulgadas?']) expect(templateOf(text), text).toBe('product.fits.yes');
    expect(templateOf('does it fit a 4.5 inch grinder?', disc, 'en')).toBe('product.fits.yes');
    expect(fitsToolAnswer(tenant, index as never, disc, 'pa pulidora de 4 1/2', 'es')?.focus?.sku).toBe('HER-022');
  });

  it('should say it does not fit another size', () => {
    expect(templateOf('sirve pa pulidora de 7?')).toBe('product.fits.no');
    expect(templateOf('will it fit a 9 inch grinder?', disc, 'en')).toBe('product.fits.no');
  });

  it('should leave other questions, tools it does not go on, and products with no size alone', () => {
    expect(templateOf('pa cortar varilla')).toBeNull();
    expect(templateOf('pa un taladro de 1/2')).toBeNull();
    expect(templateOf('es pa un techo de 12 pies', focusOn('TEC-001'))).toBeNull();
    expect(templateOf('dame 3')).toBeNull();
  });
});
