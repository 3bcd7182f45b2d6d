import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTED_RUNNING_TTL_MS } from '../../../src/runtime/channels/counted-deduplicator.js';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from '../durable/durable-harness.js';

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
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;

  beforeAll(async () => {
    environment = await createDurableEnvironment(mode);
    deployment = await startDeployment(environment, { HILO_ROCKETCHAT_OUTGOING_TOKEN: TOKEN });
  }, 120_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;
  const auth = () => ({ authorization: `Bearer ${deployment.config.demoApiKey}`, 'content-type': 'application/json' });

  const agentPost = async (messageId: string, text: string) => {
    const res = await fetch(`${base()}/webhooks/rocketchat/ferreteria`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TOKEN, message_id: messageId, channel_name: 'hilo-handoffs', user_name: 'maria', text }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const agentLines = async (conversationId: string): Promise<string[]> => {
    const res = await fetch(`${base()}/api/tenants/ferreteria/conversations/${conversationId}`, { headers: auth() });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { transcript: { author: string; text: string }[] };
    return view.transcript.filter((line) => line.author === 'agent').map((line) => line.text);
  };

  /** The state a kill between the relay and `confirm` leaves: no `done` claim, the running one expired. */
  const crashBeforeConfirm = async (messageId: string) => {
    const db = deployment.storage.db;
    expect(db).toBeTruthy();
    await db!.em().execute(`delete from access_counters where key = ?`, [`claim:done:rocketchat:ferreteria:${messageId}`], 'run');
    deployment.clock.advance(COUNTED_RUNNING_TTL_MS + 1_000);
    await deployment.restart();
  };

  it('should relay the message once when Rocket.Chat retries it after the running claim expired', async () => {
    const turn = await fetch(`${base()}/api/tenants/ferreteria/messages`, { method: 'POST', headers: auth(), body: JSON.stringify({ sender: newSender('h24-rc'), text: 'quiero hablar con una persona' }) });
    expect(turn.status).toBe(200);
    const answer = (await turn.json()) as { conversation_id: string; state: { value: string; context: { ticket: { number: string } | null } } };
    expect(answer.state.value).toMatch(/^handoff/);
    const ticket = answer.state.context.ticket?.number;
    expect(ticket).toMatch(/^T-\d+$/);

    const hello = `#${ticket} Hola, soy María. ¿En qué te ayudo?`;
    expect((await agentPost('rc-h24-1', hello)).status).toBe(200);
    expect(await agentLines(answer.conversation_id)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    await crashBeforeConfirm('rc-h24-1');
    const retried = await agentPost('rc-h24-1', hello);
    expect(retried.status).toBe(200);
    expect(await agentLines(answer.conversation_id)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    // The agent's next message (another id) goes through, and the same words under a new id too (a deliberate resend).
    expect((await agentPost('rc-h24-2', `#${ticket} Ya te lo reviso.`)).status).toBe(200);
    expect((await agentPost('rc-h24-3', hello)).status).toBe(200);
    expect(await agentLines(answer.conversation_id)).toEqual(['Hola, soy María. ¿En qué te ayudo?', 'Ya te lo reviso.', 'Hola, soy María. ¿En qué te ayudo?']);
  }, 120_000);
});
