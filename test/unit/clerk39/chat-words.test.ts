import { describe, expect, it } from 'vitest';
import { withChatWordsSpelled } from '../../../src/machines/chat-words.js';
import { detectLang } from '../../../src/actors/brain/rule/signals.js';

describe('chat spellings of question words', () => {
  it('should spell out the question and wish words as typed on WhatsApp', () => {
    expect(withChatWordsSpelled('kuanto sale el saco')).toBe('cuanto sale el saco');
    expect(withChatWordsSpelled('Kual es el mas grande?')).toBe('Cual es el mas grande?');
    expect(withChatWordsSpelled('ke precio tiene, kiero 2')).toBe('que precio tiene, quiero 2');
    expect(withChatWordsSpelled('nesecito cemento aki')).toBe('necesito cemento aqui');
  });

  it('should leave words that only hold the letters alone', () => {
    expect(withChatWordsSpelled('tienen kit de baño? 5 kg')).toBe('tienen kit de baño? 5 kg');
    expect(withChatWordsSpelled('kenneth kuantico')).toBe('kenneth kuantico');
  });

  it('should read i kuando les yega as Spanish', () => {
    expect(detectLang('i kuando les yega', 'es')).toBe('es');
    expect(detectLang('i kien me atiende', 'es')).toBe('es');
    expect(detectLang('i need cement', 'es')).toBe('en');
    expect(detectLang('thx bro', 'es')).toBe('en');
  });
});
