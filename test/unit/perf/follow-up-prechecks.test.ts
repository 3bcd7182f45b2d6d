import { describe, expect, it } from 'vitest';
import { quantityWords } from '../../../src/machines/quantity-words.js';
import { countsInWords, foldMessage } from '../../../src/machines/count-words.js';
import { followUpCore } from '../../../src/machines/follow-up-core.js';
import { halvesAsDecimals } from '../../../src/actors/tools/product-conversions.js';
import { fold, normalizeText } from '../../../src/actors/brain/rule/text.js';
import { foldAccents } from '../../../src/kernel/fold.js';
import { unseenTexts } from '../../../bench/lib/workload.js';
import { countsInWordsBefore, followUpCoreBefore, halvesAsDecimalsBefore, quantityWordsBefore } from './follow-up-before.js';
import { devLines, goldenTexts, templateTexts } from './text-corpus.js';

/**
 * Session 36 (issue 16): the follow-up readers' replaces run only when the text holds a literal
 * every match contains. Each guarded step must give what the unguarded chain gave (kept verbatim in
 * `follow-up-before.ts`) for every text: the dev set's lines, the templates, the golden inputs, the
 * load benchmark's never-seen messages, and phrases made to reach every step, alone, with a count
 * after them, after "y", in capitals and with odd spacing.
 */
const EDGES = [
  // readQuantity's chain (`quantity-words.ts`).
  'ok ta bien, ponme tres', 'esta bien 5', 'si tá bien dame 4', 'sumale 5', 'súmale 5 sacos', 'y agregale 3', 'otro del mismo color', 'una de la misma tono', 'uno de ese mismo color',
  'dame 2 más del mismo color', '2 more in the same colour', '2 more of the same shade', 'otros 2', 'otras 3', 'another 2', 'dame 3 de esos', '3 of those', '3 de la misma', '5 del mismo',
  '2 of that one', 'that one', 'the same one', 'this one 4', "i'll take 3", 'ill take 3', "I'LL take 2", '35 metros cuadrados', '35 mts cuadrado', '35 square meters', '35 sq m', '35 sqm',
  '35 mts2', '35 m2', '35 m²', '3 metros cubicos', '3 metros cúbicos', '3 cubic meters', '3 cubic metres', '3 m3', '3 mts3', '3 m³', 'arena 5 m³', 'piso 5 m²', '5 sq m de piso', 'dame 15 pa caleta', 'dame 15 pa la orden',
  'mandame 10 sacos a villa hermosa', '10 hasta boca chica', '10 to the site', '10 al mismo', 'dame 100 pies, mejor no el rollo', '100 feet, not the roll', '5 no en cubeta',
  'perdon 2 no 20', 'perdón, 2 no 20', 'no 20, 2', 'no 20 sino 2', 'not 20 but 2', 'no son 20 son 2', 'otra igual', 'una mas', 'uno mismo', 'otro igualito', 'one more', 'another one',
  'another more', 'one extra', 'media docena', 'una docena', '2 docenas', 'tres docenas', 'half a dozen', 'a dozen', 'two dozens', 'un par', 'dos pares', 'a pair', '2 pairs', 'a couple',
  'a couple of pairs', 'un par de pares', 'cinco pares', 'par', 'impar 3', 'monday 3', 'notas 3', 'nomas 3', 'sino 2', 'dame 20 d esa', '5 xfa', 'tmb 3 d arena', 'y cuanto x dos',
  // halvesAsDecimals (`product-conversions.ts`).
  '3 y medio metros', '3 metros y medio', 'metro y medio', 'un metro y medio', 'medio metro', 'medio kilo', 'media yarda', 'kilo y medio', 'yarda y medio', 'dos metros', 'cinco kilos',
  'tres yardas y medio', '2 y medio m', '2m y medio', '2 kg y medio', 'medio', 'media', 'intermedio metro', 'diez metros y medio', 'medio  metro',
  // followUpCore (`follow-up-core.ts`).
  "it's the 1/2", 'semi-gloss', 'the semi-gloss one', 'a como ta', 'cuanto tan', 'ta bien', 'tan caro', 'nada mas 5', 'nomas 5', 'no mas 5', 'solamente 5', 'solo 5', 'unicamente 5',
  'only 5', 'just 5', 'just the 1/2', '50 de 3/8 y 30 de media pa la obra', '10 for the job', '10 for the job site', 'para mi casa en santiago', '5 for my project', '5 pal proyecto',
  '5 pa nuestra construccion de los alcarrizos', 'para el trabajo', 'pa un negocio', '3 for the house', 'la de 3/4 tambien 5', 'la de 3/4 tb 5', 'the 3/4 one too 5', 'also 5', 'the 3/4 also 12',
  'una cubeta de esa misma', 'a bucket of the same one', 'a bucket of the same', 'de lo mismo', 'del mismo', 'una del ese mismo', 'tambien', 'too', 'mismo', 'same',
  // normalizeText.
  "it's", 'it’s', 'it`s', 'it´s', "don't", 'don’t', "'", '’’', 'o´neal', '',
  ' ', '\t5\t', '5\u00a0sacos', '2\n no \n20', '  dame   3  ', 'DAME 3 DE ESOS',
];

function texts(): string[] {
  const made = EDGES.flatMap((e) => [e, `${e} 5`, `y ${e}`, `${e}?`, e.toUpperCase(), `dame ${e}`]);
  return [...new Set([...made, ...devLines(), ...templateTexts(), ...goldenTexts(), ...unseenTexts()])];
}

describe('follow-up pre-checks give the unguarded chains of replaces', () => {
  const all = texts();

  it('has a corpus that reaches the steps', () => {
    expect(all.length).toBeGreaterThan(8000);
  });

  it("quantityWords: readQuantity's chain as before", () => {
    let changed = 0;
    for (const text of all) {
      const want = quantityWordsBefore(text);
      if (want !== foldMessage(text)) changed++;
      expect(quantityWords(text), JSON.stringify(text)).toBe(want);
    }
    expect(changed).toBeGreaterThan(500);
  });

  it('countsInWords as before, on folded and raw texts', () => {
    let changed = 0;
    for (const text of all) {
      for (const t of [foldMessage(text), text]) {
        const want = countsInWordsBefore(t);
        if (want !== t) changed++;
        expect(countsInWords(t), JSON.stringify(t)).toBe(want);
      }
    }
    expect(changed).toBeGreaterThan(100);
  });

  it('halvesAsDecimals as before', () => {
    let changed = 0;
    for (const text of all) {
      for (const t of [foldAccents(text).toLowerCase(), text]) {
        const want = halvesAsDecimalsBefore(t);
        if (want !== t) changed++;
        expect(halvesAsDecimals(t), JSON.stringify(t)).toBe(want);
      }
    }
    expect(changed).toBeGreaterThan(50);
  });

  it('followUpCore as before', () => {
    let changed = 0;
    for (const text of all) {
      const want = followUpCoreBefore(text);
      if (want !== foldMessage(text)) changed++;
      expect(followUpCore(text), JSON.stringify(text)).toBe(want);
    }
    expect(changed).toBeGreaterThan(1000);
  });

  it('normalizeText drops every apostrophe as the unguarded replace did', () => {
    let withMark = 0;
    for (const text of all) {
      const f = fold(text);
      if (/['’`´]/.test(f)) withMark++;
      expect(normalizeText(text), JSON.stringify(text)).toBe(normalizeText(f.replace(/['’`´]/g, '')));
    }
    expect(withMark).toBeGreaterThan(20);
  });
});
