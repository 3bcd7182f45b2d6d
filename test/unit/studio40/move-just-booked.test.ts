import { describe, expect, it } from 'vitest';
import { moveOfJustBooked } from '../../../src/machines/workflow/move-just-booked.js';
import type { WorkflowSet, WorkflowSpec } from '../../../src/machines/workflow/workflow-spec.js';

/** "mejor el lunes, se puede?" right after a booking moves it; a second booking or a later turn does not. */

const booking = { id: 'agendar', triggers: ['agendar_cita'], slots: [{ name: 'time', kind: 'time' }] } as unknown as WorkflowSpec;
const move = { id: 'mover', triggers: ['agendar_cita', 'mover'], when: ['muev'], unchanged: { date: 'booking_date' }, slots: [] } as unknown as WorkflowSpec;
const set = { workflows: [booking, move], timeZone: 'America/Santo_Domingo' } as unknown as WorkflowSet;
const ctx = { nowMs: Date.parse('2026-12-03T15:00:00Z'), timeZone: 'America/Santo_Domingo' };
const booked = { workflow: 'agendar', id: 'BV-1001', turn: 3 };

describe('a new day said right after booking', () => {
  it.each([
    ['mejor el lunes, se puede?', 'mover'],
    ['can we do monday instead?', 'mover'],
    ['mejor a las 3', 'mover'],
    ['no puedo el viernes, mejor el sábado', 'mover'],
    ['y también quiero un manicure el lunes, se puede?', null],
    ['can I also book my daughter on monday instead?', null],
    ['mejor así', null],
    ['no, mejor cancela la del viernes', null],
  ])('should read "%s" as the move: %s', (text, expected) => {
    expect(moveOfJustBooked(set, booking, booked, 4, text, ctx)?.id ?? null).toBe(expected);
  });

  it('should not move a booking made long before, or when nothing was booked here', () => {
    expect(moveOfJustBooked(set, booking, booked, 8, 'mejor el lunes', ctx)).toBeNull();
    expect(moveOfJustBooked(set, booking, null, 4, 'mejor el lunes', ctx)).toBeNull();
  });
});
