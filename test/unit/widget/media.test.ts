import { describe, expect, it } from 'vitest';
import { fromWire } from '../../../web-widget/src/messages.js';

describe('widget › media on customer messages', () => {
  const base = { seq: 4, id: 'wamid.1', author: 'customer' as const, at: '2026-12-03T12:00:00.000Z' };

  it('should show a photo without caption as a mark instead of an empty bubble', () => {
    expect(fromWire({ ...base, text: '', media: [{ kind: 'image', mimeType: 'image/jpeg' }] }).text).toBe('📷');
  });

  it('should keep the caption first and name a document', () => {
    expect(fromWire({ ...base, text: 'la lista', media: [{ kind: 'document', fileName: 'materiales.pdf' }, { kind: 'voice' }] }).text).toBe('la lista\n📄 materiales.pdf\n🎙️');
  });

  it('should leave text messages as they are and survive odd media entries', () => {
    expect(fromWire({ ...base, text: 'hola' }).text).toBe('hola');
    expect(fromWire({ ...base, text: 'x', media: [null as never, { kind: 'hologram' }] }).text).toBe('x\n📎');
  });
});

describe('gateway › media on the wire', () => {
  it('should send kind, type and file name to the widget, never the provider id or URL', async () => {
    const { toWireMessage } = await import('../../../src/runtime/gateway/widget-socket.js');
    const wire = toWireMessage({
      seq: 3,
      messageId: 'wamid.9',
      direction: 'in',
      author: 'customer',
      channel: 'whatsapp',
      text: '',
      at: '2026-12-03T12:00:00.000Z',
      media: [{ kind: 'document', id: 'secret-media-id', url: 'https://api.twilio.com/m/1', mimeType: 'application/pdf', fileName: 'lista.pdf', caption: 'x' }],
    });
    expect(wire.media).toEqual([{ kind: 'document', mimeType: 'application/pdf', fileName: 'lista.pdf' }]);
    expect(JSON.stringify(wire)).not.toMatch(/secret-media-id|twilio/);
  });
});
