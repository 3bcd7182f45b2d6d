import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { askedJob } from '../../../src/machines/job-questions.js';
import { readJobMeasures, surfaceNamed } from '../../../src/machines/material-questions.js';
import { decimalAmount } from '../../../src/machines/part-amounts.js';
import { jobEstimate, namedRuledEstimate } from '../../../src/actors/tools/job-estimate.js';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';

let tenant: TenantData;
let index: CatalogIndex;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  index = createCatalogIndex(tenant.catalog);
});

const inputFor = (text: string, lang: 'es' | 'en' = 'es'): ProductActorInput =>
  ({ tenantId: 'ferreteria', lang, text, understanding: { products: [], nlu: { intent: { name: 'product_inquiry', confidence: 1 }, entities: [], lang } } }) as unknown as ProductActorInput;

const sku = (name: string): string => (tenant.catalog.find((p) => p.name.startsWith(name)) as { sku: string }).sku;

describe('plastering a wall', () => {
  it('should read the plaster words as the plaster job, not the block wall', () => {
    expect(surfaceNamed('voy a pañetar una pared de 3x3')).toBe('plaster');
    expect(surfaceNamed('quiero empañetar la casa por fuera')).toBe('plaster');
    expect(surfaceNamed('hay que repellar el muro')).toBe('plaster');
    expect(surfaceNamed('what do I need to plaster a 3x4 wall?')).toBe('plaster');
    expect(surfaceNamed('voy a levantar una pared de 3x3')).toBe('wall');
  });

  it('should read the metres of a plastered house as its area, and a wall given by its length as a length', () => {
    expect(readJobMeasures('quiero empañetar la casa por fuera, son como 80 metros')).toMatchObject({ area: 80, surface: 'plaster' });
    expect(readJobMeasures('voy a pañetar una pared de 10 metros')).toMatchObject({ length: 10, surface: 'plaster' });
  });

  it('should count the cement and the fine sand, and name the ready mix as the other way without adding it', () => {
    const text = 'voy a pañetar una pared de 3x3, que necesito?';
    const job = askedJob(text);
    const estimate = job && jobEstimate(tenant, index, inputFor(text), text, job, readJobMeasures(text) ?? {});
    expect(job?.said).toBe('pañetar una pared');
    expect(estimate && Object.fromEntries(estimate.lines.map((l) => [l.product.sku, l.quantity]))).toEqual({ [sku('Cemento Gris Cemex')]: 2, [sku('Arena de Pañete')]: 1 });
    const said = renderReply(estimate!.lead[0]!, tenant.templates, 'es');
    expect(said).toContain('Mezcla Lista para Pañete');
    expect(said).toContain('7 sacos');
  });

  it('should count each good named by its plaster rule, the sand as the plaster sand', () => {
    const named = [tenant.catalog.find((p) => p.sku === 'AGR-001')!, tenant.catalog.find((p) => p.sku === 'CEM-001')!];
    const estimate = namedRuledEstimate(tenant, named, { sides: [3, 3], surface: 'plaster' }, 'es');
    expect(estimate?.lines.map((l) => [l.product.sku, l.quantity])).toEqual([[sku('Arena de Pañete'), 1], ['CEM-001', 2]]);
    expect(namedRuledEstimate(tenant, named, { sides: [3, 3] }, 'es')).toBeNull();
  });
});

describe('a job priced by its size', () => {
  it('should read "cuánto me sale" with a job verb and its sizes as that job', () => {
    expect(askedJob('cuanto me sale levantar una pared de 3x3?')).toMatchObject({ verb: 'levantar', said: 'levantar una pared' });
    expect(askedJob('how much would it cost to build a wall 4 by 2.5 meters?')).toMatchObject({ verb: 'build' });
    expect(askedJob('cuanto cuesta el cemento?')).toBeNull();
    expect(askedJob('cuanto me sale levantar una pared?')).toBeNull();
  });
});

describe('a decimal of a selling unit', () => {
  it('should read the decimal and its unit, and nothing whole', () => {
    expect(decimalAmount('dame 2.5 galones')).toEqual({ value: 2.5, unit: 'galon' });
    expect(decimalAmount('ok dame 1,5 sacos')).toEqual({ value: 1.5, unit: 'saco' });
    expect(decimalAmount('dame 3 galones')).toBeUndefined();
    expect(decimalAmount('tubo de 1.5 pulgadas')).toBeUndefined();
  });
});

describe('chat words before a colour and a pack', () => {
  it('should never read "ta" (está) as a product word', () => {
    expect(index.parse('cuanto ta el galon de blanco hueso').content).toEqual([]);
    expect(index.search('cuanto ta el galon de blanco hueso', { limit: 1 })[0]?.product.name).toContain('Blanco Hueso');
  });
});

describe('plastering a room', () => {
  it('should plaster its walls (the perimeter at 2.5 m), not its floor', () => {
    const text = 'voy a pañetar un cuarto de 3x4, que necesito';
    const job = askedJob(text);
    const estimate = job && jobEstimate(tenant, index, inputFor(text), text, job, readJobMeasures(text) ?? {});
    expect(estimate && Object.fromEntries(estimate.lines.map((l) => [l.product.sku, l.quantity]))).toEqual({ [sku('Cemento Gris Cemex')]: 6, [sku('Arena de Pañete')]: 1 });
    expect(renderReply(estimate!.lead[0]!, tenant.templates, 'es')).toContain('35 m²');
  });
});
