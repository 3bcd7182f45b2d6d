import { describe, expect, it } from 'vitest';
import { createServiceWindow } from '../../../src/channels/service-window.js';
import { createManualClock } from '../../../src/kernel/clock.js';

/**
 * harden19 sweep: the WhatsApp/Twilio service window kept the last inbound time of every provider
 * conversation until someone asked whether its window was open after it closed; a conversation
 * nobody wrote to again stayed in memory for the process's life.
 */
describe('createServiceWindow › growth', () => {
  it('should drop windows past their end as new conversations arrive, and keep the open ones', () => {
    const clock = createManualClock();
    const window = createServiceWindow({ clock, windowMs: 60_000 });
    for (let i = 0; i < 5_000; i++) window.recordInbound(`old-${i}`, clock.now());
    clock.advance(60_001);
    for (let i = 0; i < 5_000; i++) window.recordInbound(`new-${i}`, clock.now());
    const kept = Object.keys(window.toJSON());
    // Before: all 10,000.
    expect(kept.filter((id) => id.startsWith('old-'))).toEqual([]);
    expect(kept.filter((id) => id.startsWith('new-')).length).toBe(5_000);
    expect(window.isOpen('new-4999')).toBe(true);
    expect(window.isOpen('old-1')).toBe(false);
  });

  it('should keep every window still open, however many', () => {
    const clock = createManualClock();
    const window = createServiceWindow({ clock, windowMs: 60_000 });
    for (let i = 0; i < 3_000; i++) {
      window.recordInbound(`c-${i}`, clock.now());
      clock.advance(10);
    }
    // The first one closes at 60,000 ms; 30,000 ms have passed.
    expect(Object.keys(window.toJSON()).length).toBe(3_000);
    expect(window.isOpen('c-0')).toBe(true);
  });
});
