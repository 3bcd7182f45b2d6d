import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramTextUpdate } from '../fakes/telegram-bot-api.js';
import { twilioInboundParams } from '../fakes/twilio-api.js';
import { metaJson, waMessage } from '../fakes/whatsapp-graph.js';
import { RIG_TENANT as TENANT, startProviderRig, type ProviderRig } from './provider-rig.js';

/** Texts that show nothing: bidi marks, joiners, a BOM, blank look-alikes (Hangul filler, blank Braille), spaces among them. */
const INVISIBLE = ['\u200f', '\u200e\u200f\u200d', '\ufeff\u200b', '\u3164', '\u2800\u2800', ' \u200c \ufe0f '];
const IGNORED = 'customer message without visible text ignored';

/**
 * A provider message that shows nothing, through the real webhooks of WhatsApp Cloud, Twilio and
 * Telegram, signed as each provider signs. Before: REST and the widget refused such a text, but a
 * webhook ran a turn on it, stored '\u200f' as the customer's line and answered "no te entendí".
 * After: the provider gets its 200 (or it would redeliver), nothing is run, stored or sent, a log
 * line says so without the text, and the same customer's next real message is answered as the
 * first line of the conversation. A photo whose caption shows nothing is a photo without a caption.
 */
describe('provider webhooks with a text that shows nothing', { timeout: 120_000 }, () => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startProviderRig({ captureLogs: true });
  }, 30_000);
  afterAll(async () => {
    await rig?.close();
  });

  const now = () => String(Math.floor(rig.clock.now() / 1000));
  const unique = () => randomBytes(6).toString('hex');
  const phone = () => `1809${String(Number.parseInt(randomBytes(3).toString('hex'), 16) % 10_000_000).padStart(7, '0')}`;

  /** Sends every invisible text, then checks that nothing moved and that the log holds none of them. */
  async function expectIgnored(channel: string, send: (text: string) => Promise<{ status: number; text: string }>, ack: string): Promise<void> {
    const before = await rig.stored();
    const sent = rig.outbound();
    const logged = rig.logs.length;
    for (const text of INVISIBLE) {
      const res = await send(text);
      expect(res.status, `${channel} ${JSON.stringify(text)}`).toBe(200);
      expect(res.text, `${channel} ${JSON.stringify(text)}`).toBe(ack);
    }
    expect(await rig.stored(), channel).toEqual(before);
    expect(rig.outbound(), channel).toBe(sent);
    const lines = rig.logs.slice(logged);
    expect(lines.filter((l) => l.msg === IGNORED && l.channel !== undefined)).toHaveLength(INVISIBLE.length);
    // No content: neither the characters nor a text field.
    for (const l of lines) {
      expect(JSON.stringify(l)).not.toMatch(/\\u200f|\u200f|\u3164|\u2800|\\ufeff|\ufeff/);
      expect(l).not.toHaveProperty('text');
    }
  }

  it('WhatsApp Cloud: acknowledged, nothing run or stored; the next real message is the first line', async () => {
    const from = phone();
    const send = (text: string) => {
      const raw = metaJson(waMessage({ id: `wamid.h17.${unique()}`, type: 'text', text: { body: text }, timestamp: now() }, { from, name: 'Ana' }));
      return rig.post(`/webhooks/whatsapp/${TENANT}`, raw, rig.waSigned(raw));
    };
    await expectIgnored('whatsapp', send, '');
    expect((await send('¿Tienen cemento gris?')).status).toBe(200);
    const replies = rig.graph.requests.filter((r) => r.body?.to === from).map((r) => JSON.stringify(r.body));
    expect(replies.join('\n')).toMatch(/Cemento Gris[^\n]*RD\$655/);
    const id = await rig.hilo.host.resolveConversation(TENANT, 'whatsapp', from);
    const view = (await (await fetch(`${rig.base()}/api/tenants/${TENANT}/conversations/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${rig.apiKey}` } })).json()) as { transcript: Array<{ author: string; text: string }> };
    expect(view.transcript.filter((l) => l.author === 'customer').map((l) => l.text)).toEqual(['¿Tienen cemento gris?']);
  });

  it('WhatsApp Cloud: a photo whose caption shows nothing is acknowledged as a photo without a caption', async () => {
    const plain = phone();
    const blank = phone();
    const photo = (from: string, caption?: string) => {
      const raw = metaJson(waMessage({ id: `wamid.h17.${unique()}`, type: 'image', image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'e3b0c442', ...(caption !== undefined ? { caption } : {}) }, timestamp: now() }, { from, name: 'Ana' }));
      return rig.post(`/webhooks/whatsapp/${TENANT}`, raw, rig.waSigned(raw));
    };
    expect((await photo(plain)).status).toBe(200);
    expect((await photo(blank, '\u200f\u3164')).status).toBe(200);
    const textsTo = (to: string) => rig.graph.requests.filter((r) => r.body?.to === to).map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? ''));
    expect(textsTo(plain)).toHaveLength(1);
    expect(textsTo(blank)).toEqual(textsTo(plain));
    const id = await rig.hilo.host.resolveConversation(TENANT, 'whatsapp', blank);
    const view = (await (await fetch(`${rig.base()}/api/tenants/${TENANT}/conversations/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${rig.apiKey}` } })).json()) as { transcript: Array<{ author: string; text: string; media?: unknown[] }> };
    const line = view.transcript.find((l) => l.author === 'customer') as { text: string; media?: Array<Record<string, unknown>> };
    expect(line).toMatchObject({ text: '', media: [{ kind: 'image', id: '1479537139650973' }] });
    expect(line.media?.[0]).not.toHaveProperty('caption');
  });

  it('Twilio: acknowledged with empty TwiML, nothing run or stored; a real message is still answered', async () => {
    const from = phone();
    const send = (text: string, to = from) => {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const raw = Buffer.from(new URLSearchParams(twilioInboundParams({ From: `whatsapp:+${to}`, WaId: to, Body: text, MessageSid: sid, SmsMessageSid: sid, SmsSid: sid })).toString());
      return rig.post(`/webhooks/twilio/${TENANT}`, raw, rig.twilioSigned(raw));
    };
    const ack = (await send('hola', phone())).text;
    await expectIgnored('twilio', send, ack);
    expect((await send('¿Tienen cemento gris?')).status).toBe(200);
    expect(rig.twilioApi.requests.filter((r) => r.form.To === `whatsapp:+${from}`).map((r) => r.form.Body ?? '').join('\n')).toMatch(/RD\$655/);
  });

  it('Telegram: acknowledged, nothing run or stored; a real message is still answered', async () => {
    const chatId = 800_000 + Number.parseInt(randomBytes(2).toString('hex'), 16);
    let updateId = 990_000;
    const send = (text: string) => {
      const update = telegramTextUpdate(++updateId, text, chatId);
      const body = { ...update, message: { ...(update.message as Record<string, unknown>), date: Number(now()) } };
      return rig.post(`/webhooks/telegram/${TENANT}`, Buffer.from(JSON.stringify(body)), rig.tgSigned());
    };
    await expectIgnored('telegram', send, '');
    expect((await send('¿Tienen cemento gris?')).status).toBe(200);
    expect(rig.telegram.requests.filter((r) => r.method === 'sendMessage' && String(r.body?.chat_id) === String(chatId)).map((r) => String(r.body?.text ?? '')).join('\n')).toMatch(/RD\$655/);
  });
});
