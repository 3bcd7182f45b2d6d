import { describe, expect, it } from 'vitest';
import { toInboundMessage, type ChannelInboundMessage, type InboundEvent } from '../../../src/channels/channel.js';
import { DISPLAY_NAME_MAX, providerDisplayName } from '../../../src/channels/display-name.js';
import { createTelegramChannel } from '../../../src/channels/telegram/index.js';
import { createTwilioChannel } from '../../../src/channels/twilio/index.js';
import { createWhatsAppCloudChannel } from '../../../src/channels/whatsapp-cloud/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { telegramTextUpdate } from '../../fakes/telegram-bot-api.js';
import { twilioInboundParams } from '../../fakes/twilio-api.js';
import { waEnvelope, waMessage } from '../../fakes/whatsapp-graph.js';

const clock = createManualClock();
const whatsapp = createWhatsAppCloudChannel({ tenantId: 't-wa', appSecret: 's', verifyToken: 'v', phoneNumberId: '106540352242922' });
const telegram = createTelegramChannel({ tenantId: 't-tg', secretToken: 'tg_secret', clock });
const twilio = createTwilioChannel({ tenantId: 't-tw', authToken: '12345', clock });

const json = (body: unknown) => Buffer.from(JSON.stringify(body));
const first = (events: InboundEvent[]) => events[0] as ChannelInboundMessage;

describe('providerDisplayName', () => {
  it('should join the parts, drop invisible and bidi characters and keep one line', () => {
    expect(providerDisplayName(['  Carla', 'Pe\u00f1a\u202e\u200b '])).toBe('Carla Peña');
    expect(providerDisplayName('Ana\nMar\u00eda\u0000')).toBe('Ana María');
  });

  it('should give undefined for anything that is not a non-empty string', () => {
    for (const v of [undefined, null, 42, {}, ['', '  '], '\u200b']) expect(providerDisplayName(v)).toBeUndefined();
  });

  it('should cut a long name at DISPLAY_NAME_MAX code points', () => {
    expect(Array.from(providerDisplayName('😀'.repeat(200))!)).toHaveLength(DISPLAY_NAME_MAX);
  });
});

describe('provider display names in inbound messages', () => {
  it('should carry WhatsApp contacts[].profile.name of the sender into the message and the InboundMessage', () => {
    const event = first(whatsapp.parseInbound(json(waMessage({ type: 'text', text: { body: 'hola' } }, { name: 'Carla Peña\u202e' })), {}));
    expect(event.profileName).toBe('Carla Peña');
    expect(toInboundMessage(event).profileName).toBe('Carla Peña');
  });

  it('should match WhatsApp names by wa_id when one webhook brings two senders', () => {
    const body = waEnvelope({
      contacts: [
        { profile: { name: 'Luis' }, wa_id: '18095550101' },
        { profile: { name: 'Ana' }, wa_id: '18095550100' },
      ],
      messages: [
        { from: '18095550100', id: 'wamid.A', timestamp: '1763812800', type: 'text', text: { body: 'uno' } },
        { from: '18095550101', id: 'wamid.B', timestamp: '1763812801', type: 'text', text: { body: 'dos' } },
      ],
    });
    expect(whatsapp.parseInbound(json(body), {}).map((e) => (e as ChannelInboundMessage).profileName)).toEqual(['Ana', 'Luis']);
  });

  it('should accept a WhatsApp webhook whose contact has no usable name, without a profile name', () => {
    const body = waEnvelope({ contacts: [{ profile: { name: 7 }, wa_id: '18095550100' }, 'x'], messages: [{ from: '18095550100', id: 'wamid.C', timestamp: '1763812800', type: 'text', text: { body: 'hola' } }] });
    const event = first(whatsapp.parseInbound(json(body), {}));
    expect(event.text).toBe('hola');
    expect(event).not.toHaveProperty('profileName');
    expect(toInboundMessage(event)).not.toHaveProperty('profileName');
  });

  it('should read Twilio ProfileName', () => {
    const body = new URLSearchParams(twilioInboundParams({ ProfileName: 'Pedro\u0007 Gómez' })).toString();
    const event = first(twilio.parseInbound(Buffer.from(body), { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(event.profileName).toBe('Pedro Gómez');
  });

  it('should join Telegram from.first_name and from.last_name', () => {
    const update = telegramTextUpdate(9100, 'hola');
    (update.message as { from: Record<string, unknown> }).from.last_name = 'Rosario';
    expect(first(telegram.parseInbound(json(update), {})).profileName).toBe('Ana Rosario');
  });
});
