import { describe, expect, it } from 'vitest';
import { matchOption } from '../../../src/machines/workflow/slot-extractors.js';

/** "depilación de cejas": the method names one option, what it is done on ("de cejas") another — that one. */

const ITEMS = [
  { value: 'depilacion-piernas', label: 'Depilación con cera, piernas completas', aliases: ['depilación', 'cera', 'waxing'] },
  { value: 'cejas', label: 'Diseño de cejas', aliases: ['cejas', 'perfilado', 'brows'] },
  { value: 'manicure', label: 'Manicure clásico', aliases: ['manicure'] },
  { value: 'gelish', label: 'Manicure en gel (gelish)', aliases: ['gel', 'gelish'] },
];

describe('an option named by what it is done on', () => {
  it.each([
    ['cuanto es la depilacion de cejas?', 'cejas'],
    ['quiero cera de cejas', 'cejas'],
    ['un manicure de gel', 'gelish'],
    ['la depilacion', 'depilacion-piernas'],
    ['manicure clasico', 'manicure'],
  ])('should pick "%s" as %s', (text, value) => {
    const at = matchOption(text, ITEMS);
    expect(at === null ? null : ITEMS[at]!.value).toBe(value);
  });
});
