import { describe, expect, it } from 'vitest';
import { asksCurrency, asksSameDay, namesAPlan, studioFactAsked } from '../../../src/actors/brain/rule/studio-asks.js';
import { detectLang } from '../../../src/actors/brain/rule/signals.js';
import { namedDay } from '../../../src/machines/workflow/named-days.js';
import { extractDate, fold } from '../../../src/machines/workflow/slot-extractors.js';
import { servicesNamed } from '../../../src/machines/workflow/two-services.js';

const NOW = Date.parse('2026-12-03T15:00:00Z');
const ZONE = 'America/Santo_Domingo';

describe('studio35 readings', () => {
  it('should read a day named by its name as its date, the eves apart', () => {
    expect(extractDate('can I book a facial on christmas day?', NOW, ZONE, 'en')).toBe('2026-12-25');
    expect(extractDate('quiero un corte el día de Navidad', NOW, ZONE)).toBe('2026-12-25');
    expect(extractDate('abren en nochebuena?', NOW, ZONE)).toBe('2026-12-24');
    expect(extractDate("are you open on new year's eve?", NOW, ZONE, 'en')).toBe('2026-12-31');
    expect(extractDate('una manicure pal dia de año nuevo', NOW, ZONE)).toBe('2027-01-01');
    expect(extractDate("on new year's day", NOW, ZONE, 'en')).toBe('2027-01-01');
    expect(extractDate('makeup for valentines day', NOW, ZONE, 'en')).toBe('2027-02-14');
  });

  it('should read no date in a greeting or a season', () => {
    expect(namedDay(fold('feliz año nuevo!! quiero un corte'))).toBeNull();
    expect(namedDay(fold('happy new years'))).toBeNull();
    expect(namedDay(fold('para fin de año'))).toBeNull();
  });

  it('should hear English in a short message of the studio\'s words', () => {
    expect(detectLang('wedding package?', 'es')).toBe('en');
    expect(detectLang('haircut price', 'es')).toBe('en');
    expect(detectLang('paquete de novia?', 'es')).toBe('es');
  });

  it('should read a plan of visits by how often it comes', () => {
    expect(namesAPlan('el facial mensual')).toBe(true);
    expect(namesAPlan('how much is the monthly facial?')).toBe(true);
    expect(namesAPlan('cuanto cuesta un facial')).toBe(false);
  });

  it('should read walk-ins and the chat\'s languages as the studio\'s facts', () => {
    expect(studioFactAsked('do you take walk-ins?')).toBe('walkin');
    expect(studioFactAsked('puedo llegar sin cita?')).toBe('walkin');
    expect(studioFactAsked('hablan ingles?')).toBe('languages');
    expect(studioFactAsked('do you speak English?')).toBe('languages');
    expect(studioFactAsked('quiero una cita mañana')).toBeNull();
  });

  it('should read a mani-pedi as a manicure and a pedicure', () => {
    const items = [
      { value: 'mani', label: 'Classic manicure', aliases: ['manicure', 'mani'] },
      { value: 'pedi', label: 'Spa pedicure', aliases: ['pedicure', 'pedi'] },
    ];
    expect(servicesNamed('a mani-pedi tomorrow', items).map((i) => i.value)).toEqual(['mani', 'pedi']);
    expect(servicesNamed('un manipedi', items).map((i) => i.value)).toEqual(['mani', 'pedi']);
  });

  it('should read a currency asked, not a card', () => {
    expect(asksCurrency('do you take dollars?')).toBe(true);
    expect(asksCurrency('aceptan dolares?')).toBe(true);
    expect(asksCurrency('how much is a haircut in USD?')).toBe(true);
    expect(asksCurrency('can I pay in USD?')).toBe(true);
    expect(asksCurrency('do you accept credit cards?')).toBe(false);
    expect(asksCurrency('cuanto cuesta el corte?')).toBe(false);
  });

  it('should read one booking, not one visit, in "una cita" alone', () => {
    expect(asksSameDay('una cita pa cejas el domingo')).toBe(false);
    expect(asksSameDay('I want one appointment for a blowout')).toBe(false);
    expect(asksSameDay('se hace en una sola visita?')).toBe(true);
    expect(asksSameDay('can I do it all in one day?')).toBe(true);
    expect(asksSameDay('todo eso se hace el mismo dia?')).toBe(true);
  });
});
