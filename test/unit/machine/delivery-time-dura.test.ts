import { describe, expect, it } from 'vitest';
import { asksDeliveryTime, asksDeliveryTimeAhead } from '../../../src/machines/delivery-time.js';

/** Dominican "¿cuánto dura en llegar?": how long delivery takes, not how long a product lasts. */
describe('"dura en llegar" asks how long delivery takes', () => {
  it.each(['ok y cuanto tiempo dura en llegar', 'cuanto tiempo dura en llegar a guaymate', 'cuánto duran en traerlo?', 'y cuanto duraria en llegar a bayahibe'])('should read "%s" as the delivery time', (text) => {
    expect(asksDeliveryTimeAhead(text)).toBe(true);
  });

  it.each(['cuanto tiempo dura la pintura?', 'cuanto dura el bombillo led', 'cuanto tiempo dura la garantia?', 'how long does the paint last?'])('should keep "%s" a question about something else', (text) => {
    expect(asksDeliveryTime(text)).toBe(false);
  });
});
