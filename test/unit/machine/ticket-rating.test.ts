import { describe, expect, it } from 'vitest';
import { ratingFrom } from '../../../src/machines/ticket-rating.js';
import { createConversation, understood } from './machine-harness.js';

describe('ratingFrom', () => {
  it('should read a digit from 1 to 5, alone or with its scale', () => {
    expect(['1', ' 5 ', '4/5', '3 de 5', '5 estrellas', '2 stars', '5!', '4 out of 5'].map(ratingFrom)).toEqual([1, 5, 4, 3, 5, 2, 5, 4]);
  });

  it('should hear a rating the way customers give it: with a comment, a lead-in or in words', () => {
    const said = ['5, muy buena atención', 'le doy un 4 porque tardaron', 'cinco', 'un 5!', 'Mi nota es 4', 'I would give it a 5', '5 excelente servicio', '4 de 5 estrellas', 'four'];
    expect(said.map(ratingFrom)).toEqual([5, 4, 5, 5, 4, 5, 5, 4, 4]);
  });

  it('should count one to five stars', () => {
    expect(['⭐', '⭐⭐⭐', '⭐️⭐️⭐️⭐️⭐️', '★★', '⭐ ⭐ ⭐ ⭐'].map(ratingFrom)).toEqual([1, 3, 5, 2, 4]);
  });

  it('should not take other messages for a rating', () => {
    expect(['0', '6', '10', '5 sacos de cemento', 'tengo 3 preguntas', 'hola', '⭐⭐⭐⭐⭐⭐', '', '3 y 4'].map(ratingFrom)).toEqual([null, null, null, null, null, null, null, null, null]);
    // A number that counts something is an order or a question, even right after the rating question.
    expect(['en 5 minutos llego', '5 fundas', '2 galones de pintura', '1.5', '4,5', '5x', 'quiero 3 varillas', 'dos sacos', '5 de cemento', 'excelente'].map(ratingFrom)).toEqual(Array(10).fill(null));
  });
});

describe('conversation machine › rating after a resolved handoff', () => {
  const script = { humano: understood('human_agent'), hola: understood('greeting'), '5 sacos de cemento': understood('product_inquiry') };

  it('should ask for a 1–5 rating after the resolution and store the answer with the handoff ticket', async () => {
    const c = createConversation({ script });
    await c.say('humano');
    const resolved = await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'ok' });
    expect(resolved.says).toEqual(['handoff.resolved.rating', 'handoff.rating']);
    expect(resolved.context.ratingAsk).toEqual({ ticketId: 'tk-1', number: 'T-000121' });
    const rated = await c.say('⭐⭐⭐⭐⭐');
    expect(rated).toMatchObject({ state: 'triage.idle', says: ['handoff.rated'] });
    expect(rated.context.ratingAsk).toBeNull();
    expect(c.calls.rateTicket).toEqual([{ tenantId: expect.any(String), conversationId: expect.any(String), ticketId: 'tk-1', rating: 5 }]);
    expect(c.calls.understand.map((u) => u.text)).toEqual(['humano']);
  });

  it('should thank the customer even when the rating cannot be stored', async () => {
    const c = createConversation({ script, effects: { rateTicket: () => 'fail' } });
    await c.say('humano');
    await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'ok' });
    expect(await c.say('3')).toMatchObject({ state: 'triage.idle', says: ['handoff.rated'] });
  });

  it('should let any other message continue the conversation, and not read a later digit as a rating', async () => {
    const c = createConversation({ script: { ...script, '4': understood('greeting') } });
    await c.say('humano');
    await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'ok' });
    const next = await c.say('5 sacos de cemento');
    expect(next.says).not.toContain('handoff.rated');
    expect(next.context.ratingAsk).toBeNull();
    await c.say('4');
    expect(c.calls.rateTicket).toEqual([]);
  });

  it('should not ask for a rating when no handoff ticket was resolved', async () => {
    const c = createConversation({ script });
    expect(await c.send({ type: 'agent.resolved', agentName: 'Rosa', outcome: 'x' })).toMatchObject({ emitted: [] });
    expect((await c.say('hola')).context.ratingAsk ?? null).toBeNull();
  });
});
