import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { dozensOfPairs, halfAmount, sackPounds } from '../../../src/actors/tools/said-amounts.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemoWithIndex());
});

const product = (sku: string) => {
  const p = tenant.catalog.find((x) => x.sku === sku);
  if (!p) throw new Error(`no ${sku}`);
  return p;
};

describe('amounts said at the counter (counter11)', () => {
  it('should read halves said with their unit', () => {
    expect(halfAmount('media libra de clavos')).toEqual({ value: 0.5, unit: 'libra' });
    expect(halfAmount('3 y medio metros de arena')).toEqual({ value: 3.5, unit: 'metro' });
    expect(halfAmount('dos metros y medio de arena')).toEqual({ value: 2.5, unit: 'metro' });
    expect(halfAmount('metro y medio de arena')).toEqual({ value: 1.5, unit: 'metro' });
    expect(halfAmount('half a pound of nails')).toEqual({ value: 0.5, unit: 'libra' });
    expect(halfAmount('two and a half gallons of paint')).toEqual({ value: 2.5, unit: 'galon' });
    // A size, not an amount: "tubo de media".
    expect(halfAmount('tubo pvc de media')).toBeUndefined();
  });

  it('should say dozens of what is sold by the pair are counted in pairs', () => {
    expect(dozensOfPairs('dos docenas de bisagras', product('CER-005'))).toBe('dos docenas');
    expect(dozensOfPairs('dame media docena de bisagras de 3', product('CER-005'))).toBe('media docena');
    // Dozens of pairs say pairs already; what is not sold by the pair is left alone.
    expect(dozensOfPairs('una docena de pares de bisagras', product('CER-005'))).toBeUndefined();
    expect(dozensOfPairs('dos docenas de tubos', product('PVC-001'))).toBeUndefined();
  });

  it("should read a sack's weight from its unit", () => {
    expect(sackPounds(product('CEM-001'))).toBeCloseTo(93.7, 1);
    expect(sackPounds(product('PVC-001'))).toBeUndefined();
  });

  it('should price half a pound and metres and a half, saying the whole unit sold', async () => {
    const [nails] = await chatOnFreshHost(tenant, brain, 'counter11-half-lb', 'media libra de clavos');
    expect(nails).toContain('0,5 libras');
    const [sand] = await chatOnFreshHost(tenant, brain, 'counter11-half-m', '3 y medio metros de arena');
    expect(sand).toContain('3,5 metros');
    expect(sand).toContain('7,800');
  });

  it('should count quintals of cement in sacks, to the nearest one', async () => {
    const [one] = await chatOnFreshHost(tenant, brain, 'counter11-qq1', 'un quintal de cemento');
    expect(one).toContain('1 qq');
    const [two] = await chatOnFreshHost(tenant, brain, 'counter11-qq2', '2 quintales de cemento');
    expect(two).toContain('1,310');
  });

  it('should price two dozen hinges as 24 pairs, saying so', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter11-hinges', 'dos docenas de bisagras');
    expect(reply).toContain('dos docenas ≈ 24 pares');
    expect(reply).toContain('2,280');
  });

  it('should not name what the goods are for as a product not carried', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter11-purpose', 'necesito cemento y varilla para 3 casas');
    expect(reply).toContain('Varilla');
    expect(reply).not.toContain('*casas*');
  });
});

describe('follow-ups at the counter (counter11)', () => {
  it('should add another size said with "también", and its count', async () => {
    const [, added, total] = await chatOnFreshHost(tenant, brain, 'counter11-also', 'dame 10 tubos pvc de 1/2', 'la de 3/4 también, 5', 'cuanto es todo');
    expect(added).toContain('1,300');
    expect(total).toContain('3,150');
    const [, plain] = await chatOnFreshHost(tenant, brain, 'counter11-also2', 'dame 10 tubos pvc de 1/2', 'la de 3/4 tambien');
    expect(plain).toContain('Tubo PVC 3/4');
  });

  it('should ask what the toilet comes with again for "¿y asiento?"', async () => {
    const [, , seat] = await chatOnFreshHost(tenant, brain, 'counter11-seat', 'tienes inodoro?', '¿trae tanque?', 'y asiento?');
    expect(seat).toContain('asiento');
    expect(seat).toContain('Inodoro');
    expect(seat).not.toContain('No vendemos');
    // Goods of another kind are a question about them.
    const [, , cement] = await chatOnFreshHost(tenant, brain, 'counter11-seat2', 'tienes inodoro?', '¿trae tanque?', 'y cemento?');
    expect(cement).toContain('Cemento Gris');
    expect(cement).not.toContain('traiga');
  });

  it('should take the option named by its words ("el de drywall")', async () => {
    const [, picked] = await chatOnFreshHost(tenant, brain, 'counter11-pick', 'dame 2 paquetes de tornillos', 'el de drywall');
    expect(picked).toContain('Tornillo para Drywall');
    expect(picked).not.toContain('no tenemos *drywall*');
  });
});
