import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksIfBot, readingWithBotQuestion } from '../../../src/actors/brain/rule/bot-question.js';
import { detectCritical } from '../../../src/actors/brain/rule/critical.js';
import { questionAfterGreeting } from '../../../src/actors/brain/rule/greeting-question.js';
import { readingWithNotFollowed, saysNotFollowed } from '../../../src/actors/brain/rule/not-followed.js';
import { voicesTrouble } from '../../../src/actors/brain/rule/unfounded-complaint.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('a question after a greeting', () => {
  it('should find the question however short it is', () => {
    expect(questionAfterGreeting('hola, hacen envíos?')).toBe('hacen envíos?');
    expect(questionAfterGreeting('saludos, tienen whatsapp?')).toBe('tienen whatsapp?');
    expect(questionAfterGreeting('buenas tardes mi hermano, trabajan hoy?')).toBe('trabajan hoy?');
  });

  it('should find none in a greeting alone', () => {
    for (const text of ['hola', 'hola, buenas', 'buenas tardes, cómo están?', 'hello there', 'tienen cemento?']) expect(questionAfterGreeting(text), text).toBeNull();
  });
});

describe('who answers, asked in other words', () => {
  it('should read "who are you" questions as the question about the bot', () => {
    for (const text of ['¿quién eres?', 'hola, con quién hablo?', 'cómo te llamas?', 'con quien tengo el gusto?', 'who are you?', 'who am I talking to?', "what's your name?"]) expect(asksIfBot(text), text).toBe(true);
  });

  it('should not hear a fire in "¿cómo te llamas?", and still hear one in "en llamas"', () => {
    expect(detectCritical('hola, cómo te llamas?').critical).toBe(false);
    expect(detectCritical('me llamas mañana?').critical).toBe(false);
    expect(detectCritical('el generador está en llamas').critical).toBe(true);
  });
});

describe('the customer did not follow', () => {
  it('should read "no entiendo" and its kin, es and en', () => {
    for (const text of ['no entiendo', 'no te entendí', 'No entendí nada', '¿cómo así?', 'qué quieres decir?', 'a qué te refieres?', 'perdón, no le entiendo', "I don't understand", 'what do you mean?', 'sorry, I didn\'t get that']) expect(saysNotFollowed(text), text).toBe(true);
  });

  it('should leave other messages alone', () => {
    for (const text of ['no entiendo por qué me cobraron doble si pagué en efectivo ayer en la tienda', 'no tengo', 'no importa', 'entiendo, gracias', 'ok', 'I understand', 'que']) expect(saysNotFollowed(text), text).toBe(false);
  });

  it('should read a bare "?" or "¿qué?" apart', () => {
    for (const text of ['?', '???', '¿qué?', 'eh?', 'what?']) expect(saysNotFollowed(text), text).toBe('bare');
  });
});

describe('a complaint needs a word of trouble', () => {
  it('should hear trouble, discontent, a claim or a wait', () => {
    for (const text of ['me vendieron cemento vencido', 'está dañado', 'no sirve', 'estoy molesto', 'nadie me contesta', 'todavía no llega', 'quiero devolverlo', 'it arrived broken', 'I was overcharged']) expect(voicesTrouble(text), text).toBe(true);
  });

  it('should hear none in everyday short words', () => {
    for (const text of ['no importa', 'no entiendo', 'y el otro?', 'el truper', 'prefiero el otro', 'me llevo ese']) expect(voicesTrouble(text), text).toBe(false);
  });
});

describe('the rule brain on these messages', () => {
  let brain: Brain;
  beforeAll(async () => {
    ({ brain } = await loadDemo());
  });
  const read = (text: string) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });

  it('should read the question after a greeting, not the greeting', async () => {
    expect((await read('hola, hacen envíos?')).nlu.intent.name).toBe('store_hours_location');
    expect((await read('saludos, tienen whatsapp?')).nlu.intent.name).toBe('store_hours_location');
  });

  it('should flag the bot question that came with a greeting', async () => {
    const text = 'hola, esto es automatico?';
    const reading = await read(text);
    expect(reading.nlu.intent.name).toBe('greeting');
    expect(readingWithBotQuestion(reading, text).asksIfBot).toBe(true);
  });

  it('should read no complaint in a short message without trouble, and keep one with it', async () => {
    for (const text of ['no importa', 'no entiendo', 'y el otro?', 'prefiero el otro']) expect((await read(text)).nlu.intent.name, text).not.toBe('complaint');
    expect((await read('me vendieron cemento vencido')).nlu.intent.name).toBe('complaint');
  });

  it('should flag "no entiendo" as not followed, but not a request beside it', async () => {
    expect(readingWithNotFollowed(await read('no entiendo'), 'no entiendo').notFollowed).toBe(true);
    const asks = 'no entiendo, a qué hora abren?';
    expect(readingWithNotFollowed(await read(asks), asks).notFollowed).toBeUndefined();
  });
});

describe('the customer asks to wait', async () => {
  const { asksToWait } = await import('../../../src/actors/brain/rule/wait-ask.js');
  it('should read a request to wait, es and en, with what the customer goes to do', () => {
    for (const text of ['espera', 'un momento', 'ok déjame ver', 'dame un chin', 'espérame un momento que la busco', 'déjame buscar el correo', 'perate', 'hold on', 'one sec', 'let me check', 'wait a minute please']) expect(asksToWait(text), text).toBe(true);
  });
  it('should leave requests and putting off alone', () => {
    for (const text of ['déjame pensarlo', 'espera, y el cemento blanco?', 'un momento de la verdad', 'esperando mi pedido desde ayer', 'dejame ver el precio del cemento', 'ok']) expect(asksToWait(text), text).toBe(false);
  });
});

describe('a greeting with words that ask nothing', () => {
  it('should leave a wish or a remark with the greeting', () => {
    for (const text of ['hola, espero que estén bien', 'buenas tardes, feliz navidad', 'hola, saludos a todos por allá']) expect(questionAfterGreeting(text), text).toBeNull();
    expect(questionAfterGreeting('hola hacen envios')).toBe('hacen envios');
  });
});

describe('a check that the bot is still there', async () => {
  const { isOnlyGreeting } = await import('../../../src/actors/brain/rule/signals.js');
  it('should be a greeting, es and en', () => {
    for (const text of ['¿sigues ahí?', 'sigue ahí?', 'are you still there?', 'estás ahí?']) expect(isOnlyGreeting(text), text).toBe(true);
  });
});
