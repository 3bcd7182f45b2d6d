import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { tellsPurchaseTrouble } from '../../../src/actors/brain/rule/purchase-trouble.js';
import { asksToOrder } from '../../../src/actors/brain/rule/signals.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const read = (text: string, lang: 'es' | 'en' = 'es') => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });

describe('trouble with something bought here', () => {
  it('should tell a purchase gone wrong from a question about a product or a new order', () => {
    const trouble = [
      'hola, compré un taladro ayer y no prende',
      'la pintura que compré se está pelando',
      'el inodoro que me llevaron gotea por abajo',
      'el chofer me llevó los blocks y vinieron rotos',
      'me vendieron una llave que bota agua',
      'compramos 3 galones y le faltan dos tapas',
      'el breaker que compre ya no sirve',
      'the drill I bought last week stopped working',
      "the faucet you sold me is leaking",
      "we bought a toilet from you and it came cracked",
      'I bought a sander here and it won’t turn on',
      'compré 10 sacos de cemento ayer y 3 estaban mojados y duros',
      'me vendieron un cemento que vino hecho piedra',
      'the cement you sold me was wet and hard',
      // Another thing than the one asked for.
      'la pintura que compré salió azul y yo pedí blanca',
      'compré pintura blanca y me dieron gris',
      'me mandaron tubo de 1/2 en vez del de 3/4',
      'I ordered white paint and got gray',
      'you delivered 8 inch blocks but I ordered 6 inch, this is unacceptable',
      'they brought me gray paint and I wanted white',
    ];
    for (const text of trouble) expect(tellsPurchaseTrouble(text), text).toBe(true);
    const notTrouble = [
      'compré cemento la semana pasada y necesito 20 sacos más',
      'compré 10 sacos y me dieron el recibo',
      'pedí cemento y me llegó ayer, ahora necesito arena',
      'tienen tubo de 1/2 en vez del de 3/4?',
      '¿el taladro no prende sin batería?',
      'quiero comprar un taladro que no haga mucho ruido',
      'tienen algo para una tubería que gotea?',
      'estoy arreglando la llave del baño que gotea de noche, que me llevo',
      'I bought paint here last month, do you have the same in blue?',
      'tienen pintura que no se pele con el sol?',
      'you delivered last time and I ordered again, can I get 20 more bags?',
    ];
    for (const text of notTrouble) expect(tellsPurchaseTrouble(text), text).toBe(false);
  });

  it('should read it as a complaint sure enough for a ticket, whatever product it names', async () => {
    for (const [text, lang] of [['hola, compré un taladro ayer y no prende', 'es'], ['la pintura que compré se está pelando', 'es'], ['the drill I bought last week stopped working', 'en']] as const) {
      const u = await read(text, lang);
      expect(u.nlu.intent.name, text).toBe('complaint');
      expect(u.nlu.intent.confidence, text).toBeGreaterThanOrEqual(0.45);
    }
    // A request for a person in the same message stays one.
    expect((await read('compré un taladro y no prende, quiero hablar con una persona')).nlu.intent.name).toBe('human_agent');
  });

  it('should open a case for a person instead of listing the product again', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'pt', text: 'hola, compré un taladro ayer y no prende' });
    const said = turn.replies.map((r) => r.text).join('\n');
    expect(said).toMatch(/T-\d+/);
    expect(said).not.toMatch(/RD\$/);
    const [ticket] = await tickets.list('ferreteria');
    expect(ticket?.reason).toBe('complaint');
    await host.close();
    // A past purchase without trouble is a new order: the price, no ticket.
    const [reply] = await chatOnFreshHost(tenant, brain, 'po', 'compré cemento la semana pasada y necesito 20 sacos más');
    expect(reply).toMatch(/RD\$655/);
    expect(reply).not.toMatch(/T-\d+/);
  });
});

describe('a wish to place an order', () => {
  it('should tell ordering from an order already placed, a big order, or trouble', () => {
    for (const text of ['hola, quiero hacer un pedido', 'quisiera hacerles un pedido', 'quiero hacer una orden', 'quiero pedir', '¿cómo hago un pedido?', "I'd like to place an order", 'can I place an order?', 'quiero hacer un pedido para recoger', 'ok dame todo eso', 'dame eso', 'quiero cambiar la cantidad', 'I want to change the quantity', 'voy a enchaparla', 'la voy a pintar']) {
      expect(asksToOrder(text), text).toBe(true);
    }
    // A paint job told, with its colours or not ("voy a pintar el cuarto rosado y blanco hueso"): what paint and how much, never a goodbye.
    for (const text of ['voy a pintar el cuarto rosado y blanco hueso', 'vamos a pintar la fachada de la casa color crema', 'voy a pintar la casa por dentro y por fuera']) {
      expect(asksToOrder(text), text).toBe(true);
    }
    for (const text of ['vamos a pintar el hotel completo, necesito una cotización de pintura blanca', 'mi pedido no ha llegado', 'quiero hacer un pedido grande para mi empresa', 'el pedido que hice vino incompleto', 'where is my order?', 'quiero devolver un pedido', 'tienen cemento?', 'eso es todo', 'eso seria todo gracias', 'me voy', 'vamos a construir una nave industrial, pueden suplirnos?']) {
      expect(asksToOrder(text), text).toBe(false);
    }
  });

  it('should ask what the customer needs instead of opening a complaint or saying "no vendemos pedido"', async () => {
    const [order, items] = await chatOnFreshHost(tenant, brain, 'order', 'hola, quiero hacer un pedido', '5 fundas de cemento y 10 varillas de 3/8');
    expect(order).not.toMatch(/T-\d+|Lamento|No vendemos/);
    expect(order).toMatch(/producto/);
    expect(items).toMatch(/RD\$/);
    const [en] = await chatOnFreshHost(tenant, brain, 'order-en', "I'd like to place an order");
    expect(en).not.toMatch(/don't sell|T-\d+/);
    // A complaint about an order placed is still a complaint.
    const [late] = await chatOnFreshHost(tenant, brain, 'late', 'mi pedido no ha llegado y ya pasaron 3 días');
    expect(late).toMatch(/T-\d+/);
  });

  it('should tell a customer asking for a tradesman that the store does not install, offering a person', async () => {
    for (const text of ['necesito un electricista', 'necesito un maestro constructor', 'I need a plumber']) {
      const [reply] = await chatOnFreshHost(tenant, brain, `trade-${text.length}`, text);
      expect(reply, text).toMatch(/no hacemos instalaciones|don't do installations/);
    }
    const [job] = await chatOnFreshHost(tenant, brain, 'trade-job', 'soy electricista, tienen trabajo?');
    expect(job).not.toMatch(/no hacemos instalaciones/);
  });
});

describe('not knowing what was asked', () => {
  it('should never read "no me la sé" / "no la tengo" as a complaint, and help find the account number', async () => {
    for (const text of ['no me la se', 'no la tengo', 'no me la sé', "I don't remember it"]) {
      expect((await read(text)).nlu.intent.name, text).not.toBe('complaint');
    }
    // Trouble told beside the not knowing is still a complaint.
    expect((await read('no sé qué pasó con mi pedido, nunca llegó')).nlu.intent.name).toBe('complaint');
    const [, reply] = await chatOnFreshHost(tenant, brain, 'acct', 'quiero ver mi cuenta', 'no me la se');
    expect(reply).not.toMatch(/T-\d+/);
    expect(reply).toMatch(/5 a 8 dígitos/);
  });
});
