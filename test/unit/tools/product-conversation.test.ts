import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** One customer's conversation through the real host: each turn's replies. */
const chat = (sender: string, ...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, sender, ...messages);

describe('product follow-ups › through the whole host', () => {
  it('should price "y si compro 50?" against the cement just asked about', async () => {
    const [first, second] = await chat('pf-1', 'cuánto cuesta el cemento gris', 'y si compro 50?');
    expect(first).toContain('Cemento Gris Cemex Tipo GU');
    expect(second).toContain('50 × RD$655.00 = *RD$32,750.00*');
  });

  it('should follow "hay tubo pvc de 4 pulgadas?" with "y codos de 4?" and "and for 200 of them?"', async () => {
    const [, elbows, many] = await chat('pf-2', 'hay tubo pvc de 4 pulgadas?', 'y codos de 4?', 'and for 200 of them?');
    expect(elbows).toContain('Codo PVC 4" x 90° Drenaje');
    expect(many).toContain('200 × RD$185.00 = *RD$37,000.00*');
  });

  it('should answer "la satinada blanca cuánto?" after a paint answer with the satin paints', async () => {
    const [, satin] = await chat('pf-3', 'tienen pintura?', 'la satinada blanca cuánto?');
    expect(satin).toContain('Pintura Satinada Popular Blanco');
  });

  it('should answer a single-item price question without opening a quote ticket', async () => {
    const [answer] = await chat('pf-4', "what's the price of a 1/2 inch PVC pipe?");
    expect(answer).toContain('Tubo PVC 1/2" SDR-26 (6 m)');
    expect(answer).not.toMatch(/T-\d{6}|quote/i);
  });
});
