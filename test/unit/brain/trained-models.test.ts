import { describe, expect, it } from 'vitest';
import { trainFromTraining, type ClassifierTraining } from '../../../src/actors/brain/rule/model-transfer.js';
import { rememberedModel } from '../../../src/actors/brain/rule/trained-models.js';

function training(extra: string): ClassifierTraining {
  return {
    labels: ['greeting', 'thanks', 'goodbye', 'out_of_scope'],
    lexicon: ['cemento'],
    examples: [
      { text: 'hola buenas', intent: 'greeting' },
      { text: 'buenos dias', intent: 'greeting' },
      { text: 'muchas gracias', intent: 'thanks' },
      { text: 'gracias por todo', intent: 'thanks' },
      { text: 'adios, hasta luego', intent: 'goodbye' },
      { text: 'nos vemos', intent: 'goodbye' },
      { text: extra, intent: 'out_of_scope' },
      { text: 'quien gano el juego', intent: 'out_of_scope' },
    ],
  };
}

describe('rememberedModel', () => {
  it('should give the same model again for the same training input, equal to a fresh training', () => {
    const first = rememberedModel(training('que hora es en japon'));
    // A new object with the same content: remembered by content, not by identity.
    expect(rememberedModel(training('que hora es en japon'))).toBe(first);
    expect(first).toEqual(trainFromTraining(training('que hora es en japon')));
  });

  it('should train again when any part of the input differs', () => {
    const base = rememberedModel(training('que hora es en japon'));
    const otherExample = rememberedModel(training('cuentame un chiste'));
    expect(otherExample).not.toBe(base);
    expect(otherExample).toEqual(trainFromTraining(training('cuentame un chiste')));
    const otherLexicon = rememberedModel({ ...training('que hora es en japon'), lexicon: ['varilla'] });
    expect(otherLexicon).not.toBe(base);
    expect(otherLexicon.lexicon).toEqual(['varilla']);
  });
});
