import { describe, expect, it } from 'vitest';
import { lineOfSize } from '../../../src/actors/tools/line-count.js';
import { loadDemoWithIndex } from '../../helpers/memory-host.js';

describe('lineOfSize: the one line of an estimate a size said alone names', () => {
  it('should find the rebar line by "media", "1/2" or "tres octavos", and no line by a product word', async () => {
    const { tenant, index } = await loadDemoWithIndex();
    const sku = (name: string) => tenant.catalog.find((p) => p.name.startsWith(name))!.sku;
    const lines = [
      { sku: sku('Varilla Corrugada 3/8" Grado 40'), quantity: 20 },
      { sku: sku('Varilla Corrugada 1/2" Grado 40'), quantity: 20 },
    ];
    expect(lineOfSize(tenant, index, lines, 'media')?.sku).toBe(lines[1]!.sku);
    expect(lineOfSize(tenant, index, lines, '1/2')?.sku).toBe(lines[1]!.sku);
    expect(lineOfSize(tenant, index, lines, 'tres octavos')?.sku).toBe(lines[0]!.sku);
    expect(lineOfSize(tenant, index, lines, 'pintura')).toBeUndefined();
  });
});
