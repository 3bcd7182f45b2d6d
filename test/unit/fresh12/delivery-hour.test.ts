import { describe, expect, it } from 'vitest';
import { asksDeliveryTime } from '../../../src/machines/delivery-time.js';

describe('asksDeliveryTime: the hour an order arrives', () => {
  it.each(['pa que hora me llega si pido ahora a la caleta', 'a que hora me lo traen si pido hoy?', 'a que hora llega el camion a villa hermosa'])('%s', (text) => {
    expect(asksDeliveryTime(text)).toBe(true);
  });

  it.each(['a que hora abren hoy?', 'a que hora cierran?', 'pa que hora es la cita'])('%s → no', (text) => {
    expect(asksDeliveryTime(text)).toBe(false);
  });
});
