import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { asksServiceOnADay, asksWhoSomeoneIs, comparesServices } from '../../../src/actors/brain/rule/studio-requests.js';
import { asksWhenOneWorks, studioFactAsked } from '../../../src/actors/brain/rule/studio-asks.js';
import type { Brain } from '../../../src/actors/brain/brain.js';

/**
 * The studio's requests its classifier (trained mostly in Spanish) is unsure of: a service wanted on
 * a day is a booking, never the price list; one of its people named is asked about, never the menu.
 */

let brain: Brain;
beforeAll(async () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  brain = createRuleBrain({ tenant: await loadTenant(join(root, 'tenants/estudio')), readingCacheSize: 0 });
});
const label = (text: string): string => {
  const { intent } = brain.parse(text);
  return intent.label ?? intent.name;
};

describe('the studio reads a service wanted on a day as a booking', () => {
  it.each([
    ['I want a massage on Wednesday', 'agendar_cita'],
    ['can I get a massage with Wendy on friday?', 'agendar_cita'],
    ['quiero un masaje el miercoles', 'agendar_cita'],
    ['quien es carlos', 'consultar_paquetes'],
    ['tell me about carlos', 'consultar_paquetes'],
    ['who is wendy?', 'consultar_paquetes'],
    ['quien me hace el pelo?', 'consultar_paquetes'],
    ['quiero hacerme rayitos, con quien me recomiendas?', 'consultar_paquetes'],
    ['I need my eyebrows done asap', 'agendar_cita'],
    ['quiero que me arreglen las cejas hoy', 'agendar_cita'],
    ["what's the difference between the two facials?", 'consultar_paquetes'],
    ['me caso en enero, que me recomiendan?', 'consultar_paquetes'],
    ['is Yahaira available on saturday?', 'consultar_paquetes'],
    ['cuanto tiempo antes tengo que llegar?', 'consultar_horarios'],
  ])('should read "%s" as %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it.each([
    ['I want a massage on Wednesday', true],
    ['quisiera hacerme las uñas mañana a las 3', true],
    ["I'd like to book a facial for tomorrow", true],
    ['cuanto cuesta un masaje el miercoles?', false],
    ['quiero saber si abren el lunes', false],
    ['quiero la cita del lunes', false],
    ['I want a massage', false],
  ])('should take "%s" as a service asked for a day: %s', (text, asked) => {
    expect(asksServiceOnADay(text)).toBe(asked);
  });

  it.each([
    ['quien es carlos', true],
    ['¿quién es la tal Rosanna?', true],
    ['tell me about Wendy', true],
    ['quien es el dueño', false],
    ['quien es la encargada?', false],
    ['who is there?', false],
  ])('should take "%s" as one person asked about: %s', (text, asked) => {
    expect(asksWhoSomeoneIs(text)).toBe(asked);
  });

  it.each([
    ['cual es la diferencia entre el facial hidratante y la limpieza profunda?', true],
    ['which one should I book?', true],
    ['que me recomiendan para el pelo seco?', true],
    ['cuanto cuesta el facial?', false],
  ])('should take "%s" as services compared: %s', (text, asked) => {
    expect(comparesServices(text)).toBe(asked);
  });

  it.each([
    ['is Yahaira available on saturday?', true],
    ['¿Yokasta está disponible el sábado?', true],
    ['is the studio available on saturday?', false],
    ['la cita esta disponible el sabado?', false],
    ['cuando estan abiertos?', false],
    ['Does Wendy do waxing?', true],
    ['Rosanna hace la keratina?', true],
    ['hola me hace el favor de decirme el horario', false],
    ['sabado hace el mismo horario?', false],
  ])('should take "%s" as one person\'s day asked: %s', (text, asked) => {
    expect(asksWhenOneWorks(text)).toBe(asked);
  });

  it('should read how early to come as its own fact, not what to bring', () => {
    expect(studioFactAsked('cuanto tiempo antes tengo que llegar?')).toBe('arrival');
    expect(studioFactAsked('how early should I arrive?')).toBe('arrival');
    expect(studioFactAsked('que tengo que llevar para la keratina?')).toBe('prep');
  });
});
