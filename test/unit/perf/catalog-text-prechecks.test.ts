import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseMeasures } from '../../../src/actors/catalog/measure-notation.js';
import { soundKey } from '../../../src/actors/catalog/text.js';
import { foldAccents } from '../../../src/kernel/fold.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { unseenTexts } from '../../../bench/lib/workload.js';
import { normaliseMeasuresBefore, soundKeyBefore } from './catalog-text-before.js';
import { devLines, goldenTexts, root, templateTexts } from './text-corpus.js';

/**
 * The catalog's text steps with their pre-checks (issue 16, session 34: each pattern replace only
 * when the text holds what every match needs) must give what the unguarded chain of replaces gave,
 * for every text: the dev set's lines, the templates, the golden inputs, the load benchmark's
 * never-seen messages, every catalog name, and phrases made to reach every step of the chain.
 */
const MEASURE_EDGES = [
  '4 x 8 3/4', 'plywood 4 X 8 3/4', '½ pulgada', 'tubo ¼', 'codo ¾', '1½', 'cubeta 5-gallon', '5-galon', 'tinaco 250-gal', 'media docena de clavos', 'half a dozen',
  'una docena', '1 docena de tornillos', 'a dozen screws', 'un par de guantes', 'a couple of bags', 'a pair of gloves', 'un PAR de', 'pulgada y media', 'una pulgada y media',
  'una y media pulgadas', '2 y media', '3 and a half', 'one and a half inch', 'tres cuartos', 'tres cuarto', 'tres octavos', 'tres octavo', 'cinco octavos', 'cinco octavo', 'un cuarto de pulgada', 'cuarto de pulgada',
  'un cuarto', 'three eighths', '3 eighth', 'five eighths', '5 eighths', 'three quarters of an inch', 'three quarter inch', 'a quarter inch', 'quarter inch', 'half an inch', 'half inch',
  'media pulgada', 'one inch pipe', 'four-inch drain', 'dos pulgadas', 'twelve inches', 'thirteen inches', 'sin pulgadas', 'a quarter of a gallon', 'quarter gallon', 'un cuarto de galon',
  'cuarto de galon', 'medio galon', 'half galon', 'half a gallon', 'half gallon', 'un polo', 'uno-polos', 'single pole', 'sencillo polo', 'monopolar', 'doble polo', 'double-pole',
  'dos polos', 'two poles', 'bipolar', '2-pole', '3-polos', 'polo', 'block de ocho', 'tubo de cuatro', 'of six', 'de uno', 'de cien', 'de a media', 'media', 'medio saco', 'medio metro',
  'medio galon', 'medio', 'lo medio', '1 1/2', 'grado 40 1/2', 'calibre 12 1/2', '# 3 1/2', 'no 4 1/2', '3/4"', "3/4''", '3/4”', '3/4″', '3/4 de pulgada', '3/4 pulgadas', '3 pulg.',
  '3 plg', '6 inch', '6 inches', '6 in', '6in', '12 pies', '12 pie', '10\'', '10’', '10 ft', '10 feet', '1 foot', '2 de una pulgada', '2 de un pulgadas', '3 1 pulgada', 'tubo 1 pulgada',
  'MEDIA PULGADA', 'Pulgáda y média', '', ' ', '/', '-gal', 'de', 'of', 'x', '2x4x10', '1/4 x 3', '3/8" x 4"', 'grado 60', '# 12', 'cable #12 negro',
];
const SOUND_EDGES = [
  '', 'c', 'ck', 'cck', 'qu', 'quq', 'ce', 'ci', 'cie', 'ch', 'cch', 'chh', 'chc', '§', 'c§', 'ge', 'gi', 'gg', 'z', 'zz', 'v', 'vv', 'll', 'lll', 'ph', 'pph', 'h', 'hh', 'ch h', 'ah', 'ha',
  'y', 'yy', 'hy', 'ly', 'lly', 'xy', 'aa', '\n\n', 'a\n\nb', '😂😂', 'ññ', 'varriya', 'varilla', 'sement', 'cement', 'cemento', 'asul', 'azul', 'quicio', 'chequera', 'phillips', 'hierro',
  'achicar', 'mechero', 'gigante', 'zinc', 'vinyl', 'llave', 'yeso', 'hey', 'Chh', 'CEMENTO', 'muy', 'rey', 'ley', 'jockey', 'hockey', 'acción', 'ch§', '§§',
];

describe('catalog text pre-checks give the unguarded chain of replaces', () => {
  const texts = async (): Promise<string[]> => {
    const tenant = await loadTenant(join(root, 'tenants/ferreteria'));
    const names = tenant.catalog.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
    return [...new Set([...MEASURE_EDGES, ...devLines(), ...templateTexts(), ...goldenTexts(), ...unseenTexts(), ...names])];
  };

  it('normaliseMeasures: the same notation, folded and as written', async () => {
    const corpus = await texts();
    expect(corpus.length).toBeGreaterThan(8000);
    let rewritten = 0;
    for (const text of corpus) {
      for (const folded of [foldAccents(text), foldAccents(text).replace(/[¿?¡!,;:()]/g, ' '), text]) {
        const want = normaliseMeasuresBefore(folded);
        if (want !== ` ${folded} `) rewritten++;
        expect(normaliseMeasures(folded), JSON.stringify(folded)).toBe(want);
      }
    }
    // The corpus reaches the rewrites, not only texts left as they were.
    expect(rewritten).toBeGreaterThan(2000);
  }, 120_000);

  it('normaliseMeasures: the phrases made to reach its steps read as before, and as sizes', () => {
    let rewritten = 0;
    for (const phrase of MEASURE_EDGES) {
      const want = normaliseMeasuresBefore(foldAccents(phrase));
      if (want !== ` ${foldAccents(phrase)} `) rewritten++;
      expect(normaliseMeasures(foldAccents(phrase)), phrase).toBe(want);
    }
    expect(rewritten).toBeGreaterThan(100);
    const said = (text: string): string => normaliseMeasures(text).trim().replace(/\s+/g, ' ');
    expect(said('tubo de media pulgada')).toBe('tubo de 1/2in');
    expect(said('3/4 de pulgada')).toBe('3/4in');
    expect(said('media docena de clavos')).toBe('6 de clavos');
  });

  it('soundKey: the same key for every word', async () => {
    const corpus = await texts();
    const words = new Set<string>(SOUND_EDGES);
    for (const text of corpus) {
      for (const w of foldAccents(text).split(/\s+/)) words.add(w);
      for (const w of foldAccents(text).match(/[a-z]+/g) ?? []) words.add(w);
    }
    expect(words.size).toBeGreaterThan(5000);
    let changed = 0;
    for (const word of words) {
      const want = soundKeyBefore(word);
      if (want !== word) changed++;
      expect(soundKey(word), JSON.stringify(word)).toBe(want);
    }
    expect(changed).toBeGreaterThan(1000);
  }, 120_000);
});
