import { describe, expect, it } from 'vitest';
import { takesTheOrder } from '../../../src/machines/order-words.js';

describe('order words › buying what was just priced', () => {
  it.each([
    'ok perfecto, quiero hacer el pedido',
    '¿cómo hago el pedido?',
    'quiero comprarlo',
    'me los llevo',
    'mándamelos',
    'resérvamelo',
    'lo quiero',
    'ok, quiero ordenar',
    'vamos con eso',
    "I'll take it",
    "I'd like to order",
    'how do I order?',
    'I want to place an order',
  ])('%s takes the order', (text) => {
    expect(takesTheOrder(text)).toBe(true);
  });

  it.each([
    'el pedido no ha llegado',
    'quiero comprar cemento',
    '¿cómo lo pago?',
    'me lo mandan a Caleta?',
    'ok perfecto',
    'where is my order?',
  ])('%s does not', (text) => {
    expect(takesTheOrder(text)).toBe(false);
  });
});
