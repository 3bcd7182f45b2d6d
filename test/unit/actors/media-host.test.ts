import { describe, expect, it } from 'vitest';
import type { MediaReference } from '../../../src/domain/media.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const TENANT = 'ferreteria';

describe('conversation host › customer media', () => {
  /** `relayMs`: the relay hook takes this long (an outbox insert), then records the relay. */
  async function setup(relayMs = 0) {
    const { tenant, brain } = await loadDemo();
    const relays: Array<{ text: string; media?: MediaReference[]; channel?: string }> = [];
    const onRelay = async (_key: unknown, relay: (typeof relays)[number]) => {
      if (relayMs > 0) await new Promise((resolve) => setTimeout(resolve, relayMs));
      relays.push(relay);
    };
    const { host } = createMemoryHost({ tenant, brain, host: { onRelay } });
    let n = 0;
    const send = (sender: string, text: string, media?: MediaReference[]) =>
      host.handleMessage({ tenantId: TENANT, channel: 'whatsapp', senderId: sender, messageId: `wamid.${++n}`, text, ...(media ? { media } : {}) });
    return { host, relays, send };
  }

  it('should record the reference on the customer line and answer a photo in Spanish by default', async () => {
    const { send } = await setup();
    const out = await send('18095550001', '', [{ kind: 'image', id: '111', mimeType: 'image/jpeg' }]);
    expect(out.inbound).toMatchObject({ direction: 'in', text: '', media: [{ kind: 'image', id: '111', mimeType: 'image/jpeg' }] });
    expect(out.replies).toHaveLength(1);
    expect(out.replies[0]!.text).toMatch(/Gracias por la foto/);
    expect(out.replies[0]!.lang).toBe('es');
    expect(out.state.value).toBe('triage.idle');
  });

  it('should answer in English once the conversation is in English', async () => {
    const { send } = await setup();
    await send('18095550002', 'Hello, what are your opening hours?');
    const out = await send('18095550002', '', [{ kind: 'document', id: '222', mimeType: 'application/pdf', fileName: 'list.pdf' }]);
    expect(out.replies.map((r) => r.text).join('\n')).toMatch(/Thanks for the document/);
    expect(out.replies[0]!.lang).toBe('en');
  });

  it('should hand the media and its channel to the relay hook during a handoff, with no reply', async () => {
    const { send, relays } = await setup();
    await send('18095550003', 'quiero hablar con una persona');
    const out = await send('18095550003', 'mire', [{ kind: 'image', id: '333' }]);
    expect(out.replies).toEqual([]);
    expect(relays.at(-1)).toMatchObject({ text: 'mire', media: [{ kind: 'image', id: '333' }], channel: 'whatsapp' });
    const silent = await send('18095550003', '', [{ kind: 'voice', id: '444' }]);
    expect(silent.replies).toEqual([]);
    expect(relays.at(-1)).toMatchObject({ text: '', media: [{ kind: 'voice', id: '444' }] });
  });

  it('should answer the turn only once the relay hook has finished, so the channel acknowledges a relayed message, and survive a failing hook', async () => {
    const { send, relays } = await setup(30);
    await send('18095550006', 'quiero hablar con una persona');
    await send('18095550006', '', [{ kind: 'voice', id: '777' }]);
    // No waiting here: the turn itself waited for the (slow) hook.
    expect(relays.at(-1)).toMatchObject({ media: [{ kind: 'voice', id: '777' }] });

    const { tenant, brain } = await loadDemo();
    const { host } = createMemoryHost({ tenant, brain, host: { onRelay: () => Promise.reject(new Error('outbox down')) } });
    const say = (messageId: string, text: string) => host.handleMessage({ tenantId: TENANT, channel: 'whatsapp', senderId: '18095550007', messageId, text });
    await say('w1', 'quiero hablar con una persona');
    const out = await say('w2', 'sigo esperando');
    expect(out.duplicate).toBe(false);
    expect(out.inbound?.text).toBe('sigo esperando');
  });

  it('should ask which product a photo shows when its caption alone says nothing ("necesito uno igual")', async () => {
    const { send } = await setup();
    const out = await send('18095550005', 'necesito uno igual', [{ kind: 'image', id: '666', caption: 'necesito uno igual' }]);
    expect(out.replies.map((r) => r.text).join('\n')).toMatch(/qué producto es/);
    expect(out.state.context.misunderstoodStreak).toBe(0);
  });

  it('should acknowledge a shared place as a place, never read its name and address as the customer\'s words', async () => {
    const { send } = await setup();
    // Found over real WhatsApp/Twilio webhooks: the pin's label was read as text.
    await send('18095550008', '¿Tienen cemento gris?');
    const pin = (_id: string) => [{ kind: 'location' as const, latitude: 18.4273, longitude: -68.9728 }];
    const street = await send('18095550008', 'Calle 1', pin('a'));
    expect(street.replies.map((r) => r.text).join('\n')).toMatch(/ubicación/); // was a handoff ticket ("Calle 1" read as human_agent)
    expect(street.state.context.ticket ?? null).toBeNull();
    expect(street.inbound).toMatchObject({ text: 'Calle 1', media: [{ kind: 'location' }] }); // the label stays for the agents
    const hospital = await send('18095550009', 'Hospital Francisco A. Gonzalvo, Av. Santa Rosa', pin('b'));
    expect(hospital.replies.map((r) => r.text).join('\n')).toMatch(/ubicación/); // was a critical-case handoff
    expect(hospital.state.context.ticket ?? null).toBeNull();
    expect(hospital.state.value).toBe('triage.idle');
  });

  it('should ask which product a photo shows when its caption points at it, even right after another product was priced', async () => {
    const { send } = await setup();
    await send('18095550010', '¿Tienen cemento gris?');
    const out = await send('18095550010', 'tienen esto?', [{ kind: 'image', id: '888', caption: 'tienen esto?' }]);
    const said = out.replies.map((r) => r.text).join('\n');
    expect(said).toMatch(/qué producto es/); // was the cement's price again
    expect(said).not.toMatch(/RD\$/);
  });

  it('should read a caption as the message and keep the media on the same line', async () => {
    const { send } = await setup();
    const out = await send('18095550004', '¿cuánto cuesta el cemento gris?', [{ kind: 'image', id: '555', caption: '¿cuánto cuesta el cemento gris?' }]);
    expect(out.inbound?.media).toEqual([{ kind: 'image', id: '555', caption: '¿cuánto cuesta el cemento gris?' }]);
    expect(out.replies.map((r) => r.text).join('\n')).toMatch(/RD\$/);
  });
});
