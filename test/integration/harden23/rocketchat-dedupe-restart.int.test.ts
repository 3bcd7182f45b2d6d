import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from '../durable/durable-harness.js';

const TOKEN = 'h23_outgoing_token';

/**
 * harden21's finding: Rocket.Chat agent messages were de-duplicated in this process's memory only,
 * so Rocket.Chat's retry of a message relayed just before a restart reached the customer twice
 * (nothing behind the route de-duplicates an agent's line). Now the claims live in the stores the
 * identity limits use (SQL, or Redis when configured) and outlive the process.
 */
describe.each(['pglite+memory', 'postgres+redis'] as DurableMode[])('a Rocket.Chat agent message retried across a restart on %s', (mode) => {
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

  it('should relay the message once, the retry after the restart answered and dropped', async () => {
    const turn = await fetch(`${base()}/api/tenants/ferreteria/messages`, { method: 'POST', headers: auth(), body: JSON.stringify({ sender: newSender('h23-rc'), text: 'quiero hablar con una persona' }) });
    expect(turn.status).toBe(200);
    const answer = (await turn.json()) as { conversation_id: string; state: { value: string; context: { ticket: { number: string } | null } } };
    expect(answer.state.value).toMatch(/^handoff/);
    const ticket = answer.state.context.ticket?.number;
    expect(ticket).toMatch(/^T-\d+$/);

    const first = await agentPost('rc-h23-1', `#${ticket} Hola, soy María. ¿En qué te ayudo?`);
    expect(first.status).toBe(200);
    expect(await agentLines(answer.conversation_id)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    await deployment.restart();
    const retried = await agentPost('rc-h23-1', `#${ticket} Hola, soy María. ¿En qué te ayudo?`);
    expect(retried.status).toBe(200);
    expect(await agentLines(answer.conversation_id)).toEqual(['Hola, soy María. ¿En qué te ayudo?']);

    // A new message of the agent (another id) still goes through.
    const next = await agentPost('rc-h23-2', `#${ticket} Ya te lo reviso.`);
    expect(next.status).toBe(200);
    expect(await agentLines(answer.conversation_id)).toEqual(['Hola, soy María. ¿En qué te ayudo?', 'Ya te lo reviso.']);
  }, 120_000);
});
