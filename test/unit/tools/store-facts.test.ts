import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksForTradesperson, storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { answerInfo } from '../../../src/actors/tools/info.tool.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import type { Lang } from '../../../src/domain/nlu.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { STORE } from '../../../src/persistence/tenant-schemas.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const say = (host: ConversationHost, sender: string, text: string) => host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: sender, text });
const texts = (r: Awaited<ReturnType<typeof say>>) => r.replies.map((e) => e.text).join('\n');

/** One conversation on a real host (real brain, machine and tools): each turn's reply, state and ticket. */
async function talk(data: TenantData, ...messages: string[]) {
  const { host } = createMemoryHost({ tenant: data, brain });
  const out: { reply: string; state: unknown; ticket: unknown; lead: unknown; options: string[] }[] = [];
  for (const text of messages) {
    const r = await say(host, 'c-1', text);
    const options = r.replies.flatMap((e) => ('options' in e && Array.isArray(e.options) ? e.options.map((o: { label: string }) => o.label) : []));
    out.push({ reply: texts(r), state: r.state.value, ticket: r.state.context.ticket, lead: r.state.context.lead, options });
  }
  return out;
}

const info = (data: TenantData, text: string, lang: Lang = 'es') => {
  const out = answerInfo(data, { tenantId: 'ferreteria', lang, topic: 'store_hours_location', text, idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15));
  return { out, text: out.replies.map((r) => renderReply(r, data.templates, lang)).join('\n') };
};

describe('questions about the store itself, not a product', () => {
  it.each([
    ['tienen estacionamiento?', /parqueo propio/],
    ['hay parqueo en la sucursal de Villa Hermosa?', /parqueo amplio/],
    ['tienen baño?', /baño para clientes/],
    ['tienen acceso para silla de ruedas?', /rampa/],
    ['tienen wifi?', /wifi para clientes/],
    ['hacen cortes de madera?', /Madera y plywood/],
    ['cortan tubo?', /PVC/],
    ['hacen copias de llaves?', /RD\$100/],
    ['mezclan pintura?', /igualar colores/],
    ['alquilan herramientas?', /no alquilamos/],
    ['dan factura con comprobante fiscal?', /NCF/],
    ['me dan factura?', /toda compra lleva su factura/],
    // The invoice in the company's name, however the sentence runs (was the lead form).
    ['¿la factura sale a nombre de mi empresa con RNC?', /NCF/],
    ['¿me pueden hacer la factura a nombre de Constructora Pérez?', /NCF/],
    ['¿tienen precio especial para contratistas?', /vendemos al por mayor/],
    ['puedo pedir por aquí y pasar a buscarlo?', /recoges en la sucursal/],
    ['tienen página web?', /@ferreterialaromana/],
    ['tienen catálogo?', /catálogo impreso/],
  ])('should answer "%s" from the store data, never "no vendemos"', async (text, fact) => {
    const [r] = await talk(tenant, text);
    expect(r!.reply).toMatch(fact);
    expect(r!.reply).not.toMatch(/No vendemos|Tengo estas opciones|Esto es lo que tengo/);
    expect(r!.ticket).toBeNull();
  });

  it.each([
    ['do you have parking?', /customer parking/],
    ['do you rent tools?', /don't rent/],
    ['do you cut wood?', /Lumber and plywood/],
    ['can I get an invoice with my RNC?', /NCF/],
    // Contractors' prices are the wholesale answer, not a tradesperson recommended.
    ['do you have contractor pricing?', /sell wholesale/],
    ['is the store wheelchair accessible?', /wheelchair/],
  ])('should answer "%s" in English from the store data', async (text, fact) => {
    const [r] = await talk(tenant, text);
    expect(r!.reply).toMatch(fact);
  });

  it('should answer "¿venden al por mayor?" and offer the advisor instead of starting the form, and take the offer on a yes', async () => {
    const [asked, yes] = await talk(tenant, 'venden al por mayor?', 'sí');
    expect(asked!.reply).toMatch(/vendemos al por mayor/);
    expect(asked!.options).toEqual(['Hablar con un asesor de ventas']);
    expect(String(asked!.state)).not.toMatch(/workflow/);
    expect(JSON.stringify(yes!.state)).toMatch(/workflow/);
  });

  it('should answer "¿hacen cotizaciones para empresas?" and leave the form for a yes', async () => {
    const [asked] = await talk(tenant, 'hacen cotizaciones para empresas?');
    expect(asked!.reply).toMatch(/cotizaciones formales/);
    expect(JSON.stringify(asked!.state)).not.toMatch(/workflow/);
  });

  it('should keep a business that tells who it is, or a request to buy in volume, a lead', async () => {
    for (const text of ['quiero comprar al por mayor 200 sacos de cemento', 'Soy de una ferretería en Guaymate, ¿venden al por mayor para revender?', 'necesito comprobante fiscal, somos empresa y compraremos mucho']) {
      expect(storeFactsAsked(text), text).toEqual([]);
      const u = await brain.understand({ text, messageId: 'm', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k' });
      expect(u.nlu.intent.name, text).toBe('sales_lead');
    }
  });

  it('should leave product questions that share a word with a store question to the catalog', () => {
    for (const text of ['tienen accesorios de baño?', 'tienen bombillos wifi?', 'tienen disco de corte?', 'que disco corta metal?', 'tienen llave de chorro?', 'venden sillas de ruedas?', 'tienen cinta de electricista?', 'tienen llaves de paso de 1/2?', 'con que puedo cortar ceramica?']) {
      expect(storeFactsAsked(text), text).toEqual([]);
    }
  });

  it('should answer the product first when its price or its own question comes beside the service', async () => {
    const [both] = await talk(tenant, 'tienen tubo pvc de 3/4? me lo pueden cortar a 2 metros?');
    expect(both!.reply).toMatch(/Tubo PVC 3\/4"/);
    const [price] = await talk(tenant, 'cuanto cuesta el plywood de 1/2 y me lo cortan?');
    expect(price!.reply).toMatch(/RD\$1,690\.00/);
    const [key] = await talk(tenant, 'cuanto cuesta una copia de llave?');
    expect(key!.reply).toMatch(/copias de llaves.*RD\$100/s);
  });

  it('should offer a person for installations, and hand over on a yes', async () => {
    const [asked, yes] = await talk(tenant, 'ustedes instalan?', 'si');
    expect(asked!.reply).toMatch(/no hacemos instalaciones/);
    expect(asked!.options).toEqual(['Hablar con una persona']);
    expect(yes!.ticket).not.toBeNull();
  });

  it('should say it does not know a fact the store has not written, and offer a person (never "no vendemos")', async () => {
    const [asked, yes] = await talk(tenant, 'hay cajero automatico?', 'sí');
    expect(asked!.reply).toMatch(/no lo tengo confirmado/);
    expect(asked!.reply).toMatch(/cajero automático/);
    expect(yes!.ticket).not.toBeNull();
    // A store without the parking fact: the same, for parking.
    const { parking: _parking, ...others } = tenant.store.facts ?? {};
    const without: TenantData = { ...tenant, store: { ...tenant.store, facts: others } };
    const { out, text } = info(without, 'tienen estacionamiento?');
    expect(text).toMatch(/no lo tengo confirmado por aquí \(si tenemos parqueo\)/);
    expect(out.offer?.intent).toBe('human_agent');
  });

  it('should answer the fact alone when a branch is named, not also the branch list', () => {
    const { out } = info(tenant, 'hay parqueo en la sucursal de Villa Hermosa?');
    expect(out.replies.map((r) => ('template' in r ? r.template : ''))).toEqual(['info.fact']);
  });
});

describe('the restroom, asked the ways a visitor asks it', () => {
  it.each(['do you have a bathroom I can use?', 'tienen un baño que pueda usar?', 'is there a toilet I can use?', 'where is the restroom?', 'tienen baño para clientes?'])('should read "%s" as the restroom fact', (text) => {
    expect(storeFactsAsked(text)).toEqual(['restroom']);
  });

  it.each(['do you have toilets?', 'tienen inodoros?', 'toilet seats?'])('should leave "%s" to the catalog (a hardware store sells toilets)', (text) => {
    expect(storeFactsAsked(text)).toEqual([]);
  });
});

describe('paying on delivery and the delivery days', () => {
  it.each([
    ['¿puedo pagar contra entrega?', 'cashOnDelivery'],
    ['se le puede pagar al chofer cuando llegue?', 'cashOnDelivery'],
    ['puedo pagar cuando me llegue el pedido?', 'cashOnDelivery'],
    ['cash on delivery?', 'cashOnDelivery'],
    ['can I pay when it arrives?', 'cashOnDelivery'],
    ['¿entregan los domingos?', 'deliveryDays'],
    ['hacen delivery los sabados?', 'deliveryDays'],
    ['¿hasta qué hora puedo pedir para que llegue hoy?', 'deliveryDays'],
    ['do you deliver on sundays?', 'deliveryDays'],
    ['what time do I have to order for same day delivery?', 'deliveryDays'],
  ] as const)('should read "%s" as the %s fact', (text, key) => {
    expect(storeFactsAsked(text)).toEqual([key]);
  });

  it.each(['llevan a santo domingo?', 'formas de pago?', '¿hacen delivery?', 'cuanto cuesta el delivery a Caleta?'])('should leave "%s" to the delivery and payment answers', (text) => {
    expect(storeFactsAsked(text)).toEqual([]);
  });

  it('should answer the fact alone, without the delivery list or the payment methods', () => {
    for (const text of ['¿puedo pagar contra entrega?', '¿entregan los domingos?']) {
      const { out } = info(tenant, text);
      expect(out.replies.map((r) => ('template' in r ? r.template : '')), text).toEqual(['info.fact']);
    }
  });
});

describe('a minimum for delivery, photos, and ordering by chat', () => {
  it.each([
    ['cuánto es el mínimo pa delivery', 'deliveryMinimum'],
    ['hay pedido minimo?', 'deliveryMinimum'],
    ['is there a minimum order for delivery?', 'deliveryMinimum'],
    ['a partir de cuanto es gratis el envio?', 'deliveryMinimum'],
    ['mándame foto del inodoro', 'photos'],
    ['foto del inodoro?', 'photos'],
    ['can you send me a picture of the toilet?', 'photos'],
    ['me puedes mandar una foto de la carretilla?', 'photos'],
    ['venden por whatsapp?', 'orderByChat'],
    ['puedo pedir por aqui?', 'orderByChat'],
    ['can I order through whatsapp?', 'orderByChat'],
    ['me puedes mandar la lista de precios por whatsapp?', 'catalog'],
    ['me pueden mandar la lista de precios?', 'catalog'],
    ['can I pay with card on delivery?', 'cashOnDelivery'],
  ] as const)('should read "%s" as the %s fact', (text, key) => {
    expect(storeFactsAsked(text)).toEqual([key]);
  });

  it.each(['quiero pedir por aqui 5 sacos de cemento', 'les mando la foto del tubo que necesito', 'cual es su whatsapp?', 'cuanto es lo minimo que cuesta el cemento'])('should leave "%s" alone', (text) => {
    expect(storeFactsAsked(text)).toEqual([]);
  });

  it('should say there is no minimum, then each zone and its fee', () => {
    const { text } = info(tenant, 'cuánto es el mínimo pa delivery');
    expect(text).toMatch(/No hay monto mínimo.*Villa Hermosa.*RD\$300/s);
  });
});

describe('places inside a delivery zone, and branches asked for elsewhere', () => {
  it('should serve Casa de Campo as its zone, named as asked, es and en', () => {
    expect(info(tenant, 'llevan a Casa de Campo?').text).toMatch(/llegamos a \*Casa de Campo\*.*Caleta.*RD\$400\.00/s);
    expect(info(tenant, 'do you deliver to Casa de Campo?', 'en').text).toMatch(/deliver to \*Casa de Campo\*.*Caleta.*RD\$400\.00/s);
    expect(info(tenant, 'llevan a villa verde?').text).toMatch(/Villa Verde.*La Romana centro.*gratis/s);
  });

  it('should say no to Santo Domingo, with the nearest zones, pick-up and a person offered', () => {
    const { out, text } = info(tenant, 'hacen envíos a Santo Domingo?');
    expect(text).toMatch(/no llegamos a Santo Domingo/);
    expect(text).toMatch(/San Pedro de Macorís/);
    expect(text).toMatch(/recoger tu pedido/);
    expect(out.offer?.intent).toBe('human_agent');
  });

  it('should say there is no branch in a town we have none in, and list ours', () => {
    expect(info(tenant, 'tienen sucursal en Higüey?').text).toMatch(/No tenemos sucursal en \*Higüey\*.*Av\. Libertad/s);
    expect(info(tenant, 'do you have a store in Punta Cana?', 'en').text).toMatch(/don't have a branch in \*Punta Cana\*/);
    expect(info(tenant, 'tienen sucursal en La Romana?').text).not.toMatch(/No tenemos/);
    expect(info(tenant, 'tienen sucursal en villa hermosa?').text).toMatch(/Sucursal Villa Hermosa\* queda/);
  });

  it('should refuse a place in a zone the store does not list, and an unknown fact', () => {
    const places = [{ name: 'Casa de Campo', at: { lat: 18.41, lon: -68.92 }, zone: 'Nowhere' }];
    const bad = STORE.safeParse({ ...tenant.store, places });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/no delivery zone named \\"Nowhere\\"/);
    expect(STORE.safeParse({ ...tenant.store, facts: { elevator: { es: 'sí', en: 'yes' } } }).success).toBe(false);
    expect(STORE.safeParse(tenant.store).success).toBe(true);
  });
});

describe('the way to the store', () => {
  it('should read directions asked, es and en', async () => {
    const { asksDirections } = await import('../../../src/actors/brain/rule/store-questions.js');
    for (const text of ['how do I get there from Casa de Campo?', 'how far is your store?', 'how can I find you?', '¿cómo llego a la tienda?', '¿a qué distancia quedan de Caleta?', '¿están muy lejos?']) {
      expect(asksDirections(text), text).toBe(true);
    }
    for (const text of ['how far can you deliver?', 'do you have rebar?', 'how do I pay?']) {
      expect(asksDirections(text), text).toBe(false);
    }
  });
});

describe('someone to do a job (a tradesperson, not a person of the store)', () => {
  it('should read a job to be done by someone as the installation fact, in Spanish and English', () => {
    for (const text of ['necesito alguien que me instale una puerta', 'busco una persona que me pinte la casa', 'busco quien me coloque cerámica', 'conocen a alguien que me arregle una tubería?', 'I need someone to fix my sink', 'can you recommend someone to install a fan?']) {
      expect(storeFactsAsked(text), text).toContain('installation');
      expect(asksForTradesperson(text), text).toBe(true);
    }
  });

  it('should leave a person of the store, a quote and trouble alone', () => {
    for (const text of ['quiero hablar con una persona', 'necesito alguien que me atienda', 'necesito una persona que me haga una cotización', 'quiero hablar con alguien que me ayude con mi pedido', 'I need someone to talk to']) {
      expect(asksForTradesperson(text), text).toBe(false);
    }
  });

  it('should read a tradesperson asking for work as a job seeker, not as one asked for', () => {
    for (const text of ['ustedes tienen trabajo? soy electricista', 'hola, soy plomero, ¿tienen trabajo?', "I'm a plumber, do you have work?", 'soy maestro de obra, están contratando?']) {
      expect(storeFactsAsked(text), text).not.toContain('installation');
    }
    for (const text of ['tienen plomeros? necesito uno para un trabajo en mi casa', 'soy electricista, necesito que me instalen una lámpara', '¿tienen un electricista que me instale una lámpara?']) {
      expect(storeFactsAsked(text), text).toContain('installation');
    }
  });

  it('should answer with the installation fact, not a ticket, when the classifier is sure it is a person', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const reply = texts(await say(host, 'trade-1', 'necesito una persona que me pinte la casa'));
    expect(reply).toMatch(/no hacemos instalaciones/);
    expect(reply).not.toMatch(/número de caso/);
  });
});

describe('a service on the goods asked with them', () => {
  it('should answer the price of cutting with the cutting service, and a pipe with its cutting asked beside it with both', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const price = texts(await say(host, 'cut-1', 'cuánto cobran por cortar un tubo?'));
    expect(price).toMatch(/sin costo/);
    expect(price).not.toMatch(/Qué medida necesitas/);
    const both = texts(await say(host, 'cut-2', '¿tienen tubo de 3/4? ¿me lo pueden cortar?'));
    expect(both).toMatch(/Cortamos a la medida/);
    expect(both).toMatch(/Tubo PVC 3\/4"/);
    const mixed = texts(await say(host, 'cut-3', 'tienen pintura verde? me la pueden mezclar?'));
    expect(mixed).toMatch(/preparamos pintura/);
    expect(mixed).toMatch(/Verde/);
    // A service asked about a product alone stays the store's answer.
    expect(texts(await say(host, 'cut-4', 'hacen cortes de madera?'))).not.toMatch(/RD\$475/);
  });
});

describe('whether the prices include the tax', () => {
  it.each(['¿los precios incluyen itbis?', 'el cemento lleva itbis?', 'does the price include tax?', 'is tax included?', '¿cuánto es el itbis?', 'precio con itbis del cemento'])('should read "%s" as the tax fact', (text) => {
    expect(storeFactsAsked(text)).toContain('taxIncluded');
  });
  it.each(['tienen pintura con brillo?', 'cemento con arena', 'quiero factura con comprobante fiscal'])('should leave "%s" alone', (text) => {
    expect(storeFactsAsked(text)).not.toContain('taxIncluded');
  });
  it('should answer the tax and the price when both are asked', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const reply = texts(await say(host, 'tax-1', 'el precio del cemento incluye itbis?'));
    expect(reply).toMatch(/incluyen el ITBIS/);
    expect(reply).toMatch(/RD\$655\.00/);
    expect(reply).not.toMatch(/No tengo \*cemento incluye\*/);
  });
});
