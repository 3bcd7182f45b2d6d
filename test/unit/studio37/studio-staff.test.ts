import { describe, expect, it } from 'vitest';
import { staffAnswer, staffNamed, type StudioStaff } from '../../../src/actors/tools/studio-staff.js';
import { asksWhenOneWorks } from '../../../src/actors/brain/rule/studio-asks.js';
import type { StudioService } from '../../../src/actors/tools/studio-reads.js';

/** The studio's people, from its backend's staff: the days one works, who does a service. */

const STAFF: StudioStaff[] = [
  { id: 'rosanna', name: 'Rosanna Almonte', role: { es: 'Colorista', en: 'Colourist' }, serviceIds: ['tinte'], days: ['tue', 'wed', 'thu', 'fri', 'sat'] },
  { id: 'wendy', name: 'Wendy Castillo', role: { es: 'Cosmetóloga', en: 'Esthetician' }, serviceIds: ['cejas'], days: ['mon', 'wed', 'thu'] },
];
const SERVICES: StudioService[] = [
  { id: 'tinte', name: { es: 'Tinte completo', en: 'Full hair colour' }, aliases: ['tinte', 'tintes'] },
  { id: 'cejas', name: { es: 'Diseño de cejas', en: 'Eyebrow shaping' }, aliases: ['cejas'] },
];
const data = { templates: { es: { 'studio.staff.one': '1', 'studio.staff.day_yes': 'y', 'studio.staff.day_no': 'n', 'studio.staff.who': 'w' }, en: {} } };

describe('the studio staff', () => {
  it('should find a person by first name, folded, never inside another word', () => {
    expect(staffNamed('ROSANNA trabaja el lunes?', STAFF)?.id).toBe('rosanna');
    expect(staffNamed('wendy viene hoy?', STAFF)?.id).toBe('wendy');
    expect(staffNamed('quiero un tinte', STAFF)).toBeNull();
  });

  it('should say a day off with the days worked, a run said as a span and others listed', () => {
    expect(staffAnswer(data, 'rosanna trabaja el lunes?', 'es', 0, STAFF, SERVICES)?.replies[0]).toEqual({ template: 'studio.staff.day_no', params: { name: 'Rosanna Almonte', role: 'colorista', days: 'de martes a sábado', services: 'Tinte completo', day: 'lunes' } });
    expect(staffAnswer(data, 'wendy trabaja el lunes?', 'es', 0, STAFF, SERVICES)?.replies[0]).toMatchObject({ template: 'studio.staff.day_yes', params: { days: 'lunes, miércoles y jueves' } });
  });

  it('should say who does a service asked, and nothing when no person nor "who" is asked', () => {
    expect(staffAnswer(data, 'quien hace los tintes?', 'es', null, STAFF, SERVICES)?.replies[0]).toEqual({ template: 'studio.staff.who', params: { service: 'Tinte completo', names: '*Rosanna Almonte* (colorista, de martes a sábado)' } });
    expect(staffAnswer(data, 'cuanto cuesta el tinte?', 'es', null, STAFF, SERVICES)).toBeNull();
  });

  it.each([
    ['rosanna trabaja el lunes?', true],
    ['que dias viene yokasta?', true],
    ['does Leidy work on mondays?', true],
    ['trabajan los domingos?', false],
    ['el salon trabaja el domingo?', false],
    ['is it open on sunday?', false],
  ])('should read "%s" as one person\'s days asked: %s', (text, asked) => {
    expect(asksWhenOneWorks(text)).toBe(asked);
  });
});
