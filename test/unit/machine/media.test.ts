import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { MediaKind } from '../../../src/domain/media.js';
import type { UserMediaEvent } from '../../../src/machines/conversation.contract.js';
import { MEDIA_TEMPLATE_KEYS } from '../../../src/machines/media-ack.js';
import { captionPointsAtMedia } from '../../../src/machines/caption-points.js';
import { createConversation, understood, type BrainScript } from './machine-harness.js';

/** Media number `n`, sent `n` × 5 minutes after noon unless `at` says otherwise (no accidental album). */
const media = (kind: MediaKind, n: number, at = new Date(Date.UTC(2026, 11, 3, 12, 5 * n)).toISOString()): UserMediaEvent => ({
  type: 'user.media',
  messageId: `media-${n}`,
  kind,
  channel: 'whatsapp',
  receivedAt: at,
});

const script: BrainScript = {
  hola: understood('greeting'),
  humano: understood('human_agent'),
  cotizar: understood('sales_lead'),
  'Juan Pérez': understood('out_of_scope', { confidence: 0.2, leadFields: { name: 'Juan Pérez' } }),
  cuenta: understood('account_status'),
  qwerty: understood('out_of_scope', { confidence: 0.1 }),
};

describe('conversation machine › media without caption', () => {
  it('should thank for a photo and ask which product it is, without reading it or counting a misunderstanding', async () => {
    const c = createConversation({ script });
    await c.say('hola');
    const out = await c.send(media('image', 1));
    expect(out).toMatchObject({ says: ['media.received.image'], state: 'triage.idle' });
    expect(out.context.misunderstoodStreak).toBe(0);
    expect(c.calls.understand).toHaveLength(1);
  });

  it('should acknowledge each kind with its own words (a voice note like audio)', async () => {
    const c = createConversation({ script });
    const said: string[] = [];
    let n = 0;
    for (const kind of ['voice', 'audio', 'video', 'document', 'sticker', 'location', 'contacts'] as const) said.push(...(await c.send(media(kind, ++n))).says);
    expect(said).toEqual(['media.received.audio', 'media.received.audio', 'media.received.video', 'media.received.document', 'media.received.sticker', 'media.received.location', 'media.received.contacts']);
  });

  it('should not push toward a not-understood handoff however many photos arrive', async () => {
    const c = createConversation({ script });
    await c.say('qwerty');
    const before = (await c.send(media('image', 1))).context.misunderstoodStreak;
    for (let i = 2; i < 8; i++) await c.send(media('image', i));
    const out = await c.send(media('document', 9));
    expect(out.state).toBe('triage.idle');
    expect(out.context.misunderstoodStreak).toBe(before);
    expect(c.calls.createTicket).toHaveLength(0);
  });

  it('should thank once for an album: photos in a row with no text between, within two minutes', async () => {
    const c = createConversation({ script });
    await c.say('hola');
    const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, s)).toISOString();
    expect((await c.send(media('image', 1, at(0)))).says).toEqual(['media.received.image']);
    expect((await c.send(media('image', 2, at(3)))).says).toEqual([]);
    expect((await c.send(media('video', 3, at(9)))).says).toEqual([]);
    // A text in between starts a new exchange: the next photo is thanked again.
    await c.say('hola');
    expect((await c.send(media('image', 4, at(20)))).says).toEqual(['media.received.image']);
    // Long after, without text: a new photo is answered too.
    expect((await c.send(media('image', 5, new Date(Date.UTC(2026, 11, 3, 12, 10)).toISOString()))).says).toEqual(['media.received.image']);
  });

  it('should answer a voice note, document, place or contact sent right after photos, not fold it into the album', async () => {
    const c = createConversation({ script });
    await c.say('hola');
    const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, s)).toISOString();
    expect((await c.send(media('image', 1, at(0)))).says).toEqual(['media.received.image']);
    // Found over a real WhatsApp webhook: the voice note got no answer at all, the customer waited.
    expect((await c.send(media('voice', 2, at(5)))).says).toEqual(['media.received.audio']);
    expect((await c.send(media('voice', 3, at(8)))).says).toEqual([]); // several voice notes: one answer
    expect((await c.send(media('sticker', 4, at(9)))).says).toEqual([]); // a sticker asks nothing
    expect((await c.send(media('document', 5, at(12)))).says).toEqual(['media.received.document']);
    expect((await c.send(media('location', 6, at(15)))).says).toEqual(['media.received.location']);
    expect((await c.send(media('contacts', 7, at(18)))).says).toEqual(['media.received.contacts']);
    expect((await c.send(media('image', 8, at(21)))).says).toEqual(['media.received.image']);
    expect((await c.send(media('video', 9, at(24)))).says).toEqual([]); // photos and videos: one gallery
  });

  it('should keep a burst recorded by an older build (no class) as it was: any media continues it', async () => {
    const { isMediaBurst } = await import('../../../src/machines/media-ack.js');
    const last = { turn: 2, at: '2026-12-03T12:00:00.000Z' };
    expect(isMediaBurst(last, 2, '2026-12-03T12:00:30.000Z', 'voice')).toBe(true);
    expect(isMediaBurst({ ...last, of: 'visual' }, 2, '2026-12-03T12:00:30.000Z', 'voice')).toBe(false);
    expect(isMediaBurst({ ...last, of: 'visual' }, 2, '2026-12-03T12:00:30.000Z', 'video')).toBe(true);
  });

  it('should keep the lead question open: the media is kept for the team and the question asked again', async () => {
    const c = createConversation({ script });
    await c.say('cotizar');
    const out = await c.send(media('image', 1));
    expect(out).toMatchObject({ says: ['media.kept.image', 'lead.ask.name'], state: 'workflow.form.collecting.waiting', context: { expecting: { kind: 'lead_field', field: 'name' } } });
    expect((await c.say('Juan Pérez')).says).toEqual(['lead.ask.email']);
  });

  it('should ask for the account number again after a photo while waiting for it', async () => {
    const c = createConversation({ script, effects: { answerAccount: () => ({ outcome: 'need_account_id', replies: [{ template: 'account.askId' }] }) } });
    await c.say('cuenta');
    expect(await c.send(media('document', 1))).toMatchObject({ says: ['media.kept.document', 'media.reask.account_id'], state: 'answering.awaitingAccountId' });
  });

  it('should relay media to the human without a bot reply while a human holds the conversation', async () => {
    const c = createConversation({ script });
    await c.say('humano');
    const photo = await c.send(media('image', 1));
    expect(photo).toMatchObject({ state: 'handoff.withHuman', replies: [] });
    expect(photo.emitted).toEqual([{ type: 'handoff.relay', ticketNumber: 'T-000121', messageId: 'media-1', text: '' }]);
    const voice = await c.send(media('voice', 2));
    expect(voice.emitted).toEqual([{ type: 'handoff.relay', ticketNumber: 'T-000121', messageId: 'media-2', text: '' }]);
    expect(voice.context.handoffRelays).toBe(2);
  });

  it('should keep a closed conversation closed and still answer the photo', async () => {
    const c = createConversation({ script });
    await c.say('hola');
    await c.send({ type: 'conversation.close', reason: 'idle' });
    expect(await c.send(media('image', 1))).toMatchObject({ says: ['media.received.image'], state: 'closed' });
  });
});

describe('conversation machine › a caption the brain cannot place', () => {
  const captioned = (text: string, n: number) => ({ type: 'user.message' as const, messageId: `cap-${n}`, text, channel: 'whatsapp', receivedAt: '2026-12-03T12:00:00.000Z', media: 'image' as const });

  it('should ask which product the photo shows instead of "not understood", without counting it', async () => {
    const c = createConversation({ script });
    const out = await c.send(captioned('qwerty', 1));
    expect(out).toMatchObject({ says: ['media.received.image'], state: 'triage.idle' });
    expect(out.context.misunderstoodStreak).toBe(0);
    // The same words without a photo are a misunderstanding as before.
    expect((await c.say('qwerty')).says).toEqual(['notUnderstood']);
  });

  it('should still read a caption the brain understands', async () => {
    const c = createConversation({ script });
    expect((await c.send({ ...captioned('hola', 1) })).says).toEqual(['greeting']);
  });

  it('should ask what the photo shows when its caption points at it ("¿tienen esto?"), not quote the product talked about before', async () => {
    const cement = { sku: 'CEM-001', name: 'Cemento Gris', price: 655, query: 'cemento gris' };
    const c = createConversation({
      script: {
        'cemento gris': understood('product_inquiry', { products: [{ query: 'cemento gris' }] }),
        'tienen esto?': understood('product_inquiry', { confidence: 0.8 }),
        'do you have this one?': understood('product_inquiry', { confidence: 0.7 }),
        'y si compro 50?': understood('sales_lead', { confidence: 0.27 }),
        'tienen este tubo?': understood('product_inquiry', { products: [{ query: 'tubo' }] }),
      },
      effects: { answerProduct: (input) => ({ outcome: 'answered', replies: [{ template: input.focus ? 'product.quote_qty' : 'product.quote' }], focus: input.focus ?? cement }) },
    });
    await c.say('cemento gris');
    // Found over a real WhatsApp webhook: a photo captioned "tienen esto?" got the cement's price again.
    expect((await c.send(captioned('tienen esto?', 1))).says).toEqual(['media.received.image']);
    expect((await c.send(captioned('do you have this one?', 2))).says).toEqual(['media.received.image']);
    // Without a photo the same words still follow up the product in focus...
    expect((await c.say('y si compro 50?')).says).toEqual(['product.quote_qty']);
    // ...and a caption that names a product is read as that product.
    expect((await c.send(captioned('tienen este tubo?', 3))).says).toEqual([expect.stringMatching(/^product\.quote/)]);
  });

  it('should say the photo is kept and ask the open lead question once', async () => {
    const c = createConversation({ script });
    await c.say('cotizar');
    expect(await c.send(captioned('qwerty', 1))).toMatchObject({ says: ['media.kept.image', 'lead.ask.name'], state: 'workflow.form.collecting.waiting' });
  });
});

describe('captionPointsAtMedia', () => {
  it.each(['¿Tienen esto?', 'cuanto cuesta este?', 'necesito uno igual', 'algo así tienen?', 'do you have this?', 'how much is this one?', 'venden de estos?', 'y eso?'])('should read "%s" as pointing at the photo', (text) => {
    expect(captionPointsAtMedia(text)).toBe(true);
  });
  it.each(['a cómo está el cemento?', 'hola', 'se me rompió', 'tienen cemento gris?', ''])('should not read "%s" as pointing at the photo', (text) => {
    expect(captionPointsAtMedia(text)).toBe(false);
  });
});

describe('media templates (demo tenant)', () => {
  const file = JSON.parse(readFileSync(new URL('../../../tenants/ferreteria/templates/media.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;

  it.each(['es', 'en'])('should define exactly the media keys in %s, without placeholders', (lang) => {
    expect(Object.keys(file[lang] ?? {}).sort()).toEqual([...MEDIA_TEMPLATE_KEYS].sort());
    for (const text of Object.values(file[lang] ?? {})) expect(text).not.toMatch(/\{[A-Za-z_]+\}/);
  });

  it('should ask which product a photo shows, in both languages, and never say the bot reads text only', () => {
    expect(file.es!['media.received.image']).toMatch(/qué producto es/);
    expect(file.en!['media.received.image']).toMatch(/which product it is/);
    for (const lang of ['es', 'en']) for (const text of Object.values(file[lang]!)) expect(text).not.toMatch(/solo puedo leer|only read text/i);
  });
});
