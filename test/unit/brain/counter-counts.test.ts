import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { withCountApart } from '../../../src/actors/brain/rule/count-apart.js';
import { storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { withoutContainers } from '../../../src/actors/tools/product-request.js';
import { withLengthQuantities } from '../../../src/actors/tools/request-counts.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let index: ProductResolver;

beforeAll(async () => {
  ({ tenant, brain, index } = await loadDemoWithIndex());
});

const mention = (text: string, query: string) => {
  const start = text.indexOf(query.split(' ')[0] as string);
  return { query, start, end: start + query.length };
};

describe('a length said in English is how many of what is sold by the foot', () => {
  it('should count the feet past a gauge said after "of"', () => {
    expect(withLengthQuantities([{ query: 'wire #12' }], 'I need 100 feet of #12 wire')[0]).toMatchObject({ lengthQuantity: 100 });
    expect(withLengthQuantities([{ query: '12 gauge wire' }], 'I need 100 feet of 12 gauge wire')[0]).toMatchObject({ lengthQuantity: 100 });
    expect(withLengthQuantities([{ query: 'cable 12' }], 'dame 100 pies de cable 12')[0]).toMatchObject({ lengthQuantity: 100 });
  });

  it('should write an English unit said apart as the catalog does, never as a product word', () => {
    const en = 'how much is #12 wire per foot? I need 100 feet';
    expect(withCountApart(en, [mention(en, 'wire #12')])[0]).toMatchObject({ query: 'pie wire #12', quantity: 100 });
    const metres = 'do you have sand? I need 2 meters';
    expect(withCountApart(metres, [mention(metres, 'sand')])[0]).toMatchObject({ query: 'metro sand', quantity: 2 });
  });

  it('should price the feet asked', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter9-feet', 'how much is #12 wire per foot? I need 100 feet');
    expect(reply).toContain('2,800');
  });

  it('should read WhatsApp\'s "cuanto e" as a price asked, not how much the job needs', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter9-cuanto-e', 'cuanto e el cable 12? necesito 100 pies');
    expect(reply).toContain('2,800');
    expect(reply).not.toMatch(/depende/);
  });
});

describe('a gauge before the one pack it comes in', () => {
  it('should read "cable 14 rollo" as the #14 roll, not 14 rolls', async () => {
    expect(index.parse('cable 14 rollo').quantity).toBeUndefined();
    expect(index.parse('cable #14 rollo').quantity).toBeUndefined();
    expect(index.parse('cemento 10 sacos').quantity).toBe(10);
    const [reply] = await chatOnFreshHost(tenant, brain, 'counter9-roll', 'cable 14 rollo');
    expect(reply).toContain('#14');
    expect(reply).not.toMatch(/14 rollos/);
  });

  it('should still count a plural pack and goods made in no such size', async () => {
    const [roll] = await chatOnFreshHost(tenant, brain, 'counter9-rolls', 'cable 12 2 rollos');
    expect(roll).toContain('25,000');
    const [cement] = await chatOnFreshHost(tenant, brain, 'counter9-cement', 'cemento 10 saco');
    expect(cement).toContain('6,550');
  });
});

describe('mixing paint asked with "hacen mezcla"', () => {
  it('should be the paint-mixing fact, not the plaster premix', () => {
    expect(storeFactsAsked('hacen mezcla de pintura?')).toContain('paintMixing');
    expect(storeFactsAsked('ustedes hacen mezclas de colores')).toContain('paintMixing');
    expect(storeFactsAsked('tienen mezcla lista para pañete?')).not.toContain('paintMixing');
  });
});

describe('the container a product comes in, said before it', () => {
  it('should read "tubo de silicón" as the silicone and leave pipes alone', () => {
    expect(withoutContainers(index, [{ query: 'tubo silicon', quantity: 2 }])).toEqual([{ query: 'silicon', quantity: 2 }]);
    expect(withoutContainers(index, [{ query: 'tubo pvc 1/2' }])).toEqual([{ query: 'tubo pvc 1/2' }]);
    expect(withoutContainers(index, [{ query: 'tubo led' }])).toEqual([{ query: 'tubo led' }]);
  });
});
