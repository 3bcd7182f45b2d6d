import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { branchesNamed } from '../../../src/actors/tools/branch-named.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const NAMES = ['Sucursal Principal (Av. Libertad)', 'Sucursal Villa Hermosa', 'Sucursal Av. Padre Abreu'];
const ADDRESSES = ['Av. Libertad No. 145, esq. calle Duarte, La Romana', 'Carretera La Romana–San Pedro km 3, Villa Hermosa, La Romana', 'Av. Padre Abreu No. 62, frente al parque Central, La Romana'];

/** A branch told apart as a clerk who knows the town would: by its name or by what its address is placed by. */
describe('branches named by their landmarks', () => {
  it('should name a branch by a landmark word only its address has, in Spanish and English', () => {
    expect(branchesNamed(NAMES, 'donde queda la que esta frente al parque?', ADDRESSES)).toEqual([2]);
    expect(branchesNamed(NAMES, 'where is the one by the park?', ADDRESSES)).toEqual([2]);
    expect(branchesNamed(NAMES, 'la de la Duarte abre el sábado?', ADDRESSES)).toEqual([0]);
    expect(branchesNamed(NAMES, 'la del km 3', ADDRESSES)).toEqual([1]);
    expect(branchesNamed(NAMES, 'la del kilómetro 3', ADDRESSES)).toEqual([1]);
  });

  it('should not name a branch by a kilometre or a word no address has, nor without the addresses', () => {
    expect(branchesNamed(NAMES, 'la del km 5', ADDRESSES)).toEqual([]);
    expect(branchesNamed(NAMES, 'la que esta cerca de la iglesia', ADDRESSES)).toEqual([]);
    expect(branchesNamed(NAMES, 'la que esta frente al parque')).toEqual([]);
    // The name still names it, and "la principal" is the first branch.
    expect(branchesNamed(NAMES, 'la de villa hermosa', ADDRESSES)).toEqual([1]);
    expect(branchesNamed(NAMES, 'la principal', ADDRESSES)).toEqual([0]);
  });

  it("should give the hours of the branch named by its road's kilometre", async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'km-hours', 'la sucursal del km 3 a que hora cierra?');
    expect(reply).toContain('Sucursal Villa Hermosa');
    expect(reply).not.toContain('Padre Abreu');
  });
});

/** "and to Higüey?" right after a delivery answer asks the same of that place, whatever the classifier leans to. */
describe('a delivery place asked as a continuation', () => {
  it('should answer the delivery for the place, never open the lead form', async () => {
    const en = await chatOnFreshHost(tenant, brain, 'cont-en', 'do you deliver to bayahibe?', 'and to higuey?');
    expect(en[1]).toMatch(/don't deliver to Higüey/);
    expect(en[1]).not.toMatch(/full name/i);
    const es = await chatOnFreshHost(tenant, brain, 'cont-es', 'hacen delivery a bayahibe?', 'y para higuey?');
    expect(es[1]).toContain('no llegamos a Higüey');
  });

  it('should still take a lead that gives its data after a delivery answer', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'cont-lead', 'hacen delivery a bayahibe?', 'y para higuey quiero cotizar, soy Ana Pérez de Constructora Pérez');
    expect(replies[1]).not.toContain('no llegamos a Higüey');
  });
});
