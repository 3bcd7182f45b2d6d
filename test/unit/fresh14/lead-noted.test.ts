import { describe, expect, it } from 'vitest';
import { fieldsNotedBesides } from '../../../src/machines/lead-noted.js';
import { goodsForAgent } from '../../../src/actors/handoff-goods.js';

const at = (value: string | null, sourceMessageId = 'm2') => ({ value, sourceMessageId });

describe('fieldsNotedBesides: what a form answer wrote other than the field asked', () => {
  it('says the fields this message wrote, not the one asked nor older ones', () => {
    const draft = { name: at('Ramón Peña', 'm1'), urgency_level: at('Alto'), company_name: at('Peña SRL') };
    expect(fieldsNotedBesides(draft, 'interest_area', 'm2', 'es')).toBe('empresa *Peña SRL* y urgencia *Alto*');
    expect(fieldsNotedBesides(draft, 'interest_area', 'm2', 'en')).toBe('company *Peña SRL* and urgency *Alto*');
    expect(fieldsNotedBesides(draft, 'urgency_level', 'm2', 'es')).toBe('empresa *Peña SRL*');
  });

  it('names the need by its label only, and nothing for a refusal or another message', () => {
    expect(fieldsNotedBesides({ problem_statement: at('materiales para 12 apartamentos') }, 'email', 'm2', 'es')).toBe('lo que necesitas');
    expect(fieldsNotedBesides({ company_name: at(null) }, 'email', 'm2', 'es')).toBeNull();
    expect(fieldsNotedBesides({ company_name: at('Peña SRL', 'm1') }, 'email', 'm2', 'es')).toBeNull();
    expect(fieldsNotedBesides({ company_name: at('Peña SRL') }, 'email', undefined, 'es')).toBeNull();
  });
});

describe('goodsForAgent: the product answered last, priced as the customer was told', () => {
  it('gives the count, the unit price and the amount', () => {
    const focus = { name: 'Cemento Gris Cemex Tipo GU (saco 42.5 kg)', quantity: 30, price: 655 };
    expect(goodsForAgent({ productFocus: focus })).toEqual(['30 × Cemento Gris Cemex Tipo GU (saco 42.5 kg) a RD$655.00 = RD$19,650.00']);
    expect(goodsForAgent({ productFocus: focus }, 'en')).toEqual(['30 × Cemento Gris Cemex Tipo GU (saco 42.5 kg) at RD$655.00 = RD$19,650.00']);
  });

  it('keeps a product without a count or a price as it was', () => {
    expect(goodsForAgent({ productFocus: { name: 'Martillo', price: 495 } })).toEqual(['Martillo']);
    expect(goodsForAgent({ productFocus: { name: 'Martillo', quantity: 2 } })).toEqual(['2 × Martillo']);
  });
});
