import { describe, expect, it } from 'vitest';
import type { DurableMode } from '../durable/durable-harness.js';
import { useRocketChatRig } from '../durable/rocketchat-rig.js';

const TOKEN = 'h23_outgoing_token';

/**
 * harden21's finding: Rocket.Chat agent messages were de-duplicated in this process's memory only,
 * so Rocket.Chat's retry of a message relayed just before a restart reached the customer twice
 * (nothing behind the route de-duplicates an agent's line). Now the claims live in the stores the
 * identity limits use (SQL, or Redis when configured) and outlive the process.
 */
describe.each(['pglite+memory', 'postgres+redis'] as DurableMode[])('a Rocket.Chat agent message retried across a restart on %s', (mode) => {
  const rig = useRocketChatRig(mode, TOKEN);
  const { agentPost, agentLines } = rig;

  it('should relay the message once, the retry after the restart answered and dropped', async () => {
    const { conversationId, ticket } = await rig.handedOver('h23-rc');

    const first = await agentPost('rc-h23-1', `#${ticket} Hola, soy María. ¿En qué te ayudo?`);
    expect(first.status).toBe(200);
    expect(await agentLines(conversationId)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    await rig.deployment().restart();
    const retried = await agentPost('rc-h23-1', `#${ticket} Hola, soy María. ¿En qué te ayudo?`);
    expect(retried.status).toBe(200);
    expect(await agentLines(conversationId)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    // A new message of the agent (another id) still goes through.
    const next = await agentPost('rc-h23-2', `#${ticket} Ya te lo reviso.`);
    expect(next.status).toBe(200);
    expect(await agentLines(conversationId)).toEqual(['Hola, soy María. ¿En qué te ayudo?', 'Ya te lo reviso.']);
  }, 120_000);
});
