import { describe, expect, it } from 'vitest';
import { readingWithDatedUrgency, urgencyByDate } from '../../../src/actors/tools/dated-urgency.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { zonedInstant } from '../../../src/demo-backend/schedule.js';

const ZONE = 'America/Santo_Domingo';
const at = (date: string): number => zonedInstant(date, 10 * 60, ZONE);

describe('urgencyByDate', () => {
  it.each([
    ['antes de que empiecen las clases en enero', '2026-12-07', 'Medio'],
    ['antes de que empiecen las clases en enero', '2026-10-15', 'Bajo'],
    ['lo necesito antes de navidad', '2026-12-07', 'Medio'],
    ['lo necesito antes de navidad', '2026-12-20', 'Alto'],
    ['before Christmas', '2026-11-22', 'Medio'],
    ['para el 15', '2026-12-07', 'Medio'],
    ['pal 10', '2026-12-07', 'Alto'],
    ['para el 5', '2026-12-07', 'Medio'],
    ['by the 20th', '2026-12-07', 'Medio'],
    ['before December 10th', '2026-12-07', 'Alto'],
    ['el 15 de enero', '2026-12-07', 'Bajo'],
    ['para enero', '2026-11-22', 'Bajo'],
    ['para enero', '2026-12-07', 'Medio'],
    ['empezamos en enero', '2026-11-22', 'Bajo'],
    ['para diciembre', '2026-12-07', 'Medio'],
    // lead38: a weekday named is within the week, said on that same day too (a week on).
    ['200 blocks para entregar el lunes', '2026-12-07', 'Alto'],
    ['lo necesitamos pal viernes', '2026-12-08', 'Alto'],
    ['we need it by Monday', '2026-12-09', 'Alto'],
  ])('should level "%s" said on %s as %s', (text, day, level) => {
    expect(urgencyByDate(text, at(day), ZONE)).toBe(level);
  });

  it.each(['despues de navidad', 'after Christmas', 'a partir del mes que viene', 'no es para este mes', 'la semana que viene', 'son 20 aulas', 'the 3 houses', 'para el 15 por ciento', 'tubos de 4 pulgadas', 'abren los lunes'])(
    'should name no deadline in "%s"',
    (text) => {
      expect(urgencyByDate(text, at('2026-12-07'), ZONE)).toBeUndefined();
    },
  );
});

describe('readingWithDatedUrgency', () => {
  const reading = (fields: Partial<Understanding>): Understanding => ({ leadFields: {}, ...fields }) as Understanding;

  it('should level an urgency the brain read by the calendar', () => {
    const out = readingWithDatedUrgency(reading({ urgency: 'Bajo', leadFields: { urgency_level: 'Bajo' } }), 'hay que pintar antes de que empiecen las clases en enero', { kind: 'none' }, at('2026-12-07'), ZONE);
    expect(out.urgency).toBe('Medio');
    expect(out.leadFields.urgency_level).toBe('Medio');
  });

  it('should read a date given to the urgency question', () => {
    const out = readingWithDatedUrgency(reading({}), 'para el 15', { kind: 'lead_field', field: 'urgency_level' }, at('2026-12-07'), ZONE);
    expect(out.urgency).toBe('Medio');
  });

  it('should leave a message that says no urgency and answers no urgency question', () => {
    const r = reading({});
    expect(readingWithDatedUrgency(r, 'abren el 25 de diciembre?', { kind: 'none' }, at('2026-12-07'), ZONE)).toBe(r);
  });
});
