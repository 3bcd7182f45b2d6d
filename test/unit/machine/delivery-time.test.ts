import { describe, expect, it } from 'vitest';
import { asksDeliveryTime } from '../../../src/machines/delivery-time.js';

describe('delivery time › when an order would arrive', () => {
  it.each(['y cuando llegaría?', '¿cuánto tarda?', 'cuando llega?', 'en cuánto tiempo me llega?', 'para cuándo lo tendría?', 'how long does it take?', 'when will it arrive?'])('%s asks it', (text) => {
    expect(asksDeliveryTime(text)).toBe(true);
  });

  it.each(['¿a qué hora abren?', 'mi pedido no ha llegado, cuándo llega?', 'hasta cuándo es la oferta?', 'cuánto dura la pintura?', 'cuánto cuesta?'])('%s does not', (text) => {
    expect(asksDeliveryTime(text)).toBe(false);
  });
});
