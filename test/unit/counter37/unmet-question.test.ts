import { describe, expect, it } from 'vitest';
import { asksAboutUnmet } from '../../../src/machines/unmet-question.js';

describe('a question about a good just said not to be sold', () => {
  it.each(['y de cuantos watts?', '¿De cuántos pies?', 'de cuantos btu', 'y la marca cual es', 'cuanto dura con un galon de gasolina', 'y el precio?', 'what size?', 'how many watts?', 'and the brand?', 'how long does it last?', 'de que tamaño?'])('should read %j as about that good', (text) => {
    expect(asksAboutUnmet(text)).toBe(true);
  });

  it.each(['tienen cemento?', 'dame 10 fundas de cemento', 'ok gracias', 'quiero hablar con alguien', 'a que hora cierran', 'y cuantos sacos de cemento necesito para una losa de 6 por 4 metros con varilla de 3/8'])('should not read %j as about it', (text) => {
    expect(asksAboutUnmet(text)).toBe(false);
  });
});
