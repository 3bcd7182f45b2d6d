import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { Brain } from '../../../src/actors/brain/brain.js';

/**
 * The studio's own labels where a rule written for another reading took them: help asked (the
 * hardware store's greeting words), a past visit's colour (the goods of a service), what was paid or
 * is left of a package (today's prices), whether one is booked (a new booking on the day named), a
 * time asked to come in (the walk-in question).
 */

let brain: Brain;
let ferreteria: Brain;
beforeAll(async () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  brain = createRuleBrain({ tenant: await loadTenant(join(root, 'tenants/estudio')), readingCacheSize: 0 });
  ferreteria = createRuleBrain({ tenant: await loadTenant(join(root, 'tenants/ferreteria')), readingCacheSize: 0 });
});
const label = (text: string): string => {
  const { intent } = brain.parse(text);
  return intent.label ?? intent.name;
};

describe('the studio brain reads its own labels', () => {
  it.each([
    ['necesito ayuda', 'ayuda'],
    ['help', 'ayuda'],
    ['hola necesito ayuda', 'ayuda'],
    ['buenas, me pueden ayudar?', 'ayuda'],
    ['hola buenas', 'saludo'],
    ['cuanto pague por la keratina?', 'consultar_historial'],
    ['how much did I pay last time?', 'consultar_historial'],
    ['que color me pusieron la ultima vez?', 'consultar_historial'],
    ['cuantos manicures me quedan del paquete?', 'consultar_historial'],
    ['que colores de esmalte tienen?', 'consultar_paquetes'],
    ['cuanto cuesta la keratina?', 'consultar_paquetes'],
    ['do I have an appointment on saturday?', 'consulta_estado'],
    ['tengo cita el sabado?', 'consulta_estado'],
    ['can I come in on monday at 10?', 'agendar_cita'],
    ['do you take walk-ins?', 'consultar_horarios'],
  ])('should read "%s" as %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('should leave the hardware store, which has no help label, greeting "necesito ayuda"', () => {
    expect(ferreteria.parse('necesito ayuda').intent.name).toBe('greeting');
    expect(ferreteria.parse('hola necesito ayuda').intent.name).toBe('greeting');
  });
});
