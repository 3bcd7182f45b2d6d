import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCountsByUnit } from '../../../src/actors/brain/rule/counts-by-unit.js';
import type { ProductMention } from '../../../src/actors/brain/rule/products.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});

/** Mentions at the place their first word is in the text. */
function mentionsIn(text: string, ...said: [string, string, number?][]): ProductMention[] {
  return said.map(([query, word, quantity]) => {
    const start = text.indexOf(word);
    return { query, start, end: start + word.length, ...(quantity !== undefined ? { quantity } : {}) };
  });
}

describe('counts said apart, given to their products by word or unit (withCountsByUnit)', () => {
  it('gives the sacks to the cement and the metres to the sand', () => {
    const text = 'cemento y arena, cuanto me sale 5 sacos y 2 metros?';
    const out = withCountsByUnit(text, mentionsIn(text, ['cemento', 'cemento'], ['arena', 'arena']), tenant.catalog);
    expect(out.map((m) => [m.query, m.quantity])).toEqual([['cemento', 5], ['arena', 2]]);
  });

  it('folds the bare mention a count made of its own word into the product it is for', () => {
    const text = 'tienen varilla de 3/8 y cemento? cuanto seria 20 varillas y 10 sacos?';
    const out = withCountsByUnit(text, mentionsIn(text, ['varilla 3/8', 'varilla de 3/8'], ['cemento', 'cemento'], ['varilla', 'varillas', 20]), tenant.catalog);
    expect(out.map((m) => [m.query, m.quantity])).toEqual([['varilla 3/8', 20], ['cemento', 10]]);
  });

  it('leaves the mentions as they are when the counts are said with the products, or fit none', () => {
    const text = 'cemento 10 sacos y arena';
    const said = mentionsIn(text, ['saco cemento', 'cemento 10 sacos', 10], ['arena', 'arena']);
    expect(withCountsByUnit(text, said, tenant.catalog)).toEqual(said);
    const days = 'cemento y arena para dentro de 3 dias';
    const none = mentionsIn(days, ['cemento', 'cemento'], ['arena', 'arena']);
    expect(withCountsByUnit(days, none, tenant.catalog)).toEqual(none);
  });
});
