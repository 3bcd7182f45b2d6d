import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { metaJson, metaSignature, waMessage } from '../fakes/whatsapp-graph.js';
import { RIG_APP_SECRET, startProviderRig, type ProviderRig } from './provider-rig.js';

const TENANT = 'ferreteria';

/**
 * A text of only combining marks (no letter to sit on) or only unpaired surrogates (which the
 * boundary turns into U+FFFD) is a client's broken bytes, not words. Before harden20 each was
 * recorded as the customer's line and answered "no te entendí" on REST, the widget and WhatsApp;
 * now it is refused like a text that shows nothing — 400 on REST, an error frame on the widget
 * (socket kept), nothing run on a signed webhook — while a word among marks is still answered.
 */
describe('texts of broken bytes only, through every customer channel', { timeout: 60_000 }, () => {
  let rig: ProviderRig;
  const base = () => rig.base();
  const auth = () => ({ authorization: `Bearer ${rig.apiKey}` });
  // Lone surrogates escaped by hand: JSON.stringify would keep them as escapes anyway, this is explicit.
  const body = (sender: string, text: string) => `{"sender":${JSON.stringify(sender)},"text":${JSON.stringify(text).replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}}`;
  const broken = ['\u0301\u0301\u0301', '\u0301'.repeat(500), '\ud800', '\udc00\ud800', '\ufffd', ' \u0301 \ufffd ', '\u20dd\u0489'];

  beforeAll(async () => {
    rig = await startProviderRig({ env: { HILO_WS_MAX_SOCKETS_PER_IP: '0' }, now: '2026-12-07T15:00:00.000Z' });
  }, 30_000);
  afterAll(async () => {
    await rig?.close();
  });

  const post = (sender: string, text: string) => fetch(`${base()}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: body(sender, text) });
  const transcript = async (id: string) => ((await (await fetch(`${base()}/api/tenants/${TENANT}/conversations/${id}`, { headers: auth() })).json()) as { transcript: { author: string; text: string }[] }).transcript;

  it('should refuse them on REST with a 400 naming the text, record nothing, and still answer a word among marks', async () => {
    const sender = `h20-broken-${randomBytes(3).toString('hex')}`;
    const first = (await (await post(sender, 'hola')).json()) as { conversation_id: string };
    for (const text of broken) {
      const res = await post(sender, text);
      const answer = (await res.json()) as { error?: { code: string; details?: { path: string }[] } };
      expect(res.status, JSON.stringify(text)).toBe(400);
      expect(answer.error?.code).toBe('HILO_ERR_HTTP_VALIDATION');
      expect(answer.error?.details?.[0]?.path).toBe('text');
    }
    expect((await transcript(first.conversation_id)).length).toBe(2);
    // Accents typed as combining marks after their letters, and a broken byte inside a real question, are words.
    const res = await post(sender, 'cuanto vale el ce\u0301mento gris\ud800?');
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toMatch(/RD\$655/);
  });

  it('should answer an error frame on the widget socket and keep the socket', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${rig.hilo.port}/ws?tenant=${TENANT}`);
    const frames: Array<{ type: string; clientMessageId?: string; code?: string }> = [];
    ws.on('message', (m) => frames.push(JSON.parse(String(m))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId: `v_${randomBytes(18).toString('base64url')}` }));
    await expect.poll(() => frames.some((f) => f.type === 'welcome')).toBe(true);
    for (const [i, text] of broken.entries()) {
      ws.send(`{"type":"message","clientMessageId":"b${i}","text":${JSON.stringify(text).replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}}`);
      await expect.poll(() => frames.find((f) => f.clientMessageId === `b${i}`), { timeout: 10_000 }).toMatchObject({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME' });
    }
    ws.send(JSON.stringify({ type: 'message', clientMessageId: 'ok', text: 'hola' }));
    await expect.poll(() => frames.find((f) => f.clientMessageId === 'ok')?.type, { timeout: 10_000 }).toBe('ack');
    expect(frames.filter((f) => f.type === 'message').length).toBe(2);
    ws.close();
  });

  it('should run nothing for them on a signed WhatsApp webhook (200 to the provider, no reply)', async () => {
    const from = '18095552020';
    for (const text of broken) {
      const raw = metaJson(waMessage({ id: `wamid.h20.${randomBytes(6).toString('hex')}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(rig.clock.now() / 1000)) }, { from, name: 'Ana' }));
      const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(RIG_APP_SECRET, raw) }, body: new Uint8Array(raw) });
      expect(res.status).toBe(200);
    }
    await rig.hilo.drainOutbox();
    expect(rig.graph.requests.filter((r) => r.body?.to === from)).toEqual([]);
  });

  it('should keep no blank WhatsApp profile name (Hangul fillers, joiners, lone marks) for the console', async () => {
    for (const [i, name] of ['\u3164\u3164', '\u200d\u200d', '\u0301\u0301', 'Ana\u3164'].entries()) {
      const from = `1809555303${i}`;
      const raw = metaJson(waMessage({ id: `wamid.h20n.${randomBytes(6).toString('hex')}`, type: 'text', text: { body: 'hola' }, timestamp: String(Math.floor(rig.clock.now() / 1000)) }, { from, name }));
      const res = await fetch(`${base()}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(RIG_APP_SECRET, raw) }, body: new Uint8Array(raw) });
      expect(res.status).toBe(200);
      const conversationId = await rig.hilo.host.resolveConversation(TENANT, 'whatsapp', from);
      await expect.poll(() => rig.hilo.host.isActive(TENANT, conversationId), { timeout: 10_000 }).toBe(true);
      expect(rig.hilo.host.profileNameOf(TENANT, conversationId), JSON.stringify(name)).toBe(i === 3 ? 'Ana\u3164' : null);
    }
  });
});
