import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../src/actors/brain/rule/lead-levels.js';
import { readLeadFields } from '../../../src/actors/brain/rule/lead-fields.js';
import type { Entity } from '../../../src/domain/nlu.js';

const product = (value: string): Entity => ({ type: 'product', value, start: 0, end: value.length });
const atUrgency = (text: string, entities: Entity[] = [], intent = 'out_of_scope') => readLeadFields({ text, entities, expecting: { kind: 'lead_field', field: 'urgency_level' } as never, intent });

describe('the urgency named as a field is no level', () => {
  it.each(['cambia la urgencia', 'la urgencia está mal', 'quiero cambiar la urgencia'])('should read no level in "%s"', (text) => {
    expect(detectUrgency(text)).toBeUndefined();
    expect(readLeadFields({ text, entities: [], expecting: { kind: 'lead_confirmation' } as never, intent: 'out_of_scope' }).urgency).toBeUndefined();
  });

  it.each(['lo necesito con urgencia', 'es una urgencia', 'urgente'])('should still read "%s" as high', (text) => {
    expect(detectUrgency(text)).toBe('Alto');
  });
});
