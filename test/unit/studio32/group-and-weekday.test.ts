import { describe, expect, it } from 'vitest';
import { extractDate, weekdayAndDay } from '../../../src/machines/workflow/slot-extractors.js';
import { dateClash } from '../../../src/machines/workflow/weekday-clash.js';
import { groupSize } from '../../../src/machines/workflow/group-booking.js';

const TZ = 'America/Santo_Domingo';
/** Thursday 3 December 2026, 11:00 in Santo Domingo (UTC-4). */
const NOW = Date.parse('2026-12-03T15:00:00Z');
const HOURS = { mon: { open: '09:00', close: '19:00' }, tue: { open: '09:00', close: '19:00' }, wed: { open: '09:00', close: '19:00' }, thu: { open: '09:00', close: '20:00' }, fri: { open: '09:00', close: '20:00' }, sat: { open: '08:00', close: '18:00' }, sun: null };

describe('a weekday said with a day of the month', () => {
  it('should take that date when they agree, not the next weekday to come', () => {
    expect(extractDate('el sábado 12 a las 3', NOW, TZ)).toBe('2026-12-12');
    expect(extractDate('saturday the 19th', NOW, TZ, 'en')).toBe('2026-12-19');
    expect(extractDate('el martes 5 de enero', NOW, TZ)).toBe('2027-01-05');
  });

  it('should say a clash when the day is not that weekday', () => {
    expect(weekdayAndDay('somos 3 para maquillaje el sabado 20 a las 8am', NOW, TZ)).toEqual({ date: '2026-12-20', weekday: 6, clash: true });
  });

  it('should never read a time as the day', () => {
    expect(weekdayAndDay('el sábado 8am', NOW, TZ)).toBeNull();
    expect(weekdayAndDay('el sabado a las 3', NOW, TZ)).toBeNull();
    expect(weekdayAndDay('el sabado las 3', NOW, TZ)).toBeNull();
    expect(weekdayAndDay('sábado 10:30', NOW, TZ)).toBeNull();
    expect(weekdayAndDay('el viernes 4 de la tarde', NOW, TZ)).toBeNull();
  });

  it('should offer the weekday nearest the day, and the day itself when open', () => {
    // The 20th is a Sunday (closed): the Saturday before it only.
    expect(dateClash('el sábado 20', NOW, TZ, HOURS)).toEqual({ date: '2026-12-20', near: ['2026-12-19'], clash: true });
    // The 22nd is a Tuesday (open): the Monday 21st or the Tuesday 22nd.
    expect(dateClash('el lunes 22', NOW, TZ, HOURS)).toEqual({ date: '2026-12-22', near: ['2026-12-21', '2026-12-22'], clash: true });
    expect(dateClash('el sábado 19', NOW, TZ, HOURS)).toBeNull();
  });
});

describe('groupSize', () => {
  it('should read how many people a booking is for', () => {
    expect(groupSize('somos 3 para maquillaje el sabado')).toBe(3);
    expect(groupSize('quiero cita para 4 personas')).toBe(4);
    expect(groupSize('mi hermana y yo queremos pedicure')).toBe(2);
    expect(groupSize('para mí y mis 2 amigas')).toBe(3);
    expect(groupSize('my mom and I want a facial')).toBe(2);
    expect(groupSize('there are three of us for makeup')).toBe(3);
    expect(groupSize('we are 5 bridesmaids')).toBe(5);
  });

  it('should not read a time or one person as a group', () => {
    expect(groupSize('quiero un corte para las 3')).toBeNull();
    expect(groupSize('es para mi hija')).toBeNull();
    expect(groupSize('book me at 3 pm')).toBeNull();
    expect(groupSize('we are open to 3 pm?')).toBeNull();
  });
});

describe('studio complaints and preparation questions', () => {
  it('should read trouble with a service received as a complaint, not a question about it', async () => {
    const { tellsServiceTrouble } = await import('../../../src/actors/brain/rule/studio-asks.js');
    expect(tellsServiceTrouble('quiero quejarme, el tinte me quedó horrible')).toBe(true);
    expect(tellsServiceTrouble('se me cayeron 2 uñas acrilicas')).toBe(true);
    expect(tellsServiceTrouble('the manicure already chipped, not happy')).toBe(true);
    expect(tellsServiceTrouble('el tinte daña el pelo?')).toBe(false);
    expect(tellsServiceTrouble('quiero un corte mañana a las 10')).toBe(false);
  });

  it('should read what to bring or how to come as a fact the studio has not written', async () => {
    const { studioFactAsked } = await import('../../../src/actors/brain/rule/studio-asks.js');
    expect(studioFactAsked('que tengo que llevar para la keratina?')).toBe('prep');
    expect(studioFactAsked('should I come with clean hair for the color?')).toBe('prep');
    expect(studioFactAsked('do I need to bring anything for my facial?')).toBe('prep');
    expect(studioFactAsked('quiero un corte mañana')).toBeNull();
  });
});

describe('ruleAskedOf after a refusal', () => {
  it('should read "¿y eso cuesta?" right after a cancellation refused as asking its rule', async () => {
    const { ruleAskedOf } = await import('../../../src/domain/workflow-spec.js');
    const set = { workflows: [{ id: 'cancelar_cita', triggers: ['cancelar_cita'], about: ['cancel'], asks: ['cobran', 'penalidad'] }] } as unknown as Parameters<typeof ruleAskedOf>[0];
    expect(ruleAskedOf(set, 'y eso cuesta?', 'cancelar_cita')).toBe('cancelar_cita');
    expect(ruleAskedOf(set, 'y eso cuesta?')).toBeNull();
    expect(ruleAskedOf(set, 'gracias', 'cancelar_cita')).toBeNull();
    expect(ruleAskedOf(set, 'si cancelo me cobran?')).toBe('cancelar_cita');
  });
});

describe('asksPriceEnd', () => {
  it('should read the cheapest or dearest service asked', async () => {
    const { asksPriceEnd } = await import('../../../src/actors/brain/rule/studio-asks.js');
    expect(asksPriceEnd('cual es el servicio mas barato?')).toBe(true);
    expect(asksPriceEnd("what's your cheapest service?")).toBe(true);
    expect(asksPriceEnd('cuanto cuesta el manicure?')).toBe(false);
  });
});
