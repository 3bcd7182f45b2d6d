import { describe, expect, it } from 'vitest';
import { staffAnswer, type StudioStaff } from '../../../src/actors/tools/studio-staff.js';
import type { StudioService } from '../../../src/actors/tools/studio-reads.js';

/** "¿Quién hace las uñas?": a kind of service (its category) asked, everyone who does any of it. */

const STAFF: StudioStaff[] = [
  { id: 'yahaira', name: 'Yahaira Peña', role: { es: 'Manicurista', en: 'Nail technician' }, serviceIds: ['manicure', 'pedicure'], days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
  { id: 'carlos', name: 'Carlos Rijo', role: { es: 'Masajista', en: 'Massage therapist' }, serviceIds: ['relajante', 'descontracturante'], days: ['mon', 'tue'] },
  { id: 'wendy', name: 'Wendy Castillo', role: { es: 'Cosmetóloga', en: 'Esthetician' }, serviceIds: ['cejas'], days: ['wed'] },
  { id: 'leidy', name: 'Leidy Santana', role: { es: 'Maquilladora', en: 'Makeup artist' }, serviceIds: ['cejas'], days: ['thu'] },
];
const SERVICES: StudioService[] = [
  { id: 'manicure', category: 'unas', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure'] },
  { id: 'pedicure', category: 'unas', name: { es: 'Pedicure spa', en: 'Spa pedicure' }, aliases: ['pedicure'] },
  { id: 'relajante', category: 'masajes', name: { es: 'Masaje relajante', en: 'Relaxing massage' }, aliases: ['masaje', 'relajante'] },
  { id: 'descontracturante', category: 'masajes', name: { es: 'Masaje descontracturante', en: 'Deep tissue massage' }, aliases: ['descontracturante'] },
  { id: 'cejas', category: 'cejas', name: { es: 'Diseño de cejas', en: 'Eyebrow shaping' }, aliases: ['cejas', 'brows'] },
];
const templates = (kinds: Record<string, string>) => ({ 'studio.staff.one': '1', 'studio.staff.day_yes': 'y', 'studio.staff.day_no': 'n', 'studio.staff.who': 'w', 'studio.staff.who_kind': 'k', ...Object.fromEntries(Object.entries(kinds).map(([id, name]) => [`studio.category.${id}`, name])) });
const data = {
  templates: { es: templates({ unas: 'uñas', masajes: 'masajes', cejas: 'cejas' }), en: templates({ unas: 'nails', masajes: 'massages', cejas: 'brows' }) },
  workflows: { workflows: [{ id: 'b', triggers: ['b'], slots: [{ name: 'service', kind: 'service', options: { operation: { method: 'GET', path: '/services' }, value: 'id', groups: { field: 'category', words: { cejas: ['eyebrows'] } } } }] }] },
} as unknown as Parameters<typeof staffAnswer>[0];

describe('who does a kind of service', () => {
  it('should name everyone who does any service of the kind asked, and offer to book one of them', () => {
    expect(staffAnswer(data, 'quien hace las uñas?', 'es', null, STAFF, SERVICES)).toEqual({
      replies: [{ template: 'studio.staff.who_kind', params: { kind: 'uñas', names: '*Yahaira Peña* (manicurista, de lunes a sábado)' } }],
      bookingOffer: ['manicure', 'pedicure'],
    });
    expect(staffAnswer(data, 'who does eyebrows?', 'en', null, STAFF, SERVICES)?.replies[0]).toEqual({ template: 'studio.staff.who_kind', params: { kind: 'brows', names: '*Wendy Castillo* (esthetician, Wednesday) and *Leidy Santana* (makeup artist, Thursday)' } });
  });

  it('should take "los masajes" as the kind though "masaje" is one service\'s word, and a service set apart as that one', () => {
    expect(staffAnswer(data, 'quienes hacen los masajes', 'es', null, STAFF, SERVICES)?.replies[0]).toMatchObject({ template: 'studio.staff.who_kind', params: { kind: 'masajes' } });
    expect(staffAnswer(data, 'quien hace el masaje descontracturante?', 'es', null, STAFF, SERVICES)?.replies[0]).toMatchObject({ template: 'studio.staff.who', params: { service: 'Masaje descontracturante' } });
    expect(staffAnswer(data, 'quien hace el manicure?', 'es', null, STAFF, SERVICES)?.replies[0]).toMatchObject({ template: 'studio.staff.who', params: { service: 'Manicure clásico' } });
  });

  it('should answer nothing of the kind without a "who" asked, or without the template', () => {
    expect(staffAnswer(data, 'cuanto cuestan las uñas?', 'es', null, STAFF, SERVICES)).toBeNull();
    const bare = { ...data, templates: { es: { ...data.templates.es, 'studio.staff.who_kind': undefined }, en: data.templates.en } } as unknown as Parameters<typeof staffAnswer>[0];
    expect(staffAnswer(bare, 'quien hace las uñas?', 'es', null, STAFF, SERVICES)).toBeNull();
  });
});

describe('a person of the studio offered', () => {
  it('should offer her services, and a yes stands for booking with her, the day asked when she works it', () => {
    expect(staffAnswer(data, 'carlos trabaja el martes?', 'es', 1, STAFF, SERVICES)).toMatchObject({ bookingOffer: ['relajante', 'descontracturante'], bookingWords: 'con Carlos Rijo el martes' });
    expect(staffAnswer(data, 'does carlos work on tuesdays?', 'en', 1, STAFF, SERVICES)).toMatchObject({ bookingWords: 'with Carlos Rijo on Tuesday' });
    expect(staffAnswer(data, 'carlos trabaja el miercoles?', 'es', 2, STAFF, SERVICES)).toMatchObject({ replies: [{ template: 'studio.staff.day_no' }], bookingWords: 'con Carlos Rijo' });
    expect(staffAnswer(data, 'que dias viene yahaira?', 'es', null, STAFF, SERVICES)).toMatchObject({ replies: [{ template: 'studio.staff.one' }], bookingOffer: ['manicure', 'pedicure'], bookingWords: 'con Yahaira Peña' });
  });
});
