import { afterEach, describe, expect, it } from 'vitest';
import { createPacer } from '../../../src/channels/pacer.js';
import { createServiceWindow } from '../../../src/channels/service-window.js';
import { OPTION_BUTTON_PREFIX, whatsAppReplyButtons } from '../../../src/channels/whatsapp-cloud/buttons.js';
import { createWhatsAppCloudChannel, createWhatsAppSender } from '../../../src/channels/whatsapp-cloud/index.js';
import { createTelegramChannel } from '../../../src/channels/telegram/channel.js';
import { createTwilioChannel } from '../../../src/channels/twilio/channel.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { metaJson, startFakeGraph, waMessage, type FakeGraph } from '../../fakes/whatsapp-graph.js';

const TENANT = 'tenant-buttons';
const PHONE_ID = '106540352242922';
const channel = createWhatsAppCloudChannel({ tenantId: TENANT, appSecret: 'meta-app-secret-test', verifyToken: 'verify-me', phoneNumberId: PHONE_ID });
const OPTIONS = [
  { label: 'Cemento gris', text: 'cemento gris' },
  { label: 'Cemento blanco', text: 'cemento blanco' },
];

describe('WhatsApp reply buttons for reply options', () => {
  it('should turn up to three short options into buttons whose ids carry the option text', () => {
    expect(channel.formatButtons?.('¿Cuál de *estos*?', OPTIONS)).toEqual({
      text: '¿Cuál de *estos*?',
      buttons: [
        { id: `${OPTION_BUTTON_PREFIX}cemento gris`, title: 'Cemento gris' },
        { id: `${OPTION_BUTTON_PREFIX}cemento blanco`, title: 'Cemento blanco' },
      ],
    });
  });

  it('should fall back to numbered text when the options do not fit WhatsApp\'s buttons', () => {
    const four = [...OPTIONS, { label: 'Arena', text: 'arena' }, { label: 'Grava', text: 'grava' }];
    expect(channel.formatButtons?.('¿Cuál?', four)).toBeNull();
    expect(channel.formatButtons?.('¿Cuál?', [{ label: 'Un título de más de veinte letras', text: 'x' }])).toBeNull();
    expect(channel.formatButtons?.('¿Cuál?', [{ label: 'Largo', text: 'x'.repeat(300) }])).toBeNull();
    expect(channel.formatButtons?.('¿Cuál?', [{ label: 'Igual', text: 'a' }, { label: 'igual', text: 'b' }])).toBeNull();
    expect(channel.formatButtons?.('palabra '.repeat(200), OPTIONS)).toBeNull();
    expect(whatsAppReplyButtons('', OPTIONS)).toBeNull();
    expect(channel.formatOutbound('¿Cuál?', four)).toBe('¿Cuál?\n\n1. Cemento gris\n2. Cemento blanco\n3. Arena\n4. Grava');
  });

  it('should be WhatsApp Cloud\'s alone: Twilio and Telegram number the options in the text', () => {
    const clock = createManualClock();
    expect(createTwilioChannel({ tenantId: TENANT, authToken: 'a'.repeat(32), clock }).formatButtons).toBeUndefined();
    expect(createTelegramChannel({ tenantId: TENANT, secretToken: 'secret', clock }).formatButtons).toBeUndefined();
  });

  it('should read a tap on one of Hilo\'s buttons as the option\'s text, and other buttons as their titles', () => {
    const [mine] = channel.parseInbound(
      metaJson(waMessage({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: `${OPTION_BUTTON_PREFIX}cemento blanco`, title: 'Cemento blanco' } } })),
      {},
    );
    expect(mine).toMatchObject({ kind: 'button', text: 'cemento blanco', meta: { replyId: `${OPTION_BUTTON_PREFIX}cemento blanco` } });
    const [other] = channel.parseInbound(metaJson(waMessage({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes-1', title: 'Sí, confirmar' } } })), {});
    expect(other).toMatchObject({ text: 'Sí, confirmar' });
    const [empty] = channel.parseInbound(metaJson(waMessage({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: OPTION_BUTTON_PREFIX, title: 'Sí' } } })), {});
    expect(empty).toMatchObject({ text: 'Sí' });
  });

  describe('sender', () => {
    let fake: FakeGraph | undefined;
    afterEach(async () => {
      await fake?.close();
      fake = undefined;
    });

    async function sender(windowOpen: boolean) {
      const clock = createManualClock();
      const window = createServiceWindow({ clock });
      if (windowOpen) window.recordInbound('conv-1', clock.now() - 60_000);
      fake = await startFakeGraph({ accessToken: 'tok', script: [] });
      return createWhatsAppSender({
        baseUrl: fake.baseUrl,
        phoneNumberId: PHONE_ID,
        accessToken: 'tok',
        clock,
        sleep: async (ms) => clock.advance(ms),
        random: () => 0.5,
        pacer: createPacer({ clock }),
        serviceWindow: window,
        fallbackTemplate: { name: 'seguimiento_hilo', language: 'es' },
        log: createSilentLogger(),
      });
    }

    it('should post an interactive reply-buttons message inside the service window', async () => {
      const buttons = channel.formatButtons?.('¿Cuál?', OPTIONS);
      const s = await sender(true);
      await s.send({ to: '18095550100', text: buttons!.text, buttons: buttons!.buttons, conversationId: 'conv-1' });
      expect(fake!.requests[0]?.body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '18095550100',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: '¿Cuál?' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: `${OPTION_BUTTON_PREFIX}cemento gris`, title: 'Cemento gris' } },
              { type: 'reply', reply: { id: `${OPTION_BUTTON_PREFIX}cemento blanco`, title: 'Cemento blanco' } },
            ],
          },
        },
      });
    });

    it('should send the template, not the buttons, outside the window', async () => {
      const s = await sender(false);
      const result = await s.send({ to: '18095550100', text: '¿Cuál?', buttons: [{ id: 'hilo-opt:a', title: 'A' }], conversationId: 'conv-1' });
      expect(result.usedTemplate).toBe(true);
      expect(fake!.requests[0]?.body).toMatchObject({ type: 'template' });
    });
  });
});
