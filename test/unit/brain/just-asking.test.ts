import { describe, expect, it } from 'vitest';
import { isBareAcknowledgment } from '../../../src/actors/brain/rule/signals.js';

describe('isBareAcknowledgment: the question was all', () => {
  it('should read "solo quería saber", "solo estoy mirando", "just asking" as an acknowledgment', () => {
    for (const text of ['no, solo quería saber', 'solo preguntaba', 'solo estoy mirando gracias', 'no, era pa saber nada más', 'nada más preguntaba', 'por curiosidad', 'just asking', "I'm just looking", 'just wanted to know']) {
      expect(isBareAcknowledgment(text), text).toBe(true);
    }
  });

  it('should leave a question or a request alone', () => {
    for (const text of ['solo quería saber si tienen cemento', 'quería saber el precio del cemento', 'just asking about the cement price', 'solo tienen cemento gris?', 'estoy mirando la pintura azul, cuánto cuesta?']) {
      expect(isBareAcknowledgment(text), text).toBe(false);
    }
  });
});
