import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayHoursReply, weekdayAsked } from '../../../src/actors/tools/studio-hours.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { workflowForIntent } from '../../../src/machines/workflow/index.js';
import { asksOpening } from '../../../src/machines/workflow/side-questions.js';
import { estudioWorkflows, NOW, TZ } from '../workflow/studio-harness.js';

/**
 * The studio's receptionist on opening hours and on the day: "¿a qué hora cierran el sábado?" is
 * that day's hours, "¿abren los domingos?" says it is closed; "muévela al viernes" moves the
 * booking; "llego 10 minutos tarde" reaches a person of the team (the bot cannot tell the stylist).
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const seed = JSON.parse(readFileSync(join(ROOT, 'tenants/estudio/backend-seed.json'), 'utf8')) as { business: { hours: Parameters<typeof dayHoursReply>[0]; address: string } };
let data: TenantData;
let brain: Brain;

beforeAll(async () => {
  data = await loadTenant(join(ROOT, 'tenants/estudio'));
  brain = createRuleBrain({ tenant: data });
});

const hours = (text: string, lang: 'es' | 'en' = 'es') => {
  const reply = dayHoursReply(seed.business.hours, { text, now: NOW, timeZone: TZ, lang }, 'Av. Gustavo Mejía Ricart 54');
  return reply ? renderReply(reply, data.templates, lang) : null;
};

describe('opening hours for the day asked', () => {
  it.each([
    ['¿a qué hora cierran el sábado?', 'es', '🕘 El sábado abrimos de 8:00 a. m. a 6:00 p. m.\n📍 Av. Gustavo Mejía Ricart 54'],
    ['abren los sabados?', 'es', '🕘 El sábado abrimos de 8:00 a. m. a 6:00 p. m.\n📍 Av. Gustavo Mejía Ricart 54'],
    ['what time do you close on friday?', 'en', "🕘 On Friday we're open from 9:00 AM to 8:00 PM\n📍 Av. Gustavo Mejía Ricart 54"],
    ['¿abren los domingos?', 'es', 'El domingo estamos cerrados; abrimos el lunes a las 9:00 a. m. 🙏 ¿Te agendo otro día? 📅'],
    ['are you open on sunday?', 'en', "We're closed on Sunday; we open on Monday at 9:00 AM. 🙏 Shall I book you another day? 📅"],
    // Thursday 3 December: today is Thursday, tomorrow Friday.
    ['¿hasta qué hora abren hoy?', 'es', '🕘 Hoy jueves abrimos de 9:00 a. m. a 8:00 p. m.\n📍 Av. Gustavo Mejía Ricart 54'],
    ['mañana abren?', 'es', '🕘 Mañana viernes abrimos de 9:00 a. m. a 8:00 p. m.\n📍 Av. Gustavo Mejía Ricart 54'],
    ['are you open today?', 'en', "🕘 Today (Thursday) we're open from 9:00 AM to 8:00 PM\n📍 Av. Gustavo Mejía Ricart 54"],
  ] as const)('"%s"', (text, lang, expected) => {
    expect(hours(text, lang)).toBe(expected);
  });

  it('should say today or tomorrow closed and when the studio opens next', () => {
    const at = (text: string, iso: string, lang: 'es' | 'en' = 'es') => {
      const reply = dayHoursReply(seed.business.hours, { text, now: Date.parse(iso), timeZone: TZ, lang }, 'Av. Gustavo Mejía Ricart 54');
      return reply ? renderReply(reply, data.templates, lang) : null;
    };
    // Sunday 6 December, 11:00 in Santo Domingo.
    expect(at('¿abren hoy?', '2026-12-06T15:00:00Z')).toBe('Hoy domingo estamos cerrados; abrimos el lunes a las 9:00 a. m. 🙏 ¿Te agendo una cita? 📅');
    expect(at('are you open today?', '2026-12-06T15:00:00Z', 'en')).toBe("We're closed today (Sunday); we open on Monday at 9:00 AM. 🙏 Shall I book you an appointment? 📅");
    // Saturday 5 December: tomorrow is Sunday.
    expect(at('mañana abren?', '2026-12-05T15:00:00Z')).toBe('Mañana domingo estamos cerrados; abrimos el lunes a las 9:00 a. m. 🙏 ¿Te agendo una cita? 📅');
    // Saturday 5 December, 19:00: closed at 18:00, open again on Monday.
    expect(at('¿abren hoy?', '2026-12-05T23:00:00Z')).toBe('Hoy ya cerramos (el sábado abrimos de 8:00 a. m. a 6:00 p. m.); volvemos a abrir el lunes a las 9:00 a. m. 🙏 ¿Te agendo una cita? 📅');
  });

  it('should leave the week to a question naming no day, or several', () => {
    expect(hours('¿cuál es su horario?')).toBeNull();
    expect(hours('abren el sábado o el domingo?')).toBeNull();
    expect(weekdayAsked('what are your hours', NOW, TZ, 'en')).toBeNull();
    expect(weekdayAsked('mañana abren?', NOW, TZ, 'es')).toBe(4);
  });

  it('should hear an opening question beside a booking, not a day for it', () => {
    expect(asksOpening('¿abren el sábado?')).toBe(true);
    expect(asksOpening('are you open on sunday?')).toBe(true);
    expect(asksOpening('el sábado')).toBe(false);
    expect(asksOpening('a las 3 de la tarde')).toBe(false);
  });
});

describe('moving a booking and arriving late, as the classifier reads them', () => {
  const read = (text: string, lang: 'es' | 'en') => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });

  it.each([
    ['muévela al viernes', 'es'],
    ['cámbiala para las 5', 'es'],
    ['ruédame la cita pal sábado', 'es'],
    ['move it to saturday please', 'en'],
  ] as const)('"%s" starts the move', async (text, lang) => {
    const u = await read(text, lang);
    expect(workflowForIntent(estudioWorkflows(), u.nlu.intent.label ?? u.nlu.intent.name, text)?.id).toBe('reprogramar');
  });

  it.each([
    ['llego 10 minutos tarde', 'es'],
    ['voy a llegar un poquito tarde a la cita', 'es'],
    ["I'm running late for my appointment", 'en'],
  ] as const)('"%s" reaches a person', async (text, lang) => {
    const u = await read(text, lang);
    expect(u.nlu.intent.label ?? u.nlu.intent.name).toBe('human_agent');
  });
});
