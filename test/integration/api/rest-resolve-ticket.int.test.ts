import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from '../durable/durable-harness.js';

/**
 * owner34: a REST `POST …/resolve` handed the conversation back to the bot but left its handoff
 * ticket `open` (only the console and Rocket.Chat's `/resolver` closed it), so the owner's
 * dashboard and a returning customer's greeting saw a case nobody was working on. Resolving now
 * closes the ticket inside the machine's own turn (`handoff.closingTicket`), whatever the caller:
 * one path for REST, the console and Rocket.Chat. Real PGlite, and PostgreSQL + Redis.
 */
for (const mode of ['pglite+memory', 'postgres+redis'] as DurableMode[]) {
  describe(`REST resolve closes the handoff ticket (${mode})`, () => {
    let environment: DurableEnvironment;
    let deployment: DurableDeployment;

    const api = async (path: string, body?: unknown) => {
      const res = await fetch(`http://127.0.0.1:${deployment.hilo.port}/api/tenants/ferreteria${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${deployment.hilo.demoApiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    const ticketsOf = async (conversationId: string) => (await deployment.storage.tickets.list('ferreteria')).filter((t) => t.conversationId === conversationId);

    beforeAll(async () => {
      environment = await createDurableEnvironment(mode);
      deployment = await startDeployment(environment);
    }, 60_000);

    afterAll(async () => {
      await deployment?.close();
      await environment?.destroy();
    });

    it('should close the ticket with the agent and outcome, once, and keep the first close on a second resolve', { timeout: 60_000 }, async () => {
      const turn = await api('/messages', { sender: newSender('resolve'), text: 'quiero hablar con una persona' });
      expect(turn.status).toBe(200);
      const conversationId = turn.json.conversation_id as string;
      const [opened] = await ticketsOf(conversationId);
      expect(opened).toMatchObject({ kind: 'handoff', status: 'open' });

      expect((await api(`/conversations/${conversationId}/agent-messages`, { agent: 'María', text: 'Hola, soy María.' })).status).toBe(200);
      const resolved = await api(`/conversations/${conversationId}/resolve`, { agent: 'María', outcome: 'resuelto' });
      expect(resolved.status).toBe(200);
      expect(resolved.json).toMatchObject({ already_resolved: false, resolution: { agent: 'María', outcome: 'resuelto' } });

      const [closed] = await ticketsOf(conversationId);
      expect(closed).toMatchObject({ ticketId: opened!.ticketId, status: 'closed', agentName: 'María', outcome: 'resuelto' });
      expect(closed!.closedAt).not.toBeNull();

      // A second resolve (another agent, a retry) changes nothing: the first close stands.
      const again = await api(`/conversations/${conversationId}/resolve`, { agent: 'Pedro', outcome: 'otro' });
      expect(again.json).toMatchObject({ already_resolved: true, resolution: { agent: 'María', outcome: 'resuelto' } });
      expect(await ticketsOf(conversationId)).toEqual([closed]);
    });

    it('should close the ticket of a handoff no agent answered, and a later handoff opens a new open ticket', { timeout: 60_000 }, async () => {
      const sender = newSender('resolve-silent');
      const turn = await api('/messages', { sender, text: 'pasame con un agente por favor' });
      const conversationId = turn.json.conversation_id as string;
      expect((await api(`/conversations/${conversationId}/resolve`, { agent: 'Ana', outcome: 'sin respuesta' })).status).toBe(200);
      expect((await ticketsOf(conversationId)).map((t) => t.status)).toEqual(['closed']);

      await api('/messages', { sender, text: 'quiero hablar con una persona otra vez' });
      const statuses = (await ticketsOf(conversationId)).map((t) => t.status);
      expect(statuses).toEqual(['closed', 'open']);
    });
  });
}
