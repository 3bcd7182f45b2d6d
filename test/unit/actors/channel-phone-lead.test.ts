import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { channelPhone } from '../../../src/actors/identity/handles.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const say = (host: ConversationHost, channel: string, sender: string, text: string) => host.handleMessage({ tenantId: 'ferreteria', channel, senderId: sender, text });

/** Phone of the lead draft of the conversation, as the machine holds it. */
function draftPhone(host: ConversationHost, conversationId: string): string | null {
  const ctx = host.contextOf('ferreteria', conversationId) as { lead?: { draft?: Record<string, { value: string | null } | undefined> } } | null;
  return ctx?.lead?.draft?.phone_or_username?.value ?? null;
}

describe('lead phone from the channel identity', () => {
  it('should read the phone of a WhatsApp sender id in E.164 and none for other channels', () => {
    expect(channelPhone('whatsapp', '18095550147')).toBe('+18095550147');
    expect(channelPhone('twilio-whatsapp', 'whatsapp:+18295550101')).toBe('+18295550101');
    expect(channelPhone('web', '18095550147')).toBeNull();
    expect(channelPhone('telegram', '123456789')).toBeNull();
    expect(channelPhone('whatsapp', 'not-a-number')).toBeNull();
  });

  it('should keep the WhatsApp number as phone_or_username of a lead without asking for it', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const t = await say(host, 'whatsapp', '18095550147', 'quiero que un asesor de ventas me contacte, somos una constructora');
    expect(t.state.value).toMatch(/^workflow\.form/);
    expect(draftPhone(host, t.conversationId)).toBe('+18095550147');
  });

  it('should let the phone the customer types win over the channel number', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await say(host, 'whatsapp', '18095550148', 'quiero que un asesor de ventas me contacte, somos una constructora');
    const t = await say(host, 'whatsapp', '18095550148', 'Pedro Gómez, mi celular es 829-555-0199');
    expect(t.state.value).toMatch(/^workflow\.form/);
    expect(draftPhone(host, t.conversationId)).toBe('+18295550199');
  });

  it('should not invent a phone for a web conversation', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const t = await say(host, 'rest', 'web-visitor-1', 'quiero que un asesor de ventas me contacte, somos una constructora');
    expect(t.state.value).toMatch(/^workflow\.form/);
    expect(draftPhone(host, t.conversationId)).toBeNull();
  });
});
