import { describe, expect, it } from 'vitest';
import { asksDeliveryTime, asksDeliveryTimeAhead, ordersAndAsksWhen } from '../../../src/machines/delivery-time.js';

describe('delivery time › when an order would arrive', () => {
  it.each(['en cuántos días llega?', 'cuántos días tarda el envío?', '¿entregan el mismo día?', '¿me lo traen hoy?', 'cual es el tiempo de entrega?', 'do you do same day delivery?'])('%s asks it too', (text) => {
    expect(asksDeliveryTime(text)).toBe(true);
  });

  it.each(['y cuando llegaría?', '¿cuánto tarda?', 'cuando llega?', 'en cuánto tiempo me llega?', 'para cuándo lo tendría?', 'how long does it take?', 'when will it arrive?'])('%s asks it', (text) => {
    expect(asksDeliveryTime(text)).toBe(true);
  });

  it.each(['¿a qué hora abren?', 'mi pedido no ha llegado, cuándo llega?', 'hasta cuándo es la oferta?', 'cuánto dura la pintura?', 'cuánto cuesta?', 'cuántos días tengo para devolver algo?'])('%s does not', (text) => {
    expect(asksDeliveryTime(text)).toBe(false);
  });
});

describe('delivery time › asked ahead of an order', () => {
  it.each(['¿cuánto tarda el pedido?', 'cuanto se tarda en llegar el pedido', 'en cuanto tiempo mas o menos llega el pedido', 'how long does delivery take?', 'para cuándo lo tendría?'])('%s asks how long delivery takes', (text) => {
    expect(asksDeliveryTimeAhead(text)).toBe(true);
  });

  it.each(['¿cuándo llega mi pedido?', 'ya pagué, cuándo me llega?', 'cuánto tiempo más tengo que esperar?', 'llevo 3 días esperando, cuándo llega?', 'how long until my order arrives?', 'when will it arrive? it has been a week'])('%s asks about an order placed', (text) => {
    expect(asksDeliveryTimeAhead(text)).toBe(false);
  });
});

describe('delivery time › placing an order and asking when it comes', () => {
  it.each(['quiero hacer mi pedido, ¿cuándo llega?', 'quiero hacer un pedido, cuando me llega?', 'si lo pido hoy, cuándo llega?', 'I want to place an order, when will it arrive?'])('%s is a purchase and a delivery-time question', (text) => {
    expect(ordersAndAsksWhen(text)).toBe(true);
  });

  it.each(['¿cuándo llega mi pedido?', 'quiero hacer mi pedido, llevo 3 dias esperando cuando llega', 'ya hice el pedido, cuándo llega?', 'quiero hacer un pedido'])('%s is not', (text) => {
    expect(ordersAndAsksWhen(text)).toBe(false);
  });
});

describe('delivery time › "¿hoy mismo?" after the delivery was told', () => {
  it('reads the bare day asked as the delivery time, not "mañana" alone', async () => {
    const { asksDeliveryTime } = await import('../../../src/machines/delivery-time.js');
    for (const text of ['hoy mismo?', '¿para hoy?', 'llega hoy?', '¿lo tendría mañana?', 'today?']) expect(asksDeliveryTime(text), text).toBe(true);
    for (const text of ['mañana?', 'hoy abren?', 'hoy no puedo']) expect(asksDeliveryTime(text), text).toBe(false);
  });
});
