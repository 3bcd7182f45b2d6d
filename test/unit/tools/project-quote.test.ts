import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const ask = async (text: string): Promise<string> => (await chatOnFreshHost(tenant, brain, 'project-quote', text)).join('\n');

describe('a quote asked for a job or a project, no product named', () => {
  it('should show what the job takes and ask the measurements, with no quote written up', async () => {
    const out = await ask('necesito un presupuesto para techar una marquesina');
    expect(out).toContain('Zinc');
    expect(out).toContain('medidas');
    expect(out).not.toContain('Tu cotización estimada');
  });

  it('should not ask the measurements again when they were given', async () => {
    const out = await ask('cotízame lo necesario para techar una marquesina de 20 metros cuadrados');
    expect(out).not.toContain('Dime las medidas');
    expect(out).toContain('asesor');
  });

  it('should ask for the list or the measurements when the catalog names nothing for the job', async () => {
    const out = await ask('necesito presupuesto para construir una pared');
    expect(out).toContain('qué materiales necesitas');
  });

  it('should still write up a quote of products with their counts', async () => {
    expect(await ask('quiero una cotizacion para 10 sacos de cemento')).toContain('6,550');
  });
});
