import { describe, expect, it } from 'vitest';
import { COUNTED_RUNNING_TTL_MS } from '../../../src/runtime/channels/counted-deduplicator.js';
import type { DurableMode } from '../durable/durable-harness.js';
import { useRocketChatRig } from '../durable/rocketchat-rig.js';

const TOKEN = 'h24_outgoing_token';

/**
 * harden23's open point: a process killed after an agent's Rocket.Chat message was relayed but
 * before its claim was confirmed left only the 2-minute running claim, and Rocket.Chat's retry
 * after it reached the customer a second time. Now the message's Rocket.Chat id is kept in the
 * conversation's snapshot by the very turn that relays it, so the retry's turn is a no-op.
 * The crash is reproduced in the stores themselves: the `done` claim is taken out (it is written
 * only after the relay), the running one left to expire, and the runtime restarted.
 */
describe.each(['pglite+memory'] as DurableMode[])('a Rocket.Chat agent message whose claim was never confirmed, on %s', (mode) => {
  const rig = useRocketChatRig(mode, TOKEN);
  const { agentPost, agentLines } = rig;

  /** The state a kill between the relay and `confirm` leaves: no `done` claim, the running one expired. */
  const crashBeforeConfirm = async (messageId: string) => {
    const deployment = rig.deployment();
    const db = deployment.storage.db;
    expect(db).toBeTruthy();
    await db!.em().execute(`delete from access_counters where key = ?`, [`claim:done:rocketchat:ferreteria:${messageId}`], 'run');
    deployment.clock.advance(COUNTED_RUNNING_TTL_MS + 1_000);
    await deployment.restart();
  };

  it('should relay the message once when Rocket.Chat retries it after the running claim expired', async () => {
    const { conversationId, ticket } = await rig.handedOver('h24-rc');

    const hello = `#${ticket} Hola, soy María. ¿En qué te ayudo?`;
    expect((await agentPost('rc-h24-1', hello)).status).toBe(200);
    expect(await agentLines(conversationId)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    await crashBeforeConfirm('rc-h24-1');
    const retried = await agentPost('rc-h24-1', hello);
    expect(retried.status).toBe(200);
    expect(await agentLines(conversationId)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    // The agent's next message (another id) goes through, and the same words under a new id too (a deliberate resend).
    expect((await agentPost('rc-h24-2', `#${ticket} Ya te lo reviso.`)).status).toBe(200);
    expect((await agentPost('rc-h24-3', hello)).status).toBe(200);
    expect(await agentLines(conversationId)).toEqual(['Hola, soy María. ¿En qué te ayudo?', 'Ya te lo reviso.', 'Hola, soy María. ¿En qué te ayudo?']);
  }, 120_000);
});
