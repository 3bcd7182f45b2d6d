import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloOnFakeLlm } from '../../helpers/fake-llm-hilo.js';

/**
 * One key with room for one conversation and a burst of 20: 19 conversations find the pool full
 * on every turn and the rule brain answers them. That is a capacity limit, not a model failure,
 * so none of them may be handed to a human (the review saw 14 of 20 handed off).
 */
describe('a full key pool during a burst', () => {
  let hilo: Awaited<ReturnType<typeof startHiloOnFakeLlm>>;

  beforeAll(async () => {
    hilo = await startHiloOnFakeLlm({ intent: 'price_quote', confidence: 0.93, entities: [{ type: 'product', value: 'cemento' }], products: [{ query: 'cemento gris', quantity: 1 }] }, { HILO_LLM_MAX_CONVERSATIONS_PER_KEY: '1' });
  }, 30_000);
  afterAll(async () => hilo?.close());

  it('should answer every turn of 20 concurrent conversations and hand none of them off', async () => {
    const texts = ['¿Tienen cemento gris?', '¿y cuánto cuesta?', '¿tienen varilla de 3/8?', '¿y tubos pvc?', '¿cemento blanco?'];
    const senders = Array.from({ length: 20 }, (_, i) => `burst-${i}`);
    const states = await Promise.all(
      senders.map(async (sender) => {
        const seen: string[] = [];
        for (const text of texts) {
          const answer = await hilo.say(sender, text);
          seen.push(`${String(answer.state.value)}${answer.messages.some((m) => m.author === 'bot') ? '' : ' (no answer)'}`);
        }
        return seen;
      }),
    );
    const handedOff = states.filter((seen) => seen.some((s) => s.startsWith('handoff')));
    expect(handedOff).toEqual([]);
    expect(states.flat().filter((s) => s.endsWith('(no answer)'))).toEqual([]);
    // The model did answer someone (the one conversation holding the key's slot).
    expect(hilo.fake.requests.length).toBeGreaterThan(0);
    const tickets = await hilo.server.hilo.storage.tickets.list('ferreteria');
    expect(tickets).toHaveLength(0);
  }, 60_000);
});
