import { describe, expect, it } from 'vitest';
import { readBare } from '../../../src/actors/brain/rule/lead-answer.js';

const phone = (text: string) => readBare('phone_or_username', text, { entities: [] });

describe('a phone declined where it was asked (in place of a declined e-mail)', () => {
  it('should read a refusal in words, es and en, as declined', () => {
    for (const text of ['no', 'prefiero no', 'tampoco', 'no, tampoco', 'tampoco quiero dar el teléfono', 'prefiero no dar mi número', 'no quiero darte mi celular', 'no tengo celular', 'escríbanme por aquí', 'por aquí nada más', 'no phone either, just write me here', "I'd rather not share my number", 'neither', 'just message me here', 'this chat is fine']) {
      expect(phone(text), text).toBeNull();
    }
  });

  it('should leave other answers alone', () => {
    for (const text of ['809-555-1234', 'Constructora Báez', 'ventas', 'mañana te lo paso', 'necesito 300 blocks']) {
      expect(phone(text), text).toBeUndefined();
    }
  });
});
