import { describe, expect, it } from 'vitest';
import { branchesNamed } from '../../../src/actors/tools/branch-named.js';

const names = ['Sucursal Principal (Av. Libertad)', 'Sucursal Villa Hermosa', 'Sucursal Av. Padre Abreu'];
const addresses = ['Av. Libertad No. 145, esq. calle Duarte, La Romana', 'Carretera La Romana–San Pedro km 3, Villa Hermosa, La Romana', 'Av. Padre Abreu No. 62, frente al parque Central, La Romana'];

describe('branchesNamed: a holiday named after someone names no branch', () => {
  it.each(['abren el dia de duarte?', 'el natalicio de duarte abren?'])('%s → none', (text) => {
    expect(branchesNamed(names, text, addresses)).toEqual([]);
  });

  it('still names the branch by its street', () => {
    expect(branchesNamed(names, 'la de la calle duarte abre hoy?', addresses)).toEqual([0]);
  });
});

describe('branchesNamed: where an order goes names no branch', () => {
  it('reads "delivery a Villa Hermosa" as the place, "la de Villa Hermosa" as the branch', () => {
    expect(branchesNamed(names, 'tan abierto mañana? y hacen delivery a villa hermosa', addresses)).toEqual([]);
    expect(branchesNamed(names, 'a que hora abre la de villa hermosa mañana', addresses)).toEqual([1]);
  });
});
