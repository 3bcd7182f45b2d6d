import { describe, expect, it } from 'vitest';
import { asksDeliveryTime, asksNeededBy } from '../../../src/machines/delivery-time.js';

describe('an order needed by a day (delivery or pick-up that day)', () => {
  it('reads "para mañana" and its neighbours, es and en', () => {
    for (const text of ['para mañana', '¿y para mañana?', 'lo necesito para mañana', 'los necesitamos pa mañana', 'me la pueden tener pa mañana?', 'nos lo pueden traer para el sábado?', 'I need it for tomorrow', 'can I get them by tomorrow?', 'for tomorrow?']) {
      expect(asksNeededBy(text), text).toBe(true);
      expect(asksDeliveryTime(text), text).toBe(true);
    }
  });

  it('never reads a purpose, a morning or the opening hours as needed by a day', () => {
    for (const text of ['lo necesito para el techo', 'es para mañana en la mañana abrir?', 'a que hora abren mañana?', 'necesito cemento', 'quiero 10 para la casa']) {
      expect(asksNeededBy(text), text).toBe(false);
    }
  });
});
