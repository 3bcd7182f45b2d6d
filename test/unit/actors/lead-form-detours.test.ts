import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('the lead form, asked about and put off', () => {
  it('should say who contacts the customer and ask the pending question again', async () => {
    const turns = await chatOnFreshHost(tenant, brain, 'who-1', 'necesito cotizar materiales para una obra', 'Luis Peña', '¿cuánto tardan en contactarme?');
    expect(turns[2]).toContain('asesor');
    expect(turns[2]).toContain('correo electrónico');
    expect(turns[2]).not.toContain('La Romana centro');
  });

  it('should answer who calls after the request was sent, with no ticket', async () => {
    const turns = await chatOnFreshHost(tenant, brain, 'who-2', 'cotización para un proyecto', 'Ana Ruiz', 'ana@ruiz.com', 'ninguna', 'ventas', 'piso de cerámica para 3 baños', 'cuando puedan', 'si', '¿y quién me va a llamar?');
    expect(turns[7]).toContain('L-');
    expect(turns[8]).toContain('asesor');
    expect(turns[8]).not.toMatch(/no te entendí|T-0/);
  });

  it('should let the form go on "mejor después" and take it up again, keeping what was given', async () => {
    const turns = await chatOnFreshHost(tenant, brain, 'later-1', 'cotización para un proyecto', 'Pedro Soto', 'pedro@soto.com', 'mejor después', 'ok, sigamos con la cotización');
    expect(turns[3]).toContain('retomar');
    expect(turns[4]).toContain('empresa');
    expect(turns[4]).not.toMatch(/nombre completo|correo electrónico/);
  });
});
