import { describe, expect, it } from 'vitest';
import { saysOnlyWhen, toldProblem } from '../../../src/actors/brain/rule/need-continued.js';
import { readLeadFields } from '../../../src/actors/brain/rule/lead-fields.js';

describe('toldProblem', () => {
  it.each([
    'el problema es que el suplidor que tenia me queda mal con las entregas',
    'y el problema que tenemos es que la obra se atraso dos meses',
    'mira el problema es que necesitamos todo junto en una sola entrega',
    'the problem is that our current supplier keeps delivering late',
    'our issue is that we need everything on site by friday',
  ])('tells the problem: %s', (text) => expect(toldProblem(text)).toBe(true));

  it.each(['perdon el problema es otro distinto al que dije', 'no, el problema es que me equivoque de material', 'el problema es grave', 'el proyecto es un hotel de 30 habitaciones'])(
    'is no story of the need: %s',
    (text) => expect(toldProblem(text)).toBe(false),
  );
});

describe('readLeadFields at the urgency question', () => {
  it('writes the problem under the need, never in its place', () => {
    const text = 'el problema es que el suplidor que tenia me queda mal con las entregas';
    const read = readLeadFields({ text, entities: [], expecting: { kind: 'lead_field', field: 'urgency_level' } as never, intent: 'complaint' });
    expect(read.addsToNeed).toBe(true);
    expect(read.corrects).toBeUndefined();
    expect(read.leadFields.problem_statement).toBe(text);
  });
});

describe('saysOnlyWhen', () => {
  it.each(['no es urgente para el mes que viene', 'ayer era tarde', 'lo necesito para el lunes', 'not urgent next month'])('only when: %s', (text) => expect(saysOnlyWhen(text, [])).toBe(true));
  it.each(['pintura para una escuela la necesitamos el lunes', 'materiales para remodelar el templo', '200 sacos para el lunes'])('a need: %s', (text) => expect(saysOnlyWhen(text, [])).toBe(false));
});
