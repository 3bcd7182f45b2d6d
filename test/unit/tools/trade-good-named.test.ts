import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { tradeGoodNotCarried } from '../../../src/actors/tools/product-not-carried.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let index: CatalogIndex;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  index = createCatalogIndex(tenant.catalog);
});

async function ask(...messages: string[]): Promise<string> {
  const out = await chatOnFreshHost(tenant, brain, 'trade-good-named', ...messages);
  return out[out.length - 1] as string;
}

/** "duct tape" is not the electrical tape the catalog half meets by "tape". */
describe('a good of the trade named in full', () => {
  it('should say the store lacks a good its full name names, whatever product shares one of its words', () => {
    for (const [text, lang, name] of [
      ['duct tape', 'en', 'duct tape'],
      ['tienen cinta plateada?', 'es', 'cinta plateada'],
      ['tienen cinta adhesiva?', 'es', 'cinta adhesiva'],
      ['tienen pintura en spray?', 'es', 'pintura en spray'],
      ['circular saw', 'en', 'circular saw'],
      ['me interesa saber si venden láminas de yeso', 'es', 'lámina de yeso'],
    ] as const) {
      const out = tradeGoodNotCarried(tenant, index, text, lang);
      expect(out?.outcome, text).toBe('not_found');
      expect(out?.replies[0], text).toMatchObject({ params: { query: name } });
    }
  });

  it('should leave alone a one-word good the catalog sells, a material it answers, and a list of goods', () => {
    for (const text of ['tape', 'cinta', 'masking tape', 'cinta de pintor', 'tubería de cobre', 'copper pipe', "I'm looking for sandpaper and a putty knife", 'tienen cemento?', 'wood screws']) {
      expect(tradeGoodNotCarried(tenant, index, text, 'en'), text).toBeNull();
    }
  });

  it.each([
    ['duct tape', /We don't have \*duct tape\* right now/, /Cinta/],
    ['trash bags', /We don't have \*trash bags\* right now/, /make sure/],
    ['tienen fundas de basura?', /Ahora mismo no tenemos \*fundas de basura\*/, /Cinta/],
    ['cinta doble cara', /Ahora mismo no tenemos \*cinta doble cara\*/, /Teflón|Masking/],
  ])('should answer "%s" as not carried', async (text, said, not) => {
    const reply = await ask(text);
    expect(reply).toMatch(said);
    expect(reply).not.toMatch(not);
  });
});
