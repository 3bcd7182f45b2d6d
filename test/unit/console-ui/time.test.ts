import { describe, expect, it } from 'vitest';
import { formatClock, formatWeekdayTime, sameWallClock, zoneLabel } from '../../../web-console/src/time.js';

const AT = '2026-12-03T18:05:00.000Z'; // 14:05 in Santo Domingo, 03:05 the next day in Tokyo

describe("console times in the store's time zone", () => {
  it('should write a time in the given zone, whatever the machine running it says', () => {
    expect(formatClock(AT, 'en', 'America/Santo_Domingo')).toBe('02:05 PM');
    expect(formatClock(AT, 'en', 'Asia/Tokyo')).toBe('03:05 AM');
    expect(formatWeekdayTime(AT, 'en', 'America/Santo_Domingo')).toBe('Thu 2:05 PM');
  });

  it('should fall back to UTC for a missing or unknown zone, and write nothing for a bad timestamp', () => {
    expect(formatClock(AT, 'en', null)).toBe('06:05 PM');
    expect(formatClock(AT, 'en', 'Mars/Olympus')).toBe('06:05 PM');
    expect(formatClock('not a date', 'es', 'America/Santo_Domingo')).toBe('');
  });

  it('should label the zone only when the browser reads another wall clock', () => {
    const at = Date.parse(AT);
    expect(zoneLabel('America/Santo_Domingo', 'America/Santo_Domingo', at)).toBeNull();
    // Puerto Rico keeps the same wall clock as Santo Domingo: nothing to say.
    expect(sameWallClock('America/Santo_Domingo', 'America/Puerto_Rico', at)).toBe(true);
    expect(zoneLabel('America/Santo_Domingo', 'America/Puerto_Rico', at)).toBeNull();
    expect(zoneLabel('America/Santo_Domingo', 'Europe/Madrid', at)).toBe('Santo Domingo (GMT-4)');
    // New York is on the same offset in summer and one hour behind in winter.
    expect(zoneLabel('America/Santo_Domingo', 'America/New_York', at)).toBe('Santo Domingo (GMT-4)');
    expect(zoneLabel('America/Santo_Domingo', 'America/New_York', Date.parse('2026-07-01T12:00:00Z'))).toBeNull();
  });
});
