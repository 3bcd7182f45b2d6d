import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const say = (host: ConversationHost, sender: string, text: string, channel = 'rest') => host.handleMessage({ tenantId: 'ferreteria', channel, senderId: sender, text });
const texts = (r: Awaited<ReturnType<typeof say>>) => r.replies.map((e) => e.text).join('\n');

/** The demo tenant end to end: rule brain, real machine, real tools, rendered replies. */
describe('everyday messages through the host (issue 10)', () => {
  it('should answer "quiero pintura azul" with products, not a ticket', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    for (const [i, text] of ['quiero pintura azul', 'kiero pintura asul', 'tienen varriya de 3/8'].entries()) {
      const r = await say(host, `paint-${i}`, text);
      expect(r.state.value, text).toBe('triage.idle');
      expect(r.state.context.ticket, text).toBeNull();
      expect(texts(r), text).toMatch(/RD\$/);
      expect(texts(r), text).not.toMatch(/Lamento|no te entendí/);
    }
  });

  it('should say plainly the store does not sell food, phones or shoes, naming the thing and not the question', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const asked: [string, string, RegExp][] = [
      ['do you sell pizza?', '*pizza*', /We're a hardware store/],
      ['¿venden pizza?', '*pizza*', /Somos una ferretería/],
      ['tienen comida?', '*comida*', /Somos una ferretería/],
      ['venden celulares?', '*celulares*', /Somos una ferretería/],
      ['tienen zapatos?', '*zapatos*', /Somos una ferretería/],
      ['do you have shoes?', '*shoes*', /We're a hardware store/],
    ];
    for (const [i, [text, named, store]] of asked.entries()) {
      const r = await say(host, `oos-${i}`, text);
      expect(r.state.value, text).toBe('triage.idle');
      expect(r.state.context.ticket, text).toBeNull();
      expect(texts(r), text).toContain(named);
      expect(texts(r), text).toMatch(store);
      expect(texts(r), text).not.toContain(`*${text}*`);
    }
  });

  it('should set the product aside on a yes to "¿Te lo reservo?", the alternative when the one asked for is out', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const yeses: [string[], string][] = [
      [['tiene sement gris?', 'si, resérvamelo'], '1 x Cemento Gris Cemex'],
      [['cuanto cuesta el taladro dewalt', 'ok lo quiero'], '1 x Taladro Percutor 1/2" 750W DeWalt'],
      [['hola, tienen varilla de 3/8?', 'dame 50', 'dale'], '50 x Varilla Corrugada 3/8"'],
      [['hay clavos de 2 pulgadas?', 'sí'], '1 x Clavo Corriente 2 1/2"'],
      [['tienen silicon transparente?', 'apártamelo porfa'], '1 x Silicón Transparente'],
      [['do you have 1/2 inch pvc pipe?', 'yes please'], '1 x Tubo PVC 1/2"'],
      [['how much is a bag of cement?', "great, I'll take it"], '1 x Cemento Gris Cemex'],
    ];
    for (const [i, [turns, line]] of yeses.entries()) {
      let r = await say(host, `res-${i}`, turns[0] as string);
      for (const text of turns.slice(1)) r = await say(host, `res-${i}`, text);
      const said = turns.join(' / ');
      expect(r.state.value, said).toBe('triage.idle');
      expect(r.state.context.ticket, said).toMatchObject({ kind: 'quote' });
      expect(texts(r), said).toContain(line);
      expect(texts(r), said).toMatch(/apartar|set aside/);
      expect(texts(r), said).not.toMatch(/no te entendí|¿Qué necesitas\?|didn't quite get/);
    }
  });

  it('should not set anything aside on a thank-you, a correction or another question after the price', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const others: [string, RegExp][] = [
      // "ok" alone is acknowledged, not thanked for.
      ['ok', /Perfecto|algo más/],
      ['gracias', /Con mucho gusto/],
      ['ok gracias', /Con mucho gusto|Hay algo más/],
      ['perfecto, muchas gracias', /Con mucho gusto|Hay algo más/],
      ['ta bien, grasia', /Con mucho gusto|Hay algo más/],
      ['ok grasias', /Con mucho gusto|Hay algo más/],
      ['no, el gris', /gris|Gris/],
      ['y en cubeta?', /cubeta/],
      ['sí, pero en cubeta', /cubeta/],
      ['a que hora abren?', /horarios/],
    ];
    for (const [i, [text, answer]] of others.entries()) {
      await say(host, `nores-${i}`, 'tienen pintura blanca?');
      const r = await say(host, `nores-${i}`, text);
      expect(r.state.context.ticket, text).toBeNull();
      expect(texts(r), text).not.toMatch(/apartar/);
      expect(texts(r), text).toMatch(answer);
    }
  });

  it('should answer "¿cómo pago?" with the payment methods, not ask for an account number', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const asked = ['como pago?', '¿cómo puedo pagar?', 'cuales son las formas de pago', 'con que puedo pagar', 'quiero saber como pagarles', 'how can I pay?'];
    for (const [i, text] of asked.entries()) {
      const r = await say(host, `pay-${i}`, text);
      expect(r.state.value, text).toBe('triage.idle');
      expect(texts(r), text).toMatch(/Aceptamos efectivo|We accept cash/);
      expect(texts(r), text).not.toMatch(/número de cuenta|account number/);
    }
    // After a product answer too, the usual place for it.
    await say(host, 'pay-after', 'cuanto cuesta el taladro dewalt');
    expect(texts(await say(host, 'pay-after', 'como pago?'))).toMatch(/Aceptamos efectivo/);
    // Paying one's account is the account flow.
    const account = await say(host, 'pay-account', '¿cómo pago mi cuenta?');
    expect(account.state.value).toBe('answering.awaitingAccountId');
  });

  it('should read a place named after "¿A qué zona te lo enviaríamos?" as the answer, with its fee', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const answers: [string, string, RegExp][] = [
      ['hacen delivery?', 'a villa hermosa', /Villa Hermosa.*RD\$300\.00/s],
      ['hacen delivery?', 'para caleta', /Caleta.*RD\$400\.00/s],
      ['tienen envio?', 'pa Guaymate', /Guaymate.*RD\$650\.00/s],
      ['hacen delivery?', 'a higuey', /no llegamos a Higüey/],
      ['do you deliver?', 'to la romana centro', /La Romana centro.*free/s],
      ['do you deliver?', 'to San Pedro', /San Pedro de Macorís.*RD\$1,500\.00/s],
    ];
    for (const [i, [asked, place, answer]] of answers.entries()) {
      const zones = await say(host, `zone-${i}`, asked);
      expect(texts(zones), asked).toMatch(/¿A qué zona|Which area/);
      const r = await say(host, `zone-${i}`, place);
      expect(texts(r), place).toMatch(answer);
      expect(texts(r), place).not.toMatch(/no te entendí|didn't quite get|¿Qué necesitas\?/);
    }
  });

  it('should answer "quiero comprar un X" as a product question, never the advisor form', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const buys: [string, RegExp][] = [
      ['quiero comprar un celular', /No vendemos \*celular\*/],
      ['quiero comprar unos zapatos', /No vendemos \*zapatos\*/],
      ['I want to buy a phone', /We don't sell \*phone\*/],
      ['quiero comprar un taladro', /Taladro/],
      ['necesito comprar una brocha de 2 pulgadas', /Brocha 2"/],
    ];
    for (const [i, [text, answer]] of buys.entries()) {
      const r = await say(host, `buy-${i}`, text);
      expect(r.state.value, text).toBe('triage.idle');
      expect(texts(r), text).toMatch(answer);
      expect(texts(r), text).not.toMatch(/nombre completo|full name|asesor/);
    }
    // Buying for a business, in volume or for a project is still a lead.
    for (const text of ['quiero comprar al por mayor', 'somos una empresa y queremos comprar unos 300 sacos de cemento', 'I want to buy some materials for my construction company']) {
      const reading = await brain.understand({ text, messageId: 'm-lead', lang: 'es', expecting: { kind: 'none' }, idempotencyKey: `lead:${text}` });
      expect(reading.nlu.intent.name, text).toBe('sales_lead');
    }
  });

  it('should answer a wish to buy as a product question, never a complaint, unless it tells of trouble', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const wishes = ['quiero comprar una nevera', 'quisiera comprar una nevera', 'necesito comprar una nevera para mi casa', 'I want to buy a fridge', 'quisiera comprar un aire acondicionado'];
    for (const [i, text] of wishes.entries()) {
      const r = await say(host, `wish-${i}`, text);
      expect(r.state.value, text).toBe('triage.idle');
      expect(texts(r), text).not.toMatch(/T-0|caso|case number|persona|person/);
    }
    // Trouble with a purchase is still a complaint, with or without a wish to buy in it.
    for (const text of ['quiero devolver una nevera que salió dañada', 'me vendieron una nevera dañada', 'quiero comprar una nevera nueva porque la que me vendieron salió dañada']) {
      const reading = await brain.understand({ text, messageId: 'm-trouble', lang: 'es', expecting: { kind: 'none' }, idempotencyKey: `trouble:${text}` });
      expect(reading.nlu.intent.name, text).toBe('complaint');
    }
  });

  it('should close the conversation on thanks plus goodbye, and keep it open on thanks alone', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'bye-1', '¿tienen cemento gris?');
    const thanks = await say(host, 'bye-1', 'gracias');
    expect(thanks.state.value).toBe('triage.idle');
    expect(texts(thanks)).toContain('¿Hay algo más');
    const bye = await say(host, 'bye-1', 'dale, muchas gracias, bye');
    expect(bye.state.value).toBe('closed');
    expect(texts(bye)).toContain('Que tengas un excelente día');
    expect(texts(bye)).not.toContain('¿Hay algo más');
    const en = await say(host, 'bye-2', "ok thanks, that's all");
    expect(en.state.value).toBe('closed');
    expect(texts(en)).toContain('Have a great day');
  });

  it('should tell a customer Higüey is not served, and give a served place its fee', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const no = await say(host, 'd-1', 'tienen delivery a Higüey?');
    expect(texts(no)).toContain('no llegamos a Higüey');
    expect(texts(no)).toContain('recoger tu pedido');
    const yes = await say(host, 'd-1', 'y a bayahibe?');
    expect(texts(yes)).toContain('Bayahíbe y Dominicus');
    expect(texts(yes)).toContain('RD$1,200.00');
  });

  it('should ask before handing off an unsure complaint, and open the ticket with the customer\'s words after "sí"', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const asked = await say(host, 'c-1', 'oiga y lo mío qué, nadie me dice nada');
    expect(asked.state.value).toBe('triage.idle');
    expect(asked.state.context.ticket).toBeNull();
    expect(asked.state.context.expecting).toMatchObject({ kind: 'choice' });
    expect(asked.replies.at(-1)?.options?.map((o) => o.label)).toEqual(['Sí, con una persona', 'No, es otra cosa']);
    // A text channel shows numbered lines: "1" picks the first option.
    const picked = await say(host, 'c-1', '1');
    expect(picked.state.value).toBe('handoff.withHuman');
    expect(picked.state.context.ticket).toMatchObject({ kind: 'handoff', reason: 'complaint' });
  });

  it('should ask one clarifying question with two or three options on a low reading, without a ticket', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const asked = await say(host, 'q-1', 'lo de la factura');
    expect(asked.state.context.expecting).toMatchObject({ kind: 'choice' });
    const labels = asked.replies.at(-1)?.options?.map((o) => o.label) ?? [];
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels.length).toBeLessThanOrEqual(3);
    expect(asked.state.context.ticket).toBeNull();
  });
});

describe('after "cuéntame qué pasó" (issue 10: never hand off on a guess)', () => {
  it('should answer a product request as a product, and hand off the story of what went wrong', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'story-1', 'no me gustó');
    const paint = await say(host, 'story-1', 'kiero pintura asul');
    expect(paint.state.context.ticket).toBeNull();
    expect(texts(paint)).toMatch(/No tengo \*pintura\* en azul/);

    await say(host, 'story-2', 'tengo una queja');
    const story = await say(host, 'story-2', 'me despacharon varilla de 3/8 y pagué de 1/2');
    expect(story.state.value).toBe('handoff.withHuman');
    expect(story.state.context.ticket).toMatchObject({ kind: 'handoff', reason: 'complaint' });

    await say(host, 'story-3', "I'm not happy");
    const en = await say(host, 'story-3', 'you sold me the wrong pipe');
    expect(en.state.value).toBe('handoff.withHuman');
  });
});

describe('store-info follow-ups after a product answer', () => {
  it('should read "y a bayahibe?" as delivery when the answer just given was about delivery, and "y codos de 4?" as the pipe follow-up', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'mix-1', 'cuanto vale la funda de cemento');
    await say(host, 'mix-1', 'tienen delivery a Higüey?');
    const zone = await say(host, 'mix-1', 'y a bayahibe?');
    expect(texts(zone)).toContain('Bayahíbe y Dominicus');
    expect(texts(zone)).toContain('RD$1,200.00');

    await say(host, 'mix-2', 'hay tubo pvc de 4 pulgadas?');
    await say(host, 'mix-2', 'hacen delivery a Caleta?');
    expect(texts(await say(host, 'mix-2', 'y codos de 4?'))).toMatch(/Codo PVC 4"/);
  });
});

describe('a company or a name as the first message (quality, session 9)', () => {
  it.each(['Constructora Mejia', 'Constructora Mejía.', 'Hola, somos Constructora Peña', 'buenas, de parte de Inversiones Báez', 'Pedro Mejía'])(
    'should greet "%s" and ask how to help, not start a lead',
    async (first) => {
      const { host } = createMemoryHost({ tenant, brain });
      const r = await say(host, `intro-${first.length}`, first);
      expect(r.state.value).toBe('triage.idle');
      // A person by name ("Mucho gusto"), a company by its whole name ("Un gusto saludar a *…*").
      expect(texts(r)).toMatch(/Mucho gusto|Un gusto saludar a \*/);
      expect(texts(r)).toMatch(/¿En qué te puedo ayudar/);
      expect(texts(r)).not.toMatch(/nombre completo/);
    },
  );

  it('should keep the company for the lead that follows and never take "ventas" for the name', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'intro-lead', 'Constructora Mejia');
    const lead = await say(host, 'intro-lead', 'ventas');
    expect(texts(lead)).toMatch(/nombre completo/);
    // The name is asked once more, then never a third time (a clerk moves on), and no area is ever the name.
    const asked: boolean[] = [];
    for (const area of ['soporte técnico', 'el área de ventas', 'sales']) {
      const again = await say(host, 'intro-lead', area);
      asked.push(/nombre completo|full name/.test(texts(again)));
      expect((again.state.context as { lead: { draft: Record<string, { value: string | null } | undefined> } }).lead.draft.name?.value ?? null, area).toBeNull();
    }
    expect(asked).toEqual([true, false, false]);
    const named = await say(host, 'intro-lead', 'Pedro Mejía');
    const draft = (named.state.context as { lead: { draft: Record<string, { value: string } | undefined> } }).lead.draft;
    expect(draft.name?.value).toBe('Pedro Mejía');
    expect(draft.company_name?.value).toBe('Constructora Mejia');
  });

  it('should hand off a request for a person at the company question, never take it for the company', async () => {
    const asked: [string, string][] = [
      ['quiero hablar con una persona', 'ana@perez.do'],
      ['mejor pásame con alguien', 'ana@perez.do'],
      ['I want to talk to a person', 'john@smith.com'],
    ];
    for (const [i, [request, email]] of asked.entries()) {
      const { host } = createMemoryHost({ tenant, brain });
      const sender = `company-person-${i}`;
      await say(host, sender, 'necesito una cotización para mi empresa constructora, compramos al por mayor');
      await say(host, sender, 'Ana Pérez');
      const atCompany = await say(host, sender, email);
      expect(texts(atCompany), request).toMatch(/empresa o negocio|company/i);
      const r = await say(host, sender, request);
      expect(r.state.value, request).toBe('handoff.withHuman');
      const draft = (r.state.context as { lead: { draft: Record<string, { value: string | null } | undefined> } }).lead.draft;
      expect(draft.company_name?.value ?? null, request).toBeNull();
    }
  });

  it('should greet a company in English too', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const r = await say(host, 'intro-en', 'hi, this is John Smith');
    expect(texts(r)).toMatch(/Nice to meet you/);
    expect(r.state.value).toBe('triage.idle');
  });
});
