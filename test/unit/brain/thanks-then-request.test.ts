import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { stripCourtesy } from '../../../src/actors/brain/rule/courtesy.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let brain: Brain;
beforeAll(async () => {
  const tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  brain = createRuleBrain({ tenant });
});

describe('rule brain › thanks, then a new request in the same message', () => {
  it.each([
    'gracias, y la espuma expansiva?',
    'thanks, and the expanding foam?',
    'ok gracias, tienen clavos de 3 pulgadas?',
    'muchas gracias! y el silicón cuánto?',
    'thanks! do you also sell grout?',
    'gracias, necesito 10 sacos de cemento',
  ])('should read "%s" as the request, not as thanks', (text) => {
    expect(['product_inquiry', 'price_quote']).toContain(brain.parse(text).intent.name);
  });

  it.each(['gracias por la info', 'gracias, ya compre en otro lado', 'muchas gracias, muy amable de su parte', 'thank you so much, you have been very helpful'])(
    'should keep "%s" thanks',
    (text) => {
      expect(brain.parse(text).intent.name).toBe('thanks');
    },
  );

  it('should strip the thanks only before a question or a joined request, never thanks for something', () => {
    expect(stripCourtesy('gracias, y la espuma expansiva?')).toBe('y la espuma expansiva?');
    expect(stripCourtesy('gracias, ya compre en otro lado')).toBe('gracias, ya compre en otro lado');
    expect(stripCourtesy('gracias por la info del cemento?')).toBe('gracias por la info del cemento?');
  });
});
