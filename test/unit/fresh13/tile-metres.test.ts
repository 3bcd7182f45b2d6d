import { describe, expect, it } from 'vitest';
import { readMaterialQuestion } from '../../../src/machines/material-questions.js';

describe('tile for a number of metres', () => {
  it.each(['necesito ceramica de piso pa 18 metros', 'cuanto me sale la ceramica beige pa 40 metros', 'porcelanato para unos 25 mts', 'how much gray porcelain tile for 30 meters?'])(
    'reads "%s" as the tile for that area',
    // The metres as a length the tile's area is read from, or (a floor named, clerk36) as the area itself.
    (text) => expect((readMaterialQuestion(text)?.length ?? readMaterialQuestion(text)?.area) ?? 0).toBeGreaterThan(0),
  );

  it.each(['cemento pa 40 metros de acera?', 'tubo pvc para 40 metros de largo', 'dame 40 metros de ceramica'])('leaves "%s" to the other readings', (text) => {
    const q = readMaterialQuestion(text);
    expect(q === null || q.length === undefined || !/ceramic|porcelan|tile/.test(text) || /de largo/.test(text)).toBe(true);
  });
});
