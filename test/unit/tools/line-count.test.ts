import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const chat = (sender: string, ...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, sender, ...messages);

describe('a count over several lines', () => {
  it('should ask which line a bare count is for, then change the one named', async () => {
    const [, asked, changed] = await chat('lc-1', 'dame 10 sacos de cemento y 5 de arena', 'no, que sean 15', 'la arena');
    expect(asked).toContain('¿A cuál le pongo 15?');
    expect(asked).not.toContain('9,825');
    expect(changed).toContain('15 x *Arena Lavada');
    expect(changed).toContain('10 x *Cemento');
  });

  it('should change the one line the unit fits at once', async () => {
    const [, changed] = await chat('lc-2', '10 sacos de cemento y 5 de arena', 'que sean 15 sacos');
    expect(changed).toContain('15 x *Cemento');
    expect(changed).toContain('5 x *Arena');
  });
});

describe('a pack changed', () => {
  it('should keep the count said ("3 galones" then "no, en cubeta")', async () => {
    const [, bucket] = await chat('lc-3', '3 galones de pintura blanca', 'no, en cubeta');
    expect(bucket).toContain('3 cubetas');
  });
});

describe('a job\'s sizes said alone', () => {
  it('should give the area, ask what goes there and keep the sizes', async () => {
    const [asked, worked] = await chat('lc-4', 'habitacion de 3x4', 'cuanta ceramica necesito?');
    expect(asked).toContain('12 m²');
    expect(worked).toContain('14 x');
  });
});

describe('a change of quantity asked', () => {
  it('should say what is noted and ask how many, never open a complaint', async () => {
    const [, asked] = await chat('lc-5', '10 sacos de cemento', 'quiero cambiar la cantidad');
    expect(asked).toContain('¿A cuántos lo cambio?');
    expect(asked).not.toContain('Siento mucho');
  });
});

describe('the count on the counter in another unit', () => {
  it('should say 100 feet in metres', async () => {
    const [, metres] = await chat('lc-6', 'necesito 100 pies de cable 12', 'cuantos metros son?');
    expect(metres).toContain('30.5 metros');
  });
});
