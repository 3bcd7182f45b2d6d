import { describe, expect, it } from 'vitest';
import { withoutAddLead } from '../../../src/machines/add-words.js';
import { followUpCore, isProductFollowUp } from '../../../src/machines/product-focus.js';

describe('withoutAddLead', () => {
  it.each([
    ['agregame 3 de 12w', '3 de 12w'],
    ['agregale 3 de 3/4', '3 de 3/4'],
    ['y si le pongo 3 de 12w', '3 de 12w'],
    ['anadele 2 de 20 oz', '2 de 20 oz'],
    ['sumale 5', '5'],
    ['echale 4 de media', '4 de media'],
    ['ok ponle 2 de 3/8', '2 de 3/8'],
    ['add 3 of the 12w', '3 of the 12w'],
    ['throw in 2 of the 3/4', '2 of the 3/4'],
  ])('%s → %s', (text, core) => expect(withoutAddLead(text)).toBe(core));

  it('keeps the verb when no count follows', () => {
    expect(withoutAddLead('ponle el cemento en 8')).toBe('ponle el cemento en 8');
    expect(withoutAddLead('agregale un martillo')).toBe('agregale un martillo');
  });

  it('makes the adding lead a follow-up on the product in focus', () => {
    expect(followUpCore('Agrégame 3 de 12W')).toBe('3 de 12w');
    expect(isProductFollowUp('añádele 3 de 3/4')).toBe(true);
  });
});
