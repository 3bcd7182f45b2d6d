import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../helpers/memory-host.js';

describe('a size said before the product', () => {
  it('should keep the sizes of lumber said before its name ("a 2x4x10 pino tratado")', async () => {
    const { brain } = await loadDemo();
    expect(brain.parse('how much is a 2x4x10 pino tratado').entities.find((e) => e.type === 'product')?.value).toBe('2x4x10 pino tratado');
  });
});
