import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { renderReply } from '../../../src/actors/render-reply.js';
import { customerChannelLabel } from '../../../src/domain/channel-label.js';
import type { ReplyTemplates } from '../../../src/domain/tenant.js';
import { createConversation, understood } from './machine-harness.js';

const script = {
  hola: understood('greeting'),
  no: understood('out_of_scope', { affirmation: 'no' }),
  'sí, soy yo': understood('out_of_scope', { affirmation: 'yes' }),
  gracias: understood('thanks'),
};
const matched = (codeSent: boolean) => ({ type: 'identity.matched', channel: 'whatsapp', maskedHandle: '+1 809 ***-**01', handleKey: 'k1', codeSent }) as const;
const code = (n: number, result: 'valid' | 'wrong' | 'exhausted' | 'expired') =>
  ({ type: 'identity.code', messageId: `code-${n}`, text: '1234', receivedAt: '2026-11-22T12:01:00.000Z', result }) as const;

describe('conversation machine › identity linking', () => {
  it('should ask for the code sent on the other channel and confirm only a valid one', async () => {
    const c = createConversation({ script });
    await c.say('hola');
    const offered = await c.send(matched(true));
    expect(offered.state).toBe('identifying');
    expect(offered.replies).toEqual([{ template: 'identity.codeSent', params: { channel: 'WhatsApp', handle: '+1 809 ***-**01' } }]);

    const wrong = await c.send(code(1, 'wrong'));
    expect(wrong.state).toBe('identifying');
    expect(wrong.says).toEqual(['identity.wrongCode']);
    expect(wrong.emitted.some((e) => e.type === 'identity.confirmed')).toBe(false);

    c.restore();
    const valid = await c.send(code(2, 'valid'));
    expect(valid.state).toBe('triage.idle');
    expect(valid.emitted).toEqual([
      { type: 'reply', reply: { template: 'identity.linked', params: { channel: 'WhatsApp' } } },
      { type: 'identity.confirmed', handleKey: 'k1' },
    ]);
    expect(valid.context.lastMessage?.id).toBe('code-2');
    expect(valid.context.identity).toEqual({ offer: null, answering: null, declined: [] });
  });

  it('should give up after the tries run out and remember the handle as declined', async () => {
    const c = createConversation({ script });
    await c.send(matched(true));
    const failed = await c.send(code(1, 'exhausted'));
    expect(failed.state).toBe('triage.idle');
    expect(failed.says).toEqual(['identity.failed']);
    expect(failed.emitted.some((e) => e.type === 'identity.confirmed')).toBe(false);
    expect(failed.context.identity?.declined).toEqual(['k1']);
  });

  it('should carry on when the customer says no, and ask for the code again on a yes', async () => {
    const c = createConversation({ script });
    await c.send(matched(true));
    const yes = await c.say('sí, soy yo');
    expect(yes).toMatchObject({ state: 'identifying', says: ['identity.typeCode'] });
    const no = await c.say('no');
    expect(no).toMatchObject({ state: 'triage.idle', says: ['identity.declined'] });
    expect(no.context.identity).toEqual({ offer: null, answering: null, declined: ['k1'] });
    // Anything else is answered as usual.
    expect(await c.say('gracias')).toMatchObject({ says: ['thanks'], state: 'triage.idle' });
  });

  it('should say so and not wait for a code when the other channel cannot send', async () => {
    const c = createConversation({ script });
    const out = await c.send(matched(false));
    expect(out).toMatchObject({ state: 'triage.idle', says: ['identity.cannotSend'] });
    expect(out.context.identity?.declined).toEqual(['k1']);
  });

  it('should leave the offer when the customer talks about something else', async () => {
    const c = createConversation({ script });
    await c.send(matched(true));
    const other = await c.say('gracias');
    expect(other).toMatchObject({ state: 'triage.idle', says: ['thanks'] });
    expect(other.context.identity?.offer).toBeNull();
  });

  it('should stay silent on a join while a human holds the conversation', async () => {
    const c = createConversation({ script: { ...script, humano: understood('human_agent') } });
    expect((await c.say('humano')).state).toBe('handoff.withHuman');
    const out = await c.send({ type: 'identity.joined', channel: 'web' });
    expect(out).toMatchObject({ state: 'handoff.withHuman', says: [] });
  });

  it('should greet by name when another channel joins the thread', async () => {
    const c = createConversation({ script });
    const out = await c.send({ type: 'identity.joined', channel: 'web' });
    expect(out.says).toEqual(['greeting']);
    expect(out.state).toBe('triage.idle');
  });

  it('should name the other channel as the customer says it, in their language, never by its adapter id', async () => {
    const templates = JSON.parse(readFileSync(new URL('../../../tenants/ferreteria/templates/flow.json', import.meta.url), 'utf8')) as ReplyTemplates;
    const cases: { channel: string; lang: 'es' | 'en'; label: string }[] = [
      { channel: 'twilio-whatsapp', lang: 'es', label: 'WhatsApp' },
      { channel: 'twilio-whatsapp', lang: 'en', label: 'WhatsApp' },
      { channel: 'telegram', lang: 'en', label: 'Telegram' },
      { channel: 'web', lang: 'es', label: 'el chat de la web' },
      { channel: 'web', lang: 'en', label: 'the web chat' },
      { channel: 'rest', lang: 'en', label: 'another channel' },
      { channel: 'some-new-adapter', lang: 'es', label: 'otro canal' },
    ];
    for (const { channel, lang, label } of cases) {
      const c = createConversation({ script: { hello: understood('greeting', { lang }), [`code ${channel}`]: understood('out_of_scope', { lang }) } });
      await c.say('hello');
      const offered = await c.send({ type: 'identity.matched', channel, maskedHandle: '+1 809 ***-**01', handleKey: `k-${channel}`, codeSent: true });
      expect(offered.replies).toEqual([{ template: 'identity.codeSent', params: { channel: label, handle: '+1 809 ***-**01' } }]);
      const linked = await c.send(code(1, 'valid'));
      const notice = linked.replies.find((r) => 'template' in r && r.template === 'identity.linked');
      expect(notice).toEqual({ template: 'identity.linked', params: { channel: label } });
      const text = renderReply(notice!, templates, lang);
      expect(text).toContain(label);
      expect(text).not.toMatch(/twilio|rest\b|some-new-adapter|\{channel\}/);
      expect(text).toMatch(lang === 'en' ? /continuing the conversation you had on/ : /seguimos la conversación que tenías por/);
    }
    expect(customerChannelLabel('WhatsApp', 'en')).toBe('WhatsApp');
    expect(customerChannelLabel('widget', 'es')).toBe('el chat de la web');
  });
});
