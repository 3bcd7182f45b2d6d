import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** "bone white", "off white", "pearl gray": the English names of Blanco Hueso and Gris Perla, never plain white. */
describe('the English names of the two-word paint colours', () => {
  it('should read "off white paint" as one product phrase with its colour', () => {
    const products = brain.parse('off white paint').entities.filter((e) => e.type === 'product').map((e) => e.value);
    expect(products).toEqual(['off white paint']);
  });

  it.each(['bone white paint, 1 gallon', 'off white paint', 'a gallon of bone white paint'])('"%s" is the Blanco Hueso gallon', async (text) => {
    const replies = await chatOnFreshHost(tenant, brain, `bone-${text}`, text);
    expect(replies.at(-1)).toContain('Blanco Hueso (galón)');
  });

  it.each(['the bone white one', 'the off white one'])('after the white buckets are offered, "%s" picks the Blanco Hueso bucket', async (pick) => {
    const replies = await chatOnFreshHost(tenant, brain, `pick-${pick}`, 'Hi, do you have white paint in 5 gallon buckets?', pick);
    expect(replies.at(-1)).toContain('Blanco Hueso (cubeta 5 gal)');
    expect(replies.at(-1)).not.toContain('make sure I help you');
  });

  it('should keep plain white paint plain white', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'plain-white', 'white paint, 1 gallon');
    expect(replies.at(-1)).toContain('Tropical Blanco (galón)');
  });
});
