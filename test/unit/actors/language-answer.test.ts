import { describe, expect, it } from 'vitest';
import { languageYes } from '../../../src/actors/language-answer.js';

const templates = {
  es: { 'language.yes.en': '¡Sí, también te atiendo en inglés!', 'language.yes.es': '¡Sí, claro!' },
  en: { 'language.yes.en': 'Yes, I speak English!', 'language.yes.es': 'Yes, I speak Spanish too!' },
};

describe('saying yes to "do you speak English?" asked with another question', () => {
  it('should open the answer to the other question with a yes, in the reply language, about the language asked', () => {
    expect(languageYes('do you speak English? how much is the white cement?', ['product.found'], templates, 'en')).toBe('Yes, I speak English!');
    expect(languageYes('hi, do you have english? do you sell paint?', ['product.found'], templates, 'en')).toBe('Yes, I speak English!');
    expect(languageYes('¿hablan inglés? ¿cuánto cuesta el cemento?', ['product.quote'], templates, 'es')).toBe('¡Sí, también te atiendo en inglés!');
    expect(languageYes('do you speak spanish? where are you?', ['info.location'], templates, 'en')).toBe('Yes, I speak Spanish too!');
  });

  it('should say nothing when the reply is the languages answer itself, the language is not asked, or the tenant has no such words', () => {
    expect(languageYes('do you speak English?', ['info.fact.languages'], templates, 'en')).toBeNull();
    expect(languageYes('how much is the white cement?', ['product.found'], templates, 'en')).toBeNull();
    expect(languageYes('I want to talk to someone who speaks English', ['handoff.ticket'], templates, 'en')).toBeNull();
    expect(languageYes('do you speak English? how much is cement?', ['product.found'], { es: {}, en: {} }, 'en')).toBeNull();
  });
});
