import { describe, it, expect } from 'vitest';
import { foldWithMap, normalizeText, tokenize } from '../../../src/actors/brain/rule/text.js';

describe('normalizeText', () => {
  it('should lower-case and strip accents', () => {
    expect(normalizeText('¿Cuánto CUESTA el Galón?')).toBe('cuanto cuesta el galon');
    expect(normalizeText('Ferretería Ñoño')).toBe('ferreteria nono');
  });

  it('should collapse three or more repeated letters', () => {
    expect(normalizeText('Holaaaa')).toBe('hola');
    expect(normalizeText('graciassss!!!')).toBe('gracias');
    expect(normalizeText('carro')).toBe('carro');
  });

  it('should expand Dominican and English chat spellings', () => {
    expect(normalizeText('q precio tiene')).toBe('que precio tiene');
    expect(normalizeText('k lo k')).toBe('que lo que');
    expect(normalizeText('xq no abren')).toBe('porque no abren');
    expect(normalizeText('pq')).toBe('porque');
    expect(normalizeText('yo tb')).toBe('yo tambien');
    expect(normalizeText('dnd estan')).toBe('donde estan');
    expect(normalizeText('r u open pls')).toBe('are you open please');
    expect(normalizeText('plz')).toBe('please');
  });

  it('should map numbers to one placeholder and strip punctuation and emojis', () => {
    expect(normalizeText('10 sacos 👍')).toBe('0 sacos');
    expect(normalizeText('varilla de 3/8!!')).toBe('varilla de 0');
    expect(tokenize('2,500.50 pesos')).toEqual(['0', 'pesos']);
  });

  it('should return no tokens for punctuation only', () => {
    expect(tokenize('?!... 🙂')).toEqual([]);
  });
});

describe('foldWithMap', () => {
  it('should keep offsets into the original text even with decomposed accents', () => {
    const text = 'Pe\u0301rez y Ñandú';
    const f = foldWithMap(text);
    expect(f.folded).toBe('perez y nandu');
    const at = f.folded.indexOf('nandu');
    expect(text.slice(f.map[at], f.map[at + 5])).toBe('Ñandú');
  });
});
