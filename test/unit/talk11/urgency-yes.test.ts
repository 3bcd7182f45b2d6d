import { describe, it, expect } from 'vitest';
import { yesToUrgency } from '../../../src/machines/urgency-yes.js';
import { loadDemo, chatOnFreshHost } from '../../helpers/memory-host.js';

const form = ['quiero una cotización para mi empresa', 'Pedro Gómez', 'pedro@gmail.com', 'Construcciones PG', 'Ventas', '100 sacos de cemento'];

describe('a bare yes to the urgency question', () => {
  it('should be a yes to the urgency only: "sí", "claro", "yes" while the urgency is asked', () => {
    expect(yesToUrgency('urgency_level', 'si')).toBe(true);
    expect(yesToUrgency('urgency_level', 'Sí!')).toBe(true);
    expect(yesToUrgency('urgency_level', 'yes')).toBe(true);
    expect(yesToUrgency('urgency_level', 'si, es urgente')).toBe(false);
    expect(yesToUrgency('name', 'si')).toBe(false);
    expect(yesToUrgency(null, 'si')).toBe(false);
  });

  it('should ask the three choices in a line, no "¡Perfecto!", and take the answer after', async () => {
    const { tenant, brain } = await loadDemo();
    const replies = await chatOnFreshHost(tenant, brain, 'talk11-urgency', ...form, 'si', 'medio');
    const yes = replies[6]!;
    expect(yes).toMatch(/Alto\*, \*Medio\* o \*Bajo/);
    expect(yes).not.toMatch(/Perfecto/);
    expect(yes.split('\n---\n')).toHaveLength(1);
    expect(replies[7]).toMatch(/Urgencia:\* Medio/);
  });

  it('should read "sí, es urgente" as Alto', async () => {
    const { tenant, brain } = await loadDemo();
    const replies = await chatOnFreshHost(tenant, brain, 'talk11-urgency-alto', ...form, 'si, es urgente');
    expect(replies[6]).toMatch(/Urgencia:\* Alto/);
  });
});
