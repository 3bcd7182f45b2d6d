import { describe, expect, it } from 'vitest';
import { notDoneBeside } from '../../../src/machines/workflow/not-done-beside.js';
import type { OptionItem } from '../../../src/machines/workflow/run-types.js';

/** A thing the studio does not do, named beside a service it does: said so, the service booked. */

const CUT: OptionItem = { value: 'corte-secado', label: 'Corte y secado', local: { es: 'Corte y secado', en: 'Haircut and blow-dry' }, aliases: ['corte', 'haircut'] };
const NAILS: OptionItem = { value: 'manicure', label: 'Manicure clásico', aliases: ['manicure'] };
const BARBER: OptionItem = { value: 'barba', label: 'Arreglo de barba', aliases: ['beard trim'] };

describe('a thing not done, named beside a service', () => {
  it('should say the beard is not done and the haircut is booked, in the message language', () => {
    expect(notDoneBeside('klk, quiero un corte y arreglarme la barba hoy', [CUT, NAILS], CUT, 'es')?.text).toBe('Aquí no hacemos barba 🙏 (no está entre nuestros servicios), así que te agendo *Corte y secado*.');
    expect(notDoneBeside('a haircut and a beard trim', [CUT, NAILS], CUT, 'en')?.text).toBe("We don't do beards here 🙏 (it isn't one of our services), so I'll book your *Haircut and blow-dry*.");
  });

  it('should say it without a service when none was taken', () => {
    expect(notDoneBeside('quiero cita para arreglarme la barba', [CUT, NAILS], undefined, 'es')?.text).toBe('Aquí no hacemos barba 🙏 (no está entre nuestros servicios).');
  });

  it('should say nothing when a service of the business is called so, or nothing of the kind is named', () => {
    expect(notDoneBeside('un corte y la barba', [CUT, BARBER], CUT, 'es')).toBeNull();
    expect(notDoneBeside('un corte y un manicure', [CUT, NAILS], CUT, 'es')).toBeNull();
    expect(notDoneBeside('quiero un corte de barbero', [CUT], CUT, 'es')).toBeNull();
  });
});
