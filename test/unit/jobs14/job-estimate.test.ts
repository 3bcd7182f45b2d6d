import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { askedJob } from '../../../src/machines/job-questions.js';
import { asksWhatAJobTakes } from '../../../src/machines/job-readers.js';
import { readJobMeasures, surfaceNamed } from '../../../src/machines/material-questions.js';
import { jobEstimate } from '../../../src/actors/tools/job-estimate.js';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';

let tenant: TenantData;
let index: CatalogIndex;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  index = createCatalogIndex(tenant.catalog);
});

const inputFor = (text: string, lang: 'es' | 'en' = 'es', products: { query: string }[] = []): ProductActorInput =>
  ({ tenantId: 'ferreteria', lang, text, understanding: { products, nlu: { intent: { name: 'product_inquiry', confidence: 1 }, entities: [], lang } } }) as unknown as ProductActorInput;

/** The kit counted for a message: each SKU and how many. */
function counted(text: string, lang: 'es' | 'en' = 'es', products: { query: string }[] = []): Record<string, number> | null {
  const job = askedJob(text);
  const q = readJobMeasures(text);
  if (!job || !q) return null;
  const estimate = jobEstimate(tenant, index, inputFor(text, lang, products), text, job, q);
  return estimate ? Object.fromEntries(estimate.lines.map((l) => [l.product.sku, l.quantity])) : null;
}

describe('a job planned with its sizes', () => {
  it('should count a block wall by its mortar and rebar rules, not as poured concrete', () => {
    expect(counted('voy a levantar una pared de 3 metros de largo por 2 de alto, que necesito?')).toEqual({ 'CEM-001': 2, 'AGR-001': 1, 'VAR-001': 4, 'BLK-002': 79 });
    expect(counted("I'm building a wall 4 m long and 2.5 m high, what do I need?", 'en')).toEqual({ 'CEM-001': 3, 'AGR-001': 1, 'VAR-001': 6, 'BLK-002': 132 });
  });

  it('should count a roof by the sheet named, with its screws', () => {
    expect(counted('voy a techar un cuarto de 4x5 con zinc, que necesito?', 'es', [{ query: 'zinc' }])).toEqual({ 'TEC-001': 9, 'TEC-007': 2 });
    expect(counted('what do I need to roof a 3 by 6 m carport with aluzinc?', 'en', [{ query: 'aluzinc' }])).toMatchObject({ 'TEC-007': 2 });
  });

  it('should count a tiled floor with its adhesive and grout, and concrete by the cubic metre', () => {
    expect(counted('quiero poner ceramica en un piso de 4x5, que necesito?')).toEqual({ 'ADH-004': 5, 'PIS-001': 22, 'PIS-005': 4, 'PIS-006': 2, 'HER-025': 1 });
    expect(counted('que necesito para echar un piso de concreto de 4x5')).toEqual({ 'CEM-001': 16, 'AGR-001': 1, 'AGR-003': 2 });
  });

  it('should leave a paint job to the gallons and a message without sizes to the kit', () => {
    expect(counted('voy a pintar una pared de 3x4, que necesito?')).toBeNull();
    expect(readJobMeasures('voy a levantar una pared, que necesito?')).toBeNull();
  });
});

describe('what a job takes, asked in words that look like a complaint', () => {
  it('should read "qué me falta" and "what else do I need" as what the job takes', () => {
    expect(askedJob('estoy haciendo un muro, ¿qué me falta?')?.said).toBe('hacer un muro');
    expect(askedJob('estoy levantando una pared, que mas me falta comprar')?.said).toBe('levantar una pared');
    expect(askedJob('we are putting up a fence, what else do we need')?.verb).toBe('put');
    expect(asksWhatAJobTakes('estoy haciendo un muro, ¿qué me falta?')).toBe(true);
    // No job told: no job.
    expect(askedJob('se me acabó el cemento')).toBeNull();
  });

  it('should read the English gerund as its verb', () => {
    expect(askedJob("I'm tiling a floor 4 by 5 meters, what do I need?")?.said).toBe('tile a floor');
    expect(askedJob('I am roofing a shed, what am I missing?')?.verb).toBe('roof');
  });

  it('should know the surface a job names', () => {
    expect(surfaceNamed('hacer un muro')).toBe('wall');
    expect(surfaceNamed('hacer una losa')).toBe('slab');
    expect(surfaceNamed('comprar cemento')).toBeUndefined();
  });
});
