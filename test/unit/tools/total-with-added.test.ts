import { describe, expect, it } from 'vitest';
import { asksWholeWithIt } from '../../../src/actors/tools/total-with-added.js';

describe('asksWholeWithIt', () => {
  it.each(['si le sumo 2 metros de arena, ¿cuánto queda todo?', 'y 2 metros de arena, cuánto sería todo?', 'if I add 2 meters of sand, how much is everything?', 'add 2 bags of sand, what is the total?'])('should read %j as the whole asked', (text) => {
    expect(asksWholeWithIt(text)).toBe(true);
  });

  it.each(['2 metros de arena', '¿cuánto cuesta la arena?', 'todo bien, gracias', 'how much is the sand?'])('should not read %j as the whole', (text) => {
    expect(asksWholeWithIt(text)).toBe(false);
  });
});
