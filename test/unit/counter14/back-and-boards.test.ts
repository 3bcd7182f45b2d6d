import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { boardQuery } from '../../../src/actors/tools/board-length.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemoWithIndex());
});

describe('boards named by their cross-section (counter14)', () => {
  it('should read a general lumber word beside a cross-section as lumber of that size', () => {
    expect(boardQuery('tabla 2x4 10')).toBe('madera 2x4 10');
    expect(boardQuery('2x4s 12 feet')).toBe('2x4 12 feet');
    expect(boardQuery('2x4 boards 10 foot')).toBe('2x4 madera 10 foot');
    // No cross-section: the words as they were ("tabla" alone is the catalog's 1x4 or 1x6 board).
    expect(boardQuery('tabla')).toBe('tabla');
    expect(boardQuery('plywood 4x8 1/2')).toBe('plywood 4x8 1/2');
  });

  it('should price ten 2x4 boards ten feet long, in es and en', async () => {
    const [es] = await chatOnFreshHost(tenant, brain, 'counter14-boards', '10 tablas 2x4 de 10');
    expect(es).toContain('2x4x10');
    expect(es).toContain('4,750.00');
    const [en] = await chatOnFreshHost(tenant, brain, 'counter14-boards-en', 'need 5 2x4s 12 feet long');
    expect(en).toContain('2,825.00');
    expect(en).not.toContain("don't carry");
  });
});

describe('the pack and colour said point back to the product talked of before (counter14)', () => {
  it('should go back to the blue paint for gallons of the blue after the cement', async () => {
    const [, , blue] = await chatOnFreshHost(tenant, brain, 'counter14-blue', 'tienen pintura azul?', 'y el cemento a como?', 'dame 3 galones de la azul');
    expect(blue).toContain('3,750.00');
    expect(blue).not.toContain('Cemento');
  });

  it('should go back to the cement for sacks of the grey after the paint', async () => {
    const [, , grey] = await chatOnFreshHost(tenant, brain, 'counter14-grey', 'cemento gris', 'pintura blanca', '2 sacos del gris');
    expect(grey).toContain('1,310.00');
    expect(grey).not.toContain('Gris Perla');
  });

  it('should keep to the product in focus when it is sold in the pack said', async () => {
    const [, , paint] = await chatOnFreshHost(tenant, brain, 'counter14-same', 'cemento', 'pintura blanca', 'dame 2 galones');
    expect(paint).toContain('2,500.00');
  });
});
