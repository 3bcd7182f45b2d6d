import { describe, expect, it } from 'vitest';
import { readingWithDatedUrgency, urgencyByDate } from '../../../src/actors/tools/dated-urgency.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { zonedInstant } from '../../../src/demo-backend/schedule.js';

const ZONE = 'America/Santo_Domingo';
const at = (date: string): number => zonedInstant(date, 10 * 60, ZONE);

describe('urgencyByDate › a month said relative to today', () => {
  it.each([
    // A span like "en un mes", levelled by the days to its middle (the 15th; early: the 5th; late: the 25th).
    ['next month', '2026-12-03', 'Bajo'],
    ['next month', '2026-12-28', 'Medio'],
    ['el mes que viene', '2026-11-22', 'Bajo'],
    ['el mes que viene', '2026-11-26', 'Medio'],
    ['el mes que viene', '2026-11-02', 'Bajo'],
    ['empezamos el proximo mes', '2026-12-20', 'Bajo'],
    ['empezamos el proximo mes', '2026-12-26', 'Medio'],
    ['para el mes entrante', '2026-12-07', 'Bajo'],
    ['a principios del mes que viene', '2026-12-28', 'Medio'],
    ['a principios del mes que viene', '2026-12-30', 'Alto'],
    ['a principios del mes que viene', '2026-12-07', 'Bajo'],
    ['early next month', '2026-11-22', 'Medio'],
    ['a finales del mes que viene', '2026-12-20', 'Bajo'],
    ['late next month', '2026-11-02', 'Bajo'],
    // This month: by its last day.
    ['lo necesito este mes', '2026-12-03', 'Medio'],
    ['lo necesito este mes', '2026-12-27', 'Alto'],
    ['a fin de mes', '2026-12-28', 'Alto'],
    ['by the end of the month', '2026-12-07', 'Medio'],
    ['antes de que termine el mes', '2026-11-25', 'Alto'],
  ])('should level "%s" said on %s as %s', (text, day, level) => {
    expect(urgencyByDate(text, at(day), ZONE)).toBe(level);
  });

  it('should cross the year: next month said in December is January', () => {
    // 2026-12-31 → 2027-01-15: 15 days; → 2027-01-05: 5 days.
    expect(urgencyByDate('next month', at('2026-12-31'), ZONE)).toBe('Medio');
    expect(urgencyByDate('early next month', at('2026-12-31'), ZONE)).toBe('Alto');
  });

  it.each(['a partir del mes que viene', 'after next month', 'no es para este mes', 'from next month on'])('should name no deadline in "%s"', (text) => {
    expect(urgencyByDate(text, at('2026-12-28'), ZONE)).toBeUndefined();
  });

  it('should level "next month" given to the urgency question by the day it is said', () => {
    const reading = { leadFields: { urgency_level: 'Bajo' }, urgency: 'Bajo' } as unknown as Understanding;
    const late = readingWithDatedUrgency(reading, 'next month', { kind: 'lead_field', field: 'urgency_level' }, at('2026-12-28'), ZONE);
    expect(late.urgency).toBe('Medio');
    expect(late.leadFields.urgency_level).toBe('Medio');
    expect(readingWithDatedUrgency(reading, 'next month', { kind: 'lead_field', field: 'urgency_level' }, at('2026-12-03'), ZONE).urgency).toBe('Bajo');
  });
});

describe('readingWithDatedUrgency › the need now beside a later date', () => {
  it('should keep Alto when the message wants it now and names next month for something else', () => {
    const reading = { leadFields: { urgency_level: 'Alto' }, urgency: 'Alto' } as unknown as Understanding;
    const out = readingWithDatedUrgency(reading, 'la obra empieza el mes que viene pero el cemento lo necesito ya', { kind: 'none' }, at('2026-12-07'), ZONE);
    expect(out.urgency).toBe('Alto');
  });
});

describe('urgencyByDate › the Christmas break', () => {
  it.each([
    ['queremos pintar la escuela en las vacaciones de navidad', '2026-12-07', 'Medio'],
    ['queremos pintar la escuela en las vacaciones de navidad', '2026-12-16', 'Alto'],
    ['over the christmas break', '2026-10-01', 'Bajo'],
  ])('should level "%s" said on %s as %s', (text, day, level) => {
    expect(urgencyByDate(text, at(day), ZONE)).toBe(level);
  });

  it('should level a lead opening that names when, though the brain read no urgency in it', () => {
    const reading = { nlu: { intent: { name: 'sales_lead', confidence: 0.6 } }, leadFields: {} } as unknown as Understanding;
    const out = readingWithDatedUrgency(reading, 'soy la directora del Colegio Santa Rosa, queremos pintar la escuela en las vacaciones de navidad', { kind: 'none' }, at('2026-12-07'), ZONE);
    expect(out.urgency).toBe('Medio');
  });
});
