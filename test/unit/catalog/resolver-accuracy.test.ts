import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { createProductResolver, type ProductResolver } from '../../../src/actors/catalog/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { demoTenant } from '../tools/helpers.js';

interface DevQuery {
  query: string;
  sku: string;
  lang: 'es' | 'en';
}

/** The development set: what a good clerk would hand over for each query (held-out sets live elsewhere). */
const rows: DevQuery[] = readFileSync(join(import.meta.dirname, '../../fixtures/catalog-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DevQuery);

const FLOOR = 0.95;

let tenant: TenantData;
let resolver: ProductResolver;

beforeAll(async () => {
  tenant = await demoTenant();
  resolver = createProductResolver(tenant.catalog);
});

function report(label: string, misses: string[]): number {
  const accuracy = (rows.length - misses.length) / rows.length;
  // Printed on purpose: the figure is the point of this test.
  console.info(`${label}: top-1 ${(accuracy * 100).toFixed(1)} % (${rows.length - misses.length}/${rows.length})${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`);
  return accuracy;
}

describe('product resolver › development query set', () => {
  it('should hold at least 150 queries in both languages, each naming a real SKU', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.lang === 'en').length).toBeGreaterThanOrEqual(30);
    const skus = new Set(tenant.catalog.map((p) => p.sku));
    for (const row of rows) expect(skus.has(row.sku), row.sku).toBe(true);
  });

  it(`should put the expected product first for at least ${FLOOR * 100} % of the queries`, () => {
    const misses = rows
      .map((row) => ({ row, got: resolver.search(row.query, { limit: 1 })[0]?.product.sku }))
      .filter(({ row, got }) => got !== row.sku)
      .map(({ row, got }) => `${row.query} → ${got ?? 'nothing'} (expected ${row.sku})`);
    expect(report('resolver', misses)).toBeGreaterThanOrEqual(FLOOR);
  });

  it(`should keep that accuracy through the rule brain's product phrase (brain → tool)`, () => {
    const matcher = createProductMatcher(tenant.catalog, resolver);
    const misses = rows
      .map((row) => {
        const phrase = matcher.extract(row.query).mentions[0]?.query ?? row.query;
        return { row, phrase, got: resolver.search(phrase, { limit: 1 })[0]?.product.sku };
      })
      .filter(({ row, got }) => got !== row.sku)
      .map(({ row, phrase, got }) => `${row.query} [${phrase}] → ${got ?? 'nothing'} (expected ${row.sku})`);
    expect(report('brain phrase → resolver', misses)).toBeGreaterThanOrEqual(FLOOR);
  });
});
