import { describe, expect, it } from 'vitest';
import { alreadyGreets, greetingBack, greetingOpening, withGreetingBack } from '../../../src/actors/greet-back.js';

const templates = {
  es: { 'greeting.back': '¡Hola!', 'greeting.back.afternoon': '¡Buenas tardes!', 'greeting.back.buenas': '¡Buenas!' },
  en: { 'greeting.back': 'Hi!' },
};

describe('greeting back a customer who greets', () => {
  it('should read the greeting a message opens with', () => {
    expect(greetingOpening('hola, tienen cemento?')).toBe('hello');
    expect(greetingOpening('¡Buenas tardes! cuánto vale el cemento')).toBe('afternoon');
    expect(greetingOpening('buenas, me regala un precio')).toBe('buenas');
    expect(greetingOpening('Buenos días')).toBe('morning');
    expect(greetingOpening('hi, do you have cement?')).toBe('hello');
    expect(greetingOpening('tienen cemento? hola')).toBeNull();
    expect(greetingOpening('hilo de pescar')).toBeNull();
  });

  it('should greet a bare "morning" said alone or to someone, never one that answers which part of the day', () => {
    for (const said of ['Morning!', 'morning', 'morning all', 'Morning, do you have cement?', 'good morning please']) expect(greetingOpening(said), said).toBe('morning');
    for (const said of ['morning please', 'morning works', 'morning is better for me', 'morning pls', 'mornings are best']) expect(greetingOpening(said), said).toBeNull();
    expect(greetingBack('morning please', { es: {}, en: { 'greeting.back.morning': 'Good morning!' } }, 'en')).toBeNull();
  });

  it('should pick the tenant template for it, falling back to the plain hello', () => {
    expect(greetingBack('buenas tardes, tienen lija?', templates, 'es')).toBe('¡Buenas tardes!');
    expect(greetingBack('buenos dias', templates, 'es')).toBe('¡Hola!');
    expect(greetingBack('good evening', templates, 'en')).toBe('Hi!');
    expect(greetingBack('tienen lija?', templates, 'es')).toBeNull();
    expect(greetingBack('hola', { es: {}, en: {} }, 'es')).toBeNull();
  });

  it('should not greet twice', () => {
    expect(alreadyGreets('¡Hola! 👋 Bienvenido')).toBe(true);
    expect(alreadyGreets('Hi again, Ana!')).toBe(true);
    expect(withGreetingBack('Esto es lo que tengo:', '¡Hola!')).toBe('¡Hola! Esto es lo que tengo:');
    expect(withGreetingBack('¡Hola, Juan! 👋', '¡Hola!')).toBe('¡Hola, Juan! 👋');
    expect(withGreetingBack('¡Hola! 👋 Bienvenido', '¡Buenas noches!')).toBe('¡Buenas noches! 👋 Bienvenido');
    expect(withGreetingBack('¡Hola, Juan! 👋', '¡Buenas noches!')).toBe('¡Hola, Juan! 👋');
  });
});
