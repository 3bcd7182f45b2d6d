import { describe, expect, it } from 'vitest';
import { asksGoodsOfService, asksWhoDoesService, wantsToKnowFirst } from '../../../src/actors/brain/rule/studio-asks.js';
import { goodsAsked } from '../../../src/actors/tools/studio-goods.js';
import { namedAsOne } from '../../../src/actors/tools/studio-compound.js';
import { serviceOnClosedDay } from '../../../src/actors/tools/studio-service-day.js';
import type { StudioService } from '../../../src/actors/tools/studio-reads.js';
import { groupSize } from '../../../src/machines/workflow/group-booking.js';
import { asksPriceAndHours, asksPriceAndTimes } from '../../../src/machines/workflow/price-and-times.js';
import { priceInBooking } from '../../../src/actors/tools/studio-services.js';
import { SERVICE_NAMED_NOW } from '../../../src/machines/conversation.contract.js';

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

  it('should read a price and the free times asked together, never the opening hours', () => {
    expect(asksPriceAndTimes('toy apurada, cuanto el blower y a q hora tienen hoy')).toBe(true);
    expect(asksPriceAndTimes('how much is a blowout and what times do you have tomorrow?')).toBe(true);
    expect(asksPriceAndTimes('cuanto cuesta el corte y a que hora abren mañana?')).toBe(false);
    expect(asksPriceAndTimes('a q hora tienen hoy')).toBe(false);
  });

  it('should say a price without a second booking offer while its booking is under way', () => {
    const data = { templates: { es: { 'studio.service.price_booking': '{name}' }, en: {} } };
    const priced = { replies: [{ template: 'studio.service.price', params: { name: 'Corte' }, options: [{ label: 'Agendar', text: 'quiero agendar Corte' }] }], service: 'corte' };
    expect(priceInBooking(data, priced, SERVICE_NAMED_NOW, 'es').replies[0]).toEqual({ template: 'studio.service.price_booking', params: { name: 'Corte' } });
    expect(priceInBooking(data, priced, 'corte', 'es').replies[0]).toMatchObject({ template: 'studio.service.price_booking' });
    expect(priceInBooking(data, priced, 'tinte', 'es')).toBe(priced);
    expect(priceInBooking(data, priced, undefined, 'es')).toBe(priced);
  });

  it('should read the goods a service is done with, never the colour service priced', () => {
    expect(asksGoodsOfService('what nail polish colors do you have?')).toBe(true);
    expect(asksGoodsOfService('que marca de tinte usan?')).toBe(true);
    expect(asksGoodsOfService('do you have red nail polish?')).toBe(true);
    expect(asksGoodsOfService('cuanto cuesta el color?')).toBe(false);
    expect(goodsAsked('que colores de esmalte tienen?', 'es')).toBe('colores');
    expect(goodsAsked('tienen esmalte rojo?', 'es')).toBe('colores');
    expect(goodsAsked('cuanto cuesta el color?', 'es')).toBeNull();
    expect(goodsAsked('quiero pintarme el pelo rojo', 'es')).toBeNull();
  });

  it('should read wanting to know first apart from a day to book', () => {
    expect(wantsToKnowFirst('me caso en marzo y quisiera saber que tienen para la novia')).toBe(true);
    expect(wantsToKnowFirst("I'd like to know what you have for brides")).toBe(true);
    expect(wantsToKnowFirst('quisiera saber si tienen espacio mañana para un corte')).toBe(false);
    expect(wantsToKnowFirst('quiero agendar un facial')).toBe(false);
  });

  it('should read a price and the opening hours together, apart from free times', () => {
    expect(asksPriceAndHours('how much is a facial and what are your hours?')).toBe(true);
    expect(asksPriceAndHours('cuanto cuesta la keratina y cual es su horario?')).toBe(true);
    expect(asksPriceAndHours('cuanto cuesta el corte y que horas tienen libres mañana?')).toBe(false);
    expect(asksPriceAndHours('cuanto cuesta la keratina?')).toBe(false);
  });
});
