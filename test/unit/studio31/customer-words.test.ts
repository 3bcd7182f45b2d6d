import { describe, expect, it } from 'vitest';
import { packageNamed, unknownThing } from '../../../src/actors/tools/studio-services.js';
import type { StudioPackage } from '../../../src/actors/tools/studio-reads.js';
import { thanksNotYes } from '../../../src/machines/workflow/offer-choice.js';

const pkg = (id: string, es: string, en: string): StudioPackage => ({ id, name: { es, en }, description: { es: '', en: '' }, price: 1 });
const PACKAGES = [pkg('novia', 'Paquete Novia Radiante', 'Radiant Bride package'), pkg('spa', 'Día de Spa', 'Spa Day'), pkg('mp', 'Manos y pies: 4 visitas', 'Hands and feet: 4 visits'), pkg('fm', 'Facial mensual (3 sesiones)', 'Monthly facial (3 sessions)')];

describe('words found by talking to the studio as customers', () => {
  it('should take thanks after an offer as closing, and a yes with thanks as a yes', () => {
    expect(thanksNotYes('ok gracias')).toBe(true);
    expect(thanksNotYes('dale, muchas gracias')).toBe(true);
    expect(thanksNotYes('perfect, thanks')).toBe(true);
    expect(thanksNotYes('sí, gracias')).toBe(false);
    expect(thanksNotYes('yes please, thanks')).toBe(false);
    expect(thanksNotYes('dale')).toBe(false);
  });

  it('should name one thing not offered, never a sentence of unknown words', () => {
    const vocabulary = new Set(['hacen', 'cuanto', 'seria', 'tienen', 'quiero']);
    expect(unknownThing('hacen tatuajes de henna?', vocabulary)).toBe('tatuajes de henna');
    expect(unknownThing('y si somos 4 personas, mi mama y 2 damas? cuanto seria?', vocabulary)).toBeNull();
    expect(unknownThing('hacen extensiones pestanas pelo rizado permanente', vocabulary)).toBeNull();
  });

  it('should find the one package a message names by its own word', () => {
    const f = (t: string) => ` ${t} `;
    expect(packageNamed(f('quiero info del paquete de novia'), PACKAGES)?.id).toBe('novia');
    expect(packageNamed(f('how much is the bride package'), PACKAGES)?.id).toBe('novia');
    expect(packageNamed(f('el paquete de manos y pies'), PACKAGES)?.id).toBe('mp');
    expect(packageNamed(f('que paquetes tienen'), PACKAGES)).toBeNull();
    expect(packageNamed(f('paquete de novia o de spa'), PACKAGES)).toBeNull();
  });
});
