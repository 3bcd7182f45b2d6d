import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { leavesTheForm } from '../../../src/actors/brain/rule/leaving-form.js';
import type { LeadField } from '../../../src/domain/lead.js';
import type { Expectation } from '../../../src/domain/understanding.js';
import { loadDemo } from '../../helpers/memory-host.js';

let brain: Brain;
beforeAll(async () => {
  ({ brain } = await loadDemo());
});

const read = (text: string, expecting: Expectation) => brain.understand({ text, messageId: 'm-1', expecting, lang: 'es', idempotencyKey: 'k-1' });
const asked = (field: LeadField): Expectation => ({ kind: 'lead_field', field });

describe('leaving a lead form at any of its questions', () => {
  it('should read a letting go or a farewell as leaving, not a bare "no gracias" nor an answer with data', () => {
    for (const text of ['ya, olvídalo', 'no quiero seguir', "I'm done, bye", 'adiós', 'gracias, hasta luego', 'déjalo así, gracias', 'never mind']) {
      expect(leavesTheForm(text), text).toBe(true);
    }
    for (const text of ['no gracias', 'no', 'es para mi casa nada más', 'Ferretería Adiós SRL y otras cosas que no se van a leer porque es largo de verdad', 'bye, mi correo es ana@x.com', 'Juan Pérez']) {
      expect(leavesTheForm(text), text).toBe(false);
    }
  });

  it('should give no name, company, area or need when the customer leaves', async () => {
    const fields: LeadField[] = ['name', 'company_name', 'interest_area', 'problem_statement'];
    for (const field of fields) {
      for (const text of ['ya, olvídalo', 'no quiero seguir', "I'm done, bye", 'adiós']) {
        expect((await read(text, asked(field))).leadFields, `${field}: ${text}`).toEqual({});
      }
    }
  });

  it('should still read the answers themselves', async () => {
    expect((await read('Ana Gómez', asked('name'))).leadFields).toMatchObject({ name: 'Ana Gómez' });
    expect((await read('Materiales y Construcciones Pérez SRL', asked('company_name'))).leadFields).toMatchObject({ company_name: 'Materiales y Construcciones Pérez SRL' });
    expect((await read('no gracias', asked('company_name'))).leadFields).toMatchObject({ company_name: null });
  });

  it('should read a contact field refused by name beside other answers, never as the field asked declined', async () => {
    const named = await read('Pedro Martínez, no tengo correo, mi cel es 829-555-4321', asked('name'));
    expect(named.leadFields).toMatchObject({ name: 'Pedro Martínez', email: null, phone_or_username: '+18295554321' });
    const onlyRefusal = await read('no tengo correo, mi cel es 829-555-4321', asked('name'));
    expect(onlyRefusal.leadFields.name).toBeUndefined();
    expect(onlyRefusal.leadFields.email).toBeNull();
    expect((await read("Tom Hill, I don't have an email, my phone is 809-555-2233", asked('name'))).leadFields).toMatchObject({ name: 'Tom Hill', email: null });
    // A name refused is still a name refused.
    expect((await read('prefiero no dar mi nombre', asked('name'))).leadFields.name).toBeNull();
  });
});
