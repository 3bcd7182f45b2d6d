import { describe, expect, it } from 'vitest';
import { asksOrderStatus, asksToChangeOrder } from '../../../src/actors/brain/rule/order-status.js';

describe('a question about an order already placed', () => {
  it('should read where an order is or when it arrives as an order status question, in Spanish and English', () => {
    for (const text of ['¿cuándo llega mi pedido?', 'quiero saber el estado de mi pedido', 'hice un pedido ayer, cuándo me lo traen?', 'ya salió mi pedido?', 'where is my order?', 'when will my order arrive?']) {
      expect(asksOrderStatus(text), text).toBe(true);
    }
  });

  it('should leave trouble told, an order not placed yet and a general delivery question alone', () => {
    for (const text of ['mi pedido no ha llegado', 'llevo 3 días esperando mi pedido', 'my order is late', 'si lo pido hoy, cuándo llega mi pedido?', '¿cuánto tarda el pedido?', 'tienen cemento?']) {
      expect(asksOrderStatus(text), text).toBe(false);
    }
  });
});

describe('order status › an order already placed, said as "tengo un pedido"', () => {
  it.each(['tengo un pedido pendiente, cuando llega?', 'el pedido que hice ayer ya salio?', 'tengo un pedido de cemento, cuando me lo traen?', 'I have an order, when does it arrive?'])('%s asks after it', (text) => {
    expect(asksOrderStatus(text)).toBe(true);
  });

  it.each(['tengo un pedido y no ha llegado', 'tengo un pedido grande de varilla'])('%s does not', (text) => {
    expect(asksOrderStatus(text)).toBe(false);
  });
});

describe('asksToChangeOrder (session 22)', () => {
  it.each(['quiero cambiar el pedido', '¿le puedo agregar 5 sacos más a mi pedido?', 'necesito modificar la orden que hice ayer', 'I need to change my order'])('should read "%s" as a change of an order placed', (text) => {
    expect(asksToChangeOrder(text)).toBe(true);
  });

  it.each(['quiero cambiar el pedido porque llegó roto', 'quiero cancelar mi pedido', 'agrégale 3 galones a la compra', 'quiero cambiar una llave que compré'])('should not read "%s" as one', (text) => {
    expect(asksToChangeOrder(text)).toBe(false);
  });
});
