import { describe, expect, it } from 'vitest';
import { quantitiesIn } from '../../../src/actors/lead-quantities.js';

describe('quantitiesIn › what a sales manager reads', () => {
  it('should count thousands said in words', () => {
    expect(quantitiesIn('12 mil blocks de 6')).toEqual([{ quantity: 12000, item: 'blocks de 6' }]);
    expect(quantitiesIn('we need 2 thousand bags of cement')).toEqual([{ quantity: 2000, item: 'bags of cement' }]);
  });

  it('should keep the size with the goods and never count it apart', () => {
    expect(quantitiesIn('400 varillas de 3/8 y 50 tubos de 4 pulgadas')).toEqual([
      { quantity: 400, item: 'varillas de 3/8' },
      { quantity: 50, item: 'tubos de 4 pulgadas' },
    ]);
  });

  it('should write a count told again more fully once', () => {
    expect(quantitiesIn('tengo una obra de 6 casas en Villa Hermosa. Son 6 casas de una planta, unos 600 sacos de cemento')).toEqual([
      { quantity: 6, item: 'casas de una planta' },
      { quantity: 600, item: 'sacos de cemento' },
    ]);
  });

  it('should still end the goods at a size it does not know ("de cemento" is goods, "de 40" no size)', () => {
    expect(quantitiesIn('200 fundas de cemento y 40 varillas')).toEqual([
      { quantity: 200, item: 'fundas de cemento' },
      { quantity: 40, item: 'varillas' },
    ]);
  });
});
