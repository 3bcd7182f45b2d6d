import { describe, expect, it } from 'vitest';
import { tellsPaintJobOnly } from '../../../src/machines/job-readers.js';

describe('tellsPaintJobOnly', () => {
  it('reads a paint job told with only its place', () => {
    for (const t of ['voy a pintar la casa', 'quiero pintar mi apartamento por dentro', 'Ok, vamos a pintar toda la casa', "I'm going to paint the house", 'we are going to paint our office'])
      expect(tellsPaintJobOnly(t), t).toBe(true);
  });
  it('leaves a job with its colour, count, size or a question to the other readers', () => {
    for (const t of ['voy a pintar la casa de azul', 'voy a pintar la casa gris', 'voy a pintar la casa, necesito 3 galones', 'voy a pintar una pared de 4x3', 'voy a pintar la casa, que me hace falta?', 'paint the house white'])
      expect(tellsPaintJobOnly(t), t).toBe(false);
  });
});
