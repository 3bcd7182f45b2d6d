import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { tellsPurchaseTrouble } from '../../../src/actors/brain/rule/purchase-trouble.js';
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
      'me vendieron una llave que bota agua',
      'compramos 3 galones y le faltan dos tapas',
      'el breaker que compre ya no sirve',
      'the drill I bought last week stopped working',
      "the faucet you sold me is leaking",
      "we bought a toilet from you and it came cracked",
      'I bought a sander here and it won’t turn on',
    ];
    for (const text of trouble) expect(tellsPurchaseTrouble(text), text).toBe(true);
    const notTrouble = [
      'compré cemento la semana pasada y necesito 20 sacos más',
      '¿el taladro no prende sin batería?',
      'quiero comprar un taladro que no haga mucho ruido',
      'tienen algo para una tubería que gotea?',
      'I bought paint here last month, do you have the same in blue?',
      'tienen pintura que no se pele con el sol?',
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
