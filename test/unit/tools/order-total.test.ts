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

describe('a line taken off the counter', () => {
  it('prices what stays counted, and totals it after', async () => {
    const [, , removed, total] = await chat('+18095557005', 'dame 10 sacos de cemento', 'y 5 de arena', 'quita la arena', 'cuánto es todo?');
    expect(removed).toContain('quité *Arena Lavada');
    expect(removed).toContain('RD$6,550.00');
    expect(total).toContain('RD$6,550.00');
    expect(total).not.toContain('Arena');
  });

  it('takes a line off an estimate, not the whole quote', async () => {
    const [, removed] = await chat('+18095557006', 'necesito 10 sacos de cemento, 5 metros de arena y 20 varillas de 3/8', 'ya no quiero la arena');
    expect(removed).toContain('RD$11,850.00');
    expect(removed).not.toContain('no preparo la cotización');
  });
});
