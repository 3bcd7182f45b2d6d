import { describe, it, expect, beforeAll } from 'vitest';
import { INTENTS } from '../../../src/domain/intents.js';
import type { Expectation, Understanding } from '../../../src/domain/understanding.js';
import type { LeadField } from '../../../src/domain/lead.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { detectAffirmation, detectLang } from '../../../src/actors/brain/rule/signals.js';
import { catalog, loadUtterances, settings } from './fixtures.js';

let brain: Brain;
beforeAll(() => {
  brain = createRuleBrain({ tenant: { utterances: loadUtterances(), catalog, settings } });
});

const understand = (text: string, expecting: Expectation = { kind: 'none' }, lang: 'es' | 'en' = 'es'): Promise<Understanding> =>
  brain.understand({ text, messageId: 'm-1', expecting, lang, idempotencyKey: 'k-1' });
const expectingField = (field: LeadField): Expectation => ({ kind: 'lead_field', field });

describe('createRuleBrain', () => {
  it('should be a rules brain', () => {
    expect(brain.kind).toBe('rules');
  });

  it('should answer parse with the Rasa-like NluResult shape', () => {
    const result = brain.parse('Hola, soy Ana Pérez, ¿a cómo está la varilla de 3/8? mi correo es ana@correo.do');
    expect(Object.keys(result).sort()).toEqual(['entities', 'intent', 'lang', 'ranking']);
    expect(result.intent.name).toBe('price_quote');
    expect(result.ranking).toHaveLength(INTENTS.length);
    expect(result.ranking.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 6);
    expect(result.lang).toBe('es');
    expect(result.entities.map((e) => [e.type, e.value])).toEqual([
      ['person_name', 'Ana Pérez'],
      ['product', 'varilla 3/8'],
      ['email', 'ana@correo.do'],
    ]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('should not let greetings and thanks around a request drown it', () => {
    expect(brain.parse('Hola, buenas tardes, tienen cemento gris? gracias').intent.name).toBe('product_inquiry');
    expect(brain.parse('hello! how much is the rebar? thanks').intent.name).toBe('price_quote');
    expect(brain.parse('hola, buenas tardes').intent.name).toBe('greeting');
    expect(brain.parse('muchas gracias').intent.name).toBe('thanks');
  });

  it('should answer out_of_scope for gibberish and unrelated questions', () => {
    expect(brain.parse('qwzx vbnm').intent.name).toBe('out_of_scope');
    expect(brain.parse('¿quién ganó el juego de pelota anoche?').intent.name).toBe('out_of_scope');
    expect(brain.parse('what is the weather like tomorrow').intent.name).toBe('out_of_scope');
  });

  it('should be deterministic: the same input yields the same understanding', async () => {
    const text = 'Soy Juan Pérez de Constructora del Este SRL, cotízame 10 sacos de cemento, urgente';
    const a = await understand(text);
    const b = await understand(text);
    const other = createRuleBrain({ tenant: { utterances: loadUtterances(), catalog, settings } });
    const c = await other.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('should fill every field of a quote request', async () => {
    const u = await understand('cotízame 10 sacos de cemento, 20 varillas de 3/8 y 5 galones de pintura');
    expect(u.nlu.intent.name).toBe('price_quote');
    expect(u.products).toEqual([
      // The pack stays in the product phrase for the catalog resolver (a galón is not a cubeta).
      { query: 'saco cemento', quantity: 10 },
      { query: 'varilla 3/8', quantity: 20 },
      { query: 'galon pintura', quantity: 5 },
    ]);
    // Buying is not naming an interest area: the lead flow asks for it.
    expect(u.interestArea).toBeUndefined();
    expect(u.critical).toBe(false);
    expect(u.priority).toBeGreaterThanOrEqual(3);
    expect(u.priority).toBeLessThanOrEqual(5);
    expect(u.affirmation).toBeNull();
  });

  it('should read the account id from free text and a bare number when expecting one', async () => {
    expect((await understand('mi cuenta 12-345-67 está al día?')).accountId).toBe('1234567');
    expect((await understand('12 345 67')).accountId).toBeUndefined();
    const bare = await understand('12 345 67', { kind: 'account_id' });
    expect(bare.accountId).toBe('1234567');
    expect(bare.nlu.entities).toEqual([{ type: 'account_id', value: '1234567', start: 0, end: 9 }]);
  });
});

describe('lead fields', () => {
  it('should take name, email, phone and company from free text', async () => {
    const u = await understand('Soy Juan Pérez de Constructora del Este SRL, mi correo es JUAN@CDE.COM.DO y mi cel 829-555-1234');
    expect(u.leadFields).toMatchObject({
      name: 'Juan Pérez',
      company_name: 'Constructora del Este SRL',
      email: 'juan@cde.com.do',
      phone_or_username: '+18295551234',
    });
  });

  it('should read a bare name when the name is expected', async () => {
    expect((await understand('ana pérez', expectingField('name'))).leadFields.name).toBe('Ana Pérez');
    expect((await understand('Juan de la Cruz', expectingField('name'))).leadFields.name).toBe('Juan de la Cruz');
    expect((await understand('ana pérez')).leadFields.name).toBeUndefined();
    // Not giving it: the flow asks kindly again (a required field).
    expect((await understand('no sé', expectingField('name'))).leadFields.name).toBeNull();
    expect((await understand('¿para qué lo necesitan?', expectingField('name'))).leadFields.name).toBeUndefined();
  });

  it('should read a bare email when the email is expected', async () => {
    expect((await understand('es ana@gmail.com', expectingField('email'))).leadFields.email).toBe('ana@gmail.com');
  });

  it('should read a company or a refusal when the company is expected', async () => {
    expect((await understand('Inversiones Díaz', expectingField('company_name'))).leadFields.company_name).toBe('Inversiones Díaz');
    expect((await understand('la empresa es ferreteria el sol', expectingField('company_name'))).leadFields.company_name).toBe('Ferreteria El Sol');
    for (const refusal of ['no tengo empresa', 'independiente', 'soy independiente', 'none', 'ninguna']) {
      const u = await understand(refusal, expectingField('company_name'));
      expect(u.leadFields, refusal).toHaveProperty('company_name', null);
    }
  });

  it('should map interest areas from words and bare answers', async () => {
    expect((await understand('quiero cotizar material', expectingField('interest_area'))).leadFields.interest_area).toBe('Ventas');
    expect((await understand('tengo un problema técnico con la instalación', expectingField('interest_area'))).interestArea).toBe('Soporte');
    expect((await understand('es sobre una factura', expectingField('interest_area'))).interestArea).toBe('Facturación');
    expect((await understand('ventas', expectingField('interest_area'))).interestArea).toBe('Ventas');
    expect((await understand('otra cosa', expectingField('interest_area'))).leadFields.interest_area).toBe('Otro');
  });

  it('should take the whole text as the problem statement, trimmed to 400 characters', async () => {
    const short = await understand('  Necesitamos suplir 40 viviendas en Higüey.  ', expectingField('problem_statement'));
    expect(short.leadFields.problem_statement).toBe('Necesitamos suplir 40 viviendas en Higüey.');
    const long = await understand('material '.repeat(80), expectingField('problem_statement'));
    expect(long.leadFields.problem_statement!.length).toBeLessThanOrEqual(400);
    expect((await understand('Necesitamos suplir 40 viviendas')).leadFields.problem_statement).toBeUndefined();
  });

  it('should read urgency from words and bare answers', async () => {
    expect((await understand('lo necesito urgente')).urgency).toBe('Alto');
    expect((await understand('need it asap')).urgency).toBe('Alto');
    // Within this week is high, as 'en 5 días' and the bare answer 'esta semana' are (lead13; was Medio).
    expect((await understand('para esta semana')).urgency).toBe('Alto');
    expect((await understand('sin prisa, cuando sea')).urgency).toBe('Bajo');
    expect((await understand('media', expectingField('urgency_level'))).leadFields.urgency_level).toBe('Medio');
    expect((await understand('ya pagué la factura')).urgency).toBeUndefined();
    // An answer that starts with the level, or names it next to "prioridad"/"priority".
    expect((await understand('alta, empezamos la semana que viene', expectingField('urgency_level'))).leadFields.urgency_level).toBe('Alto');
    expect((await understand('baja, vamos con calma', expectingField('urgency_level'))).leadFields.urgency_level).toBe('Bajo');
    expect((await understand('la prioridad es media')).urgency).toBe('Medio');
    expect((await understand('high priority')).urgency).toBe('Alto');
    expect((await understand('lo necesitamos para ayer')).urgency).toBe('Alto');
    expect((await understand('empezamos la semana que viene')).urgency).toBe('Medio');
    // Outside that question a leading "alta" is not an urgency ("alta calidad").
    expect((await understand('alta calidad en pinturas')).urgency).toBeUndefined();
  });

  it('should read "no, mi correo es …" at the company question as the e-mail corrected, not the company declined', async () => {
    for (const text of ['no, mi correo es creyes@gmail.com', 'no, el email es creyes@gmail.com', 'no, my email is creyes@gmail.com']) {
      const u = await understand(text, expectingField('company_name'));
      expect(u.leadFields.email, text).toBe('creyes@gmail.com');
      expect(u.leadFields, text).not.toHaveProperty('company_name');
    }
    // A plain "no" and "no tengo empresa" still decline it.
    expect((await understand('no', expectingField('company_name'))).leadFields).toHaveProperty('company_name', null);
    expect((await understand('no tengo empresa, es para mi casa', expectingField('company_name'))).leadFields).toHaveProperty('company_name', null);
  });

  it('should read an e-mail declined in a sentence, in Spanish and English', async () => {
    for (const text of ["I'd rather not give my email", 'I prefer not to share it', "I don't have an email", 'no tengo correo, llámenme mejor', 'prefiero no dar mi correo']) {
      expect((await understand(text, expectingField('email'))).leadFields, text).toHaveProperty('email', null);
    }
  });

  it('should read a name refused in a sentence as a decline, and the name given after a grudging "ok"', async () => {
    for (const text of ['no te voy a dar mi nombre', 'no le digo mi nombre', "I'm not giving you my name"]) {
      expect((await understand(text, expectingField('name'))).leadFields, text).toHaveProperty('name', null);
    }
    expect((await understand('ok, Juan', expectingField('name'))).leadFields.name).toBe('Juan');
    expect((await understand('bueno, Constructora Báez', expectingField('company_name'))).leadFields.company_name).toBe('Constructora Báez');
    // "ok" alone answers neither.
    expect((await understand('ok', expectingField('name'))).leadFields.name).toBeUndefined();
  });

  it('should read a full name given again as a correction, at another question, and not at the company question', async () => {
    expect((await understand('perdón, es María Elena Pérez', expectingField('email'))).leadFields.name).toBe('María Elena Pérez');
    expect((await understand("sorry, it's John Miller", expectingField('company_name'), 'en')).leadFields.name).toBeUndefined();
    expect((await understand("sorry, it's John Miller", expectingField('interest_area'), 'en')).leadFields.name).toBe('John Miller');
    // Not a name: an apology with anything else, or a company.
    expect((await understand('perdón, no entendí la pregunta', expectingField('email'))).leadFields.name).toBeUndefined();
    expect((await understand('perdón, es Constructora Pérez', expectingField('email'))).leadFields.name).toBeUndefined();
  });

  it('should not take a bare acknowledgment for the need', async () => {
    for (const text of ['yes', 'sí', 'ok', 'dale', 'claro']) expect((await understand(text, expectingField('problem_statement'))).leadFields.problem_statement, text).toBeUndefined();
    expect((await understand('si, necesito cemento para 3 casas', expectingField('problem_statement'))).leadFields.problem_statement).toBe('si, necesito cemento para 3 casas');
  });

  it('should take the need told after the area in one answer, and not a short or questioning rest', async () => {
    const en = await understand("sales, we're renovating a 30 room hotel in Bayahibe, fairly urgent", expectingField('interest_area'), 'en');
    expect(en.interestArea).toBe('Ventas');
    expect(en.leadFields.problem_statement).toBe("we're renovating a 30 room hotel in Bayahibe, fairly urgent");
    const es = await understand('ventas: vamos a levantar 20 apartamentos en Villa Hermosa', expectingField('interest_area'));
    expect(es.leadFields.problem_statement).toBe('vamos a levantar 20 apartamentos en Villa Hermosa');
    for (const text of ['ventas, por favor', 'ventas, ¿cuánto tarda el asesor en llamar?', 'ventas']) {
      expect((await understand(text, expectingField('interest_area'))).leadFields.problem_statement, text).toBeUndefined();
    }
    // What they want to buy, told at length where the area is asked: a sale, and the need itself.
    const goods = await understand('we need 500 bags of cement and rebar for a 3 story building', expectingField('interest_area'), 'en');
    expect(goods.interestArea).toBe('Ventas');
    expect(goods.leadFields.problem_statement).toBe('we need 500 bags of cement and rebar for a 3 story building');
    // Buying, said as the area, is sales; areas named again where the need is asked are not the need.
    expect((await understand('purchasing for 3 hotels', expectingField('interest_area'), 'en')).interestArea).toBe('Ventas');
    expect((await understand('compras para la obra', expectingField('interest_area'))).interestArea).toBe('Ventas');
    for (const text of ['both sales and billing', 'ventas y facturación']) expect((await understand(text, expectingField('problem_statement'))).leadFields.problem_statement, text).toBeUndefined();
    // A price asked is a detour, not the need.
    expect((await understand('necesito saber el precio del cemento gris y la varilla de 3/8', expectingField('interest_area'))).leadFields.problem_statement).toBeUndefined();
    // Only where the area is asked: later the need is asked on its own.
    expect((await understand('ventas, vamos a levantar 20 apartamentos en Villa Hermosa', expectingField('urgency_level'))).leadFields.problem_statement).toBeUndefined();
  });
});

describe('language detection', () => {
  it('should read no language from a name or a company: a Spanish name in an English conversation stays English', async () => {
    for (const text of ['Juan Pérez', 'José Ramírez', 'Constructora Núñez SRL', 'Ramón Peña, ramon@pena.do']) {
      expect((await understand(text, expectingField('name'), 'en')).lang, text).toBe('en');
    }
    // Spanish words around the name still say Spanish.
    expect((await understand('me llamo Juan Pérez', expectingField('name'), 'en')).lang).toBe('es');
    expect((await understand('Juan Pérez', expectingField('name'), 'es')).lang).toBe('es');
  });

  it.each([
    ['hola', 'en', 'es'],
    // A visitor's Spanish thanks in an English conversation: still English.
    ['gracias', 'en', 'en'],
    ['muchas gracias amigo', 'en', 'en'],
    ['gracias', 'es', 'es'],
    ['hi', 'es', 'en'],
    ['thanks', 'es', 'en'],
    ['do you have cement?', 'es', 'en'],
    ['tienen cemento?', 'en', 'es'],
    ['ok', 'en', 'en'],
    ['ok', 'es', 'es'],
    ['12345', 'en', 'en'],
    ['Ana Pérez', 'es', 'es'],
    ['John Smith', 'en', 'en'],
    // A Spanish request around an English product word stays Spanish.
    ['dame 10 blocks', 'es', 'es'],
    ['ponme 3 gallons de pintura', 'en', 'es'],
    ['give me 10 blocks', 'es', 'en'],
    // "bye" is said in Spanish as much as in English: the conversation's language stays.
    ['bye', 'es', 'es'],
    ['ok bye', 'es', 'es'],
    ['bye', 'en', 'en'],
    ['thanks, bye', 'es', 'en'],
  ] as const)('should read "%s" (conversation in %s) as %s', async (text, fallback, lang) => {
    expect(detectLang(text, fallback)).toBe(lang);
    expect((await understand(text, { kind: 'none' }, fallback)).lang).toBe(lang);
  });
});

describe('affirmation', () => {
  it.each(['sí', 'si', 'Sí, claro', 'claro', 'dale', 'ok', 'correcto', 'exacto', 'yes', 'yeah', 'sure', 'right', 'sí, está bien', 'de acuerdo'])(
    'should read "%s" as yes',
    (text) => {
      expect(detectAffirmation(text)).toBe('yes');
    },
  );
  it.each(['no', 'No.', 'nope', 'negativo', 'incorrecto', 'no, mi correo es otro', 'nah'])('should read "%s" as no', (text) => {
    expect(detectAffirmation(text)).toBe('no');
  });
  it.each(['si tienen cemento en existencia?', 'no tienen varilla de 3/8?', 'quiero cemento', 'hola'])('should read "%s" as neither', (text) => {
    expect(detectAffirmation(text)).toBeNull();
  });

  it('should not let a bare "no" raise the priority', async () => {
    const u = await understand('no', { kind: 'lead_confirmation' });
    expect(u.affirmation).toBe('no');
    expect(u.priority).toBeLessThanOrEqual(5);
  });
});

describe('critical cases and priority', () => {
  it.each([
    'a mi hijo se le cayó una plancha encima y está herido',
    'me dio corriente el abanico que compré, casi me electrocuto',
    'hay fuego en el almacén',
    'huele a gas desde que instalaron el tanque',
    'si no me devuelven el dinero voy a denunciar',
    'voy a poner una demanda, ya hablé con mi abogado',
    'esto es un fraude',
    'me robaron el pedido en la entrega',
    'the drill caught fire and I got hurt',
    'I will call my lawyer',
    'el taladro llegó roto y lo necesito urgente!',
  ])('should flag "%s" as critical with priority ≥ 9', async (text) => {
    const u = await understand(text);
    expect(u.critical).toBe(true);
    expect(u.priority).toBeGreaterThanOrEqual(9);
  });

  it('should rate an angry complaint 6–8 and a normal request 3–5', async () => {
    const angry = await understand('PÉSIMO SERVICIO, me vendieron pintura equivocada y nadie me responde!!');
    expect(angry.nlu.intent.name).toBe('complaint');
    expect(angry.critical).toBe(false);
    expect(angry.priority).toBeGreaterThanOrEqual(6);
    expect(angry.priority).toBeLessThanOrEqual(8);
    for (const text of ['tienen cemento?', 'hola', 'a qué hora abren?', 'quiero hablar con una persona']) {
      const u = await understand(text);
      expect(u.critical, text).toBe(false);
      expect(u.priority, text).toBeGreaterThanOrEqual(3);
      expect(u.priority, text).toBeLessThanOrEqual(5);
    }
  });
});

describe('createRuleBrain › a bare introduction is not a request', () => {
  it.each([
    ['Constructora Mejia', 'company'],
    ['Constructora Mejía.', 'company'],
    ['buenas, de parte de Inversiones Báez', 'company'],
    ['Hola, somos Constructora Peña', 'company'],
    ['Ferretería Díaz SRL', 'company'],
    ['Pedro Mejía', 'person_name'],
    ['Ana Pérez, ana@correo.com', 'person_name'],
    ['hi, this is John Smith', 'person_name'],
  ])('should read "%s" as a greeting that keeps the %s', async (text, type) => {
    const u = await understand(text);
    expect(u.nlu.intent.name).toBe('greeting');
    expect(u.nlu.entities.some((e) => e.type === type)).toBe(true);
  });

  it.each(['Constructora Mejia, quiero una cotización', '¿Constructora Mejía tiene crédito con ustedes?', 'Somos una constructora y queremos comprar materiales al por mayor'])(
    'should still read the request in "%s"',
    async (text) => {
      expect((await understand(text)).nlu.intent.name).not.toBe('greeting');
    },
  );
});

describe('createRuleBrain › an interest area is never a name', () => {
  it.each(['ventas', 'Ventas', 'soporte', 'Soporte técnico', 'el área de ventas', 'facturación', 'sales', 'billing', 'tech support', 'alta'])(
    'should not take "%s" as the name asked for',
    async (text) => {
      const u = await understand(text, expectingField('name'));
      expect(u.leadFields.name).toBeUndefined();
    },
  );

  it.each([
    ['Ana Pérez', 'Ana Pérez'],
    ['me llamo Marta Ventura', 'Marta Ventura'],
    ['Alberto Soto', 'Alberto Soto'],
    ["I'm Sarah Miller", 'Sarah Miller'],
  ])('should still take "%s" as the name', async (text, name) => {
    expect((await understand(text, expectingField('name'))).leadFields.name).toBe(name);
  });
});
