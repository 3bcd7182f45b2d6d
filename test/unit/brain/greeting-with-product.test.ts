import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { greetsWithAProduct } from '../../../src/actors/brain/rule/product-questions.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let brain: Brain;
beforeAll(async () => {
  const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  brain = createRuleBrain({ tenant });
});

describe('rule brain › a greeting with a product named and nothing else', () => {
  it.each(['hola cemento', 'hola, cemento?', 'buenas, varilla de 3/8 por favor', 'klk, tubo pvc', 'buenas cemento y arena', 'hello, cement?', 'buenos días, clavos de 2 pulgadas'])(
    'should read "%s" as a product question, not a greeting alone',
    (text) => {
      expect(['product_inquiry', 'price_quote']).toContain(brain.parse(text).intent.name);
    },
  );

  it.each(['hola, azul?', 'klk, tienen rojo?', 'buenas, verde?'])('should read a colour alone after a greeting ("%s") as a product question', (text) => {
    expect(['product_inquiry', 'price_quote']).toContain(brain.parse(text).intent.name);
  });

  it.each(['hola', 'hola, buenas noches', 'hola juan', 'buenas tardes amigo', 'hello there', 'hola mi negro'])('should keep "%s" a greeting', (text) => {
    expect(brain.parse(text).intent.name).toBe('greeting');
  });

  it('should need a greeting word, and nothing but courtesy around the product', () => {
    const at = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    expect(greetsWithAProduct('hola, cemento?', [at('hola, cemento?', 'cemento')])).toBe(true);
    expect(greetsWithAProduct('cemento', [at('cemento', 'cemento')])).toBe(false);
    expect(greetsWithAProduct('hola, el cemento llegó mojado', [at('hola, el cemento llegó mojado', 'cemento')])).toBe(false);
    expect(greetsWithAProduct('hola', [])).toBe(false);
  });
});
