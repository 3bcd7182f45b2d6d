import { describe, expect, it } from 'vitest';
import { urgencyByDate } from '../../../src/actors/tools/dated-urgency.js';
import { toldJobSize } from '../../../src/actors/brain/rule/need-continued.js';
import { readBare } from '../../../src/actors/brain/rule/lead-answer.js';
import { readMeasureReply } from '../../../src/machines/material-questions.js';
import { zonedInstant } from '../../../src/demo-backend/schedule.js';

const ZONE = 'America/Santo_Domingo';
const at = (date: string): number => zonedInstant(date, 10 * 60, ZONE);

describe('lead40: deadlines the calendar levels', () => {
  it.each([
    // A day with its weekday is that date, not "this week".
    ['lo queremos para la boda del sábado 19', '2026-12-07', 'Medio'],
    ['pal jueves 17', '2026-12-07', 'Medio'],
    ['para el lunes 14', '2026-12-07', 'Alto'],
    ['by Friday the 11th', '2026-12-07', 'Alto'],
    ['we reopen on the 19th, so before that', '2026-12-07', 'Medio'],
    ['el evento es el 12', '2026-12-07', 'Alto'],
    // "before … in January", said in English as in Spanish.
    ['we need it done before the high season starts in January', '2026-12-07', 'Medio'],
    ['we need it done before the high season starts in January', '2026-10-15', 'Bajo'],
    // The year's end and the New Year.
    ['antes de que termine el año', '2026-12-07', 'Medio'],
    ['by the end of the year', '2026-12-07', 'Medio'],
    ['by the end of the year', '2026-12-28', 'Alto'],
    ['a finales de año', '2026-09-01', 'Bajo'],
    ['we want to open before New Year', '2026-12-07', 'Medio'],
  ])('should level "%s" said on %s as %s', (text, day, level) => {
    expect(urgencyByDate(text, at(day), ZONE)).toBe(level);
  });

  it('should read a bare day as the deadline only where when it is needed was asked', () => {
    expect(urgencyByDate('para la boda el 19', at('2026-12-07'), ZONE, true)).toBe('Medio');
    expect(urgencyByDate('the 10th', at('2026-12-07'), ZONE, true)).toBe('Alto');
    expect(urgencyByDate('para la boda el 19', at('2026-12-07'), ZONE)).toBeUndefined();
    expect(urgencyByDate('el 4 pulgadas', at('2026-12-07'), ZONE, true)).toBeUndefined();
  });

  it.each(['abren los sábados?', 'on the 3 bags', 'happy new year'])('should name no deadline in "%s"', (text) => {
    expect(urgencyByDate(text, at('2026-12-07'), ZONE)).toBeUndefined();
  });
});

describe('lead40: the size of the job told where the area is asked', () => {
  it.each(['son 12 aulas y el pasillo', 'son como 8 salones y el templo', 'son 24 habitaciones en 3 pisos', "it's 40 rooms on 3 floors", 'tres casas de dos niveles'])('should read "%s" as the job\'s size', (text) => {
    expect(toldJobSize(text.toLowerCase().replace(/'/g, ' '), [])).toBe(true);
  });

  it.each(['ventas', 'otro', 'las aulas', 'gracias, son 3 casas', 'para el lunes'])('should not read "%s" as a size', (text) => {
    expect(toldJobSize(text, [])).toBe(false);
  });

  it('should never write the size as the area "Otro", nor lose the area named', () => {
    expect(readBare('interest_area', 'son 12 aulas y el pasillo', { entities: [] })).toBeUndefined();
    expect(readBare('interest_area', 'otro', { entities: [] })).toBe('Otro');
    expect(readBare('interest_area', 'ventas', { entities: [] })).toBe('Ventas');
  });

  it('should read the rooms of a paint job with the living room, in English too', () => {
    expect(readMeasureReply("it's 2 bedrooms and the living room", 'area')).toMatchObject({ rooms: 2, living: true });
    expect(readMeasureReply('son 2 habitaciones y la sala', 'area')).toMatchObject({ rooms: 2, living: true });
    expect(readMeasureReply('son 3 habitaciones', 'area')).not.toHaveProperty('living');
  });
});
