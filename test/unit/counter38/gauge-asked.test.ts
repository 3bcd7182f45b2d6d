import { describe, expect, it } from 'vitest';
import { specAsked } from '../../../src/machines/product-spec-question.js';

describe('how thick a cord or wire is, asked of the one shown', () => {
  it.each(['es gruesa?', 'es gruesa? es pa una sierra', 'de que calibre es?', 'que calibre tiene', 'y es bien grueso?', 'what gauge is it?', 'is it heavy duty?', 'how thick is it?'])('reads "%s" as its gauge', (text) => {
    expect(specAsked(text)).toBe('gauge');
  });

  it.each(['tienen cable mas grueso?', 'quiero la gruesa', 'cuanto cuesta el grueso', 'tienen de calibre 12?'])('leaves "%s" to the search (another product asked for)', (text) => {
    expect(specAsked(text)).not.toBe('gauge');
  });
});
