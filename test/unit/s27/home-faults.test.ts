import { describe, expect, it } from 'vitest';
import { asksHowToFixIt, faultAgain, homeFaultJob, readHomeFault } from '../../../src/machines/home-faults.js';

describe('readHomeFault: a fault at home, not a purchase', () => {
  it.each([
    ['la pluma del fregadero gotea', 'llave', 'gotea'],
    ['el lavamanos gotea', 'lavamanos', 'gotea'],
    ['el tubo de abajo del lavamanos esta botando agua', 'tubo', 'gotea'],
    ['se me está saliendo el agua por debajo del inodoro', 'inodoro', 'gotea'],
    ['my toilet is leaking at the base', 'inodoro', 'gotea'],
    ['the kitchen faucet is dripping', 'llave', 'gotea'],
    ['se tapó el fregadero', 'fregadero', 'tapado'],
    ['my sink is clogged', 'lavamanos', 'tapado'],
    ['el inodoro se queda corriendo', 'inodoro', 'corriendo'],
    ['se me dispara el breaker', 'breaker', 'dispara'],
    ['se me fue la luz, el breaker no sube', 'breaker', 'dispara'],
    ['my breaker won\'t reset', 'breaker', 'dispara'],
    ['se me fundió un bombillo', 'bombillo', 'danado'],
  ])('%s → %s / %s', (text, fixture, fault) => {
    expect(readHomeFault(text)).toMatchObject({ fixture, fault });
  });

  it.each([
    'la llave que les compré gotea',
    'el inodoro vino roto',
    'la mezcladora llegó goteando',
    'the new faucet I bought here is leaking',
    'el breaker salió defectuoso, se dispara solo',
    'tienen llaves de lavamanos?',
    'necesito una llave inglesa, la mía se rompió',
    'se fue la luz',
  ])('%s → none', (text) => {
    expect(readHomeFault(text)).toBeNull();
  });

  it('tells where it leaks: under or at the base', () => {
    expect(readHomeFault('my toilet is leaking at the base')?.under).toBe(true);
    expect(readHomeFault('la pluma del fregadero gotea')?.under).toBe(false);
  });
});

describe('homeFaultJob: the catalog job words, said back in the language', () => {
  it('names the fixture, the other fixture that says which, and the fault', () => {
    expect(homeFaultJob('la pluma del fregadero gotea')).toMatchObject({ full: 'llave fregadero gotea', said: 'una llave que gotea', fault: true });
    expect(homeFaultJob('my toilet is leaking at the base')).toMatchObject({ full: 'inodoro gotea debajo', said: 'fix a leaking toilet' });
  });

  it('is no job when the part is the thing itself (a bulb, a breaker): asked as a product', () => {
    expect(homeFaultJob('se me fundió un bombillo')).toBeNull();
    expect(homeFaultJob('se me dispara el breaker')).toBeNull();
  });
});

describe('asksHowToFixIt / faultAgain', () => {
  it.each(['que necesito pa arreglarlo?', '¿cómo lo arreglo?', 'what do I need to fix it?', 'how do I fix that?', 'con que lo reparo'])('%s asks about the fault told', (text) => {
    expect(asksHowToFixIt(text)).toBe(true);
  });
  it.each(['cuánto cuesta?', 'dame 2', 'what do I need?', 'arreglar la casa'])('%s does not', (text) => {
    expect(asksHowToFixIt(text)).toBe(false);
  });
  it('says the kept fault again in either language', () => {
    expect(faultAgain('inodoro gotea debajo', 'es')).toMatchObject({ said: 'un inodoro que bota agua', full: 'inodoro gotea debajo', fault: true });
    expect(faultAgain('llave fregadero gotea', 'en').said).toBe('fix a dripping faucet');
  });
});
