import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { asksWhatIsOwed, bookingCodeSaid, onlyANumber, studioFactAsked } from '../../../src/actors/brain/rule/studio-asks.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { picksOfferedService } from '../../../src/machines/workflow/offer-choice.js';
import type { Understanding } from '../../../src/domain/understanding.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let studio: Brain;
let store: Brain;
beforeAll(async () => {
  studio = createRuleBrain({ tenant: await loadTenant(join(ROOT, 'tenants/estudio')) });
  store = createRuleBrain({ tenant: await loadTenant(join(ROOT, 'tenants/ferreteria')) });
});
const labelOf = (text: string) => studio.parse(text).intent.label;

describe("the studio's facts, the way, what is owed and codes, read by rule", () => {
  it('should read a question about the place as its fact, in Spanish and English, with or without accents', () => {
    expect(studioFactAsked('¿tienen parqueo?')).toBe('parking');
    expect(studioFactAsked('hay estacionamiento')).toBe('parking');
    expect(studioFactAsked('do you have wifi?')).toBe('wifi');
    expect(studioFactAsked('aceptan niños?')).toBe('children');
    expect(studioFactAsked('aceptan ninos')).toBe('children');
    expect(studioFactAsked('can I bring my kids?')).toBe('children');
    expect(studioFactAsked('puedo llevar a mi perrito?')).toBe('pets');
    expect(studioFactAsked('are dogs allowed?')).toBe('pets');
    // A service for a child is a booking, not whether children may come.
    expect(studioFactAsked('quiero un corte para mi hija')).toBeNull();
    expect(studioFactAsked('hacen manicure para niñas?')).toBeNull();
    expect(studioFactAsked('cuanto cuesta el corte')).toBeNull();
    expect(studioFactAsked('cuanto es el deposito para reservar?')).toBe('deposit');
    expect(studioFactAsked('do I need to pay a deposit?')).toBe('deposit');
    expect(studioFactAsked('quiero hacer un deposito')).toBeNull();
  });

  it('should route the facts and the way to the hours label, never the payment or the services', () => {
    // A sure booking asked beside the fact keeps the booking.
    expect(labelOf('quiero un corte mañana a las 10, tienen parqueo?')).toBe('agendar_cita');
    for (const text of ['¿tienen parqueo?', 'do you have wifi?', 'aceptan niños?', '¿cómo llego?', 'how do I get there?', 'como hago para llegar']) {
      expect(labelOf(text), text).toBe('consultar_horarios');
      expect(studio.parse(text).intent.confidence, text).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('should read what is owed, not paying it', () => {
    for (const text of ['¿cuánto debo?', 'cuanto le debo', 'how much do I owe?', 'do I owe anything?', 'qué tengo pendiente?', 'tengo algo pendiente de pago?', 'what do I owe you']) {
      expect(asksWhatIsOwed(text), text).toBe(true);
      expect(labelOf(text), text).toBe('consulta_estado');
    }
    expect(asksWhatIsOwed('quiero pagar lo que debo')).toBe(false);
    expect(asksWhatIsOwed('mándame el link para pagar lo que debo')).toBe(false);
    expect(labelOf('quiero pagar lo que debo')).toBe('pagar_servicio');
  });

  it('should read a booking code alone, however written, and never a word and a number', () => {
    expect(bookingCodeSaid('BV-1001')).toBe('BV-1001');
    expect(bookingCodeSaid('bv1001?')).toBe('BV-1001');
    expect(bookingCodeSaid('mi cita BV 1001')).toBe('BV-1001');
    expect(bookingCodeSaid('my booking code is bv-1001')).toBe('BV-1001');
    expect(bookingCodeSaid('no 1234')).toBeNull();
    expect(bookingCodeSaid('quiero un corte el 10')).toBeNull();
    expect(onlyANumber('859650')).toBe(true);
    expect(onlyANumber('#4471')).toBe(true);
    expect(onlyANumber('809 555 1234')).toBe(true);
    expect(onlyANumber('a las 10')).toBe(false);
    for (const text of ['BV-1001', 'bv1001', '859650']) expect(labelOf(text), text).toBe('consulta_estado');
  });

  it("should leave the hardware store's readings alone (it has no such labels)", () => {
    expect(store.parse('¿tienen parqueo?').intent.label).toBeUndefined();
    expect(store.parse('¿cuánto debo?').intent.name).not.toBe('out_of_scope');
  });
});

describe('a service picked from those offered', () => {
  const reading = (text: string): Understanding => studio.understand({ text, lang: 'es', expecting: { kind: 'none' } } as never) as unknown as Understanding;
  it('should take a short pick the brain cannot place, and nothing that asks or turns down', async () => {
    expect(picksOfferedService('el descontracturante', await reading('el descontracturante'))).toBe(true);
    expect(picksOfferedService('the deep tissue one', await reading('the deep tissue one'))).toBe(true);
    expect(picksOfferedService('ese no', await reading('ese no'))).toBe(false);
    expect(picksOfferedService('el descontracturante?', await reading('el descontracturante?'))).toBe(false);
    expect(picksOfferedService('cuanto cuesta el descontracturante', await reading('cuanto cuesta el descontracturante'))).toBe(false);
    expect(picksOfferedService('descontracturante', await reading('descontracturante'))).toBe(false);
  });
});
