import { describe, it, expect, beforeAll } from 'vitest';
import { renderReply } from '../../../src/actors/render-reply.js';
import { answerAccount, answerInfo, answerProduct, createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import type { Lang } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { AccountAccess, InfoTopic, ReplyDirective } from '../../../src/machines/conversation.contract.js';
import { demoTenant, productInput } from './helpers.js';

let tenant: TenantData;
let index: CatalogIndex;

beforeAll(async () => {
  tenant = await demoTenant();
  index = createCatalogIndex(tenant.catalog);
});

function render(replies: ReplyDirective[], lang: Lang = 'es'): string {
  return replies.map((r) => renderReply(r, tenant.templates, lang)).join('\n---\n');
}

/**
 * WhatsApp style: at most two paragraphs per message, the answer ending with a question. Several
 * topics answered at once ask only in the last message (an earlier "¿Te comparto la dirección?"
 * would be moot: the addresses follow).
 */
function expectWhatsAppStyle(text: string): void {
  const messages = text.split('\n---\n');
  for (const message of messages) expect(message.split('\n\n').length).toBeLessThanOrEqual(2);
  expect(messages[messages.length - 1]!.trim().endsWith('?')).toBe(true);
}

describe('answerProduct', () => {
  it('should list the best matches with price and stock for an inquiry', () => {
    const out = answerProduct(tenant, index, productInput('product_inquiry', [{ query: 'tubo pvc de media' }]));
    expect(out.outcome).toBe('answered');
    const text = render(out.replies);
    expect(text).toContain('*Tubo PVC 1/2" SDR-26 (6 m)*: *RD$185.00*');
    expect(text).toContain('disponible: 420 unidades');
    expect(text.match(/^• /gm)?.length).toBeLessThanOrEqual(3);
    expect(text).toContain('¿Te lo reservo o necesitas otra cosa?');
    expectWhatsAppStyle(text);
  });

  it('should say "agotado" and suggest an in-stock alternative', () => {
    const out = answerProduct(tenant, index, productInput('product_inquiry', [{ query: 'cemento santo domingo' }]));
    expect(out.outcome).toBe('answered');
    const text = render(out.replies);
    expect(text).toContain('(agotado)');
    expect(text).toMatch(/está agotado, pero te puedo ofrecer \*Cemento [^*]+\* a \*RD\$[\d,]+\.\d\d\* \(disponible: \d+ sacos\)/);
    expectWhatsAppStyle(text);
  });

  it('should quote one item with its unit price, and the total for a quantity', () => {
    const one = answerProduct(tenant, index, productInput('price_quote', [{ query: 'cemento cibao' }]));
    expect(one.outcome).toBe('answered');
    expect(render(one.replies)).toContain('*Cemento Cibao Portland Tipo I (saco 42.5 kg)* cuesta *RD$640.00*');

    const many = answerProduct(tenant, index, productInput('price_quote', [{ query: 'cemento cibao', quantity: 10 }]));
    const text = render(many.replies);
    expect(text).toContain('*10 sacos de Cemento Cibao Portland Tipo I (saco 42.5 kg)*: 10 × RD$640.00 = *RD$6,400.00* (disponible: 185 sacos)');
    expectWhatsAppStyle(text);
  });

  it('should answer in English with English units', () => {
    const out = answerProduct(tenant, index, productInput('price_quote', [{ query: 'cibao cement', quantity: 2 }], 'en'));
    const text = render(out.replies, 'en');
    expect(text).toContain('*2 bags of Cemento Cibao Portland Tipo I (saco 42.5 kg)*: 2 × RD$640.00 = *RD$1,280.00* (available: 185 bags)');
  });

  it('should turn a price quote for several items into an estimate with subtotals and total', () => {
    const out = answerProduct(
      tenant,
      index,
      productInput('price_quote', [
        { query: 'cemento cibao', quantity: 10 },
        { query: 'varilla 3/8 grado 40', quantity: 20 },
      ]),
    );
    expect(out.outcome).toBe('estimate');
    const text = render(out.replies);
    expect(text).toContain('10 x *Cemento Cibao Portland Tipo I (saco 42.5 kg)*: RD$640.00 c/u = *RD$6,400.00*');
    expect(text).toContain('20 x *Varilla Corrugada 3/8" Grado 40 (20 pies)*: RD$265.00 c/u = *RD$5,300.00*');
    expect(text).toContain('Total estimado: *RD$11,700.00*');
    expect(text).toContain('¿Te preparo la cotización formal?');
    expectWhatsAppStyle(text);
  });

  it('should name the items it could not find in an estimate', () => {
    const out = answerProduct(tenant, index, productInput('price_quote', [{ query: 'cemento cibao' }, { query: 'flurbo zzq' }]));
    expect(out.outcome).toBe('estimate');
    expect(render(out.replies)).toContain('No tenemos: *flurbo zzq*');
  });

  it('should open the formal quote at once when the message asks for one ("una cotización", "a formal quote")', () => {
    const items = [
      { query: 'cemento cibao', quantity: 10 },
      { query: 'varilla 3/8 grado 40', quantity: 20 },
    ];
    for (const text of ['necesito una cotización de 10 sacos de cemento cibao y 20 varillas de 3/8', 'kiero una cotisacion de eso']) {
      const out = answerProduct(tenant, index, productInput('price_quote', items), { text });
      expect(out.outcome).toBe('multi_quote');
      expect(render(out.replies)).not.toContain('¿Te preparo la cotización formal?');
    }
    const verb = answerProduct(tenant, index, productInput('price_quote', items), { text: 'cotízame 10 sacos de cemento cibao y 20 varillas' });
    expect(verb.outcome).toBe('estimate');
  });

  it('should ask for the product when none is mentioned', () => {
    const out = answerProduct(tenant, index, productInput('product_inquiry', []));
    expect(out.outcome).toBe('need_product');
    expectWhatsAppStyle(render(out.replies));
  });

  it('should search the message text when the brain found no product phrase', () => {
    const out = answerProduct(tenant, index, productInput('product_inquiry', []), { text: '¿tienen varillas de 3/8?' });
    expect(out.outcome).toBe('answered');
    expect(render(out.replies)).toContain('Varilla Corrugada 3/8"');
  });

  it('should answer not_found with a helpful question for gibberish', () => {
    const out = answerProduct(tenant, index, productInput('product_inquiry', [{ query: 'asdfgh qwerty' }]));
    expect(out.outcome).toBe('not_found');
    const text = render(out.replies);
    expect(text).toContain('*asdfgh qwerty*');
    expectWhatsAppStyle(text);
  });
});

describe('answerProduct: what the store does not carry', () => {
  // The brain finds no catalog phrase in these: the tool reads the message itself.
  const asked: [string, string, Lang][] = [
    ['do you sell pizza?', 'pizza', 'en'],
    ['Do you have shoes?', 'shoes', 'en'],
    ['¿venden pizza?', 'pizza', 'es'],
    ['tienen comida?', 'comida', 'es'],
    ['venden celulares?', 'celulares', 'es'],
    ['tienen zapatos?', 'zapatos', 'es'],
    ['hola, ustedes venden helados?', 'helados', 'es'],
    ['quiero comprar un celular', 'celular', 'es'],
  ];

  it('should name the product, not echo the question, and say what the store is', () => {
    for (const [text, product, lang] of asked) {
      const out = answerProduct(tenant, index, productInput('product_inquiry', [], lang), { text });
      expect(out.outcome, text).toBe('not_found');
      const said = render(out.replies, lang);
      expect(said, text).toContain(`*${product}*`);
      expect(said, text).not.toContain(text.toLowerCase().replace(/^hola, /, ''));
      expect(said, text).toMatch(lang === 'es' ? /No vendemos .*Somos una ferretería/s : /We don't sell .*We're a hardware store/s);
      expectWhatsAppStyle(said);
    }
  });

  it('should not offer a product that only shares a side word with one the store does not carry', () => {
    // "eléctrico" is in the electrical conduit's name; a generator is not a conduit.
    for (const [query, lang] of [['generador electrico', 'es'], ['planta electrica', 'es'], ['electric generator', 'en']] as [string, Lang][]) {
      const out = answerProduct(tenant, index, productInput('product_inquiry', [{ query }], lang));
      expect(out.outcome, query).toBe('not_found');
      expect(render(out.replies, lang), query).not.toMatch(/Conduit|RD\$/);
    }
  });

  it('should ask which product when the message only asks, counts or points, never "we don\'t sell" it', () => {
    for (const [text, lang] of [
      ['¿me haces una cotización?', 'es'],
      ['cuánto me sale todo?', 'es'],
      ['a como me deja los 10 sacos?', 'es'],
      ['can you quote me some materials?', 'en'],
      ['how much would it all cost?', 'en'],
    ] as [string, Lang][]) {
      const out = answerProduct(tenant, index, productInput('price_quote', [], lang), { text });
      expect(out.outcome, text).toBe('need_product');
      expect(render(out.replies, lang), text).not.toMatch(/vendemos|don't sell/);
    }
  });

  it('should still find a product behind a container, a form word or a typo', () => {
    const cases: [string, Lang, RegExp][] = [
      ['plancha de zinc', 'es', /Zinc Ondulado/],
      ['envase de thinner', 'es', /Thinner/],
      ['a sheet of plywood', 'en', /Plywood/],
      ['paint for the roof', 'en', /Pintura|Impermeabilizante/],
      ['gray cemnt', 'en', /Cemento Gris/],
      ['varriya de 3/8', 'es', /Varilla Corrugada 3\/8"/],
    ];
    for (const [query, lang, expected] of cases) {
      const out = answerProduct(tenant, index, productInput('product_inquiry', [{ query }], lang));
      expect(out.outcome, query).toBe('answered');
      expect(render(out.replies, lang), query).toMatch(expected);
    }
  });
});

describe('answerAccount', () => {
  const input = (accountId: string | null, lang: Lang = 'es') => ({ tenantId: 'ferreteria', lang, accountId, idempotencyKey: 'k' });
  /** The account already verified in this conversation (its data shows without asking again). */
  const verified = (accountId: string, lang: Lang = 'es') => ({ ...input(accountId, lang), access: { verified: [accountId.replace(/\D/g, '')], pending: null, failures: 0 } });

  it('should ask for the account number when there is none', () => {
    const out = answerAccount(tenant, input(null));
    expect(out.outcome).toBe('need_account_id');
    expectWhatsAppStyle(render(out.replies));
  });

  it('should sanitise to digits before looking up', () => {
    const out = answerAccount(tenant, verified(' 12-345 '));
    expect(out.outcome).toBe('answered');
    expect(render(out.replies)).toContain('*12345*');
  });

  it('should reject numbers of the wrong length and explain the format', () => {
    for (const id of ['123', '123456789', 'abc']) {
      const out = answerAccount(tenant, input(id));
      expect(out.outcome).toBe('invalid');
      const text = render(out.replies);
      expect(text).toContain('5 a 8 dígitos');
      expectWhatsAppStyle(text);
    }
  });

  it('should answer not_found for an unknown number where the tenant has no verification policy', () => {
    const open: TenantData = { ...tenant, settings: { ...tenant.settings, accountVerification: 'none' } };
    const out = answerAccount(open, input('99999'));
    expect(out.outcome).toBe('not_found');
    expect(render(out.replies)).toContain('*99999*');
  });

  it('should give standing, balance and due date with the first name only', () => {
    const current = render(answerAccount(tenant, verified('12345')).replies);
    expect(current).toContain('Juan, tu cuenta *12345* está *al día*');
    expect(current).toContain('*RD$12,750.00*');
    expect(current).toContain('20 de diciembre de 2026');
    expect(current).not.toContain('Santana');

    const late = render(answerAccount(tenant, verified('10587')).replies);
    expect(late).toContain('está *atrasada*');
    expect(late).toContain('*RD$18,450.50*');

    const suspended = render(answerAccount(tenant, verified('13478', 'en')).replies, 'en');
    expect(suspended).toContain('Rosa, your account *13478* is *suspended*');
    expect(suspended).not.toContain('Mejía');
    expectWhatsAppStyle(suspended);
  });

  it('should address a company holder by its whole name, never its first word ("Constructora")', () => {
    const company = render(answerAccount(tenant, verified('204517')).replies);
    expect(company).toContain('Constructora Del Este SRL, tu cuenta *204517*');
  });

  describe('verification (accountVerification: second_identifier)', () => {
    const say = (text: string, access: AccountAccess | null, accountId: string | null = null) =>
      answerAccount(tenant, { ...input(accountId), text, access, verifying: access?.pending !== null && access !== null });

    it('should answer the statement or the credit limit asked with what is known and a person offered, remembered through the number and the proof', () => {
      const asked = answerAccount(tenant, { ...input(null), text: 'send me my account statement' });
      expect(asked.outcome).toBe('need_account_id');
      expect(asked.access?.asked).toBe('statement');
      const number = answerAccount(tenant, { ...input('12345'), text: '12345', access: asked.access ?? null });
      expect(number.outcome).toBe('need_verification');
      const shown = answerAccount(tenant, { ...input(null), text: '1411', access: number.access ?? null, verifying: true });
      expect(shown.outcome).toBe('answered');
      expect(render(shown.replies)).toMatch(/estado de cuenta detallado.*12,750/s);
      expect(shown.offer?.intent).toBe('human_agent');
      expect(shown.access?.asked).toBeUndefined();
      const limit = render(answerAccount(tenant, { ...verified('10587'), text: '¿cuál es mi límite de crédito?' }).replies);
      expect(limit).toMatch(/límite de crédito.*no lo tengo aquí/);
      expect(limit).toContain('18,450.50');
    });

    it('should check the cédula or phone digits given with the account number at once, never ask for them again', () => {
      const right = answerAccount(tenant, { ...input('10587'), text: 'mi cuenta es 10587 y mi cédula 014-5308642-3' });
      expect(right.outcome).toBe('answered');
      expect(render(right.replies)).toContain('*atrasada*');
      const phone = answerAccount(tenant, { ...input('10587'), text: 'cuenta 10587, los últimos 4 del teléfono son 1337' });
      expect(phone.outcome).toBe('answered');
      const wrong = answerAccount(tenant, { ...input('10587'), text: 'mi cuenta es 10587 y mi cédula 001-1111111-1' });
      expect(wrong.outcome).toBe('verification_failed');
      expect(wrong.access).toEqual({ verified: [], pending: '10587', failures: 1 });
      // A number in passing is no proof offered: the question is asked.
      expect(answerAccount(tenant, { ...input('12345'), text: 'mi cuenta 12345, ¿debo 4200?' }).outcome).toBe('need_verification');
    });

    it('should ask for a second identifier before showing anything of an account someone names', () => {
      const out = answerAccount(tenant, { ...input('10587'), text: 'dame el estado de la cuenta 10587, es de mi vecino' });
      expect(out.outcome).toBe('need_verification');
      expect(out.access).toEqual({ verified: [], pending: '10587', failures: 0 });
      const text = render(out.replies);
      expect(text).toContain('*10587*');
      expect(text).toMatch(/últimos 4 dígitos del teléfono/);
      expect(text).not.toMatch(/18,450|atrasada|José|Castillo|2026/);
      expect(render(out.replies, 'en')).toMatch(/last 4 digits of the phone number/);
    });

    it.each([
      ['the last 4 digits of the phone on file', 'son 1337'],
      ['the whole phone number', 'mi teléfono es 829-555-1337'],
      ["the holder's cédula", 'cédula 014-5308642-3'],
    ])('should show the standing after %s and keep the account verified', (_label, answer) => {
      const out = say(answer, { verified: [], pending: '10587', failures: 0 });
      expect(out.outcome).toBe('answered');
      expect(render(out.replies)).toContain('*RD$18,450.50*');
      expect(out.access).toEqual({ verified: ['10587'], pending: null, failures: 0 });
    });

    it('should accept the RNC of a company account', () => {
      expect(say('RNC 1-35-21848-5', { verified: [], pending: '204517', failures: 0 }).outcome).toBe('answered');
    });

    it('should count wrong answers and lock after three, even for the right answer or another account', () => {
      let access: AccountAccess = { verified: [], pending: '10587', failures: 0 };
      const first = say('0000', access);
      expect(first.outcome).toBe('verification_failed');
      expect(render(first.replies)).toMatch(/No pude confirmar.*2 intentos/s);
      access = first.access!;
      const second = say('1111', access);
      expect(second.outcome).toBe('verification_failed');
      access = second.access!;
      const third = say('2222', access);
      expect(third.outcome).toBe('verification_locked');
      expect(render(third.replies)).toMatch(/no puedo darte su estado/);
      access = third.access!;
      expect(access).toEqual({ verified: [], pending: null, failures: 3 });
      const late = answerAccount(tenant, { ...input('10587'), text: '1337', access });
      expect(late.outcome).toBe('verification_locked');
      expect(render(late.replies)).not.toContain('18,450');
      expect(answerAccount(tenant, { ...input('12345'), text: 'y la 12345?', access }).outcome).toBe('verification_locked');
    });

    it('should never match a message listing many guesses at once, and count it as one failure', () => {
      const guesses = Array.from({ length: 40 }, (_, i) => String(1320 + i)).join(' ');
      expect(guesses).toContain('1337');
      const out = say(guesses, { verified: [], pending: '10587', failures: 0 });
      expect(out.outcome).toBe('verification_failed');
      expect(out.access?.failures).toBe(1);
    });

    it('should take a new account number given instead of the identifier as a new question, not a failure', () => {
      const out = say('perdón, es la 12345', { verified: [], pending: '10587', failures: 0 }, '12345');
      expect(out.outcome).toBe('need_verification');
      expect(out.access).toEqual({ verified: [], pending: '12345', failures: 0 });
    });

    it('should not tell a guesser which account numbers exist: an unknown number gets the same answers as a real one', () => {
      // 10587 exists, 99999 does not: every step must read the same apart from the number itself.
      const bare = (text: string) => text.replace(/10587|99999/g, 'N');
      for (const lang of ['es', 'en'] as const) {
        const real = answerAccount(tenant, { ...input('10587', lang), text: 'estado de la cuenta' });
        const fake = answerAccount(tenant, { ...input('99999', lang), text: 'estado de la cuenta' });
        expect(fake.outcome).toBe(real.outcome);
        expect(bare(render(fake.replies, lang))).toBe(bare(render(real.replies, lang)));
        let realAccess = real.access!;
        let fakeAccess = fake.access!;
        for (const guess of ['0000', '1111', '2222']) {
          const r = say(guess, realAccess);
          const f = say(guess, fakeAccess);
          expect(f.outcome).toBe(r.outcome);
          expect(bare(render(f.replies, lang))).toBe(bare(render(r.replies, lang)));
          realAccess = r.access!;
          fakeAccess = f.access!;
        }
        expect(fakeAccess).toEqual({ verified: [], pending: null, failures: 3 });
      }
    });

    it('should show the data at once where the tenant has no verification policy', () => {
      const open: TenantData = { ...tenant, settings: { ...tenant.settings, accountVerification: 'none' } };
      expect(answerAccount(open, input('10587')).outcome).toBe('answered');
    });
  });
});

describe('answerInfo', () => {
  const NOW = Date.UTC(2026, 11, 22, 15, 0); // 22 Dec 2026, 11:00 in Santo Domingo
  const input = (topic: InfoTopic, text: string, lang: Lang = 'es') => ({ tenantId: 'ferreteria', lang, topic, text, idempotencyKey: 'k' });

  it('should answer only the hours when the text asks for hours', () => {
    const out = answerInfo(tenant, input('store_hours_location', '¿A qué hora abren?'), NOW);
    expect(out.replies).toEqual([expect.objectContaining({ template: 'info.hours' })]);
    const text = render(out.replies);
    expect(text).toContain('domingos de 8:00 a. m. a 12:30 p. m.');
    expectWhatsAppStyle(text);
  });

  it('should answer the hours of the day asked about (the next Sunday), branch by branch', () => {
    const out = answerInfo(tenant, input('store_hours_location', '¿A qué hora abren el domingo?'), NOW);
    expect(out.replies).toEqual([expect.objectContaining({ template: 'info.day' })]);
    const text = render(out.replies);
    expect(text).toMatch(/^El domingo 27 de diciembre/);
    expect(text).toContain('de 8:00 a. m. a 12:30 p. m.');
    expectWhatsAppStyle(text);
  });

  it('should give only the branch a location question names, the main one for "main store"', () => {
    const one: [string, Lang, RegExp][] = [
      ["where's the main store?", 'en', /^Our \*Sucursal Principal \(Av\. Libertad\)\* is at Av\. Libertad No\. 145/],
      ['dónde queda la tienda principal?', 'es', /^La \*Sucursal Principal \(Av\. Libertad\)\* queda en Av\. Libertad No\. 145/],
      ['donde queda la matriz', 'es', /Sucursal Principal/],
      ['dónde queda la sucursal de villa hermosa?', 'es', /^La \*Sucursal Villa Hermosa\* queda en Carretera La Romana–San Pedro km 3/],
      ['where is the Padre Abreu branch?', 'en', /^Our \*Sucursal Av\. Padre Abreu\* is at Av\. Padre Abreu No\. 62/],
    ];
    for (const [text, lang, expected] of one) {
      const out = answerInfo(tenant, input('store_hours_location', text, lang), NOW);
      expect(out.replies.map((r) => ('template' in r ? r.template : '')), text).toEqual(['info.location.one']);
      const shown = render(out.replies, lang);
      expect(shown, text).toMatch(expected);
      expect(shown.match(/Sucursal/g)?.length, text).toBe(1);
      expectWhatsAppStyle(shown);
    }
    // No branch named: all of them.
    const all = render(answerInfo(tenant, input('store_hours_location', 'dónde están ubicados?'), NOW).replies);
    expect(all.match(/Sucursal/g)?.length).toBe(3);
  });

  it('should answer each topic the text asks about', () => {
    const out = answerInfo(tenant, input('store_hours_location', 'dónde quedan y hacen delivery a Caleta?'), NOW);
    // The branches first, without their closing question (the delivery answer follows and asks its own).
    expect(out.replies.map((r) => ('template' in r ? r.template : 'text'))).toEqual(['text', 'info.delivery.zone']);
    expect(render(out.replies.slice(0, 1))).not.toContain('?');
    const text = render(out.replies);
    expect(text).toContain('Av. Libertad No. 145');
    expect(text).toContain('*Caleta*');
    expect(text).toContain('RD$400.00');
    expectWhatsAppStyle(text);
  });

  it('should answer payment methods in English', () => {
    const text = render(answerInfo(tenant, input('store_hours_location', 'do you take credit cards?', 'en'), NOW).replies, 'en');
    expect(text).toMatch(/^Yes, we accept credit or debit cards\./);
    expect(text).toContain('cash, credit or debit card (Visa, Mastercard)');
  });

  it('should give a short summary when no topic is named', () => {
    const out = answerInfo(tenant, input('store_hours_location', 'info de la tienda'), NOW);
    expect(out.replies).toEqual([expect.objectContaining({ template: 'info.summary' })]);
    expectWhatsAppStyle(render(out.replies));
  });

  it('should list only offers still valid on the tenant calendar date', () => {
    const text = render(answerInfo(tenant, input('offers', 'ofertas?'), NOW).replies);
    expect(text).toContain('Cemento Cemex a precio especial');
    expect(text).toContain('hasta el 31 de diciembre de 2026');
    expect(text).not.toContain('candados 2x1'); // expired in September
    expect(text).not.toContain('Combo techo de aluzinc'); // expired on 20 Dec
    expectWhatsAppStyle(text);

    // 1 Jan 2027 03:00 UTC is still 31 Dec in Santo Domingo: the December offers still hold.
    const newYearsEve = render(answerInfo(tenant, input('offers', ''), Date.UTC(2027, 0, 1, 3, 0)).replies);
    expect(newYearsEve).toContain('Cemento Cemex a precio especial');
    const january = render(answerInfo(tenant, input('offers', ''), Date.UTC(2027, 0, 2, 12, 0)).replies);
    expect(january).not.toContain('Cemento Cemex a precio especial');
    expect(january).toContain('Delivery gratis en La Romana');
  });

  it('should say there are no offers once all have expired', () => {
    const out = answerInfo(tenant, input('offers', ''), Date.UTC(2027, 5, 1));
    expect(out.replies).toEqual([{ template: 'offers.none' }]);
  });

  it('should list the job openings with how to apply', () => {
    const text = render(answerInfo(tenant, input('job_vacancies', 'hay vacantes?'), NOW).replies);
    for (const title of ['Cajero/a', 'Despachador de almacén', 'Vendedor/a de mostrador', 'Chofer de camión']) expect(text).toContain(`*${title}*`);
    expect(text).toContain('empleos@ferreterialaromana.com.do');
    expectWhatsAppStyle(text);
  });
});

describe('answerAccountLimited', () => {
  it('should lock an account for everyone after 10 wrong answers a day across conversations', async () => {
    const { createMemoryAccessCounters } = await import('../../../src/persistence/ports/access-counters.js');
    const { createManualClock } = await import('../../../src/kernel/clock.js');
    const { answerAccountLimited, MAX_ACCOUNT_FAILURES_PER_DAY } = await import('../../../src/actors/tools/index.js');
    const clock = createManualClock();
    const counters = createMemoryAccessCounters({ clock });
    const base = { tenantId: 'ferreteria', lang: 'es' as Lang, idempotencyKey: 'k' };
    // Each "conversation" starts fresh (failures 0) and guesses wrong once.
    for (let i = 0; i < MAX_ACCOUNT_FAILURES_PER_DAY; i++) {
      const out = await answerAccountLimited(tenant, { ...base, accountId: null, text: String(2000 + i), verifying: true, access: { verified: [], pending: '10587', failures: 0 } }, counters);
      expect(out.outcome).toBe('verification_failed');
    }
    // The right answer in a new conversation: still nothing shown.
    const right = await answerAccountLimited(tenant, { ...base, accountId: null, text: '1337', verifying: true, access: { verified: [], pending: '10587', failures: 0 } }, counters);
    expect(right.outcome).toBe('verification_locked');
    expect(render(right.replies)).not.toContain('18,450');
    // Other accounts are not affected; the lock ends with the day.
    expect((await answerAccountLimited(tenant, { ...base, accountId: '12345', text: '12345' }, counters)).outcome).toBe('need_verification');
    clock.advance(24 * 60 * 60_000 + 1);
    const nextDay = await answerAccountLimited(tenant, { ...base, accountId: null, text: '1337', verifying: true, access: { verified: [], pending: '10587', failures: 0 } }, counters);
    expect(nextDay.outcome).toBe('answered');
  });
});
