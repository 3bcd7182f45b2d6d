import { describe, expect, it } from 'vitest';
import { staffAnswer, type StudioStaff } from '../../../src/actors/tools/studio-staff.js';
import type { StudioService } from '../../../src/actors/tools/studio-reads.js';

/** "¿Quién hace las cejas los miércoles?": who does it among those working that day; nobody that day, everyone with their days. */

const STAFF: StudioStaff[] = [
  { id: 'wendy', name: 'Wendy Castillo', role: { es: 'Cosmetóloga', en: 'Esthetician' }, serviceIds: ['cejas'], days: ['mon', 'wed'] },
  { id: 'leidy', name: 'Leidy Santana', role: { es: 'Maquilladora', en: 'Makeup artist' }, serviceIds: ['cejas'], days: ['thu'] },
  { id: 'rosanna', name: 'Rosanna Almonte', role: { es: 'Colorista', en: 'Colourist' }, serviceIds: ['tinte'], days: ['tue'] },
];
const SERVICES: StudioService[] = [
  { id: 'cejas', name: { es: 'Diseño de cejas', en: 'Eyebrow shaping' }, aliases: ['cejas', 'brows'] },
  { id: 'tinte', name: { es: 'Tinte completo', en: 'Full hair colour' }, aliases: ['tinte', 'color'] },
];
const data = { templates: { es: { 'studio.staff.one': '1', 'studio.staff.who': 'w' }, en: { 'studio.staff.who': 'w' } } };

describe('who does a service on a day', () => {
  it('should name only those working the day asked, and book that day on a yes', () => {
    expect(staffAnswer(data, 'quien hace las cejas los miercoles?', 'es', 2, STAFF, SERVICES)).toEqual({
      replies: [{ template: 'studio.staff.who', params: { service: 'Diseño de cejas', names: '*Wendy Castillo* (cosmetóloga, lunes y miércoles)' } }],
      bookingOffer: ['cejas'],
      bookingWords: 'el miércoles',
      service: 'cejas',
    });
  });

  it('should name everyone who does it, with their days, when nobody does it that day', () => {
    expect(staffAnswer(data, 'quien hace las cejas el martes?', 'es', 1, STAFF, SERVICES)?.replies[0]).toEqual({ template: 'studio.staff.who', params: { service: 'Diseño de cejas', names: '*Wendy Castillo* (cosmetóloga, lunes y miércoles) y *Leidy Santana* (maquilladora, jueves)' } });
  });

  it("should take \"who's the best for color?\" as who does it", () => {
    expect(staffAnswer(data, "who's the best for color?", 'en', null, STAFF, SERVICES)?.replies[0]).toMatchObject({ template: 'studio.staff.who', params: { service: 'Full hair colour' } });
  });
});

describe('whether one person does a service', () => {
  const templates = { ...data.templates.es, 'studio.staff.does_yes': 'y', 'studio.staff.does_not': 'n' };
  const with2 = { templates: { es: templates, en: templates } };

  it('should say yes with a booking with her, or no with who does it', () => {
    expect(staffAnswer(with2, 'Does Wendy do brows?', 'en', null, STAFF, SERVICES)).toMatchObject({ replies: [{ template: 'studio.staff.does_yes', params: { name: 'Wendy Castillo', service: 'Eyebrow shaping' } }], bookingWords: 'with Wendy Castillo' });
    expect(staffAnswer(with2, 'wendy hace el tinte?', 'es', null, STAFF, SERVICES)).toMatchObject({ replies: [{ template: 'studio.staff.does_not', params: { others: '*Rosanna Almonte* (martes)' } }], bookingWords: 'con Rosanna Almonte' });
  });
});
