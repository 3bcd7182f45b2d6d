import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { asksForJob, asksNewAccount, asksProjectQuote, asksToReactivate, detectClosing, isVagueComplaint, mentionsDelivery, saysNotKnown } from '../../../src/actors/brain/rule/signals.js';
import { ventsAtTheStore } from '../../../src/actors/brain/rule/purchase-trouble.js';
import { answerInfo } from '../../../src/actors/tools/info.tool.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { decideTriage } from '../../../src/machines/triage-decision.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let brain: Brain;
let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  brain = createRuleBrain({ tenant });
});

const read = (text: string, lang: 'es' | 'en' = 'es'): Promise<Understanding> =>
  brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });

const ask = (text: string, lang: 'es' | 'en') =>
  answerInfo(tenant, { tenantId: 'ferreteria', lang, topic: 'store_hours_location', text, idempotencyKey: 'k' }, Date.UTC(2026, 11, 22, 15));

describe('rule brain › routing signals (issue 10)', () => {
  it.each(['no me gustó nada', 'estoy muy enojada', 'tengo una queja', 'quiero poner un reclamo', "I'm not happy", 'I have a complaint', 'toy muy molesto con uds', "I'm very upset with you guys"])(
    'should read "%s" as a vague complaint',
    (text) => expect(isVagueComplaint(text)).toBe(true),
  );

  it.each(['el cemento vino mojado', 'no me gustó la atención del chofer', 'me cobraron doble', 'the drill arrived broken'])(
    'should not read "%s" as vague: it says what happened',
    (text) => expect(isVagueComplaint(text)).toBe(false),
  );

  it.each(['la verdad no me gustó', 'estoy enojado', 'tengo una queja'])('should ask about "%s" rather than open a ticket', async (text) => {
    expect(decideTriage(await read(text))).toEqual({ kind: 'confirm', intent: 'complaint' });
  });

  it.each(['ustedes son un desastre', 'ustedes son lo peor', 'que relajo con ustedes', 'nada, que siempre es lo mismo', 'este negocio es un chiste'])(
    'should read "%s" (discontent, nothing told) as a complaint to ask about, not a lead or "¿qué necesitas?"',
    async (text) => {
      expect(ventsAtTheStore(text)).toBe(true);
      expect(decideTriage(await read(text))).toEqual({ kind: 'confirm', intent: 'complaint' });
    },
  );

  it.each(['ustedes son los mejores', 'ustedes estan abiertos hoy?', 'el servicio es a domicilio?'])('should not read "%s" as discontent', (text) => {
    expect(ventsAtTheStore(text)).toBe(false);
  });

  it.each([
    'cuánto me cobran por traerme 20 blocks a Cumayasa?',
    'me la pueden mandar a Guaymate?',
    'nos lo pueden llevar hasta la obra en Caleta?',
    'cuanto sale llevarme el pedido a villa hermosa',
  ])('should read "%s" as a delivery question of the store', async (text) => {
    expect(mentionsDelivery(text)).toBe(true);
    const u = await read(text.replace(/20 blocks /, ''));
    const decision = decideTriage(u);
    expect(decision).toEqual({ kind: 'act', intent: 'store_hours_location' });
  });

  it('should not read buying to take away as delivery', () => {
    expect(mentionsDelivery('quiero llevar 10 sacos de cemento')).toBe(false);
  });

  it('should answer a lower-case served zone with its fee', async () => {
    const zone = tenant.store.deliveryZones.find((z) => z.zone.toLowerCase().includes('caleta'))!;
    const out = ask('y cuanto cobran por llevarme unos materiales a caleta', 'es');
    expect(out.replies.map((r) => ('template' in r ? r.template : r.text))).toEqual(['info.delivery.zone']);
    expect(JSON.stringify(out.replies[0])).toContain(zone.zone);
  });

  it.each([
    ['cuál es el teléfono de ustedes?', 'es'],
    ['me pasas el número de la ferretería?', 'es'],
    ["what's the store's phone number?", 'en'],
  ] as const)('should read "%s" as a store question and answer it with the branches\' phones', async (text, lang) => {
    expect(decideTriage(await read(text, lang))).toEqual({ kind: 'act', intent: 'store_hours_location' });
    const out = ask(text, lang);
    expect(JSON.stringify(out.replies)).toContain(tenant.store.phone);
  });

  it.each(['botas de trabajo', 'tienen guantes de trabajo?', 'necesito unas botas pal trabajo'])('should read "%s" as a product, not a job', async (text) => {
    const u = await read(text);
    expect(decideTriage(u)).toMatchObject({ kind: 'act' });
    expect(['product_inquiry', 'price_quote']).toContain(u.nlu.intent.name);
  });

  it.each(['busco trabajo', 'están contratando?', 'quiero trabajar con ustedes', 'do you have job openings?'])('should still read "%s" as a job request', async (text) => {
    expect(asksForJob(text)).toBe(true);
    expect((await read(text, /you/.test(text) ? 'en' : 'es')).nlu.intent.name).toBe('job_vacancies');
  });

  it.each([
    ['we need a quote for 12 apartments', 'en'],
    ['queremos una cotización para remodelar el hotel', 'es'],
  ] as const)('should read "%s" (a quote for a project, no product) as a sales lead', async (text, lang) => {
    expect(asksProjectQuote(text)).toBe(true);
    expect(decideTriage(await read(text, lang))).toEqual({ kind: 'act', intent: 'sales_lead' });
  });

  it.each([
    ['qué necesito para abrir una cuenta de crédito?', 'es'],
    ['can we open a business account?', 'en'],
    ['como abro una cuenta', 'es'],
    ['como se abre una cuenta de credito?', 'es'],
  ] as const)('should read "%s" (a new account) as a sales lead', async (text, lang) => {
    expect(asksNewAccount(text)).toBe(true);
    expect((await read(text, lang)).nlu.intent.name).toBe('sales_lead');
  });

  it.each(['mi cuenta de crédito está al día?', 'why is my business account suspended?', 'cuánto debo en la cuenta comercial?'])(
    'should keep "%s" (an account the customer has) an account question',
    async (text) => {
      expect(asksNewAccount(text)).toBe(false);
      expect((await read(text, /why/.test(text) ? 'en' : 'es')).nlu.intent.name).toBe('account_status');
    },
  );

  it('should keep a quote that names products a price question', async () => {
    expect((await read('cotización de 20 sacos de cemento para la casa')).nlu.intent.name).toBe('price_quote');
  });

  it.each(['muchas gracias por todo', 'gracias mi hermano, bendiciones', 'thanks, God bless you'])('should close on "%s"', async (text) => {
    expect(detectClosing(text)).toBe(true);
    expect(decideTriage(await read(text, /thanks/.test(text) ? 'en' : 'es'))).toEqual({ kind: 'act', intent: 'goodbye' });
  });

  it('should not close on a greeting blessing alone', () => {
    expect(detectClosing('bendiciones, una pregunta')).toBe(false);
  });

  it('should not close on "nada más" that narrows a request to a size or a count', () => {
    for (const text of ['la de 5/8 nada más', 'no, nada más la de 5/8', '20 nada más']) expect(detectClosing(text), text).toBe(false);
    for (const text of ['nada más, gracias', 'no gracias, nada más', 'eso es todo']) expect(detectClosing(text), text).toBe(true);
  });

  it.each(['no me lo sé', 'no me acuerdo', 'no la tengo a mano', "I don't remember it", 'ni idea'])('should read "%s" as not knowing the answer', async (text) => {
    expect(saysNotKnown(text)).toBe(true);
    expect((await read(text)).notKnown).toBe(true);
  });

  it.each(['how mutch is the hammer?', 'wat time do you open on sunday?', 'whats the pirce of the white cement'])(
    'should read the English typos of "%s" as the request they spell',
    async (text) => {
      const u = await read(text, 'en');
      expect(decideTriage(u)).toMatchObject({ kind: 'act' });
      expect(['product_inquiry', 'price_quote', 'store_hours_location']).toContain(u.nlu.intent.name);
      // The typo is understood, not guessed around: a sure reading.
      expect(u.nlu.intent.confidence).toBeGreaterThanOrEqual(0.6);
    },
  );

  it('should greet by the name the customer gives', async () => {
    const u = await read('buenas tardes, mi nombre es Pedro');
    expect(u.nlu.intent.name).toBe('greeting');
    expect(u.nlu.entities.find((e) => e.type === 'person_name')?.value).toBe('Pedro');
  });
});

describe('reactivating an account', () => {
  it.each(['como la activo de nuevo', 'que tengo que hacer pa que me la activen', 'como reactivo mi cuenta', 'how do I reactivate my account?'])('should read "%s" as the account', async (text) => {
    expect(asksToReactivate(text)).toBe(true);
    expect((await read(text)).nlu.intent.name).toBe('account_status');
  });

  it.each(['como activo la garantia', 'tienen activador de cemento?', 'la cuenta de banco para transferir'])('should not read "%s" as reactivating an account', (text) => {
    expect(asksToReactivate(text)).toBe(false);
  });
});
