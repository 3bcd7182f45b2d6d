import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksIfOpenYet, asksOpeningDay, asksPaymentMethod, namesPaymentMethod, asksReturnPolicy, returnReasonUntold, asksStoreCredit, asksTransferAccount, asksWarranty } from '../../../src/actors/brain/rule/store-questions.js';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { askedDay } from '../../../src/actors/tools/opening-days.js';
import { timelessDayAnswer } from '../../../src/actors/tools/info.tool.js';
import { paymentMethodReply } from '../../../src/actors/tools/store-policies.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { decideTriage } from '../../../src/machines/triage-decision.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Thursday 3 December 2026, 11:00 in La Romana (UTC-4). */
const THURSDAY_11AM = Date.UTC(2026, 11, 3, 15, 0);
const TZ = 'America/Santo_Domingo';

const say = (host: ConversationHost, sender: string, text: string) => host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: sender, text });
const texts = (r: Awaited<ReturnType<typeof say>>) => r.replies.map((e) => e.text).join('\n');
const read = (text: string) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });

/** Each message in its own conversation, at `at`: the rendered reply and where the machine went. */
async function ask(messages: readonly string[], at = THURSDAY_11AM) {
  const { host, clock } = createMemoryHost({ tenant, brain });
  clock.set(at);
  const out: { text: string; reply: string; state: unknown; ticket: unknown; raw: Awaited<ReturnType<typeof say>> }[] = [];
  for (const [i, text] of messages.entries()) {
    const r = await say(host, `s-${i}`, text);
    out.push({ text, reply: texts(r), state: r.state.value, ticket: r.state.context.ticket, raw: r });
  }
  return out;
}

describe('store policies a clerk answers (returns, warranty, payment, credit)', () => {
  it('should answer a question about returns with the returns policy, es and en, typos and all', async () => {
    const es = ['puedo devolver un producto?', 'cuál es la política de devoluciones?', 'cual es la politica de devolucion', 'aceptan devoluciones?', 'cuantos dias tengo pa devolver una herramienta?', 'se puede cambiar algo que compre?', 'como hago para devolver algo?', 'si no me sirve lo puedo devolver?', 'y si compro algo y no me sirve, me lo cambian?'];
    const en = ['can I return a drill I bought?', "what's your return policy?", 'do you accept returns?', 'how many days do I have to return something?', "if it doesn't fit can I return it?"];
    for (const r of await ask([...es, ...en])) {
      expect(r.ticket, r.text).toBeNull();
      expect(r.state, r.text).toBe('triage.idle');
      expect(r.reply, r.text).toMatch(es.includes(r.text) ? /30 días.*factura/s : /30 days.*receipt/s);
    }
  });

  it('should not read changing an order or a detail as an exchange', () => {
    for (const text of ['puedo cambiar la direccion de entrega?', 'se puede cambiar el pedido?', 'puedo cambiar el correo?']) expect(asksReturnPolicy(text), text).toBe(false);
  });

  it('should answer a purchase to give back with nothing wrong with it by the policy, not a case', async () => {
    for (const text of ['quiero devolver un taladro que compré ayer, no lo usé', 'quisiera cambiar unas brochas que compré, me equivoqué de tamaño', 'me sobraron 3 galones de pintura, los quiero devolver', 'I want to return a drill, I never used it', 'quiero devolver una pintura que no me gusto el color', 'me equivoque de color en una pintura de galon, no la he abierto', 'nos confundimos de medida con los tubos', 'I bought the wrong size of pipe, can I exchange it?']) {
      expect(asksReturnPolicy(text), text).toBe(true);
      expect((await read(text)).nlu.intent.name, text).toBe('store_hours_location');
    }
  });

  it('should answer a wish to give a purchase back with no reason told by the policy, asking what happened', async () => {
    const es = ['quiero devolver un taladro que compré ayer', 'quiero devolver el taladro', 'kiero debolver un taladro q compre ayer', 'necesito devolver unas brochas'];
    const en = ['I want to return a drill I bought yesterday', 'i need to return some paint I bought'];
    for (const r of await ask([...es, ...en])) {
      expect(r.ticket, r.text).toBeNull();
      expect(r.reply, r.text).toMatch(es.includes(r.text) ? /30 días.*¿Qué pasó con el producto\?/s : /30 days.*What happened with it\?/s);
    }
    for (const text of ['quiero devolver un taladro, no lo usé', 'puedo devolver un producto?', '¿puedo cambiar una llave que no me sirvió?']) expect(returnReasonUntold(text), text).toBe(false);
  });

  it('should read an exchange of a purchase that did not suit ("no me sirvió") as the policy, not a defect', async () => {
    for (const text of ['¿puedo cambiar una llave que no me sirvió?', 'tengo un tubo que no me sirvió, lo puedo cambiar?', 'can I exchange a faucet that didn\'t fit?']) {
      expect(asksReturnPolicy(text), text).toBe(true);
      expect((await read(text)).nlu.intent.name, text).toBe('store_hours_location');
    }
  });

  it('should read "do you sell on credit?" as the store\'s credit, in English as in Spanish', () => {
    for (const text of ['Do you sell on credit? I\'m a contractor', 'do you sell on credit?', 'venden a credito?']) expect(asksStoreCredit(text), text).toBe(true);
  });

  it('should read "¿me devuelven el dinero o dan crédito?" as the refund in the returns policy, not the store\'s credit', async () => {
    for (const text of ['¿me devuelven el dinero o solo dan crédito?', 'si devuelvo algo, ¿me devuelven el dinero?', 'do I get my money back if I return something?']) {
      expect(asksReturnPolicy(text), text).toBe(true);
      expect(asksStoreCredit(text), text).toBe(false);
      expect((await read(text)).nlu.intent.name, text).toBe('store_hours_location');
    }
  });

  it('should keep a customer who tells of a purchase gone wrong a complaint', async () => {
    for (const text of ['quiero devolver el taladro que compré ayer, no sirve', 'the drill i bought is broken, i want a refund', 'quiero devolver una pintura que salio de otro color', 'puedo devolver el taladro? vino dañado', 'quiero devolver un breaker que vino con un defecto', 'el taladro vino roto, me lo cambian?']) {
      expect(asksReturnPolicy(text), text).toBe(false);
      const u = await read(text);
      expect(u.nlu.intent.name, text).toBe('complaint');
    }
  });

  it('should answer a warranty question with the warranty policy, not "we do not sell garantía"', async () => {
    const es = ['tienen garantía las herramientas?', 'el taladro dewalt tiene garantia?', 'cuanta garantia tienen los taladros', 'las herramientas truper tienen garantia?'];
    const en = ['do power tools come with a warranty?', 'is there a warranty on the drills?', "what's the warranty on a DeWalt drill?"];
    for (const r of await ask([...es, ...en])) {
      expect(r.ticket, r.text).toBeNull();
      expect(r.reply, r.text).not.toMatch(/No vendemos|We don't sell/);
      // The Truper hand tools' line is the lifetime one (the line named); every other asks about power tools or all of them.
      expect(r.reply, r.text).toMatch(r.text.includes('truper') ? /de por vida/ : es.includes(r.text) ? /1 año/ : /1-year/);
    }
  });

  it('should tell only the warranty line of what is named, with how to use it', async () => {
    const [dewalt, breakers, all] = await ask(['el taladro dewalt que garantia tiene', 'que garantia tienen los breakers', 'cual es la garantia de ustedes']);
    expect(dewalt!.reply).toMatch(/1 año/);
    expect(dewalt!.reply).not.toMatch(/de por vida|90 días/);
    expect(dewalt!.reply).toMatch(/factura/);
    expect(breakers!.reply).toMatch(/90 días/);
    expect(breakers!.reply).not.toMatch(/1 año/);
    expect(all!.reply).toMatch(/1 año[\s\S]*de por vida[\s\S]*90 días/);
  });

  it('should leave a claim on a warranty to the complaint flow', () => {
    for (const text of ['la garantía no me la quieren hacer válida', "you won't honor the warranty", 'mi taladro se dañó y está en garantía', 'quiero reclamar la garantia del esmerilador']) {
      expect(asksWarranty(text), text).toBe(false);
    }
  });

  /** Each question answered at once (no ticket, back to idle) as its pattern says, with what the store does take. */
  const expectPaymentAnswers = async (cases: [string, RegExp][]): Promise<void> => {
    const out = await ask(cases.map(([t]) => t));
    for (const [i, r] of out.entries()) {
      expect(r.ticket, r.text).toBeNull();
      expect(r.state, r.text).toBe('triage.idle');
      expect(r.reply, r.text).toMatch(cases[i]![1]);
      expect(r.reply, r.text).toMatch(/Mastercard\)/);
    }
  };

  it('should say yes or no to a way of paying the customer names, from the store\'s payment methods', async () => {
    const cases: [string, RegExp][] = [
      ['aceptan paypal?', /^No, por ahora no aceptamos \*?PayPal/],
      ['puedo pagar con tarjeta?', /^Sí, aceptamos tarjeta/],
      ['aceptan visa?', /^Sí, aceptamos Visa/],
      ['se puede pagar en dolares?', /^No, por ahora no aceptamos dólares/],
      ['reciben cheques?', /^No, por ahora no aceptamos cheques/],
      ['do you take Amex?', /^No, we don't accept American Express/],
      ['do you accept mastercard?', /^Yes, we accept Mastercard/],
      ['can I pay with PayPal or Zelle?', /^No, we don't accept PayPal or Zelle/],
      ['can i pay cash?', /^Yes, we accept cash/],
    ];
    await expectPaymentAnswers(cases);
    expect(asksPaymentMethod('hay descuento si pago en efectivo?')).toBe(false);
  });

  it('should read "¿ya abrieron?" said alone as asking whether the store is open, and leave a complaint with the same verb alone', () => {
    for (const text of ['ya abrieron?', '¿ya cerraron?', 'hola, ya abrieron?', 'buenas, tan abierto?', 'y ya abrieron ustedes?', 'are you open yet?']) expect(asksIfOpenYet(text), text).toBe(true);
    for (const text of ['ya abrieron el paquete y está roto', 'ya me cerraron la cuenta?', 'abrieron mi pedido?']) expect(asksIfOpenYet(text), text).toBe(false);
  });

  it('should read a way of paying named alone, after the payment answer, as asked about; a discount for it is not', () => {
    for (const text of ['y cheque?', 'efectivo?', 'and amex?', 'con tarjeta?', 'y transferencia del popular?']) expect(namesPaymentMethod(text), text).toBe(true);
    for (const text of ['hay descuento pagando en efectivo?', 'formas de pago?', 'tienen pintura azul?']) expect(namesPaymentMethod(text), text).toBe(false);
  });

  it('should say yes to the Dominican card processors and name the bank a transfer asks about, from the store\'s payment methods', async () => {
    const cases: [string, RegExp][] = [
      ['aceptan Azul?', /^Sí, aceptamos Azul\b/],
      ['¿puedo pagar con tarjeta Visa?', /^Sí, aceptamos Visa\b/],
      ['tienen CardNet?', /^Sí, aceptamos CardNet\b/],
      ['se puede pagar con azul?', /^Sí, aceptamos Azul\b/],
      ['aceptan tarjeta Azul?', /^Sí, aceptamos Azul\b/],
      ['do you take Azul?', /^Yes, we accept Azul\b/],
      ['aceptan transferencia del Popular?', /^Sí, tenemos cuenta en Banco Popular: aceptamos tus transferencias/],
      ['aceptan transferencia de Scotiabank?', /^No tenemos cuenta en Scotiabank, pero puedes transferir a nuestras cuentas en Banreservas, Banco Popular y BHD/],
      ['do you accept transfers to BHD?', /^Yes, we bank with BHD: we accept your transfers/],
      ['aceptan tPago?', /^No, por ahora no aceptamos tPago/],
    ];
    await expectPaymentAnswers(cases);
    // "azul" the colour stays a product question.
    for (const text of ['tienen pintura azul?', 'tienen tubo azul de 1/2?', 'quiero la pintura color azul cielo']) expect(asksPaymentMethod(text), text).toBe(false);
  });

  it('should read a bank named alone as paying from it (a transfer), and "Popular" with a product as the paint brand', async () => {
    const cases: [string, RegExp][] = [
      ['aceptan Popular?', /^Sí, tenemos cuenta en Banco Popular: aceptamos tus transferencias/],
      ['puedo pagar con Banreservas?', /^Sí, tenemos cuenta en Banreservas/],
      ['trabajan con el Scotiabank?', /^No tenemos cuenta en Scotiabank, pero puedes transferir a nuestras cuentas en Banreservas, Banco Popular y BHD/],
      ['do you take Popular?', /^Yes, we bank with Banco Popular/],
    ];
    await expectPaymentAnswers(cases);
    // A card of a bank is a card; the paint brand is a product.
    expect((await ask(['aceptan tarjeta del Popular?']))[0]!.reply).toMatch(/^Sí, aceptamos tarjeta de crédito o débito/);
    for (const text of ['tienen pintura Popular?', 'la Popular blanca cuánto cuesta?']) {
      expect(asksPaymentMethod(text), text).toBe(false);
      const [r] = await ask([text]);
      expect(r!.reply, text).toMatch(/Pintura Satinada Popular/);
    }
  });

  it("should give the store's WhatsApp, phone and e-mail when asked how to write to it, es and en", async () => {
    const [wa, wasap, email, both] = await ask(['tienen whatsapp?', 'me pasas el wasap de ustedes', "what's your email address?", 'cuál es el whatsapp y a qué hora abren?']);
    for (const r of [wa, wasap, email]) {
      expect(r!.reply, r!.text).toContain(tenant.store.whatsapp);
      expect(r!.reply, r!.text).toContain(tenant.store.email);
      expect(r!.ticket ?? null, r!.text).toBeNull();
    }
    // An e-mail address is no street address: no list of branches.
    expect(email!.reply).not.toMatch(/Our branches/);
    expect(both!.reply).toMatch(/abrimos|horarios/i);
    expect(both!.reply).toContain(tenant.store.whatsapp);
    // "por WhatsApp" says how to send what is asked: the location only, no delivery zones.
    const [location] = await ask(['me pueden mandar la ubicación por whatsapp?']);
    expect(location!.reply).toMatch(/^Nuestras sucursales/);
    expect(location!.reply).not.toMatch(/Escríbenos por \*WhatsApp\*|Hacemos delivery/);
  });

  it('should say no to paying online or by a payment link where the store lists no such way, es and en', () => {
    for (const text of ['¿puedo pagar en línea?', '¿tienen link de pago?', 'me pueden mandar un link de pago?', 'can I pay online?', 'can you send me a payment link?']) {
      expect(asksPaymentMethod(text), text).toBe(true);
      expect(paymentMethodReply(tenant, text, 'es', 'efectivo', (key) => tenant.templates.es?.[key] ?? null), text).toMatchObject({ template: 'info.payment.no', params: { named: 'pago en línea (link de pago)' } });
    }
    // A store that lists an online way of paying says yes.
    const online: TenantData = { ...tenant, store: { ...tenant.store, paymentMethods: { es: ['efectivo', 'pago en línea con link de pago'], en: ['cash', 'online payment by link'] } } };
    expect(paymentMethodReply(online, '¿puedo pagar en línea?', 'es', 'efectivo', (key) => tenant.templates.es?.[key] ?? null)).toMatchObject({ template: 'info.payment.yes' });
  });

  it('should say no to Azul and CardNet where the store takes no cards', () => {
    const cashOnly: TenantData = { ...tenant, store: { ...tenant.store, paymentMethods: { es: ['efectivo'], en: ['cash'] } } };
    const reply = paymentMethodReply(cashOnly, 'aceptan Azul o CardNet?', 'es', 'efectivo', (key) => tenant.templates.es?.[key] ?? null);
    expect(reply).toMatchObject({ template: 'info.payment.no', params: { named: 'Azul ni CardNet' } });
    expect(paymentMethodReply(tenant, 'aceptan Azul o CardNet?', 'es', 'efectivo', (key) => tenant.templates.es?.[key] ?? null)).toMatchObject({ template: 'info.payment.yes', params: { named: 'Azul y CardNet' } });
  });

  it('should answer whether the store sells on credit, with how to apply offered (the lead form), es and en', async () => {
    const es = ['me pueden fiar?', 'ustedes fian?', 'venden a crédito?', 'puedo comprar a credito?', 'dan credito?'];
    const en = ['do you offer credit?', 'can I buy on credit?'];
    for (const r of await ask([...es, ...en])) {
      expect(r.ticket, r.text).toBeNull();
      expect(r.state, r.text).toBe('triage.idle');
      expect(r.reply, r.text).toMatch(es.includes(r.text) ? /30 días.*cédula o RNC/s : /30 days.*cédula or RNC/s);
      expect(JSON.stringify(r.raw.replies), r.text).toMatch(es.includes(r.text) ? /Solicitar crédito/ : /Apply for credit/);
    }
    // The option's words start the advisors' form.
    expect(decideTriage(await read('quiero abrir una cuenta de crédito'))).toMatchObject({ intent: 'sales_lead' });
  });

  it('should answer instalments asked with what the store writes (its ways of paying, its credit accounts) and a sales advisor, never a yes', async () => {
    const es = ['quiero pagar en cuotas', 'se puede comprar a plazos?', '¿lo puedo pagar en cuotas?', '¿financian?', 'tienen facilidades de pago?'];
    const en = ['do you offer financing?', 'do you offer installment plans?', 'can I pay in installments?'];
    for (const r of await ask([...es, ...en])) {
      expect(r.ticket, r.text).toBeNull();
      expect(r.state, r.text).toBe('triage.idle');
      expect(r.reply, r.text).toMatch(es.includes(r.text) ? /no te lo puedo asegurar.*Visa, Mastercard.*30 días/s : /can't promise it.*Visa, Mastercard.*30 days/s);
      expect(r.reply, r.text).not.toMatch(/^(?:Sí|Yes),/);
      expect(JSON.stringify(r.raw.replies), r.text).toMatch(es.includes(r.text) ? /Hablar con un asesor de ventas/ : /Talk to a sales advisor/);
    }
  });

  it('should start the credit application on a yes (or a name) right after the credit answer, and not later', async () => {
    const turns: [string, string, string][] = [
      ['me pueden fiar?', 'si', 'es'],
      ['venden a crédito?', 'sí, me interesa', 'es'],
      ['do you offer credit?', 'yes please', 'en'],
      ['dan credito?', 'Ramón Castillo', 'es'],
    ];
    for (const [i, [question, yes]] of turns.entries()) {
      const { host, clock } = createMemoryHost({ tenant, brain });
      clock.set(THURSDAY_11AM);
      await say(host, `yes-${i}`, question);
      const r = await say(host, `yes-${i}`, yes);
      expect(r.state.value, yes).toBe('workflow.form.collecting.waiting');
      expect((r.state.context as unknown as { lead: { status: string } }).lead.status, yes).toBe('collecting');
    }
    // The offer lasts one turn: a yes after another question is that question's.
    const { host, clock } = createMemoryHost({ tenant, brain });
    clock.set(THURSDAY_11AM);
    await say(host, 'later', 'me pueden fiar?');
    await say(host, 'later', 'a qué hora cierran hoy?');
    const r = await say(host, 'later', 'sí');
    expect(r.state.value).not.toMatch(/^workflow/);
    // "no" is a no.
    const no = createMemoryHost({ tenant, brain });
    no.clock.set(THURSDAY_11AM);
    await say(no.host, 'no', 'me pueden fiar?');
    expect((await say(no.host, 'no', 'no gracias')).state.value).not.toMatch(/^workflow/);
  });

  it('should leave an account\'s credit, a business account and a credit card to their own flows', () => {
    for (const text of ['por qué me suspendieron el crédito?', 'cuánto crédito me queda disponible?', 'queremos abrir una cuenta de crédito como empresa', 'aceptan tarjeta de crédito?', 'hacen facturas con crédito fiscal para empresas?', 'is my credit account up to date?']) {
      expect(asksStoreCredit(text), text).toBe(false);
    }
  });
});

describe('opening hours for one day (tenant clock and time zone)', () => {
  it('should answer "today" with today\'s hours per branch and whether each is open now', async () => {
    const [open, closes] = await ask(['¿están abiertos hoy?', 'a qué hora cierran hoy?']);
    for (const r of [open!, closes!]) {
      expect(r.reply, r.text).toContain('Hoy (jueves 3 de diciembre)');
      expect(r.reply, r.text).toMatch(/Principal.*de 7:30 a\. m\. a 6:00 p\. m\. \(abierta ahora\)/);
      expect(r.reply, r.text).toMatch(/Padre Abreu.*de 8:00 a\. m\. a 6:00 p\. m\./);
      expect(r.reply, r.text).not.toMatch(/Lunes a sábado/);
    }
  });

  it('should say a branch already closed, late in the day', async () => {
    const [r] = await ask(['estan abiertos ahorita?'], Date.UTC(2026, 11, 3, 22, 45));
    expect(r!.reply).toMatch(/Villa Hermosa.*ya cerró/);
  });

  it('should answer tomorrow, a weekday and a holiday (closed, with the next opening)', async () => {
    const [tomorrow, sunday, christmas, xmasEn, branch] = await ask(['are you open tomorrow?', 'abren el domingo?', 'abren el 25 de diciembre?', 'are you open on christmas?', 'la de villa hermosa abre el domingo?']);
    expect(tomorrow!.reply).toMatch(/^Tomorrow \(Friday, December 4\)/);
    expect(tomorrow!.reply).toMatch(/from 7:30 a\.m\. to 6:00 p\.m\./);
    expect(sunday!.reply).toMatch(/^El domingo 6 de diciembre/);
    expect(sunday!.reply).toMatch(/Principal.*de 8:00 a\. m\. a 12:30 p\. m\./);
    expect(sunday!.reply).toMatch(/Villa Hermosa\*: cerrada/);
    expect(christmas!.reply).toMatch(/^El viernes 25 de diciembre estamos \*cerrados\*/);
    expect(christmas!.reply).toContain('sábado 26 de diciembre a las 7:30 a. m.');
    expect(xmasEn!.reply).toMatch(/^On Friday, December 25 all our branches are \*closed\*/);
    expect(branch!.reply).toMatch(/Villa Hermosa\* no abre/);
  });

  it('should word a day\'s answer for an FAQ draft so it holds on any day: no date, no "open now", no next opening', () => {
    const draft = (text: string, lang: 'es' | 'en' = 'es') => timelessDayAnswer(tenant, text, lang, THURSDAY_11AM);
    const sunday = draft('¿A qué hora abren el domingo?')!;
    expect(sunday).toMatch(/^Los domingos abrimos así:\n• \*Sucursal Principal \(Av\. Libertad\)\*: de 8:00 a\. m\. a 12:30 p\. m\.\n• \*Sucursal Villa Hermosa\*: cerrada/);
    expect(draft('¿están abiertos hoy?')).toMatch(/^Los jueves abrimos así:/);
    expect(draft('¿están abiertos hoy?')).not.toMatch(/abierta ahora|ya cerró|todavía no abre/);
    expect(draft('are you open tomorrow?', 'en')).toMatch(/^On Fridays our hours are:/);
    const christmas = draft('abren el 25 de diciembre?')!;
    expect(christmas).toMatch(/^El 25 de diciembre estamos \*cerrados\* en todas nuestras sucursales por ser día feriado/);
    expect(christmas).not.toMatch(/viernes|Volvemos a abrir/);
    expect(draft('¿dónde queda la sucursal principal?')).toBeNull();
  });

  it('should answer a question about holidays with the coming closed dates', async () => {
    const [es, en] = await ask(['abren los feriados?', 'do you open on holidays?']);
    expect(es!.reply).toMatch(/^Los días feriados cerramos.*\n• viernes 25 de diciembre\n• viernes 1 de enero\n• miércoles 6 de enero/s);
    expect(en!.reply).toMatch(/closed on public holidays.*\n• Friday, December 25\n/s);
  });

  it('should read the Dominican holidays by name and answer them from the closed dates', async () => {
    const day = (text: string) => askedDay(text, THURSDAY_11AM, TZ);
    expect(day('trabajan el día de la independencia?')).toMatchObject({ date: { year: 2027, month: 2, day: 27 } });
    expect(day('are you open on Dominican independence day?')).toMatchObject({ date: { year: 2027, month: 2, day: 27 } });
    expect(day('van a abrir el día de la Altagracia?')).toMatchObject({ date: { year: 2027, month: 1, day: 21 } });
    expect(day('y el dia de duarte?')).toMatchObject({ date: { year: 2027, month: 1, day: 26 } });
    expect(day('abren en semana santa?')).toMatchObject({ date: { year: 2027, month: 3, day: 26 } });
    expect(day('abren el día de las mercedes?')).toMatchObject({ date: { year: 2027, month: 9, day: 24 } });
    expect(day('abren el dia de la constitucion?')).toMatchObject({ date: { year: 2027, month: 11, day: 6 } });
    const [independence, altagracia, holyWeek, en] = await ask(['trabajan el día de la independencia?', 'van a abrir el día de la Altagracia?', 'abren en semana santa?', 'are you open on Dominican independence day?']);
    expect(independence!.reply).toMatch(/^El sábado 27 de febrero estamos \*cerrados\*/);
    expect(altagracia!.reply).toMatch(/^El jueves 21 de enero estamos \*cerrados\*/);
    expect(holyWeek!.reply).toMatch(/^El viernes 26 de marzo estamos \*cerrados\*/);
    expect(en!.reply).toMatch(/^On Saturday, February 27 all our branches are \*closed\*/);
    // A holiday's name without a word of opening asks no hours ("pintura Mercedes", "Av. Independencia").
    for (const text of ['tienen pintura Mercedes?', 'dónde queda la sucursal de la Independencia?']) expect(asksOpeningDay(text), text).toBe(false);
    expect(asksOpeningDay('van a abrir el día de la Altagracia?')).toBe(true);
  });

  it('should follow up "y el sábado?" after an hours answer', async () => {
    const { host, clock } = createMemoryHost({ tenant, brain });
    clock.set(THURSDAY_11AM);
    await say(host, 'f', 'abren hoy?');
    const r = await say(host, 'f', 'y el sábado?');
    expect(texts(r)).toMatch(/^El sábado 5 de diciembre/);
    expect(texts(r)).toMatch(/Padre Abreu.*de 8:00 a\. m\. a 2:00 p\. m\./);
  });

  it('should read the day a question is about from the clock it is given', () => {
    const day = (text: string) => askedDay(text, THURSDAY_11AM, TZ);
    expect(day('abren hoy?')).toEqual({ kind: 'date', date: { year: 2026, month: 12, day: 3 }, relative: 'today' });
    expect(day('abren mañana?')).toMatchObject({ date: { day: 4 }, relative: 'tomorrow' });
    expect(day('abren a las 8 de la mañana?')).toBeNull();
    expect(day('abren el 1 de enero?')).toMatchObject({ date: { year: 2027, month: 1, day: 1 } });
    expect(day('open on january 6th?')).toMatchObject({ date: { year: 2027, month: 1, day: 6 } });
    expect(day('abren el 24/12?')).toMatchObject({ date: { year: 2026, month: 12, day: 24 } });
    expect(day('abren el viernes santo?')).toMatchObject({ date: { year: 2027, month: 3, day: 26 } });
    expect(day('abren el jueves?')).toMatchObject({ relative: 'today' });
    expect(day('abren los domingos?')).toEqual({ kind: 'weekly', weekday: 6 });
    expect(day('a qué hora abren?')).toBeNull();
    // Late in the evening in La Romana is already the next day in UTC: "today" is the local date.
    expect(askedDay('abren hoy?', Date.UTC(2026, 11, 4, 2, 0), TZ)).toMatchObject({ date: { day: 3 } });
  });

  it('should read a weekday with its day of the month as that date, not the next such weekday', () => {
    const day = (text: string) => askedDay(text, THURSDAY_11AM, TZ);
    // Sunday 27 December 2026; Saturday 2 January 2027 (no Saturday 2 in December).
    expect(day('¿abren el domingo 27?')).toMatchObject({ date: { year: 2026, month: 12, day: 27 } });
    expect(day('¿y el sábado 2?')).toMatchObject({ date: { year: 2027, month: 1, day: 2 } });
    expect(day('¿están abiertos el domingo 6 de diciembre?')).toMatchObject({ date: { year: 2026, month: 12, day: 6 } });
  });

  it('should read "¿qué días cierran?" as the holidays', () => {
    expect(askedDay('¿qué días cierran en diciembre?', THURSDAY_11AM, TZ)).toEqual({ kind: 'holidays' });
    expect(askedDay('what days are you closed?', THURSDAY_11AM, TZ)).toEqual({ kind: 'holidays' });
  });
});

describe('where a transfer goes', () => {
  it("should read a question for the store's bank account, not the customer's", () => {
    for (const text of ['cual es el numero de cuenta para transferir?', 'a que cuenta les deposito?', 'me pasan los datos bancarios', "what's your bank account to transfer?"]) expect(asksTransferAccount(text), text).toBe(true);
    for (const text of ['cuanto debo en mi cuenta?', 'quiero ver el estado de mi cuenta', 'puedo pagar por transferencia?']) expect(asksTransferAccount(text), text).toBe(false);
  });
});
