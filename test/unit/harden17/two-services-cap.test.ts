import { describe, expect, it } from 'vitest';
import { MAX_PARTS, servicesNamed } from '../../../src/machines/workflow/two-services.js';
import type { OptionItem } from '../../../src/machines/workflow/run-types.js';

const items: OptionItem[] = [
  { value: 'corte', label: 'Corte' },
  { value: 'corte-secado', label: 'Corte y secado' },
  { value: 'manicure-clasico', label: 'Manicure clásico', aliases: ['manicure', 'manos'] },
  { value: 'pedicure-spa', label: 'Pedicure spa', aliases: ['pedicure', 'pies'] },
  { value: 'cejas', label: 'Diseño de cejas', aliases: ['cejas'] },
] as OptionItem[];

/**
 * The studio's "two services in one visit" reader (harden17's sweep): "y y y …" in 2,000
 * characters was split into 1,000 pieces, each matched against every service's names, over a
 * second of one turn on this machine. Only the first MAX_PARTS pieces are read now.
 */
describe('servicesNamed on long messages (harden17)', () => {
  it('should read at most MAX_PARTS pieces of a message', () => {
    expect(MAX_PARTS).toBeGreaterThanOrEqual(6);
    expect(servicesNamed('y '.repeat(1_000), items)).toEqual([]);
    // Named past the cap: not read.
    expect(servicesNamed(`${'hola y '.repeat(MAX_PARTS)}un corte y un manicure`, items)).toEqual([]);
    expect(servicesNamed(`${'hola y '.repeat(MAX_PARTS - 3)}un corte y un manicure`, items).map((i) => i.value)).toEqual(['corte', 'manicure-clasico']);
  });

  it('should still read the services of an ordinary message, a long polite one too', () => {
    expect(servicesNamed('un corte y un manicure el viernes', items).map((i) => i.value)).toEqual(['corte', 'manicure-clasico']);
    expect(servicesNamed('corte y secado y cejas', items).map((i) => i.value)).toEqual(['corte-secado', 'cejas']);
    expect(servicesNamed('Hola buenas tardes, quisiera hacerme un corte y un manicure y también un pedicure el viernes', items).map((i) => i.value)).toEqual(['corte', 'manicure-clasico', 'pedicure-spa']);
  });
});
