import { describe, expect, it } from 'vitest';
import { questionParts } from '../../../src/actors/tools/question-parts.js';

// A stand-in for the store's topic reader: the parking fact covers the address when both are asked in one text.
const topicsOf = (text: string): string[] => {
  const t = text.toLowerCase();
  if (t.includes('donde') && t.includes('parqueo')) return ['fact.parking'];
  if (t.includes('donde')) return ['location'];
  if (t.includes('parqueo')) return ['fact.parking'];
  return /\b(?:abren|open)\b|\d/.test(t) ? ['hours'] : [];
};

describe('questionParts', () => {
  it('reads two questions apart when apart they ask more', () => {
    expect(questionParts('donde queda la de padre abreu? tiene parqueo?', topicsOf)).toEqual(['donde queda la de padre abreu?', 'tiene parqueo?']);
  });

  it('carries the month to a bare day asked next', () => {
    expect(questionParts('el 25 de diciembre abren? y el 24?', topicsOf)).toEqual(['el 25 de diciembre abren?', 'y el 24 de diciembre?']);
    expect(questionParts('are you open on december 25? and the 26th?', topicsOf)).toEqual(['are you open on december 25?', 'and the 26th of december?']);
  });

  it('keeps one question whole, and a part that asks nothing keeps the message whole', () => {
    expect(questionParts('a que hora abren hoy?', topicsOf)).toEqual(['a que hora abren hoy?']);
    expect(questionParts('abren el domingo? gracias!', topicsOf)).toEqual(['abren el domingo? gracias!']);
  });
});
