import { describe, expect, it } from 'vitest';
import { orderNameSaid } from '../../../src/machines/order-name.js';
import { reservedCount } from '../../../src/machines/reserve-count.js';

describe('orderNameSaid', () => {
  it('should read a company named after "a nombre de mi empresa"', () => {
    expect(orderNameSaid('ok a nombre de mi empresa, Construcciones Ramirez', { company: 'Construcciones Ramirez' })).toEqual({ name: 'Construcciones Ramirez', company: true });
    expect(orderNameSaid('ponlo a nombre de la empresa Constructora Bello', { company: 'Constructora Bello' })).toEqual({ name: 'Constructora Bello', company: true });
  });

  it("should read a person's name with the yes", () => {
    expect(orderNameSaid('si, a nombre de Juan Perez', { name: 'Juan Perez' })).toEqual({ name: 'Juan Perez', company: false });
  });

  it('should take the words themselves when the brain read no name, capitalised', () => {
    expect(orderNameSaid('ok, under the name Sarah Collins please', {})).toEqual({ name: 'Sarah Collins', company: false });
    expect(orderNameSaid('a nombre de maria lopez porfa', {})).toEqual({ name: 'Maria Lopez', company: false });
  });

  it('should drop the article in front of a company', () => {
    expect(orderNameSaid('a nombre de la Iglesia Bautista Central', { company: 'Iglesia Bautista Central' })?.name).toBe('Iglesia Bautista Central');
  });

  it('should read no name in the question back nor in a relative said without a name', () => {
    expect(orderNameSaid('sí, ¿a nombre de quién?', {})).toBeNull();
    expect(orderNameSaid('a nombre de mi esposa', {})).toBeNull();
    expect(orderNameSaid('quiero 20 sacos de cemento', {})).toBeNull();
  });
});

describe('reservedCount', () => {
  it('should read the count set aside, in digits or words, Spanish or English', () => {
    expect(reservedCount('apartame 20')).toBe(20);
    expect(reservedCount('resérvame 20 sacos por favor')).toBe(20);
    expect(reservedCount('ok sepárame veinte')).toBe(20);
    expect(reservedCount('set aside 20 for me')).toBe(20);
    expect(reservedCount('me apartas 30?')).toBe(30);
    expect(reservedCount('apártame 20 a nombre de Construcciones Ramirez')).toBe(20);
  });

  it('should read no count in "dame 20", a bare "resérvamelo" or a size', () => {
    expect(reservedCount('dame 20')).toBeNull();
    expect(reservedCount('resérvamelo')).toBeNull();
    expect(reservedCount('apartame 2 de 3/8')).toBeNull();
  });
});
