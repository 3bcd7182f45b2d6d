import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** The product phrases the brain reads, each with its count (undefined when none). */
async function products(text: string): Promise<[string, string | undefined][]> {
  const reading = await brain.parse(text);
  const entities = reading.entities;
  return entities.flatMap((e, i) => {
    if (e.type !== 'product') return [];
    const count = entities.find((q, j) => q.type === 'quantity' && (j === i - 1 || j === i + 1) && (q.end <= e.start ? /^[\s\w]*$/.test(text.slice(q.end, e.start)) : q.start >= e.end));
    return [[e.value, count?.value]];
  });
}

describe('long and pasted messages, English lists (backlog8)', () => {
  it('should read a rough count said after the product as how many ("la varilla de 3/8 como 40")', async () => {
    expect(await products('necesito la varilla de 3/8 como 40 y yo queria saber cuanto me sale')).toEqual([['varilla 3/8', '40']]);
    expect(await products('el cemento como 10 fundas')).toEqual([['saco cemento', '10']]);
    expect(await products('I need the rebar 3/8 about 30, how much?')).toEqual([['rebar 3/8', '30']]);
  });

  it('should keep a rough number that is a size a size ("el block como 6" is the 6 inch block)', async () => {
    const read = await products('el block como 6 pulgadas');
    expect(read.every(([, count]) => count !== '6')).toBe(true);
  });

  it('should read "a two piece toilet" as one toilet of two pieces, not two toilets', async () => {
    expect(await products('I need a two piece white toilet')).toEqual([['two piece white toilet', undefined]]);
    expect(await products('a 2 piece toilet')).toEqual([['2 piece toilet', undefined]]);
  });

  it('should read gallons and pounds without "of" as how many of goods sold by them', async () => {
    expect(await products('2 gallons primer')).toEqual([['gallon primer', '2']]);
    expect(await products('5 pounds nails')).toEqual([['pound nail', '5']]);
  });

  it('should read a product named for what it goes on as one product ("la manguera para el lavamanos")', async () => {
    expect(await products('la manguera para el lavamanos')).toEqual([['manguera lavamano', undefined]]);
    // ...but the grinder the discs are for is no word of the discs' name.
    expect((await products('necesito discos de corte pa la esmeriladora'))[0]).toEqual(['disco corte', undefined]);
  });

  it('should say first the thing an English compound names last ("a chrome sink faucet" is a faucet)', async () => {
    expect(await products('a chrome sink faucet')).toEqual([['faucet sink', undefined]]);
    // ...never for goods sold by weight or volume, nor across "for": "contact cement", "paint for walls".
    expect(await products('contact cement')).toEqual([['contact cement', undefined]]);
    expect(await products('paint for walls')).toEqual([['paint wall', undefined]]);
  });

  it('should read the last word of an English alias alone as the product ("a roller and tray")', async () => {
    expect((await products('a paint roller and tray')).map(([p]) => p)).toEqual(['paint roller', 'tray']);
  });
});

describe('the counter after products asked one at a time with "a"/"un" (backlog8)', () => {
  const chat = (sender: string, ...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, sender, ...messages);

  it('should add one of each to the total', async () => {
    const said = await chat('+18095558101', 'I need a 10 inch trowel', 'and a smooth steel float', 'and a level', 'how much all together');
    expect(said.at(-1)).toContain('RD$1,330.00');
  });

  it('should not take the Spanish "a" of "a cómo está" for one', async () => {
    const said = await chat('+18095558102', 'a cómo está el cemento?', 'y la arena?', '¿cuánto es todo?');
    expect(said.at(-1)).not.toContain('Total estimado');
  });

  it('should answer every product named in one message, beyond three', async () => {
    const [reply] = await chat('+18095558103', 'I need a toilet, a flexible hose, a level and some teflon tape');
    for (const price of ['6,950.00', '165.00', '690.00', '35.00']) expect(reply).toContain(price);
  });

  it('should keep the goods of a service question on the counter ("me cortan el plywood?" then "el de 3/4")', async () => {
    const said = await chat('+18095558104', 'me cortan el plywood?', 'cuanto el de 3/4');
    expect(said[1]).toContain('2,350.00');
  });
});
