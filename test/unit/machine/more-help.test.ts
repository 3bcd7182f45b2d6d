import { describe, expect, it } from 'vitest';
import { saysYesToMore } from '../../../src/machines/more-help.js';

describe('a bare yes to "¿algo más?"', () => {
  it('should read a yes with nothing else in it', () => {
    for (const t of ['sí', 'si', 'Sí!', 'claro', 'dale', 'sí, por favor', 'si claro 🙂', 'yes', 'sure', 'Yes please']) expect(saysYesToMore(t)).toBe(true);
  });
  it('should leave acknowledgments, thanks and requests alone', () => {
    for (const t of ['ok', 'perfecto', 'listo', 'gracias', 'sí gracias', 'si tienen cemento?', 'sí, 10 sacos', 'no']) expect(saysYesToMore(t)).toBe(false);
  });
});
