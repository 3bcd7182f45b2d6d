import { describe, expect, it } from 'vitest';
import { saysPickUp } from '../../../src/machines/pickup.js';

describe('the customer will come to the store', () => {
  it('should read coming by and picking up', () => {
    for (const t of ['paso por ahí', 'yo paso por ahi mañana', 'lo recojo yo', 'voy a buscarlo', "I'll come by", 'I will pick it up']) expect(saysPickUp(t), t).toBe(true);
  });
  it('should not read a request or a delivery', () => {
    for (const t of ['delivery', 'me lo mandan?', 'paso de cemento', 'tienen cemento?', 'voy a necesitar 10 sacos']) expect(saysPickUp(t), t).toBe(false);
  });
});

describe('a question about picking up', () => {
  it('should be left to the store facts', () => {
    for (const t of ['can I pick it up in store?', '¿puedo pasar a buscarlo?']) expect(saysPickUp(t), t).toBe(false);
  });
});
