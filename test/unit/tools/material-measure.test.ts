import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const ask = async (text: string): Promise<string> => (await chatOnFreshHost(tenant, brain, 'material-measure', text)).at(-1) as string;

/** "cemento para 1 metro cúbico": the 1 is the job's measure, not a size of cement. */
describe("a job's measure said right after the product", () => {
  it.each([
    ['cuantos sacos de cemento para 1 metro cubico?', /Cemento Gris[^\n]*: 8 sacos/],
    ['how many bags of cement for 1 cubic meter?', /Cemento Gris[^\n]*: 8 bags/],
    ['how many bags of cement for 2 m3?', /16 x \*Cemento Gris/],
  ])('should work out "%s" from the grey cement\'s rule of thumb', async (text, expected) => {
    const reply = await ask(text);
    expect(reply).toMatch(expected);
    expect(reply).not.toMatch(/Cemento Blanco/);
  });
});
