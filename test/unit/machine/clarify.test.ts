import { describe, expect, it } from 'vitest';
import type { IntentName } from '../../../src/domain/intents.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { createConversation, understood } from './machine-harness.js';

function reading(ranked: [IntentName, number][], extra: Partial<Understanding> = {}): Understanding {
  const ranking = ranked.map(([name, confidence]) => ({ name, confidence }));
  return { ...understood(ranked[0]![0], { confidence: ranked[0]![1] }), ...extra, nlu: { intent: ranking[0]!, ranking, entities: [], lang: 'es' } };
}

describe('conversation machine › confirming before a costly flow', () => {
  it('should ask before starting a lead on an unsure reading, and start it on "sí"', async () => {
    const c = createConversation({ script: { 'y entonces?': reading([['sales_lead', 0.35], ['price_quote', 0.2]]), 'sí': understood('out_of_scope', { affirmation: 'yes' }) } });
    const asked = await c.say('y entonces?');
    expect(asked).toMatchObject({ says: ['clarify.lead'], state: 'triage.idle' });
    expect(asked.replies[0]).toMatchObject({ options: [{ label: 'clarify.option.yes_lead', text: 'Sí, quiero una cotización', template: true }, { label: 'clarify.option.other' }] });
    expect(asked.context.lead.status).toBe('none');
    const out = await c.say('sí');
    expect(out).toMatchObject({ says: ['lead.start', 'lead.ask.name'], state: 'workflow.form.collecting.waiting' });
  });

  it('should start a lead at once on a sure reading', async () => {
    const c = createConversation({ script: { obra: reading([['sales_lead', 0.8]]) } });
    expect((await c.say('obra')).says).toEqual(['lead.start', 'lead.ask.name']);
  });

  it('should answer in English options when the conversation is in English', async () => {
    const c = createConversation({ script: { hm: reading([['offers', 0.22], ['account_status', 0.15]], { lang: 'en' }), 'See the offers': understood('offers', { lang: 'en' }) } });
    const asked = await c.say('hm');
    expect(asked.replies[0]).toMatchObject({ template: 'clarify.ask', options: [{ text: 'See the offers' }, { text: 'My account status' }] });
    const out = await c.say('See the offers');
    expect(out.says).toEqual(['info.offers']);
    expect(c.calls.answerInfo[0]).toMatchObject({ topic: 'offers', text: 'hm' });
  });
});
