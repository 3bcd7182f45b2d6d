import { describe, it, expect } from 'vitest';
import type { IntentName } from '../../../src/domain/intents.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { createConversation, runTurn, understood } from './machine-harness.js';

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
    expect(c.calls.answerAccount).toEqual([{ tenantId: 'ferreteria', lang: 'es', accountId: '10045', idempotencyKey: 'c-1:m1:account', text: 'cuenta', access: null, verifying: false }]);
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
    expect(out).toMatchObject({ says: ['lead.start', 'lead.ask.name'], state: 'workflow.form.collecting.waiting' });
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
      script: { x: understood('out_of_scope'), y: understood('product_inquiry', { confidence: 0.05 }), z: understood('out_of_scope') },
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

/** A reading with a whole ranking (best first), as the rule brain gives it. */
function reading(ranked: [IntentName, number][], extra: Partial<Understanding> = {}): Understanding {
  const ranking = ranked.map(([name, confidence]) => ({ name, confidence }));
  return { ...understood(ranked[0]![0], { confidence: ranked[0]![1] }), ...extra, nlu: { intent: ranking[0]!, ranking, entities: [], lang: 'es' } };
}
const bare = (affirmation: 'yes' | 'no' | null = null) => understood('out_of_scope', { confidence: 0.9, affirmation });

describe('conversation machine › decisions under uncertainty', () => {
  it('should answer "quiero pintura azul" (complaint at 0.33 with a product) as a product question, not a handoff', async () => {
    const c = createConversation({
      script: {
        'quiero pintura azul': reading([['complaint', 0.33], ['product_inquiry', 0.19], ['price_quote', 0.19]], { products: [{ query: 'pintura azul' }], priority: 6 }),
      },
    });
    const out = await c.say('quiero pintura azul');
    expect(out).toMatchObject({ says: ['product.found'], state: 'triage.idle' });
    expect(c.calls.createTicket).toHaveLength(0);
    expect(c.calls.answerProduct[0]).toMatchObject({ intent: 'product_inquiry', text: 'quiero pintura azul' });
  });

  it('should hand off a confident complaint at once', async () => {
    const c = createConversation({ script: { 'me vendieron cemento vencido': reading([['complaint', 0.82], ['product_inquiry', 0.05]], { products: [{ query: 'cemento' }] }) } });
    const out = await c.say('me vendieron cemento vencido');
    expect(out).toMatchObject({ says: ['handoff.ticket.complaint'], state: 'handoff.withHuman' });
    expect(c.calls.createTicket[0]).toMatchObject({ reason: 'complaint', text: 'me vendieron cemento vencido' });
  });

  it('should ask before handing off an unsure complaint, and hand off with the complaint when the customer confirms', async () => {
    const c = createConversation({ script: { 'nadie me contesta': reading([['complaint', 0.36], ['human_agent', 0.2], ['store_hours_location', 0.1]]), 'sí, por favor': bare('yes') } });
    const asked = await c.say('nadie me contesta');
    expect(asked.state).toBe('triage.idle');
    expect(asked.says).toEqual(['clarify.handoff.complaint']);
    expect(asked.replies[0]).toEqual({
      template: 'clarify.handoff.complaint',
      options: [
        { label: 'clarify.option.yes_person', text: 'Sí, con una persona', template: true },
        { label: 'clarify.option.other', text: 'No, es otra cosa', template: true },
      ],
    });
    expect(asked.context.expecting).toMatchObject({ kind: 'choice', confirm: true, text: 'nadie me contesta' });
    expect(c.calls.createTicket).toHaveLength(0);
    const out = await c.say('sí, por favor');
    expect(out).toMatchObject({ says: ['handoff.ticket.complaint'], state: 'handoff.withHuman' });
    // The ticket carries the customer's words, not the "sí".
    expect(c.calls.createTicket[0]).toMatchObject({ kind: 'handoff', reason: 'complaint', text: 'nadie me contesta', messageId: 'm2' });
  });

  it('should drop the handoff when the customer says it is something else', async () => {
    const c = createConversation({ script: { 'nadie me contesta': reading([['complaint', 0.36], ['human_agent', 0.2]]), no: bare('no') } });
    await c.say('nadie me contesta');
    const out = await c.say('no');
    expect(out).toMatchObject({ says: ['clarify.other'], state: 'triage.idle', context: { expecting: { kind: 'none' }, misunderstoodStreak: 0 } });
    expect(c.calls.createTicket).toHaveLength(0);
  });

  it('should hand off an explicit request for a person at once, and ask first when the request is unsure', async () => {
    const c = createConversation({
      script: { 'quiero hablar con una persona': reading([['human_agent', 0.93]]), 'me atiende alguien?': reading([['human_agent', 0.34], ['store_hours_location', 0.2]]) },
    });
    expect(await c.say('me atiende alguien?')).toMatchObject({ says: ['clarify.handoff.human_agent'], state: 'triage.idle' });
    expect(c.calls.createTicket).toHaveLength(0);
    const out = await c.say('quiero hablar con una persona');
    expect(out).toMatchObject({ says: ['handoff.ticket.customer_request'], state: 'handoff.withHuman' });
  });

  it('should ask one short question with the likely options on a low reading, and follow the option the customer picks', async () => {
    const c = createConversation({
      script: {
        'lo de la otra vez': reading([['account_status', 0.22], ['price_quote', 0.15], ['product_inquiry', 0.12], ['store_hours_location', 0.11], ['greeting', 0.1]]),
        '2': bare(),
      },
    });
    const asked = await c.say('lo de la otra vez');
    expect(asked).toMatchObject({ says: ['clarify.ask'], state: 'triage.idle', context: { misunderstoodStreak: 1 } });
    expect(asked.replies[0]).toEqual({
      template: 'clarify.ask',
      options: [
        { label: 'clarify.option.account', text: 'El estado de mi cuenta', template: true },
        { label: 'clarify.option.product', text: 'Buscar un producto o precio', template: true },
        { label: 'clarify.option.info', text: 'Horarios, sucursales o delivery', template: true },
      ],
    });
    const out = await c.say('2');
    expect(out).toMatchObject({ says: ['product.found'], state: 'triage.idle', context: { misunderstoodStreak: 0, expecting: { kind: 'none' } } });
    expect(c.calls.answerProduct[0]).toMatchObject({ intent: 'product_inquiry', text: 'lo de la otra vez', idempotencyKey: 'c-1:m2:product' });
  });

  it('should read "2" on WhatsApp, an ordinal, or the text a button sends as that option', async () => {
    const low = reading([['store_hours_location', 0.25], ['complaint', 0.2], ['human_agent', 0.12]]);
    const cases: [string, Understanding, string[], string][] = [
      ['2', bare(), ['handoff.ticket.complaint'], 'handoff.withHuman'],
      ['la primera', bare(), ['info.store_hours_location'], 'triage.idle'],
      ['Hablar con una persona', reading([['human_agent', 0.6]]), ['handoff.ticket.customer_request'], 'handoff.withHuman'],
      ['opción 3 por favor', bare(), ['handoff.ticket.customer_request'], 'handoff.withHuman'],
    ];
    for (const [text, u, says, state] of cases) {
      const c = createConversation({ script: { 'eso del otro dia': low, [text]: u } });
      expect((await c.say('eso del otro dia')).says).toEqual(['clarify.ask']);
      c.restore(); // the pending choice survives a snapshot round trip
      expect(c.snapshot().context.expecting).toMatchObject({ kind: 'choice' });
      const picked = await runTurn(c.actor, { type: 'user.message', messageId: 'w2', text, channel: 'whatsapp', receivedAt: '2026-11-22T12:01:00.000Z' });
      expect({ text, says: picked.says, state: picked.state }).toEqual({ text, says, state });
    }
  });

  it('should read a new request instead of a pick when the customer ignores the options', async () => {
    const c = createConversation({
      script: { 'eso del otro dia': reading([['store_hours_location', 0.25], ['complaint', 0.2]]), 'tienen cemento?': understood('product_inquiry', { confidence: 0.9 }), '2': understood('out_of_scope', { confidence: 0.9 }) },
    });
    await c.say('eso del otro dia');
    expect(await c.say('tienen cemento?')).toMatchObject({ says: ['product.found'], context: { expecting: { kind: 'none' } } });
    // The options are gone: a later "2" is not a pick any more.
    expect((await c.say('2')).says).toEqual(['notUnderstood']);
    expect(c.calls.createTicket).toHaveLength(0);
  });

  it('should still hand off at the third unclear message in a row, clarifications included', async () => {
    const low = reading([['store_hours_location', 0.25], ['complaint', 0.2]]);
    const c = createConversation({ script: { a: low, b: low, cc: low } });
    expect((await c.say('a')).says).toEqual(['clarify.ask']);
    expect((await c.say('b')).says).toEqual(['clarify.ask']);
    const out = await c.say('cc');
    expect(out).toMatchObject({ says: ['handoff.ticket.not_understood'], state: 'handoff.withHuman' });
  });

  it('should not ask a clarifying question in the middle of a lead: the lead question comes again', async () => {
    const c = createConversation({ script: { proyecto: understood('sales_lead'), 'eso del otro dia': reading([['store_hours_location', 0.25], ['complaint', 0.2]]) } });
    await c.say('proyecto');
    const out = await c.say('eso del otro dia');
    expect(out.says).toEqual(['lead.notUnderstood', 'lead.ask.name']);
    expect(out.context.expecting).toEqual({ kind: 'lead_field', field: 'name' });
  });

  it('should answer a low small-talk reading as small talk rather than ask', async () => {
    const c = createConversation({ script: { "ta' bueno": reading([['thanks', 0.28], ['goodbye', 0.22], ['price_quote', 0.08]]) } });
    expect(await c.say("ta' bueno")).toMatchObject({ says: ['thanks'], state: 'triage.idle' });
  });
});
