import { beforeAll, describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Understanding, UnderstandInput } from '../../../src/domain/understanding.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let ruleBrain: Brain;

beforeAll(async () => {
  ({ tenant, brain: ruleBrain } = await loadDemo());
});

/** The same rule brain without its synchronous reading: the machine invokes `understand` for every message. */
const awaitedOnly = (brain: Brain): Brain => ({ kind: brain.kind, parse: (text) => brain.parse(text), understand: (input) => brain.understand(input) });

/** Conversations that cross every place a message is read: idle, a product expected, a form, a choice, a closed and reopened thread. */
const SCRIPTS: string[][] = [
  ['hola', 'tienen cemento?', 'el más barato', 'dame 10', 'cuanto seria todo?', 'sí', 'gracias', 'adiós', 'hola de nuevo'],
  ['quiero cotizar', 'cemento gris', 'y varilla de 3/8?', 'a que hora abren el sábado?', 'donde están ubicados?'],
  ['hi, I want to talk to sales about a big order for a hotel in Punta Cana', 'John Miller', 'john@example.com', 'Hotel Caribe', 'construction materials', 'we need 500 bags of cement and rebar for a new wing', 'this month', 'yes'],
  ['quiero saber el balance de mi cuenta', '12345', 'no me acuerdo', 'quiero hablar con una persona'],
  ['pintura', 'azul', 'de galón', 'el cemento que me vendieron vino dañado, pésimo servicio'],
];

/** A turn's context with the ids the two hosts generate differently replaced; everything else must match. */
const plain = (turn: Awaited<ReturnType<typeof sayTo>>): unknown =>
  JSON.parse(JSON.stringify(turn.state.context).replaceAll(turn.conversationId, 'CONVERSATION').replace(/"(id|messageId|sourceMessageId|ticketId|leadId)":"[^"]*"/g, '"$1":"ID"'));

describe('a synchronous brain reads the message in the transition that took it in (provideReader)', () => {
  it('should give the same replies, states and contexts as when the machine invokes `understand`', async () => {
    for (const [n, script] of SCRIPTS.entries()) {
      const atOnce = createMemoryHost({ tenant, brain: ruleBrain });
      const awaited = createMemoryHost({ tenant, brain: awaitedOnly(ruleBrain) });
      for (const text of script) {
        const a = await sayTo(atOnce.host, `script-${n}`, text);
        const b = await sayTo(awaited.host, `script-${n}`, text);
        expect(replyText(a), `script ${n}: "${text}"`).toBe(replyText(b));
        expect(a.state.value, `script ${n}: "${text}"`).toBe(b.state.value);
        expect(a.state.tags, `script ${n}: "${text}"`).toEqual(b.state.tags);
        expect(plain(a), `script ${n}: "${text}"`).toEqual(plain(b));
      }
    }
  });

  it('should not invoke the `understand` actor for the rule brain, and should for a brain without `readNow`', async () => {
    const invoked: string[] = [];
    const counting = (brain: Brain) =>
      createMemoryHost({
        tenant,
        brain,
        machine: (m) =>
          m.provide({
            actors: {
              understand: fromPromise<Understanding, UnderstandInput>(async ({ input }) => {
                invoked.push(input.text);
                return brain.understand(input);
              }),
            },
          }),
      });
    const rules = counting(ruleBrain);
    expect(replyText(await sayTo(rules.host, 'counted', 'tienen cemento?'))).toMatch(/cemento/i);
    expect(invoked).toEqual([]);
    const llmLike = counting(awaitedOnly(ruleBrain));
    expect(replyText(await sayTo(llmLike.host, 'counted', 'tienen cemento?'))).toMatch(/cemento/i);
    expect(invoked).toEqual(['tienen cemento?']);
  });

  it('should read a message as it is taken in, never passing through `reading`, with the rule brain', async () => {
    const passed: string[] = [];
    const { host } = createMemoryHost({
      tenant,
      brain: ruleBrain,
      // `reading`'s own action runs only when a message goes through that state.
      machine: (m) => m.provide({ actions: { readAtOnce: () => void passed.push('reading') } }),
    });
    for (const text of SCRIPTS[0]!) await sayTo(host, 'taken-in', text);
    expect(passed).toEqual([]);
  });

  it('should ask the `understand` of a brain spread from the rule brain with its own understand (readNow is not copied)', async () => {
    const read: string[] = [];
    const spy: Brain = { ...ruleBrain, understand: (input) => (read.push(input.text), ruleBrain.understand(input)) };
    expect(spy.readNow).toBeUndefined();
    const { host } = createMemoryHost({ tenant, brain: spy });
    await sayTo(host, 'spied', 'tienen cemento?');
    expect(read).toEqual(['tienen cemento?']);
  });

  it('should hand off as brain_unavailable when the synchronous reading throws, as when the awaited one fails', async () => {
    const failing: Brain = {
      kind: 'rules',
      parse: (text) => ruleBrain.parse(text),
      understand: async () => {
        throw new Error('classifier weights missing');
      },
      readNow: () => {
        throw new Error('classifier weights missing');
      },
    };
    const { host } = createMemoryHost({ tenant, brain: failing });
    const turn = await sayTo(host, 'broken-brain', 'tienen cemento?');
    expect(turn.state.value).toMatch(/^handoff/);
    expect(host.contextOf('ferreteria', turn.conversationId)).toMatchObject({ handoffReason: 'brain_unavailable' });
  });

  it('should fail only that turn, with HILO_ERR_TURN_FAILED, when storing the reading throws, and answer the next one', async () => {
    let explode = true;
    const { host } = createMemoryHost({
      tenant,
      brain: ruleBrain,
      machine: (m) =>
        m.provide({
          actions: {
            // A message is read as it is taken in (`takeMessage`); `reading` reads it otherwise.
            readMessageAtOnce: () => {
              if (explode) throw new Error('reading could not be stored');
            },
            readAtOnce: () => {
              if (explode) throw new Error('reading could not be stored');
            },
          },
        }),
    });
    const err = await sayTo(host, 'store-fails', 'hola').then(
      () => expect.unreachable('the turn should have failed'),
      (e: unknown) => e,
    );
    expect(isHiloError(err, 'HILO_ERR_TURN_FAILED')).toBe(true);
    expect(host.stats.turnFailures).toBe(1);
    explode = false;
    expect((await sayTo(host, 'store-fails', 'hola')).replies.length).toBeGreaterThan(0);
    expect(replyText(await sayTo(host, 'other-customer', 'hola'))).not.toBe('');
  });
});
