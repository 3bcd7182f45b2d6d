import { describe, expect, it } from 'vitest';
import { asksSizeOrColourAlone } from '../../../src/actors/brain/rule/follow-up-alone.js';
import { familiesOfSize } from '../../../src/actors/tools/product-size-only.js';
import { fileURLToPath } from 'node:url';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));

describe('asksSizeOrColourAlone', () => {
  it.each(['and the grey one?', 'what about the 1/2 inch?', 'y el de 3/4?', 'hola, y la blanca cuanto?', 'and the 2 inch?'])('should read "%s" as a size or colour asked alone', (text) => {
    expect(asksSizeOrColourAlone(tenant.catalog, text)).toBe(true);
  });
  it.each(['y el 24?', 'and the cement?', 'what about delivery?', 'grey', 'y el tubo de 3/4?'])('should leave "%s" to the other readers', (text) => {
    expect(asksSizeOrColourAlone(tenant.catalog, text)).toBe(false);
  });
});

describe('familiesOfSize', () => {
  it('should name the families a size comes in, one shelf each first', () => {
    const families = familiesOfSize(tenant, '3/4"');
    expect(families).toContain('Tubo PVC');
    expect(families).toContain('Varilla Corrugada');
    expect(families.indexOf('Codo PVC')).toBeGreaterThan(families.indexOf('Llave de Paso de Bola'));
  });
  it('should not read 1 1/2" as 1/2"', () => {
    expect(familiesOfSize(tenant, '1/2"')).not.toContain('Sifón PVC para Fregadero');
  });
  it('should find only the rebar in 5/8"', () => {
    expect(familiesOfSize(tenant, '5/8"')).toEqual(['Varilla Corrugada']);
  });
});
