import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../../src/machines/workflow/run-moves.js';
import type { WorkflowRun } from '../../../src/machines/workflow/run-types.js';

const run = (values: Record<string, string>): WorkflowRun => ({ spec: { unchanged: { date: 'booking_date', time: 'booking_time' } }, values: { booking_date: '2026-12-05', booking_time: '11:00', ...values } }) as unknown as WorkflowRun;

describe('moving a booking keeps what was not said, but never the slot just asked', () => {
  it('should keep the old day for a time said with nothing asked', () => {
    const r = run({ time: '17:00' });
    keepUnchanged(r);
    expect(r.values.date).toBe('2026-12-05');
  });

  it('should leave the day empty when the day was asked and only a time was said', () => {
    const r = run({ time: '15:00' });
    keepUnchanged(r, 'date');
    expect(r.values.date).toBeUndefined();
    const moved = run({ date: '2026-12-04' });
    keepUnchanged(moved, 'date');
    expect(moved.values.time).toBe('11:00');
  });
});
