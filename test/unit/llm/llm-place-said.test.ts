import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHiloOnFakeLlm } from '../../helpers/fake-llm-hilo.js';

/**
 * A place named in the lead's first message ("soy de Casa de Campo, quiero cotizar…") goes to the lead
 * form, which calls no tool to report it: the reading carries it (`readingWithPlaceSaid`), with the
 * LLM brain as with the rule brain, so "¿me lo llevan?" later is about that place.
 */
describe('the LLM brain and a place said in a lead message', () => {
  let hilo: Awaited<ReturnType<typeof startHiloOnFakeLlm>>;

  beforeAll(async () => {
    hilo = await startHiloOnFakeLlm({ intent: 'sales_lead', confidence: 0.93 });
  }, 30_000);
  afterAll(async () => hilo?.close());

  const placeSaidIn = (conversationId: string) => (hilo.server.hilo.host.contextOf('ferreteria', conversationId) as { placeSaid?: { name: string } | null }).placeSaid ?? null;

  it('should remember the store place the lead message names, as the store spells it', async () => {
    const out = await hilo.say('llm-place', 'soy de casa de campo, quiero cotizar materiales para una terraza');
    expect(hilo.fake.requests.length).toBeGreaterThan(0);
    expect(placeSaidIn(out.conversation_id)?.name).toBe('Casa de Campo');
  }, 30_000);

  it('should remember none when the message names no place of the store', async () => {
    const out = await hilo.say('llm-no-place', 'quiero cotizar materiales para una terraza');
    expect(placeSaidIn(out.conversation_id)).toBeNull();
  }, 30_000);
});
