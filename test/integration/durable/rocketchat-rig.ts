import { afterAll, beforeAll, expect } from 'vitest';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from './durable-harness.js';

/**
 * A durable deployment with Rocket.Chat's outgoing webhook configured, for the tests of agent
 * messages relayed from Rocket.Chat across restarts and crashes (harden23, harden24): the
 * deployment (started before the file's tests, closed after them), a customer handed to a person,
 * an agent's message posted as Rocket.Chat posts it, and the agent's lines in the thread.
 */
export interface RocketChatRig {
  deployment(): DurableDeployment;
  /** A new customer asking for a person over REST: the conversation and its handoff ticket ("T-…"). */
  handedOver(senderPrefix: string): Promise<{ conversationId: string; ticket: string }>;
  /** An agent's message as Rocket.Chat's outgoing webhook posts it (`message_id`, the text with "#T-…"). */
  agentPost(messageId: string, text: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The agent's lines in the conversation's thread, in order. */
  agentLines(conversationId: string): Promise<string[]>;
}

/** Registers the deployment's start and stop hooks in the calling `describe` and returns the rig. */
export function useRocketChatRig(mode: DurableMode, token: string): RocketChatRig {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;

  beforeAll(async () => {
    environment = await createDurableEnvironment(mode);
    deployment = await startDeployment(environment, { HILO_ROCKETCHAT_OUTGOING_TOKEN: token });
  }, 120_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  const base = (): string => `http://127.0.0.1:${deployment.hilo.port}`;
  const auth = (): Record<string, string> => ({ authorization: `Bearer ${deployment.config.demoApiKey}`, 'content-type': 'application/json' });

  return {
    deployment: () => deployment,
    async handedOver(senderPrefix) {
      const turn = await fetch(`${base()}/api/tenants/ferreteria/messages`, { method: 'POST', headers: auth(), body: JSON.stringify({ sender: newSender(senderPrefix), text: 'quiero hablar con una persona' }) });
      expect(turn.status).toBe(200);
      const answer = (await turn.json()) as { conversation_id: string; state: { value: string; context: { ticket: { number: string } | null } } };
      expect(answer.state.value).toMatch(/^handoff/);
      const ticket = answer.state.context.ticket?.number;
      expect(ticket).toMatch(/^T-\d+$/);
      return { conversationId: answer.conversation_id, ticket: ticket as string };
    },
    async agentPost(messageId, text) {
      const res = await fetch(`${base()}/webhooks/rocketchat/ferreteria`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, message_id: messageId, channel_name: 'hilo-handoffs', user_name: 'maria', text }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async agentLines(conversationId) {
      const res = await fetch(`${base()}/api/tenants/ferreteria/conversations/${conversationId}`, { headers: auth() });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { transcript: { author: string; text: string }[] };
      return view.transcript.filter((line) => line.author === 'agent').map((line) => line.text);
    },
  };
}
