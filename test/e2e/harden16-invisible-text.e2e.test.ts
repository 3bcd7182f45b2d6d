import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { metaJson, metaSignature, waMessage } from '../fakes/whatsapp-graph.js';
import { RIG_APP_SECRET, startProviderRig, type ProviderRig } from './provider-rig.js';

const TENANT = 'ferreteria';

/**
 * Text with characters a keyboard, a copy-paste or a spoofer adds, through the real sockets of
 * every customer channel (REST, the widget's WebSocket, a signed WhatsApp webhook): the bot reads
 * the word and the size the customer meant. Before: "ce\u200cmento gris" and fullwidth
 * "ｃｅｍｅｎｔｏ" got a gray paint, "tubo de 1½" the 1" tube at RD$385. The stored line keeps
 * what was written (only what must never be stored is dropped at the boundary), and another
 * customer's conversation is untouched.
 */
describe('invisible and look-alike characters through every customer channel', { timeout: 60_000 }, () => {
  // The shared provider rig (memory storage, the fake Graph API), with no limit on widget sockets per IP.
  let rig: ProviderRig;
  const base = () => rig.base();
  const auth = () => ({ authorization: `Bearer ${rig.apiKey}` });

  beforeAll(async () => {
    rig = await startProviderRig({ env: { HILO_WS_MAX_SOCKETS_PER_IP: '0' }, now: '2026-12-07T15:00:00.000Z' });
  }, 30_000);
  afterAll(async () => {
    await rig?.close();
  });

  const rest = async (sender: string, text: string) => {
    const res = await fetch(`${base()}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { conversation_id: string; messages: { author: string; text: string }[] };
    return { id: body.conversation_id, reply: body.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n') };
  };
  const transcript = async (id: string) => {
    const res = await fetch(`${base()}/api/tenants/${TENANT}/conversations/${id}`, { headers: auth() });
    return ((await res.json()) as { transcript: { author: string; text: string }[] }).transcript;
  };

  it('should read through REST what the customer meant, and store what was written', async () => {
    const bystander = await rest(`h16-by-${randomBytes(3).toString('hex')}`, '¿Tienen cemento gris?');
    const cases: Array<[string, RegExp, RegExp | null]> = [
      ['tienen ce\u200cmento gris?', /Cemento Gris[^\n]*RD\$655/, /Pintura/],
      ['tienen ce\u200bmento gris?', /Cemento Gris[^\n]*RD\$655/, /Pintura/],
      ['\uff43\uff45\uff4d\uff45\uff4e\uff54\uff4f gris', /Cemento Gris[^\n]*RD\$655/, /Pintura/],
      ['tubo de 1\u00bd pulgada', /1 1\/2"[^\n]*RD\$640/, /RD\$385/],
      ['varilla de \u215c', /3\/8"[^\n]*RD\$265/, /5\/8"/],
      ['\u200fun galo\u0301n de pintura blanca\u200e', /Blanco[^\n]*RD\$1,250/, null],
      ['how much is the \u00be pvc elbow?', /3\/4"[^\n]*RD\$28/, null],
    ];
    for (const [text, want, never] of cases) {
      const turn = await rest(`h16-${randomBytes(4).toString('hex')}`, text);
      expect(turn.reply, JSON.stringify(text)).toMatch(want);
      if (never) expect(turn.reply, JSON.stringify(text)).not.toMatch(never);
    }
    // Stored as written, less what the boundary drops (the zero-width space) and NFC.
    const kept = await rest(`h16-kept-${randomBytes(3).toString('hex')}`, 'ce\u200cmento y ce\u200bmento, 1\u00bd');
    expect((await transcript(kept.id)).find((l) => l.author === 'customer')?.text).toBe('ce\u200cmento y cemento, 1\u00bd');
    // The other customer's conversation is untouched: one question, one answer.
    expect((await transcript(bystander.id)).map((l) => l.author)).toEqual(['customer', 'bot']);
  });

  it('should read through the widget socket what the customer meant', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${rig.hilo.port}/ws?tenant=${TENANT}`);
    const frames: Array<{ type: string; clientMessageId?: string; message?: { author: string; text: string }; code?: string }> = [];
    ws.on('message', (m) => frames.push(JSON.parse(String(m))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId: `v_${randomBytes(18).toString('base64url')}` }));
    await expect.poll(() => frames.some((f) => f.type === 'welcome')).toBe(true);
    const ask = async (clientMessageId: string, text: string) => {
      const from = frames.length;
      ws.send(JSON.stringify({ type: 'message', clientMessageId, text }));
      await expect.poll(() => frames.slice(from).some((f) => (f.type === 'ack' || f.type === 'error') && f.clientMessageId === clientMessageId), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => frames.slice(from).some((f) => f.type === 'message' && f.message?.author === 'bot'), { timeout: 10_000 }).toBe(true);
      return frames.slice(from).filter((f) => f.type === 'message' && f.message?.author === 'bot').map((f) => f.message!.text).join('\n');
    };
    expect(await ask('w1', 'hay ce\u200dmento blanco?')).toMatch(/Cemento Blanco[^\n]*RD\$1,150/);
    expect(await ask('w2', 'y tubo pvc de 1\u00bd?')).toMatch(/1 1\/2"[^\n]*RD\$640/);
    ws.close();
  });

  it('should refuse a text that shows nothing (bidi marks, joiners, blank look-alikes) with a 400 and a code, and record nothing', async () => {
    const sender = `h16-blank-${randomBytes(3).toString('hex')}`;
    const first = await rest(sender, 'hola');
    for (const text of ['\u200f', '\u200e\u200f\u200d', '\u200c \u2060', '\u3164', '\u2800\u2800', '\ufe0f', '\u200b\u00ad']) {
      const res = await fetch(`${base()}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
      const body = (await res.json()) as { error: { code: string; details?: { path: string; problem: string }[] } };
      expect(res.status, JSON.stringify(text)).toBe(400);
      expect(body.error.code).toBe('HILO_ERR_HTTP_VALIDATION');
      expect(body.error.details?.[0]?.path).toBe('text');
    }
    // Nothing was recorded, and the conversation goes on; a text with a visible character among marks is answered.
    expect((await transcript(first.id)).length).toBe(2);
    expect((await rest(sender, '\u200f\u00bfa qu\u00e9 hora abren?\u200f')).reply).toMatch(/\d/);
    const ws = new WebSocket(`ws://127.0.0.1:${rig.hilo.port}/ws?tenant=${TENANT}`);
    const frames: Array<{ type: string; clientMessageId?: string; code?: string; message?: string }> = [];
    ws.on('message', (m) => frames.push(JSON.parse(String(m))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId: `v_${randomBytes(18).toString('base64url')}` }));
    await expect.poll(() => frames.some((f) => f.type === 'welcome')).toBe(true);
    ws.send(JSON.stringify({ type: 'message', clientMessageId: 'blank-1', text: '\u200f\u200e' }));
    await expect.poll(() => frames.find((f) => f.clientMessageId === 'blank-1')).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME', message: expect.stringMatching(/visible/) });
    // The socket stays open: the next message is answered.
    ws.send(JSON.stringify({ type: 'message', clientMessageId: 'blank-2', text: 'hola' }));
    await expect.poll(() => frames.find((f) => f.clientMessageId === 'blank-2')?.type, { timeout: 10_000 }).toBe('ack');
    ws.close();
  });

  it('should read through a signed WhatsApp webhook what the customer meant', async () => {
    const from = '18095551616';
    const raw = metaJson(waMessage({ id: `wamid.h16.${randomBytes(6).toString('hex')}`, type: 'text', text: { body: 'precio de la varilla de 3\u20448?' }, timestamp: String(Math.floor(rig.clock.now() / 1000)) }, { from, name: 'Ana' }));
    const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(RIG_APP_SECRET, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
    // The webhook answers at once; the turn runs after it and its reply leaves through the outbox.
    const sent = () => rig.graph.requests.filter((r) => r.body?.to === from).map((r) => JSON.stringify(r.body)).join('\n');
    await expect.poll(async () => (await rig.hilo.drainOutbox(), sent()), { timeout: 10_000 }).toMatch(/Varilla Corrugada 3\/8\\" Grado 40[^*]*\* cuesta \*RD\$265/);
  });
});
