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

describe('the total at the counter', () => {
  it('adds up two products counted one after the other', async () => {
    const [, , total] = await chat('+18095557001', 'dame 10 sacos de cemento gris', 'y 5 de arena lavada', '¿cuánto es todo?');
    expect(total).toContain('10 x *Cemento Gris');
    expect(total).toContain('5 x *Arena Lavada');
    expect(total).toContain('RD$16,300.00');
  });

  it('does not add a product the customer replaced', async () => {
    const [, , total] = await chat('+18095557002', 'dame 10 sacos de cemento blanco', 'no, mejor del gris', 'cuánto es todo?');
    expect(total).toContain('RD$6,550.00');
    expect(total).not.toContain('Cemento Blanco');
  });

  it('asks which option and how many after a list of options', async () => {
    const [, total] = await chat('+18095557003', 'tienen varilla?', '¿cuánto es todo?');
    expect(total).toContain('cuál');
    expect(total).toContain('3/8"');
    expect(total).not.toContain('¿Qué producto estás buscando?');
  });

  it('asks how many of the one product on the counter', async () => {
    const [, total] = await chat('+18095557004', 'precio de la varilla de 3/8', 'y en total?');
    expect(total).toContain('RD$265.00');
    expect(total).toContain('cantidad');
  });
});
