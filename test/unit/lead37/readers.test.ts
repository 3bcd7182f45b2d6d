import { describe, expect, it } from 'vitest';
import { tellsOrganisationProject } from '../../../src/actors/brain/rule/org-project.js';
import { placeTailOf } from '../../../src/machines/place-tail.js';
import { urgencyMissing } from '../../../src/machines/urgency-missing.js';
import type { WorkflowSpec } from '../../../src/machines/workflow/workflow-spec.js';

describe('tellsOrganisationProject', () => {
  it.each([
    'hola, soy la directora del Colegio Santa Rosa, queremos pintar la escuela en las vacaciones de navidad',
    'buenas, soy el pastor de la Iglesia Bautista Central, necesitamos techar el templo',
    "Hi, I'm the maintenance manager at Coral Bay Hotel, we want to repaint all 40 rooms before the season",
    'Hello, I manage three rental apartment buildings in La Romana. We need to repaint the common areas',
  ])('should read "%s" as an organisation\'s project', (text) => {
    expect(tellsOrganisationProject(text)).toBe(true);
  });

  it.each(['quiero pintar mi casa', 'soy la directora del colegio, ¿a qué hora abren?', 'queremos pintar la escuela', 'I manage a hardware store, do you sell wholesale?'])(
    'should not read "%s" as one',
    (text) => {
      expect(tellsOrganisationProject(text)).toBe(false);
    },
  );
});

describe('placeTailOf', () => {
  it('should part an order from the place it is sent to', () => {
    expect(placeTailOf('mandame 50 de 3/8 y 30 de media a buena vista')).toEqual({ rest: 'mandame 50 de 3/8 y 30 de media', place: 'buena vista' });
    expect(placeTailOf('send me 20 bags to Caleta')).toEqual({ rest: 'send me 20 bags', place: 'Caleta' });
  });

  it.each(['mandame 10 pa la obra', 'mandame 10 para pintar', 'dame 50 a como', 'mandame eso a caleta', 'cuanto cuesta el cemento a caleta', 'mandame 5 para hoy'])('should find no place in "%s"', (text) => {
    expect(placeTailOf(text)).toBeNull();
  });
});

describe('urgencyMissing', () => {
  const spec = { slots: [{ name: 'name' }, { name: 'urgency_level' }] } as unknown as WorkflowSpec;

  it('should be true only when the form has an urgency and the draft holds no level', () => {
    expect(urgencyMissing(spec, {})).toBe(true);
    expect(urgencyMissing(spec, { urgency_level: { value: null, sourceMessageId: 'm1' } })).toBe(true);
    expect(urgencyMissing(spec, { urgency_level: { value: 'Bajo', sourceMessageId: 'm1' } })).toBe(false);
    expect(urgencyMissing({ slots: [{ name: 'name' }] } as unknown as WorkflowSpec, {})).toBe(false);
  });
});

describe('placeTailOf › where, never what for', () => {
  it.each(['traeme 2 al trabajo', 'mandame 10 sacos a la oficina', 'send me 5 to the office', 'mándame 20 al negocio'])('should read no place in "%s"', (text) => {
    expect(placeTailOf(text)).toBeNull();
  });
});
