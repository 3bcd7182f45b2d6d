import { describe, expect, it } from 'vitest';
import { extractDate, extractEmail, extractPersonName, extractPhone, extractTime, matchOption } from '../../../src/machines/workflow/slot-extractors.js';

const TZ = 'America/Santo_Domingo';
/** Thursday 3 December 2026, 11:00 in Santo Domingo (UTC-4). */
const NOW = Date.parse('2026-12-03T15:00:00Z');

describe('extractDate', () => {
  it('should read relative days in the business time zone', () => {
    expect(extractDate('mañana a las 3', NOW, TZ)).toBe('2026-12-04');
    expect(extractDate('pasado mañana', NOW, TZ)).toBe('2026-12-05');
    expect(extractDate('hoy en la tarde', NOW, TZ)).toBe('2026-12-03');
    expect(extractDate('tomorrow at 10', NOW, TZ, 'en')).toBe('2026-12-04');
  });

  it('should use the local calendar, not UTC, late in the evening', () => {
    // 22:00 on the 3rd in Santo Domingo is already the 4th in UTC.
    const lateEvening = Date.parse('2026-12-04T02:00:00Z');
    expect(extractDate('mañana', lateEvening, TZ)).toBe('2026-12-04');
    expect(extractDate('mañana', lateEvening, 'UTC')).toBe('2026-12-05');
  });

  it('should read weekdays as the next one to come', () => {
    expect(extractDate('el viernes 10am', NOW, TZ)).toBe('2026-12-04');
    expect(extractDate('no, mejor el jueves', NOW, TZ)).toBe('2026-12-10');
    expect(extractDate('el próximo lunes', NOW, TZ)).toBe('2026-12-07');
    expect(extractDate('next saturday', NOW, TZ, 'en')).toBe('2026-12-05');
  });

  it('should read day and month, rolling a past one to next year', () => {
    expect(extractDate('3 de diciembre', NOW, TZ)).toBe('2026-12-03');
    expect(extractDate('el 12 de dic', NOW, TZ)).toBe('2026-12-12');
    expect(extractDate('December 12th', NOW, TZ, 'en')).toBe('2026-12-12');
    expect(extractDate('jan 5', NOW, TZ, 'en')).toBe('2027-01-05');
    expect(extractDate('2 de marzo', NOW, TZ)).toBe('2027-03-02');
    expect(extractDate('3/12', NOW, TZ, 'es')).toBe('2026-12-03');
    expect(extractDate('3/12', NOW, TZ, 'en')).toBe('2027-03-12');
    expect(extractDate('2026-12-20', NOW, TZ)).toBe('2026-12-20');
    expect(extractDate('31 de febrero', NOW, TZ)).toBeNull();
  });

  it('should keep the year said with the month first ("December 10, 2027"), never this December', () => {
    expect(extractDate('december 10, 2027', NOW, TZ, 'en')).toBe('2027-12-10');
    expect(extractDate('Dec 10 9999', NOW, TZ, 'en')).toBe('9999-12-10');
    expect(extractDate('10 de diciembre de 2027', NOW, TZ)).toBe('2027-12-10');
    expect(extractDate('feb 30, 2027', NOW, TZ, 'en')).toBeNull();
  });

  it('should not read the morning or a bare time as a date', () => {
    expect(extractDate('a las 9 de la mañana', NOW, TZ)).toBeNull();
    expect(extractDate('a las 15:30', NOW, TZ)).toBeNull();
    expect(extractDate('Ana Pérez', NOW, TZ)).toBeNull();
  });
});

describe('extractTime', () => {
  it('should read hours with and without markers', () => {
    expect(extractTime('mañana a las 3')).toBe('15:00');
    expect(extractTime('el viernes 10am')).toBe('10:00');
    expect(extractTime('a las 15:30')).toBe('15:30');
    expect(extractTime('a las 3 y media')).toBe('15:30');
    expect(extractTime('a las 9 de la mañana')).toBe('09:00');
    expect(extractTime('4 de la tarde')).toBe('16:00');
    expect(extractTime('at 11 am')).toBe('11:00');
    expect(extractTime('at 2pm')).toBe('14:00');
    expect(extractTime('al mediodía')).toBe('12:00');
  });

  it('should take a bare number only when the time was asked', () => {
    expect(extractTime('3')).toBeNull();
    expect(extractTime('3', { bare: true })).toBe('15:00');
    expect(extractTime('10', { bare: true })).toBe('10:00');
    expect(extractTime('3 de diciembre', { bare: true })).toBeNull();
    expect(extractTime('a las 25')).toBeNull();
  });
});

describe('extractPersonName', () => {
  it('should read a name after an introduction, or a bare answer when asked', () => {
    expect(extractPersonName('me llamo ana pérez')).toBe('Ana Pérez');
    expect(extractPersonName('a nombre de Luis Gómez')).toBe('Luis Gómez');
    expect(extractPersonName('my name is John Smith')).toBe('John Smith');
    expect(extractPersonName('María Fernanda', { bare: true })).toBe('María Fernanda');
    expect(extractPersonName('María Fernanda')).toBeNull();
  });

  it('should refuse what is not a name', () => {
    expect(extractPersonName('sí', { bare: true })).toBeNull();
    expect(extractPersonName('8095550101', { bare: true })).toBeNull();
    expect(extractPersonName('quiero cambiar la cita para el viernes por la tarde', { bare: true })).toBeNull();
  });
});

describe('extractPhone and extractEmail', () => {
  it('should normalise a Dominican number to E.164 and lower-case an email', () => {
    expect(extractPhone('mi número es 809-555-0101')).toBe('+18095550101');
    expect(extractPhone('sin número')).toBeNull();
    expect(extractEmail('es Ana.Perez@Example.com gracias')).toBe('ana.perez@example.com');
  });
});

describe('matchOption', () => {
  const services = [
    { value: 'corte-secado', label: 'Corte y secado', aliases: ['corte', 'haircut'] },
    { value: 'lavado-blower', label: 'Lavado y blower', aliases: ['blower', 'secado'] },
    { value: 'manicure', label: 'Manicure', aliases: [] },
  ];

  it('should pick by position, label, alias or value', () => {
    expect(matchOption('2', services)).toBe(1);
    expect(matchOption('la tercera', services)).toBe(2);
    expect(matchOption('quiero un corte mañana a las 3', services)).toBe(0);
    expect(matchOption('Manicure', services)).toBe(2);
    expect(matchOption('lavado-blower', services)).toBe(1);
    expect(matchOption('a haircut please', services)).toBe(0);
  });

  it('should prefer the longest name and refuse what fits none', () => {
    // "secado" is an alias of the blower, but "corte y secado" names the haircut whole.
    expect(matchOption('corte y secado', services)).toBe(0);
    expect(matchOption('un masaje', services)).toBeNull();
    expect(matchOption('7', services)).toBeNull();
  });
});
