import { describe, expect, it } from 'vitest';
import { ConversationChannels } from '../../../src/actors/identity/conversation-channels.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

/**
 * harden19 sweep: the host remembered the channel identity (a WhatsApp phone, a widget visitor id)
 * and the provider profile name of every conversation since start-up, for ever: memory grew with
 * every new visitor, and an erased contact's phone and name stayed in memory after the erasure.
 */
describe('ConversationChannels › bounded and forgetting', () => {
  const key = (i: number, tenantId = 'ferreteria') => ({ tenantId, conversationId: `c-${i}` });

  it('should forget the conversations heard from longest ago beyond its limit, per tenant, and keep the recent ones', () => {
    const channels = new ConversationChannels({ maxPerTenant: 100 });
    for (let i = 0; i < 100; i++) channels.remember(key(i), 'whatsapp', `+1809555${String(i).padStart(4, '0')}`);
    // c-0 writes again: it is now the newest.
    channels.remember(key(0), 'whatsapp', '+18095550000');
    for (let i = 100; i < 150; i++) channels.remember(key(i), 'web', `visitor-${i}`);
    expect(channels.contactHandleOf(key(0))).toBe('+18095550000');
    expect(channels.get(key(1))).toBeUndefined();
    expect(channels.get(key(50))).toBeUndefined();
    expect(channels.contactHandleOf(key(51))).toBe('+18095550051');
    expect(channels.get(key(149))).toEqual({ channel: 'web', senderId: 'visitor-149' });
    // Another tenant's conversations are not pushed out by this one's.
    channels.remember(key(1, 'estudio'), 'telegram', '777');
    for (let i = 150; i < 400; i++) channels.remember(key(i), 'web', `visitor-${i}`);
    expect(channels.contactHandleOf(key(1, 'estudio'))).toBe('777');
  });

  it('should keep at most its limit of profile names, the newest', () => {
    const channels = new ConversationChannels({ maxPerTenant: 10 });
    for (let i = 0; i < 30; i++) channels.rememberProfileName(key(i), `Cliente ${i}`);
    expect(channels.profileNameOf(key(19))).toBeNull();
    expect(channels.profileNameOf(key(20))).toBe('Cliente 20');
    expect(channels.profileNameOf(key(29))).toBe('Cliente 29');
  });

  it('should drop a conversation’s handle and profile name when told to forget it', () => {
    const channels = new ConversationChannels();
    channels.remember(key(1), 'whatsapp', '+18095551234');
    channels.rememberProfileName(key(1), 'Ramona Tavárez');
    channels.forget(key(1));
    expect(channels.get(key(1))).toBeUndefined();
    expect(channels.profileNameOf(key(1))).toBeNull();
  });

  it('should leave nothing of an erased conversation’s WhatsApp phone and name in the host', async () => {
    const { tenant, brain } = await loadDemo();
    const { host } = createMemoryHost({ tenant, brain });
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'whatsapp', senderId: '+18095551234', text: 'hola', profileName: 'Ramona Tavárez' });
    const id = turn.conversationId;
    expect(host.contactHandleOf('ferreteria', id)).toBe('+18095551234');
    expect(host.profileNameOf('ferreteria', id)).toBe('Ramona Tavárez');
    // Before: both stayed in memory after the contact's erasure, until the process stopped.
    await host.evict('ferreteria', id, { erased: true });
    expect(host.contactHandleOf('ferreteria', id)).toBeNull();
    expect(host.profileNameOf('ferreteria', id)).toBeNull();
    expect(host.contactPhoneOf('ferreteria', id)).toBeNull();
  });
});
