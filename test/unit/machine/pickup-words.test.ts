import { describe, expect, it } from 'vitest';
import { plansPickup } from '../../../src/machines/pickup-words.js';

describe('plansPickup (the customer will come for what was priced)', () => {
  it.each([
    'me lo pueden tener listo pa las 3?',
    'paso a buscarlo mañana en la mañana',
    'lo recojo en la tarde',
    'tenmelo listo que voy pa alla',
    'voy a buscarlo ahora',
    'mañana paso a recogerlos',
    'déjamelo apartado que paso ahorita',
    'que esté listo pa las 4',
    'lo busco a las 5',
    'can you have it ready for pickup at 4?',
    "I'll pick it up tomorrow",
  ])('should read a pickup in %j', (text) => {
    expect(plansPickup(text)).toBe(true);
  });

  it.each([
    'cuanto cuesta el cemento?',
    'tienen delivery?',
    '¿a qué hora cierran?',
    'busco cemento blanco',
    'lo busco en otra ferreteria',
    'paso a buscar trabajo',
    'paso a buscarlo en otra ocasión',
    'se pueden recoger los sacos vacios?',
    'no lo tengo listo todavia',
    'do you have a pick up truck?',
    "I'll pick it up some other time",
  ])('should read no pickup in %j', (text) => {
    expect(plansPickup(text)).toBe(false);
  });
});
