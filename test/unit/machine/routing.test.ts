import { describe, it, expect } from 'vitest';
import { createConversation, understood } from './machine-harness.js';

describe('conversation machine › triage routing', () => {
  it('should start idle and awaiting input with a plain JSON context', () => {
    const c = createConversation({ script: {} });
    const snap = c.snapshot();
    expect(snap.value).toEqual({ triage: 'idle' });
    expect(snap.hasTag('awaitingInput')).toBe(true);
    expect(snap.context).toMatchObject({ tenantId: 'ferreteria', conversationId: 'c-1', lang: 'es', turn: 0, expecting: { kind: 'none' } });
    expect(JSON.parse(JSON.stringify(snap.context))).toEqual(snap.context);
    expect(snap.context).not.toHaveProperty('machineVersion');
  });

  it('should understand with the idempotency key, record the message and count the turn', async () => {
    const c = createConversation({ script: { hola: understood('greeting', { lang: 'en' }) }, conversationId: 'conv-9' });
    const out = await c.say('hola');
    expect(c.calls.understand).toEqual([
      { text: 'hola', messageId: 'm1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'conv-9:m1:understand' },
    ]);
    expect(out.context.turn).toBe(1);
    expect(out.context.lastMessage).toEqual({ id: 'm1', text: 'hola', receivedAt: '2026-11-22T12:00:01.000Z' });
    expect(out.context.lang).toBe('en');
    expect(out.context.understanding?.nlu.intent.name).toBe('greeting');
  });

  it('should answer a greeting and a thanks with small talk and go back to idle', async () => {
    const c = createConversation({ script: { hola: understood('greeting'), gracias: understood('thanks') } });
    expect(await c.say('hola')).toMatchObject({ says: ['greeting'], state: 'triage.idle' });
    expect(await c.say('gracias')).toMatchObject({ says: ['thanks'], state: 'triage.idle' });
  });

  it('should greet by first name when the lead draft knows it', async () => {
    const c = createConversation({
      script: {
        cotizar: understood('sales_lead', { leadFields: { name: 'Juan Pérez' } }),
        adios: understood('goodbye'),
        hola: understood('greeting'),
      },
    });
    await c.say('cotizar');
    await c.say('adios');
    const out = await c.say('hola');
    expect(out.replies[0]).toEqual({ template: 'greeting.named', params: { name: 'Juan' } });
  });

  it('should say goodbye and close', async () => {
    const c = createConversation({ script: { chao: understood('goodbye') } });
    expect(await c.say('chao')).toMatchObject({ says: ['goodbye'], state: 'closed' });
  });

  it('should route product and price questions to the catalog with their intent', async () => {
    const c = createConversation({ script: { cemento: understood('product_inquiry'), precio: understood('price_quote') } });
    expect(await c.say('cemento')).toMatchObject({ says: ['product.found'], state: 'triage.idle' });
    await c.say('precio');
    expect(c.calls.answerProduct.map((i) => i.intent)).toEqual(['product_inquiry', 'price_quote']);
    expect(c.calls.answerProduct[1]).toMatchObject({ tenantId: 'ferreteria', lang: 'es', idempotencyKey: 'c-1:m2:product' });
    expect(c.calls.answerProduct[1]!.understanding.nlu.intent.name).toBe('price_quote');
  });

  it('should route an account question to the account tool with the account id', async () => {
    const c = createConversation({ script: { cuenta: understood('account_status', { accountId: '10045' }) } });
    expect(await c.say('cuenta')).toMatchObject({ says: ['account.status'], state: 'triage.idle' });
    expect(c.calls.answerAccount).toEqual([{ tenantId: 'ferreteria', lang: 'es', accountId: '10045', idempotencyKey: 'c-1:m1:account' }]);
  });

  it.each(['store_hours_location', 'offers', 'job_vacancies'] as const)('should route %s to the info tool with that topic', async (topic) => {
    const c = createConversation({ script: { q: understood(topic) } });
    const out = await c.say('q');
    expect(out).toMatchObject({ says: [`info.${topic}`], state: 'triage.idle' });
    expect(c.calls.answerInfo).toEqual([{ tenantId: 'ferreteria', lang: 'es', topic, text: 'q', idempotencyKey: 'c-1:m1:info' }]);
  });

  it('should route a sales lead to qualifying and ask the first field', async () => {
    const c = createConversation({ script: { proyecto: understood('sales_lead') } });
    const out = await c.say('proyecto');
    expect(out).toMatchObject({ says: ['lead.start', 'lead.ask.name'], state: 'qualifying.collecting.waiting' });
    expect(out.context.expecting).toEqual({ kind: 'lead_field', field: 'name' });
    expect(out.context.lead).toMatchObject({ status: 'collecting', asking: 'name' });
  });

  it.each([
    ['a human request', understood('human_agent'), 'customer_request', 'handoff.ticket.customer_request'],
    ['a complaint', understood('complaint'), 'complaint', 'handoff.ticket.complaint'],
    ['a critical case', understood('product_inquiry', { critical: true }), 'critical', 'handoff.ticket.critical'],
    ['a priority of 9', understood('greeting', { priority: 9 }), 'high_priority', 'handoff.ticket.high_priority'],
  ] as const)('should hand off on %s with the right reason', async (_label, u, reason, template) => {
    const c = createConversation({ script: { msg: u } });
    const out = await c.say('msg');
    expect(out.state).toBe('handoff.withHuman');
    expect(out.says).toEqual([template]);
    expect(out.replies[0]).toEqual({ template, params: { number: 'T-000121' } });
    expect(out.context.handoffReason).toBe(reason);
    expect(c.calls.createTicket[0]).toEqual({
      tenantId: 'ferreteria',
      conversationId: 'c-1',
      kind: 'handoff',
      reason,
      lang: 'es',
      messageId: 'm1',
      text: 'msg',
      idempotencyKey: 'c-1:m1:ticket',
    });
  });

  it('should not hand off on a priority of 8', async () => {
    const c = createConversation({ script: { msg: understood('greeting', { priority: 8 }) } });
    expect(await c.say('msg')).toMatchObject({ says: ['greeting'], state: 'triage.idle' });
  });

  it('should hand off with brain_unavailable when the brain fails', async () => {
    const c = createConversation({ script: { msg: 'fail' } });
    const out = await c.say('msg');
    expect(out).toMatchObject({ says: ['handoff.ticket.brain_unavailable'], state: 'handoff.withHuman' });
    expect(c.calls.createTicket[0]?.reason).toBe('brain_unavailable');
  });

  it('should treat out_of_scope and low confidence as not understood, and hand off at the third in a row', async () => {
    const c = createConversation({
      script: { x: understood('out_of_scope'), y: understood('product_inquiry', { confidence: 0.1 }), z: understood('out_of_scope') },
    });
    expect(await c.say('x')).toMatchObject({ says: ['notUnderstood'], state: 'triage.idle', context: { misunderstoodStreak: 1 } });
    expect(await c.say('y')).toMatchObject({ says: ['notUnderstood'], context: { misunderstoodStreak: 2 } });
    expect(c.calls.answerProduct).toHaveLength(0);
    const out = await c.say('z');
    expect(out).toMatchObject({ says: ['handoff.ticket.not_understood'], state: 'handoff.withHuman' });
    expect(c.calls.createTicket[0]?.reason).toBe('not_understood');
    expect(out.context.misunderstoodStreak).toBe(0);
  });

  it('should reset the misunderstanding streak on any understood intent', async () => {
    const c = createConversation({ script: { x: understood('out_of_scope'), hola: understood('greeting') } });
    await c.say('x');
    await c.say('x');
    expect((await c.say('hola')).context.misunderstoodStreak).toBe(0);
    expect(await c.say('x')).toMatchObject({ says: ['notUnderstood'], state: 'triage.idle', context: { misunderstoodStreak: 1 } });
  });

  it('should pass the pending expectation to the brain', async () => {
    const c = createConversation({
      script: { cuenta: understood('account_status'), otra: understood('out_of_scope') },
      effects: { answerAccount: () => ({ outcome: 'need_account_id', replies: [{ template: 'account.askId' }] }) },
    });
    await c.say('cuenta');
    await c.say('otra');
    expect(c.calls.understand[1]?.expecting).toEqual({ kind: 'account_id' });
  });
});
