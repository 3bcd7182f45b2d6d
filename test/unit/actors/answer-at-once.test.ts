import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { InfoActorInput, InfoActorOutput, ProductActorInput, ProductActorOutput } from '../../../src/machines/conversation.contract.js';
import { provideAnswerers, provideReader } from '../../../src/machines/conversation.machine.js';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';
import { provideFakes, runTurn, understood, type Calls } from '../machine/machine-harness.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Conversations through every way a catalog or store answer ends: found, not found, which one?, an estimate and its yes, a reservation, several quotes, info follow-ups. */
const SCRIPTS: string[][] = [
  ['hola', 'tienen cemento?', 'el más barato', 'dame 10', 'cuanto seria todo?', 'sí', 'gracias'],
  ['precio', 'cemento gris', 'y varilla de 3/8?', 'a que hora abren el sábado?', 'y el domingo?', 'donde están ubicados?', 'hacen envíos a Higüey?'],
  ['necesito 10 sacos de cemento y 20 varillas de 3/8', 'agrégale 5 galones de pintura blanca', 'sí', 'hay ofertas esta semana?', 'están contratando?'],
  ['cuanto cuesta la varilla de 5/8?', 'no, la de 5/8 nada más', 'sí'],
  ['how much is a bag of cement?', 'and the 3/8 rebar?', 'do you deliver to Bayahibe?', 'what time do you open on sunday?', 'bye'],
  // The same follow-ups after different products: only the product in focus tells their answers apart.
  ['tienen tubos pvc?', 'el más barato', 'dame 10', 'y de 3/4?'],
  ['tienen clavos?', 'el más barato', 'dame 10', 'y de 3/4?'],
  ['tienen pintura azul?', 'de galón', 'quiero pintar mi casa, ¿qué necesito?', 'cuantos galones para 100 metros?', 'te lo reservo?'],
];

/** The same tenant machine with the at-once answers switched off: the tool actors are invoked for every lookup. */
const invokedOnly = { guards: { answersProductAtOnce: () => false, answersInfoAtOnce: () => false } };

/** A turn's context with the ids the two hosts generate differently replaced; everything else must match. */
const plain = (turn: Awaited<ReturnType<typeof sayTo>>): unknown =>
  JSON.parse(JSON.stringify(turn.state.context).replaceAll(turn.conversationId, 'CONVERSATION').replace(/"(id|messageId|sourceMessageId|ticketId|leadId)":"[^"]*"/g, '"$1":"ID"'));

describe('the tenant catalog and store data answer in the routing step (provideAnswerers)', () => {
  it('should give the same replies, states and contexts as when the machine invokes the tool actors (and its answers are not cached)', async () => {
    // One host pair for every script, each script twice: the second customer to ask is answered from the catalog's answer cache.
    const atOnce = createMemoryHost({ tenant, brain });
    const invoked = createMemoryHost({ tenant, brain, machine: (m) => m.provide(invokedOnly as never) });
    for (const pass of [1, 2]) {
      for (const [n, script] of SCRIPTS.entries()) {
        for (const text of script) {
          const a = await sayTo(atOnce.host, `script-${n}-${pass}`, text);
          const b = await sayTo(invoked.host, `script-${n}-${pass}`, text);
          expect(replyText(a), `script ${n}: "${text}"`).toBe(replyText(b));
          expect(a.state.value, `script ${n}: "${text}"`).toBe(b.state.value);
          expect(a.state.tags, `script ${n}: "${text}"`).toEqual(b.state.tags);
          expect(plain(a), `script ${n}: "${text}"`).toEqual(plain(b));
        }
      }
    }
  });

  it('should not invoke the catalog or info actor for the tenant data, and should when the at-once answers are off', async () => {
    const invoked: string[] = [];
    const counting = (off: boolean) =>
      createMemoryHost({
        tenant,
        brain,
        machine: (m) =>
          m.provide({
            ...(off ? invokedOnly : {}),
            actors: {
              answerProduct: fromPromise<ProductActorOutput, ProductActorInput>(async ({ input }) => {
                invoked.push(`product:${input.text}`);
                return { outcome: 'need_product', replies: [{ template: 'product.need_product' }] };
              }),
              answerInfo: fromPromise<InfoActorOutput, InfoActorInput>(async ({ input }) => {
                invoked.push(`info:${input.text}`);
                return { replies: [{ template: 'info.summary' }] };
              }),
            },
          } as never),
      });
    const atOnce = counting(false);
    expect(replyText(await sayTo(atOnce.host, 'counted', 'tienen cemento?'))).toMatch(/cemento/i);
    expect(replyText(await sayTo(atOnce.host, 'counted', 'a que hora abren?'))).not.toBe('');
    expect(invoked).toEqual([]);
    const off = counting(true);
    await sayTo(off.host, 'counted', 'tienen cemento?');
    await sayTo(off.host, 'counted', 'a que hora abren?');
    expect(invoked).toEqual(['product:tienen cemento?', 'info:a que hora abren?']);
  });
});

describe('provideAnswerers on the machine', () => {
  const calls = (): Calls => ({ understand: [], answerProduct: [], answerAccount: [], answerInfo: [], createTicket: [], pushLead: [], rateTicket: [], cancelTicket: [], closeTicket: [] });
  const script = { cemento: understood('product_inquiry', { products: [{ query: 'cemento' }] }), horario: understood('store_hours_location') };
  /** The harness machine reading the script at once (as the rule brain does), so a turn can end inside `send`. */
  const atOnce = (c: Calls, effects: Parameters<typeof provideFakes>[1] = {}) => provideReader(provideFakes(script, effects, c) as never, (input) => script[input.text as keyof typeof script]);
  const message = (text: string, n: number) => ({ type: 'user.message' as const, messageId: `m${n}`, text, channel: 'web', receivedAt: '2026-11-22T12:00:00.000Z' });

  it('should answer at once with the given tools, as the same done event, without calling the actors', async () => {
    const c = calls();
    const machine = provideAnswerers(atOnce(c), {
      answerProduct: () => ({ outcome: 'need_product', replies: [{ template: 'product.askWhich' }] }),
      answerInfo: (input) => ({ replies: [{ template: `info.${input.topic}` }] }),
    });
    const actor = createActor(machine, { input: { tenantId: 'ferreteria', conversationId: 'c-1', lang: 'es' } }).start();
    // The whole turn happens inside `send`: the actor awaits input again before any promise could settle.
    actor.send(message('cemento', 1));
    expect(actor.getSnapshot().value).toEqual({ answering: 'awaitingProduct' });
    expect(actor.getSnapshot().context.expecting).toEqual({ kind: 'product' });
    actor.send(message('horario', 2));
    expect(actor.getSnapshot().value).toEqual({ triage: 'idle' });
    expect(c.answerProduct).toEqual([]);
    expect(c.answerInfo).toEqual([]);
    actor.stop();
  });

  it('should ask the actor when the at-once tool throws, and say error.tool when that fails too', async () => {
    const c = calls();
    const throwing = () => {
      throw new Error('catalog index corrupt');
    };
    const machine = provideAnswerers(atOnce(c, { answerProduct: () => 'fail' }), { answerProduct: throwing, answerInfo: throwing });
    const actor = createActor(machine, { input: { tenantId: 'ferreteria', conversationId: 'c-1', lang: 'es' as const } }).start();
    const product = await runTurn(actor as never, message('cemento', 1));
    expect(product).toMatchObject({ says: ['error.tool'], state: 'triage.idle' });
    expect(c.answerProduct).toHaveLength(1);
    const info = await runTurn(actor as never, message('horario', 2));
    expect(info.says).toEqual(['info.store_hours_location']);
    expect(c.answerInfo).toHaveLength(1);
    actor.stop();
  });
});
