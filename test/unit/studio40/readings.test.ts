import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { asksServiceOnADay, asksWhoSomeoneIs } from '../../../src/actors/brain/rule/studio-requests.js';
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
});
