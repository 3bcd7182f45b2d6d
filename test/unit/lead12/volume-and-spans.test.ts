import { describe, expect, it } from 'vitest';
import { readLeadFields } from '../../../src/actors/brain/rule/lead-fields.js';
import { toldVolume } from '../../../src/actors/brain/rule/volume-told.js';
import { levelOfSpan } from '../../../src/actors/brain/rule/time-spans.js';
import type { Entity } from '../../../src/domain/nlu.js';
import type { LeadField } from '../../../src/domain/lead.js';

const product = (value: string): Entity => ({ type: 'product', value, start: 0, end: value.length });
const asked = (field: LeadField, text: string, entities: Entity[] = []) => readLeadFields({ text, entities, expecting: { kind: 'lead_field', field }, intent: 'out_of_scope' });

describe('a volume of goods told where the form asks who the customer is', () => {
  it.each([
    ['email', 'unos 200 sacos al mes'],
    ['email', 'como 300 varillas mensuales'],
    ['email', 'about 500 blocks a month'],
    ['email', 'roughly 40 bags every week'],
    ['name', 'son 50 fundas por semana'],
    ['company_name', 'unos 200 sacos al mes'],
  ] as const)('should write "%s" … "%s" into the need, not the field asked', (field, text) => {
    const read = asked(field, text);
    expect(read.leadFields.problem_statement).toBe(text);
    expect(read.leadFields[field]).toBeUndefined();
    expect(read.addsToNeed).toBe(true);
  });

  it('should take a counted product with how often as the need', () => {
    expect(asked('email', '200 sacos de cemento al mes', [product('cemento')]).leadFields.problem_statement).toBe('200 sacos de cemento al mes');
  });

  it.each([
    ['¿tienen 200 sacos?', [] as Entity[]],
    ['200 sacos de cemento', [product('cemento')]],
    ['Ferretería 2000', [] as Entity[]],
    ['Constructora 200 SRL', [] as Entity[]],
    ['tengo 2 hijos', [] as Entity[]],
  ])('should not take "%s" as a volume', (text, entities) => {
    expect(toldVolume(text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[¿?]/g, ''), entities)).toBe(false);
  });

  it('should keep a company with a number in its name as the company', () => {
    expect(asked('company_name', 'Constructora 200 SRL').leadFields.company_name).toBe('Constructora 200 SRL');
  });
});

describe('urgency said as a time named rather than counted', () => {
  it.each([
    ['next quarter', 'Bajo'],
    ['el proximo trimestre', 'Bajo'],
    ['el ano que viene', 'Bajo'],
    ['para enero', 'Bajo'],
    ['we start in march', 'Bajo'],
    ['despues de navidad', 'Bajo'],
    ['no corre prisa', 'Bajo'],
    ['en un par de semanas', 'Medio'],
    ['in a couple of weeks', 'Medio'],
    ['en un par de dias', 'Alto'],
    ['we needed it yesterday', 'Alto'],
  ])('should read "%s" as %s', (text, level) => {
    expect(levelOfSpan(text)).toBe(level);
  });

  it.each(['may I ask something', 'la semana', 'marzo'])('should read no level in "%s"', (text) => {
    expect(levelOfSpan(text)).toBeUndefined();
  });
});
