import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const chat = (...messages: string[]) => chatOnFreshHost(tenant, brain, 'hours', ...messages);
const MAIN = 'Av. Libertad No. 145';
const VILLA = 'Carretera La Romana–San Pedro km 3';

describe('hours, a branch by name, and the address the answer offers', () => {
  it("should give one branch's hours when the question names it, and offer its address", async () => {
    const [villa] = await chat('¿a qué hora abre la sucursal de Villa Hermosa?');
    expect(villa).toContain('Villa Hermosa');
    expect(villa).not.toContain('Padre Abreu');
    expect(villa).not.toContain(VILLA); // hours asked, not the address
    const [main, yes] = await chat('a que hora cierra la principal?', 'sí, por favor');
    expect(main).toContain('Principal');
    expect(main).not.toContain('Villa Hermosa');
    expect(yes).toContain(MAIN);
    expect(yes).not.toContain(VILLA);
  });

  it('should take a yes, or the branch named, as the answer to the address offer (es and en)', async () => {
    const [, all] = await chat('a que hora abren?', 'sí');
    expect(all).toContain(MAIN);
    expect(all).toContain(VILLA);
    const [, one] = await chat('a que hora abren?', 'la de villa hermosa');
    expect(one).toContain(VILLA);
    expect(one).not.toContain(MAIN);
    const [, en] = await chatOnFreshHost(tenant, brain, 'hours-en', 'what time do you open?', 'the main one');
    expect(en).toContain(MAIN);
  });

  it('should not read thanks or a new question as a branch', async () => {
    const [, thanks] = await chat('a que hora abren?', 'gracias');
    expect(thanks).not.toContain(MAIN);
    expect(thanks).not.toMatch(/no te entend/i);
    const [, cement] = await chat('a que hora abren?', 'tienen cemento?');
    expect(cement).toContain('RD$655');
  });

  it('should answer a yes to "another branch?" after one is closed that day with the branches open that day', async () => {
    const [closed, yes] = await chat('la de padre abreu abre los domingos?', 'si');
    expect(closed).toMatch(/cerrada/);
    expect(yes).toContain('Principal');
    expect(yes).toContain('Villa Hermosa');
  });

  it('should say there is no branch in a town asked as "la sucursal de …"', async () => {
    const [reply] = await chat('dónde queda la sucursal de Higüey?');
    expect(reply).toMatch(/No tenemos sucursal en \*Higüey\*/);
  });
});
