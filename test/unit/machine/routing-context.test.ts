import { describe, expect, it } from 'vitest';
import type { IntentName } from '../../../src/domain/intents.js';
import type { Entity } from '../../../src/domain/nlu.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { isProductFollowUp } from '../../../src/machines/product-focus.js';
import { describesAskedComplaint, decideTriage } from '../../../src/machines/triage-decision.js';
import { createConversation, understood } from './machine-harness.js';

/** A reading with a whole ranking (best first), as the rule brain gives it. */
function reading(ranked: [IntentName, number][], extra: Partial<Understanding> = {}, entities: Entity[] = []): Understanding {
  const ranking = ranked.map(([name, confidence]) => ({ name, confidence }));
  return { ...understood(ranked[0]![0], { confidence: ranked[0]![1] }), ...extra, nlu: { intent: ranking[0]!, ranking, entities, lang: 'es' } };
}

describe('conversation machine › context before a clarifying question (issue 10)', () => {
  it('should ask what happened on a sure but vague complaint, and open no ticket', async () => {
    const c = createConversation({ script: { 'estoy molesta': reading([['complaint', 0.86], ['out_of_scope', 0.03]], { vagueComplaint: true }) } });
    const out = await c.say('estoy molesta');
    expect(out.says).toEqual(['clarify.handoff.complaint']);
    expect(out.state).toBe('triage.idle');
    expect(c.calls.createTicket).toHaveLength(0);
  });

  it('should still hand off a sure complaint that says what happened', async () => {
    const c = createConversation({ script: { 'el taladro vino roto': reading([['complaint', 0.8]], { products: [{ query: 'taladro' }] }) } });
    expect(await c.say('el taladro vino roto')).toMatchObject({ says: ['handoff.ticket.complaint'], state: 'handoff.withHuman' });
  });

  it('should hand off with the story when the customer tells what happened after being asked, even on an unsure reading', async () => {
    const story = 'me mandaron tubos de 1/2 y pedí de 3/4, necesito que me lo cambien';
    const c = createConversation({
      script: {
        'no me gustó': reading([['complaint', 0.67], ['goodbye', 0.07]], { vagueComplaint: true }),
        [story]: reading([['complaint', 0.24], ['price_quote', 0.17], ['product_inquiry', 0.12]], { products: [{ query: 'tubos 1/2' }] }),
      },
    });
    await c.say('no me gustó');
    const out = await c.say(story);
    expect(out.state).toBe('handoff.withHuman');
    expect(c.calls.createTicket[0]).toMatchObject({ reason: 'complaint', text: story });
    expect(c.calls.answerProduct).toHaveLength(0);
  });

  it('should answer a clear other request after the complaint question instead of handing off', async () => {
    const c = createConversation({
      script: {
        'tengo una queja': reading([['complaint', 0.9]], { vagueComplaint: true }),
        'a qué hora abren?': reading([['store_hours_location', 0.85], ['complaint', 0.05]]),
      },
    });
    await c.say('tengo una queja');
    const out = await c.say('a qué hora abren?');
    expect(out.says).toEqual(['info.store_hours_location']);
    expect(c.calls.createTicket).toHaveLength(0);
  });

  it('should say where to find the account number on "no me acuerdo" and read the number given next', async () => {
    const c = createConversation({
      script: {
        'mi balance': understood('account_status'),
        'no la sé, está a nombre de mi papá': reading([['complaint', 0.33], ['out_of_scope', 0.21]], { notKnown: true }),
        '10587': reading([['price_quote', 0.27], ['out_of_scope', 0.25]], { accountId: '10587' }),
      },
      effects: {
        answerAccount: (input) =>
          input.accountId ? { outcome: 'answered', replies: [{ template: 'account.status' }] } : { outcome: 'need_account_id', replies: [{ template: 'account.askId' }] },
      },
    });
    await c.say('mi balance');
    const unsure = await c.say('no la sé, está a nombre de mi papá');
    expect(unsure.says).toEqual(['accountId.unknown']);
    expect(unsure.context.expecting).toEqual({ kind: 'account_id' });
    expect(c.calls.createTicket).toHaveLength(0);
    const out = await c.say('10587');
    expect(out.says).toEqual(['account.status']);
    expect(c.calls.answerAccount.at(-1)).toMatchObject({ accountId: '10587' });
  });

  it('should still hand off when the customer who does not know the number asks for a person', async () => {
    const c = createConversation({
      script: {
        'mi balance': understood('account_status'),
        'no me lo sé, pásame con alguien': reading([['human_agent', 0.8]], { notKnown: true }),
      },
      effects: { answerAccount: () => ({ outcome: 'need_account_id', replies: [{ template: 'account.askId' }] }) },
    });
    await c.say('mi balance');
    const out = await c.say('no me lo sé, pásame con alguien');
    expect(out.state).toBe('handoff.withHuman');
    expect(out.says).not.toContain('accountId.unknown');
  });

  it('should greet a customer who introduces themself by their name, not as a returning customer', async () => {
    const entities: Entity[] = [{ type: 'person_name', value: 'María Fernanda', start: 9, end: 23 }];
    const c = createConversation({ script: { 'buenas, soy María Fernanda': reading([['greeting', 0.9]], {}, entities) } });
    const out = await c.say('buenas, soy María Fernanda');
    expect(out.replies[0]).toEqual({ template: 'greeting.introduced', params: { name: 'María' } });
  });
});

describe('triage decision › vague complaints and the complaint story', () => {
  it('should confirm a vague complaint whatever its confidence above the floor, and act on a product instead', () => {
    expect(decideTriage(reading([['complaint', 0.95]], { vagueComplaint: true }))).toEqual({ kind: 'confirm', intent: 'complaint' });
    expect(decideTriage(reading([['complaint', 0.95]]))).toEqual({ kind: 'handoff', reason: 'complaint' });
  });

  it('should read the next message as the complaint only after a complaint question', () => {
    const story = reading([['price_quote', 0.3], ['complaint', 0.25]]);
    const complaintQuestion = { kind: 'choice' as const, text: 'x', confirm: true, options: [{ intent: 'complaint' as const, label: 'clarify.option.yes_person', text: 'Sí' }] };
    const personQuestion = { ...complaintQuestion, options: [{ intent: 'human_agent' as const, label: 'clarify.option.yes_person', text: 'Sí' }] };
    expect(describesAskedComplaint(story, complaintQuestion)).toBe(true);
    expect(describesAskedComplaint(story, personQuestion)).toBe(false);
    expect(describesAskedComplaint(story, null)).toBe(false);
    expect(describesAskedComplaint(reading([['offers', 0.8], ['complaint', 0.1]]), complaintQuestion)).toBe(false);
  });
});

describe('product focus › a correction of the product just answered', () => {
  it.each(['no, el rojo', 'no, mejor el de 3/4', 'perdón, quise decir el gris', 'I mean the white one', 'no, en galón', 'sí, pero en cubeta', 'si pero el de 3/4', 'yes, but the white one'])('should read "%s" as a follow-up', (text) => {
    expect(isProductFollowUp(text)).toBe(true);
  });

  it.each(['no', 'no gracias', 'no, quiero hablar con una persona', 'no me gustó'])('should not read "%s" as a follow-up', (text) => {
    expect(isProductFollowUp(text)).toBe(false);
  });
});
