import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** A whole conversation through the real host: each turn's replies, rendered and joined. */
const chat = (sender: string, ...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, sender, ...messages);

describe('the offer of a product priced in the middle of the lead form', () => {
  it('should offer it without a question, set it aside on a yes and ask the form question again', async () => {
    const [, , offered, yes] = await chat('lq-1', 'necesito una cotizacion para mi empresa', 'Maria Gomez', 'cuanto cuesta el cemento?', 'si');
    // One question at a time: the form's, the offer said as "dime *sí*".
    expect(offered).toContain('apartado con tu solicitud');
    expect(offered).not.toContain('¿Te lo reservo');
    expect((offered ?? '').match(/\?/g)?.length).toBe(1);
    expect(yes).toMatch(/T-\d{6}/);
    expect(yes).toContain('Cemento Gris');
    expect(yes).toContain('correo electrónico');
    expect(yes).not.toContain('¿Te ayudo con algo más?');
  });

  it('should take a "no, gracias" as the offer declined, never a goodbye or the e-mail declined', async () => {
    const [, , , no] = await chat('lq-2', 'quiero cotizar un proyecto', 'Pedro Diaz', 'tienen varilla de 3/8?', 'no, gracias');
    expect(no).toContain('no te lo aparto');
    expect(no).toContain('correo electrónico');
    expect(no).not.toMatch(/excelente día|teléfono/);
  });
});

describe('a quote of a product that comes in kinds', () => {
  it.each(['quiero una cotización de pintura', 'cotizame pintura', 'necesito un presupuesto de pintura'])('should ask which one and how much for "%s"', async (text) => {
    const [reply] = await chat('lq-3', text);
    expect(reply).toContain('cuál y cuánto');
    expect(reply).toContain('Satinada');
    expect(reply).not.toContain('¿Te lo reservo');
  });

  it('should price the pick with its count ("la satinada, 4 galones", "20 sacos de la primera")', async () => {
    const [, paint] = await chat('lq-4', 'cotizacion de pintura blanca', 'la satinada, 4 galones');
    expect(paint).toContain('RD$5,920.00');
    const [, cement] = await chat('lq-5', 'que tipo de cemento tienen?', '20 sacos de la primera');
    expect(cement).toContain('RD$13,100.00');
  });
});

describe('a phone number after a price', () => {
  it.each(['8095551234', '829 555 1234', '809-555-1234'])('should note "%s" as contact data, never a quantity or a size', async (phone) => {
    const [, reply] = await chat('lq-6', 'necesito 10 sacos de cemento', phone);
    expect(reply).toContain('xxx-xx34');
    expect(reply).not.toMatch(/RD\$|829 kg/);
  });
});

describe('the goods priced before a lead', () => {
  it('should be the need of a lead started right after, with sales as its area', async () => {
    const turns = await chat('lq-7', 'quiero cotizar 200 blocks de 6 para una obra', 'necesito la cotizacion formal para la empresa', 'Juan Perez', 'juan@gmail.com', 'Constructora JP', 'alta');
    expect(turns[5]).toContain('*Necesidad:* quiero cotizar 200 blocks de 6 para una obra');
    expect(turns[5]).toContain('*Área:* Ventas');
    expect(turns.join('\n')).not.toContain('qué necesitas');
  });

  it('should open the quote of the one product priced on "mándame la cotización formal"', async () => {
    const [, quote] = await chat('lq-8', 'quiero cotizar 200 blocks de 6 para una obra', 'mandame la cotizacion formal');
    expect(quote).toMatch(/T-\d{6}/);
    expect(quote).not.toContain('No vendemos');
  });
});
