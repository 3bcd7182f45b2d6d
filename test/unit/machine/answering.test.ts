import { describe, it, expect } from 'vitest';
import { createConversation, understood } from './machine-harness.js';

const askProduct = () => ({ outcome: 'need_product' as const, replies: [{ template: 'product.askWhich' }] });

describe('conversation machine › answering', () => {
  it('should emit every reply of an answered or not-found product lookup and clear the expectation', async () => {
    const c = createConversation({
      script: { a: understood('product_inquiry'), b: understood('product_inquiry') },
      effects: {
        answerProduct: (input) =>
          input.idempotencyKey.endsWith('m1:product')
            ? { outcome: 'answered', replies: [{ template: 'product.found' }, { template: 'product.more' }] }
            : { outcome: 'not_found', replies: [{ template: 'product.notFound' }] },
      },
    });
    expect(await c.say('a')).toMatchObject({ says: ['product.found', 'product.more'], state: 'triage.idle' });
    expect(await c.say('b')).toMatchObject({ says: ['product.notFound'], state: 'triage.idle', context: { expecting: { kind: 'none' } } });
  });

  it('should wait for the product when it is missing, then route a bare product answer back to the catalog', async () => {
    let n = 0;
    const c = createConversation({
      script: { precio: understood('price_quote'), 'cemento gris': understood('out_of_scope', { confidence: 0.2, products: [{ query: 'cemento gris' }] }) },
      effects: { answerProduct: () => (++n === 1 ? askProduct() : { outcome: 'answered', replies: [{ template: 'product.found' }] }) },
    });
    const first = await c.say('precio');
    expect(first).toMatchObject({ says: ['product.askWhich'], state: 'answering.awaitingProduct', context: { expecting: { kind: 'product' } } });
    const second = await c.say('cemento gris');
    expect(second).toMatchObject({ says: ['product.found'], state: 'triage.idle', context: { expecting: { kind: 'none' }, misunderstoodStreak: 0 } });
    expect(c.calls.answerProduct).toHaveLength(2);
  });

  it('should leave the product expectation for another intent', async () => {
    const c = createConversation({
      script: { precio: understood('price_quote'), horario: understood('store_hours_location') },
      effects: { answerProduct: askProduct },
    });
    await c.say('precio');
    expect(await c.say('horario')).toMatchObject({ says: ['info.store_hours_location'], state: 'triage.idle', context: { expecting: { kind: 'none' } } });
  });

  it('should keep waiting for the product after small talk', async () => {
    const c = createConversation({ script: { precio: understood('price_quote'), gracias: understood('thanks') }, effects: { answerProduct: askProduct } });
    await c.say('precio');
    expect(await c.say('gracias')).toMatchObject({ says: ['thanks'], state: 'answering.awaitingProduct' });
  });

  it('should open a quote ticket for a multi-item quote and tell its number', async () => {
    const c = createConversation({
      script: { lista: understood('price_quote', { products: [{ query: 'cemento', quantity: 10 }, { query: 'varilla', quantity: 20 }] }) },
      effects: { answerProduct: () => ({ outcome: 'multi_quote', replies: [{ template: 'quote.items', params: { items: [] } }] }) },
    });
    const out = await c.say('lista');
    expect(out.says).toEqual(['quote.items', 'quote.ticket']);
    expect(out.replies[1]).toEqual({ template: 'quote.ticket', params: { number: 'T-000121' } });
    expect(out.state).toBe('triage.idle');
    expect(out.context.ticket).toEqual({ ticketId: 'tk-1', number: 'T-000121', kind: 'quote', reason: 'quote', turn: out.context.turn });
    expect(out.context.handoffReason).toBeNull();
    expect(c.calls.createTicket[0]).toMatchObject({ kind: 'quote', reason: 'quote', messageId: 'm1', idempotencyKey: 'c-1:m1:quote-ticket' });
  });

  it('should apologise with the store phone when the quote ticket fails', async () => {
    const c = createConversation({
      script: { lista: understood('price_quote') },
      effects: { answerProduct: () => ({ outcome: 'multi_quote', replies: [{ template: 'quote.items' }] }), createTicket: () => 'fail' },
    });
    expect(await c.say('lista')).toMatchObject({ says: ['quote.items', 'ticket.failed'], state: 'triage.idle', context: { ticket: null } });
  });

  it.each([
    ['answerProduct', understood('product_inquiry')],
    ['answerAccount', understood('account_status')],
    ['answerInfo', understood('offers')],
  ] as const)('should apologise and go back to idle when %s fails', async (effect, u) => {
    const c = createConversation({ script: { q: u }, effects: { [effect]: () => 'fail' } });
    expect(await c.say('q')).toMatchObject({ says: ['error.tool'], state: 'triage.idle', context: { expecting: { kind: 'none' } } });
  });

  it.each(['need_account_id', 'invalid'] as const)('should wait for an account id on %s, then look it up', async (outcome) => {
    let n = 0;
    const c = createConversation({
      script: { cuenta: understood('account_status'), '10045': understood('out_of_scope', { accountId: '10045' }) },
      effects: {
        answerAccount: () => (++n === 1 ? { outcome, replies: [{ template: 'account.askId' }] } : { outcome: 'answered', replies: [{ template: 'account.status' }] }),
      },
    });
    expect(await c.say('cuenta')).toMatchObject({ says: ['account.askId'], state: 'answering.awaitingAccountId', context: { expecting: { kind: 'account_id' } } });
    expect(await c.say('10045')).toMatchObject({ says: ['account.status'], state: 'triage.idle', context: { expecting: { kind: 'none' } } });
    expect(c.calls.answerAccount.map((i) => i.accountId)).toEqual([null, '10045']);
    expect(c.calls.answerAccount[1]?.idempotencyKey).toBe('c-1:m2:account');
  });

  it('should answer an unknown account and clear the expectation', async () => {
    const c = createConversation({
      script: { cuenta: understood('account_status', { accountId: '999' }) },
      effects: { answerAccount: () => ({ outcome: 'not_found', replies: [{ template: 'account.notFound' }] }) },
    });
    expect(await c.say('cuenta')).toMatchObject({ says: ['account.notFound'], state: 'triage.idle' });
  });

  it('should not take a message without an account id as the awaited id', async () => {
    const c = createConversation({
      script: { cuenta: understood('account_status'), what: understood('out_of_scope') },
      effects: { answerAccount: () => ({ outcome: 'need_account_id', replies: [{ template: 'account.askId' }] }) },
    });
    await c.say('cuenta');
    expect(await c.say('what')).toMatchObject({ says: ['notUnderstood'], state: 'answering.awaitingAccountId' });
    expect(c.calls.answerAccount).toHaveLength(1);
  });
});
