import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloOnFakeLlm } from '../../helpers/fake-llm-hilo.js';

/**
 * "¿eres un robot?" read by an LLM as a request for a person (as models do) gets the same honest
 * answer as with the rule brain — the store's virtual assistant, and a person offered — never a
 * ticket on the spot (`readingWithBotQuestion` in the tenant runtime).
 */
describe('the LLM brain and "are you a bot?"', () => {
  let hilo: Awaited<ReturnType<typeof startHiloOnFakeLlm>>;

  beforeAll(async () => {
    hilo = await startHiloOnFakeLlm({ intent: 'human_agent', confidence: 0.95 });
  }, 30_000);
  afterAll(async () => hilo?.close());

  const said = (out: Awaited<ReturnType<typeof hilo.say>>) => out.messages.filter((m) => m.author !== 'customer').map((m) => m.text).join('\n');

  it('should say it is the virtual assistant and offer a person, without a handoff', async () => {
    const out = await hilo.say('llm-bot', '¿eres un robot?');
    expect(hilo.fake.requests.length).toBeGreaterThan(0);
    expect(said(out)).toContain('asistente virtual');
    expect(JSON.stringify(out.state.value)).not.toContain('handoff');
  }, 30_000);

  it('should still hand off a request for a person the LLM read', async () => {
    const out = await hilo.say('llm-person', 'quiero hablar con una persona');
    expect(said(out)).not.toContain('asistente virtual');
    expect(JSON.stringify(out.state.value)).toContain('handoff');
  }, 30_000);
});
