import { describe, expect, it } from 'vitest';
import { asksWhoDoesService } from '../../../src/actors/brain/rule/studio-asks.js';
import { namedAsOne } from '../../../src/actors/tools/studio-compound.js';
import { serviceOnClosedDay } from '../../../src/actors/tools/studio-service-day.js';
import type { StudioService } from '../../../src/actors/tools/studio-reads.js';
import { groupSize } from '../../../src/machines/workflow/group-booking.js';

const NOW = Date.parse('2026-12-03T15:00:00Z');
const ZONE = 'America/Santo_Domingo';
const MANI: StudioService = { id: 'mani', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure', 'mani'], category: 'unas', price: 600, durationMin: 45 };
const PEDI: StudioService = { id: 'pedi', name: { es: 'Pedicure spa', en: 'Spa pedicure' }, aliases: ['pedicure', 'pedi'], category: 'unas', price: 950, durationMin: 60 };
const OPEN = { open: '09:00', close: '19:00' };
const WEEK = { mon: OPEN, tue: OPEN, wed: OPEN, thu: OPEN, fri: OPEN, sat: OPEN, sun: null };
const TEMPLATES = { es: { 'studio.service.closed_day': '{day}', 'studio.service.book_day_label': 'El {day}', 'studio.service.book_day_text': 'quiero agendar {name} el {day}' }, en: {} };

describe('studio36 readings', () => {
  it('should read two services said as one thing, never two joined by "y"', () => {
    expect(namedAsOne('how much is a mani pedi?', [MANI, PEDI])).toBe(true);
    expect(namedAsOne('un mani-pedi', [MANI, PEDI])).toBe(true);
    expect(namedAsOne('un manipedi', [MANI, PEDI])).toBe(true);
    expect(namedAsOne('el manicure y el pedicure', [MANI, PEDI])).toBe(false);
    expect(namedAsOne('mani pedi', [MANI])).toBe(false);
  });

  it('should read someone who does a service apart from a person asked for', () => {
    expect(asksWhoDoesService('is there someone who does eyebrows on sunday?')).toBe(true);
    expect(asksWhoDoesService('hay alguien que haga cejas el domingo?')).toBe(true);
    expect(asksWhoDoesService('does anyone do makeup on sundays')).toBe(true);
    expect(asksWhoDoesService('is there someone who can help me?')).toBe(false);
    expect(asksWhoDoesService('hay alguien que me atienda?')).toBe(false);
  });

  it('should offer a service asked on a closed day on the nearest open days', () => {
    const answer = serviceOnClosedDay({ templates: TEMPLATES }, { replies: [], service: 'mani' }, { text: 'hacen manicure el domingo?', lang: 'es', now: NOW, timeZone: ZONE }, [MANI], { hours: WEEK });
    expect(answer?.replies[0]).toMatchObject({ template: 'studio.service.closed_day', params: { day: 'domingo 6 de diciembre', days: 'sábado 5 de diciembre o el lunes 7 de diciembre' } });
    expect(answer?.replies[0]?.options?.map((o) => o.text)).toEqual(['quiero agendar Manicure clásico el sábado 5 de diciembre', 'quiero agendar Manicure clásico el lunes 7 de diciembre']);
    expect(serviceOnClosedDay({ templates: TEMPLATES }, { replies: [], service: 'mani' }, { text: 'hacen manicure el sábado?', lang: 'es', now: NOW, timeZone: ZONE }, [MANI], { hours: WEEK })).toBeNull();
  });

  it('should read a bare count after "for" as people, never a time', () => {
    expect(groupSize("I'd like to book a massage for 2 on saturday afternoon")).toBe(2);
    expect(groupSize('un masaje para dos el sabado')).toBe(2);
    expect(groupSize('a haircut for 2')).toBeNull();
    expect(groupSize('a haircut for 2 pm')).toBeNull();
    expect(groupSize('reserva para 2 de la tarde')).toBeNull();
    expect(groupSize('for 2 hours in the afternoon')).toBeNull();
    expect(groupSize('quiero cita para las 2')).toBeNull();
  });
});
