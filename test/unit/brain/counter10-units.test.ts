import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let matcher: ProductMatcher;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemoWithIndex());
  matcher = createProductMatcher(tenant.catalog);
});

describe('lengths in yards, halves and decimals (counter10)', () => {
  it('should read a decimal count said with its unit', () => {
    expect(matcher.extract('2,5 metros de arena').mentions[0]).toMatchObject({ query: 'arena', quantity: 2.5 });
    expect(matcher.extract('1.5 libras de clavos').mentions[0]).toMatchObject({ quantity: 1.5 });
    // A list stays a list.
    expect(matcher.extract('cemento 10, arena 2').mentions.map((m) => m.quantity)).toEqual([10, 2]);
  });

  it('should price yards of wire sold by the foot as three feet each', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-yards', '5 yardas de cable 12');
    expect(reply).toContain('5 yd');
    expect(reply).toContain('420');
  });

  it('should read "tres metros y medio" and "medio metro" as 3.5 m and 0.5 m', async () => {
    expect((await chatOnFreshHost(tenant, brain, 'counter10-3y5', 'tres metros y medio de cable 12')).join('\n')).toContain('336');
    expect((await chatOnFreshHost(tenant, brain, 'counter10-half-m', 'medio metro de cable 12')).join('\n')).toContain('56');
  });

  it('should round a part of what is sold whole up to the next whole one, and say so', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-2-5-gal', '2,5 galones de pintura blanca');
    expect(reply).toContain('2,5 galones');
    expect(reply).toContain('3,750');
    const en = (await chatOnFreshHost(tenant, brain, 'counter10-2-5-gal-en', '2.5 gallons of white tropical paint')).join('\n');
    expect(en).toContain('2.5 gallons');
    expect(en).toContain('3,750');
  });
});

describe('pairs, halves of an inch and counts pointed at (counter10)', () => {
  it('should count a couple or a pair as two, unless the goods are sold by the pair', () => {
    expect(matcher.extract('a couple of 40mm padlocks').mentions[0]).toMatchObject({ quantity: 2 });
    expect(matcher.extract('un par de candados').mentions[0]).toMatchObject({ query: 'candado', quantity: 2 });
    expect(matcher.extract('un par de guantes de vaqueta').mentions[0]?.quantity).toBeUndefined();
  });

  it('should read "half inch" before a product as its 1/2" size', () => {
    expect(matcher.extract('3 half inch pvc pipes').mentions[0]).toMatchObject({ query: '1/2 inch pvc pipe', quantity: 3 });
  });

  it('should price the count said by pointing at the one product', async () => {
    const [en] = await chatOnFreshHost(tenant, brain, 'counter10-of-them', 'half inch pvc pipe, 3 of them');
    expect(en).toContain('555');
    const [es] = await chatOnFreshHost(tenant, brain, 'counter10-de-esos', 'tienes tubo pvc de media? dame dos de esos');
    expect(es).toContain('370');
  });
});

describe('a length of goods sold by the piece (counter10)', () => {
  it('should count the pieces that make the length, rounded up, and say so', async () => {
    const [pipe] = await chatOnFreshHost(tenant, brain, 'counter10-pipe-m', '20 metros de tubo pvc de media');
    expect(pipe).toContain('20 m');
    expect(pipe).toContain('740');
    const [rebar] = await chatOnFreshHost(tenant, brain, 'counter10-rebar-ft', '60 pies de varilla de 3/8');
    expect(rebar).toContain('795');
    const [hose] = await chatOnFreshHost(tenant, brain, 'counter10-hose-ft', '100 feet of garden hose');
    expect(hose).toContain('2,300');
  });

  it('should read the piece\'s own length as what it is, not a count', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter10-pipe-6m', 'tubo pvc de 1/2 de 6 metros');
    expect(reply).toContain('185');
    expect(reply).not.toContain('≈');
  });
});
