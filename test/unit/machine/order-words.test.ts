import { describe, expect, it } from 'vitest';
import { confirmsTheOrder, takesTheOrder } from '../../../src/machines/order-words.js';

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
    'ok dame todo eso',
    'dame eso por favor',
    'mándame esos',
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
    'eso es todo',
    'dame eso en azul',
  ])('%s does not', (text) => {
    expect(takesTheOrder(text)).toBe(false);
  });
});

describe('counter picks › a count of one option by its place', () => {
  it('reads the count and the option', async () => {
    const { countedPick } = await import('../../../src/machines/product-focus.js');
    expect(countedPick('dame 2 de la primera', 2)).toEqual({ index: 0, quantity: 2 });
    expect(countedPick('3 galones de la segunda', 3)).toEqual({ index: 1, quantity: 3 });
    expect(countedPick('give me 2 of the first one', 2)).toEqual({ index: 0, quantity: 2 });
    expect(countedPick('dame 2 de la tercera', 2)).toBeNull();
    expect(countedPick('dame 2 de cemento', 2)).toBeNull();
  });
});

describe('order words › putting the decision off', () => {
  it('reads "déjame pensarlo" and its kin, not a yes', async () => {
    const { defersTheOrder } = await import('../../../src/machines/order-words.js');
    for (const text of ['bueno dejame pensarlo', 'lo voy a pensar', 'luego te aviso', 'ahora no', 'let me think about it', "I'll let you know"]) expect(defersTheOrder(text)).toBe(true);
    for (const text of ['sí, resérvamelo', 'quiero hacer el pedido', 'dale', "I'll take it"]) expect(defersTheOrder(text)).toBe(false);
  });
});

describe('order words › an order to be delivered somewhere', () => {
  it('reads a delivery verb with a destination', async () => {
    const { ordersDeliveryTo } = await import('../../../src/machines/order-words.js');
    for (const text of ['mándamelos a Caleta', 'quiero hacer el pedido para que me lo lleven a Villa Hermosa', 'send it to Caleta']) expect(ordersDeliveryTo(text)).toBe(true);
    for (const text of ['mándamelos', 'lo quiero', "I'll take it"]) expect(ordersDeliveryTo(text)).toBe(false);
  });
});

describe('order words › waiting for more', () => {
  it('reads "ok, entonces?" and its kin as waiting, never a clear yes', async () => {
    const { waitsForMore } = await import('../../../src/machines/order-words.js');
    for (const text of ['ok, entonces?', 'ok y entonces', 'bueno, y?', 'y?', 'y entonces?', '¿y ahora qué?', 'ok, and?', 'so?', 'and then?', 'entonces?', 'ok so what now?']) expect(waitsForMore(text)).toBe(true);
    for (const text of ['ok dale', 'sí', 'ok', 'ok entonces', 'y arena?', 'y 10?', 'está bien, apártalo', 'yes please']) expect(waitsForMore(text)).toBe(false);
  });
});

describe('order words › a line taken off', () => {
  it('reads the product words of a removal, never the quote itself', async () => {
    const { removedWords } = await import('../../../src/machines/order-words.js');
    expect(removedWords('quita las varillas')).toBe('las varillas');
    expect(removedWords('ya no quiero la arena')).toBe('la arena');
    expect(removedWords('remove the rebar please')).toBe('the rebar');
    expect(removedWords("I don't need the cement")).toBe('the cement');
    for (const text of ['no quiero la cotización', 'no gracias', 'no', 'ya no quiero nada', 'dame 10']) expect(removedWords(text)).toBeNull();
  });
});

describe('order-words › confirming the order', () => {
  it('reads "confírmalo" and "confírmame el pedido" as taking it, and as a confirmation', () => {
    for (const text of ['confírmalo', 'ok confirmalo', 'confírmame el pedido', 'quiero confirmar el pedido', 'confirm the order']) {
      expect(takesTheOrder(text), text).toBe(true);
      expect(confirmsTheOrder(text), text).toBe(true);
    }
    expect(confirmsTheOrder('resérvamelo')).toBe(false);
    expect(takesTheOrder('¿me confirman si llegó?')).toBe(false);
  });
});

describe('order-words › the order is complete', () => {
  it('reads "eso es todo", "nada más" and "that\'s all" said alone', async () => {
    const { saysThatsAll } = await import('../../../src/machines/order-words.js');
    for (const text of ['eso es todo', 'nada más, gracias', 'es todo por ahora', "that's all", "That's it for now"]) expect(saysThatsAll(text), text).toBe(true);
    for (const text of ['eso es todo lo que tienen?', 'quiero todo eso', 'nada más barato?']) expect(saysThatsAll(text), text).toBe(false);
  });
});

describe('order-words › more of a named line', () => {
  it('reads "súbele 5 al cemento" and "ponle 5 más a la arena", not "ponle 5" alone', async () => {
    const { addsToLine } = await import('../../../src/machines/order-words.js');
    expect(addsToLine('súbele 5 al cemento')).toEqual({ quantity: 5, words: 'cemento' });
    expect(addsToLine('ponle 5 más a la arena')).toEqual({ quantity: 5, words: 'arena' });
    expect(addsToLine('agrégale 5 sacos más de cemento')).toEqual({ quantity: 5, words: 'cemento' });
    expect(addsToLine('ponle 5 al cemento')).toBeNull();
    expect(addsToLine('dame 5 sacos de cemento')).toBeNull();
  });
});
