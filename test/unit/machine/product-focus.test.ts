import { describe, expect, it } from 'vitest';
import type { ProductActorInput, ProductActorOutput } from '../../../src/machines/conversation.contract.js';
import { areaToCover, asksEstimateAgain, asksWhatAJobTakes, followUpQuantity, readFollowUpQuantity, isProductFollowUp, pickedOption, PRODUCT_FOCUS_TURNS, reportsTrouble } from '../../../src/machines/product-focus.js';
import { createConversation, understood } from './machine-harness.js';

const cement = { sku: 'CEM-001', name: 'Cemento Gris Cemex Tipo GU (saco 42.5 kg)', price: 655, query: 'cemento gris' };
const answered = (input: ProductActorInput): ProductActorOutput => ({
  outcome: 'answered',
  replies: [{ template: input.focus ? 'product.quote_qty' : 'product.quote' }],
  focus: input.focus ?? cement,
});

describe('isProductFollowUp', () => {
  it.each(['y si compro 50?', 'y codos de 4?', 'and for 200 of them?', 'la satinada blanca cuánto?', '50', 'y de 3/4?', 'en azul?', 'the white one', 'what about the gallon?'])(
    'should read "%s" as a follow-up',
    (text) => {
      expect(isProductFollowUp(text)).toBe(true);
    },
  );

  it.each(['quiero hablar con una persona', 'gracias', 'hola', 'mi cuenta está atrasada', 'no', 'sí', 'Somos una constructora y queremos comprar materiales al por mayor para un proyecto grande'])(
    'should not read "%s" as a follow-up',
    (text) => {
      expect(isProductFollowUp(text)).toBe(false);
    },
  );

  it.each(['no, la de 5/8 nada más', 'nada más la de 5/8', 'no, solo la blanca', 'no, I only want the 5/8', 'no, necesito la de 5/8'])(
    'should read "%s" (insisting on an attribute of the product in focus) as a follow-up',
    (text) => {
      expect(isProductFollowUp(text)).toBe(true);
    },
  );

  it.each(['la de 2 entonces', 'dame la de 2', 'quiero el de 1 por favor', 'el de 3/4 pues', 'dame 10 de 3/4', 'give me the white one please', 'dame el precio'])(
    'should read "%s" (a pick asked for, with the words around it) as a follow-up',
    (text) => {
      expect(isProductFollowUp(text)).toBe(true);
    },
  );

  it.each(['la de 1/2 cuanto es?', 'la de 5/8 cuanto esta?', 'a como ta la de 3/8?', 'y la de 1/2 cuanto es el quintal?', 'el de 3/4 cuánto sería?'])(
    'should read "%s" (another size of the product in focus, with its price asked) as a follow-up',
    (text) => {
      expect(isProductFollowUp(text)).toBe(true);
    },
  );

  it.each(['dame 10 del gris', 'dame 10 de la gris', 'quiero 10 sacos del gris', '5 del blanco', 'y 3 galones de la blanca?'])(
    'should read "%s" (a count of one of the products just answered, picked by an attribute) as a follow-up',
    (text) => {
      expect(isProductFollowUp(text)).toBe(true);
    },
  );

  it.each(['ok gracias', 'muchas gracias', 'quiero hablar con una persona por favor', 'dame un momento'])('should not read "%s" as a follow-up', (text) => {
    expect(isProductFollowUp(text)).toBe(false);
  });

  it.each(['no, nada más', 'nada más', 'y nada más', 'solo eso', 'no gracias, nada más'])('should not read "%s" (nothing narrowed to) as a follow-up', (text) => {
    expect(isProductFollowUp(text)).toBe(false);
  });

  it('should take a bare number as a quantity and "de 4" as a size', () => {
    expect(followUpQuantity('y si compro 50?')).toBe(50);
    expect(followUpQuantity('and for 200 of them?')).toBe(200);
    expect(followUpQuantity('50 de esos')).toBe(50);
    expect(followUpQuantity('y de 4?')).toBeUndefined();
    expect(followUpQuantity('y codos de 4?')).toBeUndefined();
  });
});

describe('conversation machine › product follow-ups', () => {
  it('should keep the product answered and send "y si compro 50?" back to the catalog with it', async () => {
    const c = createConversation({
      script: {
        'cuánto cuesta el cemento gris': understood('price_quote', { products: [{ query: 'cemento gris' }] }),
        'y si compro 50?': understood('sales_lead', { confidence: 0.27 }),
      },
      effects: { answerProduct: answered },
    });
    const first = await c.say('cuánto cuesta el cemento gris');
    expect(first.context.productFocus).toMatchObject({ sku: 'CEM-001', turn: 1 });
    expect(c.calls.answerProduct[0]?.focus).toBeUndefined();
    const second = await c.say('y si compro 50?');
    expect(second).toMatchObject({ says: ['product.quote_qty'], state: 'triage.idle' });
    expect(c.calls.answerProduct[1]).toMatchObject({ focus: { sku: 'CEM-001', query: 'cemento gris' }, text: 'y si compro 50?' });
    // Snapshots stay plain JSON.
    expect(JSON.parse(JSON.stringify(second.context.productFocus))).toEqual(second.context.productFocus);
  });

  it('should not take a clear other request, or a follow-up without a recent product, for a product follow-up', async () => {
    const c = createConversation({
      script: {
        'cemento gris': understood('product_inquiry', { products: [{ query: 'cemento gris' }] }),
        'y a qué hora abren?': understood('store_hours_location', { confidence: 0.9 }),
        'y si compro 50?': understood('out_of_scope', { confidence: 0.2 }),
      },
      effects: { answerProduct: answered },
    });
    expect((await c.say('y si compro 50?')).says).toEqual(['notUnderstood']);
    await c.say('cemento gris');
    expect((await c.say('y a qué hora abren?')).says).toEqual(['info.store_hours_location']);
    expect(c.calls.answerProduct).toHaveLength(1);
  });

  it(`should let the focus go after ${PRODUCT_FOCUS_TURNS} turns`, async () => {
    const script: Record<string, ReturnType<typeof understood>> = {
      'cemento gris': understood('product_inquiry', { products: [{ query: 'cemento gris' }] }),
      'y si compro 50?': understood('out_of_scope', { confidence: 0.2 }),
      hola: understood('greeting'),
    };
    const c = createConversation({ script, effects: { answerProduct: answered } });
    await c.say('cemento gris');
    for (let i = 0; i < PRODUCT_FOCUS_TURNS; i++) await c.say('hola');
    expect((await c.say('y si compro 50?')).says).toEqual(['notUnderstood']);
  });

  it('should route normally when the context has no product focus (older snapshots lack the field)', async () => {
    const c = createConversation({ script: { 'y si compro 50?': understood('out_of_scope', { confidence: 0.2 }) }, effects: { answerProduct: answered } });
    const { productFocus: _none, ...older } = c.snapshot().context;
    expect('productFocus' in older).toBe(false);
    expect((await c.say('y si compro 50?')).says).toEqual(['notUnderstood']);
  });
});

describe('pickedOption', () => {
  it('should pick an option by number or ordinal, within the options shown', () => {
    expect(pickedOption('2', 3)).toBe(1);
    expect(pickedOption('la segunda', 3)).toBe(1);
    expect(pickedOption('the first one', 2)).toBe(0);
    expect(pickedOption('la última', 3)).toBe(2);
    expect(pickedOption('opción 3', 3)).toBe(2);
    expect(pickedOption('4', 3)).toBeNull();
    expect(pickedOption('y si compro 50?', 3)).toBeNull();
  });
});

describe('what a job takes and the area to cover', () => {
  it('should read a question of what a job takes', () => {
    for (const text of ['quiero pintar mi casa, ¿qué necesito?', 'voy a pintar la casa, qué me hace falta?', 'I want to paint my house, what do I need?', 'what should I buy to paint a room?']) expect(asksWhatAJobTakes(text), text).toBe(true);
    for (const text of ['cuánto cuesta la pintura?', 'necesito pintura blanca', 'I need white paint']) expect(asksWhatAJobTakes(text), text).toBe(false);
  });

  it('should read the area in square metres of a how-much-paint question only', () => {
    expect(areaToCover('¿cuántos galones necesito para 100 metros?')).toBe(100);
    expect(areaToCover('cuántas cubetas necesito para 60 metros cuadrados?')).toBe(60);
    expect(areaToCover('how many gallons do I need for 100 square meters?')).toBe(100);
    expect(areaToCover('how much paint for 1000 square feet?')).toBe(92.9);
    for (const text of ['dame 100 metros de cable', '¿cuántos galones tienen?', 'necesito 5 galones de pintura']) expect(areaToCover(text), text).toBeNull();
  });
});

describe('a count of the product shown', () => {
  it.each([['dame 20 de esa', 20], ['give me 20 of that one', 20], ["I'll take 10 of those", 10], ['dame 10 de ese', 10]] as const)('should read "%s" as %i of it', (text, n) => {
    expect(followUpQuantity(text)).toBe(n);
    expect(isProductFollowUp(text)).toBe(true);
  });
});

describe('a change of mind after a pause', () => {
  it.each(['no espera mejor de 16 pies', 'no espera de 3 pulgadas', 'nah mejor una cubeta de esa misma', 'actually make it 1/2 inch', 'oh wait, make it the 3/4', 'ahh mejor de 1/2'])(
    'should read "%s" as a follow-up on the product shown',
    (text) => {
      expect(isProductFollowUp(text)).toBe(true);
    },
  );

  it.each([['perdon no eran 15 eran 12', 12], ['no son 10 son 8', 8], ['sorry not 6 it was 4', 4], ['dame 3 cientos', 3], ['I need 35 square meters', 35], ['40 metros cuadrados', 40], ['dame 100 pies mejor no el rollo', 100]] as const)(
    'should read "%s" as a count of %i',
    (text, n) => {
      expect(followUpQuantity(text)).toBe(n);
    },
  );

  it('should read "add 10 more" / "agrégale 10 más" as 10 on top', () => {
    for (const text of ['add 10 more', 'agregale 10 mas', 'sumale 10 mas']) expect(readFollowUpQuantity(text), text).toEqual({ quantity: 10, change: 'more' });
  });

  it('should read one of each as one of every line', () => {
    for (const text of ['dame uno de cada uno', 'una de cada una', 'one of each please']) expect(asksEstimateAgain(text), text).toEqual({ each: 1 });
  });

  it('should keep a correction\'s count, not the one corrected', () => {
    expect(followUpQuantity('20 no 10')).toBe(20);
    expect(followUpQuantity('no 10, 20')).toBe(20);
  });
});

describe('reportsTrouble', () => {
  it.each(['el más barato se me rompió', 'vino dañado', 'no sirve', 'me vendieron el equivocado', 'quiero devolverlo', 'it came broken', 'I want a refund'])('should hear trouble in "%s"', (text) => {
    expect(reportsTrouble(text)).toBe(true);
  });

  it.each(['y el normal?', 'el común', 'y el barato?', 'the regular one', 'y en cubeta?'])('should hear no trouble in "%s"', (text) => {
    expect(reportsTrouble(text)).toBe(false);
  });
});
