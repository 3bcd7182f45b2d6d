import { describe, expect, it } from 'vitest';
import { readLeadFields } from '../../../src/actors/brain/rule/lead-fields.js';
import type { Entity } from '../../../src/domain/nlu.js';

const product = (value: string): Entity => ({ type: 'product', value, start: 0, end: value.length });
const atSummary = (text: string, intent: string, entities: Entity[] = []) => readLeadFields({ text, entities, expecting: { kind: 'lead_confirmation' } as never, intent });

describe('more of the need told at the lead summary', () => {
  it('should add a statement about the goods to the need', () => {
    const read = atSummary('necesitamos cemento, varilla y blocks para 20 casas en Caleta, todo en 3 entregas', 'product_inquiry', [product('cemento')]);
    expect(read.addsToNeed).toBe(true);
    expect(read.leadFields.problem_statement).toBe('necesitamos cemento, varilla y blocks para 20 casas en Caleta, todo en 3 entregas');
  });

  it.each([
    ['the drill I bought is broken and I want my money back', 'complaint'],
    ['gracias, eso era lo que necesitaba para la obra', 'thanks'],
    ['quiero hablar con una persona sobre los materiales', 'sales_lead'],
    ['necesito saber si tienen generador eléctrico de 5000', 'product_inquiry'],
    ['¿tienen cemento gris y varilla de 3/8 para la obra?', 'product_inquiry'],
    ['cuánto cuestan 50 sacos de cemento para la obra', 'price_quote'],
    ['sí, todo correcto, pueden mandar los materiales', 'sales_lead'],
  ])('should not take "%s" (%s) as more of the need', (text, intent) => {
    const read = atSummary(text, intent, [product('cemento')]);
    expect(read.addsToNeed).toBeUndefined();
  });

  it('should only read it at the summary', () => {
    const read = readLeadFields({ text: 'necesitamos cemento, varilla y blocks para 20 casas', entities: [product('cemento')], expecting: { kind: 'none' } as never, intent: 'product_inquiry' });
    expect(read.addsToNeed).toBeUndefined();
  });
});
