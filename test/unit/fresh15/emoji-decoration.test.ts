import { describe, expect, it } from 'vitest';
import { withoutDecorativeEmoji } from '../../../src/machines/emoji-decoration.js';

describe('withoutDecorativeEmoji', () => {
  it('should set aside the emoji beside words', () => {
    expect(withoutDecorativeEmoji('dame 5 😁')).toBe('dame 5');
    expect(withoutDecorativeEmoji('ok dame 2 de media 🙏🏾')).toBe('ok dame 2 de media');
    expect(withoutDecorativeEmoji('y a caleta? 🚚')).toBe('y a caleta?');
    expect(withoutDecorativeEmoji('dale 👍 ¿y el total?')).toBe('dale ¿y el total?');
  });

  it('should leave a message of emoji only, or with none, as written', () => {
    expect(withoutDecorativeEmoji('👍')).toBe('👍');
    expect(withoutDecorativeEmoji('👍🏽🙏')).toBe('👍🏽🙏');
    expect(withoutDecorativeEmoji('año 2026, ñame')).toBe('año 2026, ñame');
  });
});
