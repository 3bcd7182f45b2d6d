import { describe, it, expect } from 'vitest';
import { createConversation, stateString, understood } from './machine-harness.js';

const script = { humano: understood('human_agent'), queja: understood('complaint'), 'olvídalo, ya no hace falta': understood('goodbye'), 'never mind': understood('goodbye'), hola: understood('greeting'), '¿hola?': understood('greeting'), 'sigo aquí': understood('greeting'), chao: understood('goodbye') };

describe('conversation machine › handoff', () => {
  it('should run the whole handoff: ticket, relay, agent messages, resolution, back to the bot', async () => {
    const c = createConversation({ script });
    const opened = await c.say('humano');
    expect(opened.state).toBe('handoff.withHuman');
    expect(opened.replies).toEqual([{ template: 'handoff.ticket.customer_request', params: { number: 'T-000121' } }]);
    expect(opened.context.ticket).toEqual({ ticketId: 'tk-1', number: 'T-000121', kind: 'handoff', reason: 'customer_request' });

    const first = await c.say('¿hola?');
    expect(first.state).toBe('handoff.withHuman');
    expect(first.emitted).toEqual([{ type: 'handoff.relay', ticketNumber: 'T-000121', messageId: 'm2', text: '¿hola?' }]);
    const second = await c.say('sigo aquí');
    expect(second.emitted).toEqual([{ type: 'handoff.relay', ticketNumber: 'T-000121', messageId: 'm3', text: 'sigo aquí' }]);
    expect(second.context.turn).toBe(3);
    expect(c.calls.understand).toHaveLength(1);

    const agent = await c.send({ type: 'agent.message', agentName: 'Rosa', text: 'Hola, soy Rosa. ¿En qué te ayudo?' });
    expect(agent.state).toBe('handoff.withHuman');
    expect(agent.replies).toEqual([{ text: 'Hola, soy Rosa. ¿En qué te ayudo?', author: 'agent', agentName: 'Rosa' }]);

    const resolved = await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'resuelto' });
    expect(resolved.state).toBe('triage.idle');
    expect(resolved.says).toEqual(['handoff.resolved.rating', 'handoff.rating']);
    expect(resolved.context.lastHandoff).toEqual({
      ticketId: 'tk-1',
      number: 'T-000121',
      kind: 'handoff',
      reason: 'customer_request',
      agentName: 'Rosa',
      outcome: 'resuelto',
    });
    expect(resolved.context.handoffReason).toBeNull();
    // The resolve closes the ticket itself, whoever sent it (REST, console, Rocket.Chat).
    expect(c.calls.closeTicket).toEqual([{ tenantId: 'ferreteria', conversationId: 'c-1', ticketId: 'tk-1', agentName: 'Rosa', outcome: 'resuelto' }]);

    expect(await c.say('hola')).toMatchObject({ says: ['greeting.repeat.more'], state: 'triage.idle' });
  });

  it('should stay silent while a human holds the conversation, in every handoff', async () => {
    const c = createConversation({ script });
    await c.say('humano');
    expect((await c.say('hola')).says).toEqual([]);
    await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'ok' });
    await c.say('humano');
    expect((await c.say('hola')).says).toEqual([]);
    expect(c.calls.createTicket.map((t) => t.idempotencyKey)).toEqual(['c-1:m1:ticket', 'c-1:m3:ticket']);
  });

  it('should let the customer call the person off before any agent answered: the ticket closed as theirs, the bot back', async () => {
    const c = createConversation({ script });
    await c.say('humano');
    const off = await c.say('olvídalo, ya no hace falta');
    expect(off.state).toBe('triage.idle');
    expect(off.says).toEqual(['handoff.cancelled']);
    // The agents still see what the customer wrote.
    expect(off.emitted).toContainEqual({ type: 'handoff.relay', ticketNumber: 'T-000121', messageId: 'm2', text: 'olvídalo, ya no hace falta' });
    expect(c.calls.cancelTicket).toEqual([{ tenantId: 'ferreteria', conversationId: 'c-1', ticketId: 'tk-1' }]);
    expect(off.context.handoffReason).toBeNull();
    expect(await c.say('hola')).toMatchObject({ says: ['greeting.repeat.more'], state: 'triage.idle' });
  });

  it('should not call the person off once an agent has answered, nor a complaint, nor after a failed close leave the customer waiting', async () => {
    const answered = createConversation({ script });
    await answered.say('humano');
    await answered.send({ type: 'agent.message', agentName: 'Rosa', text: 'Hola, soy Rosa.' });
    expect(await answered.say('never mind')).toMatchObject({ state: 'handoff.withHuman', says: [] });
    expect(answered.calls.cancelTicket).toEqual([]);

    const complaint = createConversation({ script });
    await complaint.say('queja');
    expect(await complaint.say('olvídalo, ya no hace falta')).toMatchObject({ state: 'handoff.withHuman', says: [] });

    const failing = createConversation({ script, effects: { cancelTicket: () => 'fail' } });
    await failing.say('humano');
    expect(await failing.say('never mind')).toMatchObject({ state: 'triage.idle', says: ['handoff.cancelled'] });
  });

  it('should hand the conversation back to the bot even when its ticket cannot be closed, and close each handoff\'s own ticket', async () => {
    const failing = createConversation({ script, effects: { closeTicket: () => 'fail' } });
    await failing.say('humano');
    expect(await failing.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'ok' })).toMatchObject({ state: 'triage.idle', says: ['handoff.resolved.rating', 'handoff.rating'] });

    const twice = createConversation({ script });
    await twice.say('humano');
    await twice.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'ok' });
    await twice.say('humano');
    await twice.send({ type: 'agent.resolved', agentName: 'Luis', outcome: 'entregado' });
    expect(twice.calls.closeTicket.map((t) => [t.ticketId, t.agentName, t.outcome])).toEqual([
      ['tk-1', 'Rosa', 'ok'],
      ['tk-2', 'Luis', 'entregado'],
    ]);
  });

  it('should not close while a human holds the conversation', async () => {
    const c = createConversation({ script });
    await c.say('humano');
    expect(await c.send({ type: 'conversation.close', reason: 'idle' })).toMatchObject({ state: 'handoff.withHuman', emitted: [] });
  });

  it('should apologise with the store phone and go back to idle when the ticket cannot be opened', async () => {
    const c = createConversation({ script, effects: { createTicket: () => 'fail' } });
    const out = await c.say('humano');
    expect(out).toMatchObject({ says: ['ticket.failed'], state: 'triage.idle', context: { handoffReason: null, ticket: null } });
    expect(await c.say('hola')).toMatchObject({ says: ['greeting.repeat'], state: 'triage.idle' });
  });
});

describe('conversation machine › close, reopen and unexpected events', () => {
  it.each([
    ['triage.idle', [] as string[]],
    ['workflow.form.collecting.waiting', ['cotizar']],
    ['workflow.form.confirming', ['completo']],
    ['answering.awaitingProduct', ['precio']],
    ['answering.awaitingAccountId', ['cuenta']],
  ])('should close from %s on conversation.close without a reply', async (state, messages) => {
    const c = createConversation({
      script: {
        cotizar: understood('sales_lead'),
        completo: understood('sales_lead', { leadFields: { name: 'Ana', email: 'ana@x.do', company_name: null, problem_statement: 'Piso' }, interestArea: 'Ventas', urgency: 'Bajo' }),
        precio: understood('price_quote'),
        cuenta: understood('account_status'),
      },
      effects: {
        answerProduct: () => ({ outcome: 'need_product', replies: [{ template: 'product.askWhich' }] }),
        answerAccount: () => ({ outcome: 'need_account_id', replies: [{ template: 'account.askId' }] }),
      },
    });
    for (const m of messages) await c.say(m);
    expect(c.snapshot().hasTag('awaitingInput')).toBe(true);
    expect(stateString(c.snapshot().value)).toBe(state);
    const out = await c.send({ type: 'conversation.close', reason: 'admin' });
    expect(out).toMatchObject({ state: 'closed', emitted: [], context: { expecting: { kind: 'none' } } });
  });

  it('should reopen a closed conversation with the next message', async () => {
    const c = createConversation({ script: { chao: understood('goodbye'), cemento: understood('product_inquiry') } });
    await c.say('chao');
    expect(await c.say('cemento')).toMatchObject({ says: ['product.found'], state: 'triage.idle' });
  });

  it('should ignore agent events, close while closed and unknown events without crashing', async () => {
    const c = createConversation({ script: { chao: understood('goodbye') } });
    expect(await c.send({ type: 'agent.message', agentName: 'Rosa', text: 'hola' })).toMatchObject({ state: 'triage.idle', emitted: [] });
    expect(await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'x' })).toMatchObject({ state: 'triage.idle', emitted: [] });
    expect(await c.send({ type: 'something.else' })).toMatchObject({ state: 'triage.idle', emitted: [] });
    await c.say('chao');
    expect(await c.send({ type: 'conversation.close', reason: 'idle' })).toMatchObject({ state: 'closed', emitted: [] });
    expect(await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'x' })).toMatchObject({ state: 'closed', emitted: [] });
    expect(c.actor.getSnapshot().status).toBe('active');
  });
});

describe('conversation machine › agent takeover', () => {
  it('should open a handoff ticket when an agent takes over a resting conversation', async () => {
    const c = createConversation({ script });
    await c.say('hola');
    const taken = await c.send({ type: 'agent.takeover', agentName: 'Rosa' });
    expect(taken.state).toBe('handoff.withHuman');
    expect(taken.says).toEqual(['handoff.ticket.agent_takeover']);
    expect(c.calls.createTicket.at(-1)).toMatchObject({ kind: 'handoff', reason: 'agent_takeover' });
    // While the agent holds it, another takeover changes nothing.
    expect(await c.send({ type: 'agent.takeover', agentName: 'Luis' })).toMatchObject({ state: 'handoff.withHuman', emitted: [] });
    const back = await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'listo' });
    expect(back.state).toBe('triage.idle');
  });
});
