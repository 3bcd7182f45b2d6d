import { describe, expect, it } from 'vitest';
import { foldMaterialText } from '../../../src/machines/material-fold.js';
import { unseenTexts } from '../../../bench/lib/workload.js';
import { devLines, goldenTexts, templateTexts } from './text-corpus.js';

/** The material-question fold as it was before session 35 (perf25): every replace on every text. */
function foldBefore(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/²/g, '2')
    .replace(/³/g, '3')
    .replace(/(\d)[,.](\d)/g, '$1.$2')
    .replace(/\b(?:kuant|qu?ant)(?=[oa]s?\b)/g, 'cuant')
    .replace(/\b(cuant[oa]s?) e\b/g, '$1 es')
    .replace(/[¿?¡!,;:]+|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Phrases made to reach each step, and the edges of its pre-check. */
const EDGES = [
  '', ' ', '.', ',', '2,5', '2.5', '2, 5', 'a,b', '3.', '.5', '1,2,3', '100 m²', '3 m³', 'M²', '²', '³', '1²³', 'Kuántos', 'KUANTAS', 'qantos', 'quantos', 'quant',
  'cuanto e el cable?', 'cuantos e', 'Cuánta e', 'cuanto es', 'cuanto eh', 'kuanto e el cemento', 'ant', 'santo', 'cantidad', 'quantity', 'qu ant', 'q ant',
  'cua\u0301ntos', 'Cua\u0301nto\u0301', 'pin\u0303a', '¿¿Cuántos blocks??', '¡hola!', 'a;b:c', '\t2,5\n', '2\u00a0x\u00a03', '  espacios   dobles  ', 'Ñandú', 'İ', 'ǅ',
  '3 x 4.5 m', 'una pared de 3,20 por 2.40', '¿cuánto e?', 'e cuant', 'cuante e', 'cuantoss e', 'x.y', '5...', '...5', '2.,5', '2,.5',
];

describe('foldMaterialText with its pre-checks and memo gives the unguarded chain of replaces', () => {
  const corpus = [...new Set([...EDGES, ...devLines(), ...templateTexts(), ...goldenTexts(), ...unseenTexts()])];

  it('should fold every text as before, fresh and straight after folding another', () => {
    expect(corpus.length).toBeGreaterThan(8000);
    let changed = 0;
    let previous = '';
    for (const text of corpus) {
      const want = foldBefore(text);
      if (want !== text) changed++;
      expect(foldMaterialText(text), JSON.stringify(text)).toBe(want);
      // The memo: the same text again, and the one before after it (A, A, B, A).
      expect(foldMaterialText(text)).toBe(want);
      expect(foldMaterialText(previous)).toBe(foldBefore(previous));
      expect(foldMaterialText(text)).toBe(want);
      previous = text;
    }
    expect(changed).toBeGreaterThan(5000);
  });

  it('should reach every guarded step with the phrases made for it', () => {
    expect(foldMaterialText('100 m²')).toBe('100 m2');
    expect(foldMaterialText('3 m³')).toBe('3 m3');
    expect(foldMaterialText('una pared de 3,20 por 2.40')).toBe('una pared de 3.20 por 2.40');
    expect(foldMaterialText('KUANTAS')).toBe('cuantas');
    expect(foldMaterialText('cuanto e el cable?')).toBe('cuanto es el cable');
    expect(foldMaterialText('kuanto e el cemento')).toBe('cuanto es el cemento');
    expect(foldMaterialText('¿¿Cua\u0301ntos blocks??')).toBe('cuantos blocks');
  });

  it('should leave only a point before a digit and single spaces, so a reader re-blanking the marks changes only a text with a point', () => {
    // readQuestion (material-questions.ts) skips its `[¿?¡!.,]+` and `\s+` replaces on a folded text without '.'.
    for (const text of corpus) {
      const t = foldMaterialText(text);
      if (!t.includes('.')) expect(t.replace(/[¿?¡!.,]+/g, ' ').replace(/\s+/g, ' ').trim(), JSON.stringify(text)).toBe(t);
    }
  });
});
