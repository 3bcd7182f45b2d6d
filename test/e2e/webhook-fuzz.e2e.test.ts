import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../helpers/fuzz-input.js';
import { outgoingWebhookBody, type FakeRocketChat } from '../fakes/rocketchat.js';
import { telegramTextUpdate, type FakeTelegramApi } from '../fakes/telegram-bot-api.js';
import { twilioInboundParams, type FakeTwilioApi } from '../fakes/twilio-api.js';
import { metaJson, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { RIG_AGENT_TOKEN as AGENT_TOKEN, RIG_TENANT as TENANT, startProviderRig, type ProviderRig } from './provider-rig.js';
/** Malformed requests per channel: every mutation several times, bounded for time. */
const ROUNDS = 36;
const NORMAL = '¿Tienen cemento gris?';

/** One malformed request: bytes, content type, and whether the gateway must refuse it. */
interface Malformed {
  label: string;
  body: Buffer;
  contentType: string;
  /** True: a 4xx is the only right answer. False: a 4xx, or a 200 when what it carries is usable. */
  mustRefuse: boolean;
}

/** Text pieces a provider may well relay: NUL, lone surrogates, controls, bidi overrides, emoji. */
const NASTY_TEXT = ['\u0000', '\ud800', '\udfff', 'a\u0000b\ud83d', '\u202e\u0007\u001b[31m', '🧱\u0000🏠', '\ufeff\u200b'];

const jsonNodes = (value: unknown): number => {
  let n = 1;
  if (Array.isArray(value)) for (const v of value) n += jsonNodes(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) n += jsonNodes(v);
  return n;
};

/** `value` with its `pick`-th node (depth first) replaced by `replace(node)`, or removed when that returns `undefined` (object keys only). */
function mutateNode(value: unknown, pick: number, replace: (node: unknown) => unknown): unknown {
  let counter = 0;
  const walk = (v: unknown): unknown => {
    if (counter++ === pick) return replace(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const w = walk(x);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    return v;
  };
  return walk(value);
}

/** A malformed variant of a valid JSON webhook body; `setText` puts a text in the customer's text field. */
function malformedJson(rng: Rng, round: number, valid: Record<string, unknown>, setText: (body: Record<string, unknown>, text: string) => Record<string, unknown>): Malformed {
  const raw = JSON.stringify(valid);
  const ct = 'application/json';
  const nodes = jsonNodes(valid);
  const refused = (label: string, body: Buffer, contentType = ct): Malformed => ({ label, body, contentType, mustRefuse: true });
  const answered = (label: string, body: unknown, contentType = ct): Malformed => ({ label, body: Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)), contentType, mustRefuse: false });
  // Every kind once in order, then seeded picks.
  switch (round < 13 ? round : rng.int(13)) {
    case 0:
      return refused('empty body', Buffer.alloc(0));
    case 1:
      return refused('truncated JSON', Buffer.from(raw.slice(0, 1 + rng.int(raw.length - 2))));
    case 2: {
      const at = 1 + rng.int(raw.length - 2);
      return refused('invalid UTF-8 bytes', Buffer.concat([Buffer.from(raw.slice(0, at)), Buffer.from([rng.pick([0xff, 0xc3, 0xed, 0x80, 0xf8])]), Buffer.from(raw.slice(at))]));
    }
    case 3:
      return refused('not an object', Buffer.from(rng.pick(['[]', `[${raw}]`, '1e400', '"hola"', 'null', 'true'])));
    case 4:
      return answered('a node as the wrong type', mutateNode(valid, 1 + rng.int(nodes - 1), () => rng.pick<unknown>([1e300, -1, 0, true, null, '', [], {}, 'x'.repeat(300), [[['deep']]], { nested: { x: 1 } }])));
    case 5:
      return answered('a field missing', mutateNode(valid, 1 + rng.int(nodes - 1), () => undefined));
    case 6: {
      const depth = 2_000 + rng.int(20_000);
      const marker = '"__deep__"';
      const body = JSON.stringify(mutateNode(valid, 1 + rng.int(nodes - 1), () => '__deep__')).replace(marker, `${'['.repeat(depth)}${']'.repeat(depth)}`);
      return answered(`nested ${depth} deep`, Buffer.from(body));
    }
    case 7:
      return answered('huge text', setText(valid, 'cemento '.repeat(2_000 + rng.int(30_000))));
    case 8:
      return answered('NUL and lone surrogates in the text', setText(valid, `hola ${rng.pick(NASTY_TEXT)} cemento ${rng.pick(NASTY_TEXT)}`));
    case 9:
      return answered('only NUL and lone surrogates as the text', setText(valid, rng.pick(NASTY_TEXT)));
    case 10:
      return answered('duplicate key', Buffer.from(`${raw.slice(0, -1)},${raw.slice(1)}`));
    case 11:
      return answered('prototype keys', Buffer.from(`${raw.slice(0, -1)},"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}`));
    default:
      return refused('wrong content type', Buffer.from(raw), rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'text/html; charset=utf-8']));
  }
}

/** A malformed variant of a valid Twilio form body. */
function malformedForm(rng: Rng, round: number, valid: Record<string, string>): Malformed {
  const ct = 'application/x-www-form-urlencoded';
  const raw = new URLSearchParams(valid).toString();
  const keys = Object.keys(valid);
  const refused = (label: string, body: string | Buffer, contentType = ct): Malformed => ({ label, body: Buffer.from(body), contentType, mustRefuse: true });
  const answered = (label: string, params: Record<string, string> | string, contentType = ct): Malformed => ({ label, body: Buffer.from(typeof params === 'string' ? params : new URLSearchParams(params).toString()), contentType, mustRefuse: false });
  switch (round < 11 ? round : rng.int(11)) {
    case 0:
      return refused('empty body', '');
    case 1:
      return refused('no From', new URLSearchParams(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== 'From'))).toString());
    case 2:
      return refused('percent-encoded invalid UTF-8', `${raw}&Body=${rng.pick(['%FF', '%C3', '%ED%A0%80', '%80%80'])}`);
    case 3:
      return refused('wrong content type', raw, rng.pick(['text/plain', 'multipart/form-data; boundary=x', 'application/xml']));
    case 4:
      return answered('truncated form', raw.slice(0, 1 + rng.int(raw.length - 2)));
    case 5: {
      const key = rng.pick(keys);
      return answered(`no ${key}`, Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)));
    }
    case 6:
      return answered('broken percent escapes', `${raw}&Body=${rng.pick(['%', '%Z', '%ZZcemento', '100%'])}`);
    case 7:
      return answered('huge Body', { ...valid, Body: 'cemento '.repeat(2_000 + rng.int(30_000)) });
    case 8:
      return answered('NUL and lone surrogates in Body', { ...valid, Body: `hola ${rng.pick(NASTY_TEXT)} cemento` });
    case 9:
      return answered('a key twice', `${raw}&Body=${encodeURIComponent('otra cosa')}&From=${encodeURIComponent('whatsapp:+18095559999')}`);
    default:
      return answered(`${rng.pick(keys)} as garbage`, { ...valid, [rng.pick(keys)]: rng.pick(['', '[object Object]', '1e400', '-1', 'whatsapp:', 'x'.repeat(3000)]) });
  }
}

/**
 * Every inbound webhook of the gateway (WhatsApp Cloud, Twilio, Telegram, and the agents' Rocket.Chat
 * outgoing webhook) fed seeded malformed bodies, each authentic for its channel (Meta's HMAC over the
 * bytes, Twilio's signature over the URL and the params a correct parser reads, Telegram's secret
 * header, Rocket.Chat's token), over real HTTP to a started runtime. Slack and the CRM webhook are
 * outbound only: Hilo exposes no endpoint for them.
 *
 * The rule for each answer: never a 5xx; a 4xx carries a `HILO_ERR_` code and stores nothing (no
 * transcript line, no message out); a 200 (the body carried something usable, or the provider needs
 * an ack for what Hilo drops) stores only clean text. After each channel's batch a valid message from
 * a new sender is still answered.
 */
describe('inbound webhooks under seeded malformed bodies', { timeout: 120_000 }, () => {
  let rig: ProviderRig;
  let graph: FakeGraph;
  let twilioApi: FakeTwilioApi;
  let telegram: FakeTelegramApi;
  let rocket: FakeRocketChat;
  let apiKey: string;
  const base = () => rig.base();
  const now = () => rig.clock.now();
  let serial = 0;
  const unique = () => `${process.pid}${++serial}${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    rig = await startProviderRig({ now: '2026-12-04T15:00:00.000Z' });
    ({ graph, twilioApi, telegram, rocket, apiKey } = rig);
  }, 30_000);

  afterAll(async () => {
    await rig?.close();
  });

  const post = (path: string, body: Buffer, headers: Record<string, string>) => rig.post(path, body, headers);
  const stored = () => rig.stored();

  /** Every stored customer line is clean: no NUL, no lone surrogate, no control character but newline and tab. */
  async function expectCleanTranscripts(ids: readonly string[]): Promise<void> {
    let lines = 0;
    for (const id of ids) {
      const res = await fetch(`${base()}/api/tenants/${TENANT}/conversations/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { transcript: Array<{ author: string; text: string }> };
      lines += view.transcript.length;
      for (const m of view.transcript) {
        expect(m.text, `${id}: ${JSON.stringify(m.text.slice(0, 80))}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    }
    // The check read something: the accepted messages are there.
    expect(lines).toBeGreaterThan(0);
  }

  const outbound = () => rig.outbound();

  /**
   * Sends one malformed request and checks the rule. A refused request must leave the stores and
   * the providers untouched; an answered one may store its (clean) message.
   */
  async function expectRule(where: string, m: Malformed, send: () => Promise<{ status: number; text: string }>): Promise<number> {
    const before = await stored();
    const sentBefore = outbound();
    const res = await send();
    const context = `${where} / ${m.label}: ${res.status} ${res.text.slice(0, 200)}`;
    expect(res.status, context).toBeLessThan(500);
    if (m.mustRefuse) expect(res.status, context).toBeGreaterThanOrEqual(400);
    if (res.status >= 400) {
      expect(JSON.parse(res.text).error.code, context).toMatch(/^HILO_ERR_/);
      expect(await stored(), context).toEqual(before);
      expect(outbound(), context).toBe(sentBefore);
    }
    return res.status;
  }

  async function expectSummary(statuses: number[], where: string): Promise<void> {
    // The batch exercised both sides of the rule.
    expect(statuses.some((s) => s >= 400), `${where}: no refusal`).toBe(true);
    expect(statuses.some((s) => s === 200), `${where}: no acceptance`).toBe(true);
    await expectCleanTranscripts((await stored()).ids);
  }

  // ----------------------------------------------------------------------------- WhatsApp Cloud

  const waSigned = (raw: Buffer, contentType = 'application/json') => rig.waSigned(raw, contentType);
  const waValid = (from: string, text: string) => waMessage({ id: `wamid.fuzz.${unique()}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(now() / 1000)) }, { from, name: 'Ana' });
  const waSetText = (body: Record<string, unknown>, text: string) => {
    const copy = structuredClone(body) as { entry: Array<{ changes: Array<{ value: { messages: Array<{ text: { body: string } }> } }> }> };
    copy.entry[0]!.changes[0]!.value.messages[0]!.text.body = text;
    return copy as unknown as Record<string, unknown>;
  };

  it('WhatsApp Cloud: signed malformed bodies are refused or acknowledged, never a 5xx, and a customer is still answered', async () => {
    const rng = createRng(0x3a7e01);
    const statuses: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const m = malformedJson(rng, i, waValid(`1809${String(5_000_000 + i)}`, 'hola, ¿tienen cemento?'), waSetText);
      statuses.push(await expectRule('whatsapp', m, () => post(`/webhooks/whatsapp/${TENANT}`, m.body, waSigned(m.body, m.contentType))));
    }
    await expectSummary(statuses, 'whatsapp');
    const raw = metaJson(waValid('18097770001', NORMAL));
    expect((await post(`/webhooks/whatsapp/${TENANT}`, raw, waSigned(raw))).status).toBe(200);
    const replies = graph.requests.filter((r) => r.status === 200 && r.body?.to === '18097770001').map((r) => JSON.stringify(r.body));
    expect(replies.join('\n')).toMatch(/RD\$/);
  });

  // ----------------------------------------------------------------------------- Twilio

  /** Twilio signs the URL and the params as it sent them: the rig signs what a correct parser reads from these bytes. */
  const twilioSigned = (raw: Buffer, contentType: string) => rig.twilioSigned(raw, contentType);

  it('Twilio: signed malformed forms are refused or acknowledged, never a 5xx, and a customer is still answered', async () => {
    const rng = createRng(0x3a7e02);
    const statuses: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const m = malformedForm(rng, i, twilioInboundParams({ From: `whatsapp:+1809${String(6_000_000 + i)}`, WaId: `1809${String(6_000_000 + i)}`, MessageSid: sid, SmsMessageSid: sid, SmsSid: sid }));
      statuses.push(await expectRule('twilio', m, () => post(`/webhooks/twilio/${TENANT}`, m.body, twilioSigned(m.body, m.contentType))));
    }
    await expectSummary(statuses, 'twilio');
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const raw = Buffer.from(new URLSearchParams(twilioInboundParams({ From: 'whatsapp:+18097770002', WaId: '18097770002', Body: NORMAL, MessageSid: sid, SmsMessageSid: sid, SmsSid: sid })).toString());
    expect((await post(`/webhooks/twilio/${TENANT}`, raw, twilioSigned(raw, 'application/x-www-form-urlencoded'))).status).toBe(200);
    expect(twilioApi.requests.filter((r) => r.form.To === 'whatsapp:+18097770002').map((r) => r.form.Body ?? '').join('\n')).toMatch(/RD\$/);
  });

  // ----------------------------------------------------------------------------- Telegram

  const tgSigned = (contentType = 'application/json') => rig.tgSigned(contentType);
  let updateIds = 900_000;
  const tgValid = (chatId: number, text: string) => ({ ...telegramTextUpdate(++updateIds, text, chatId), message: { ...(telegramTextUpdate(updateIds, text, chatId).message as Record<string, unknown>), date: Math.floor(now() / 1000) } });
  const tgSetText = (body: Record<string, unknown>, text: string) => ({ ...body, message: { ...(body.message as Record<string, unknown>), text } });

  it('Telegram: malformed updates with the secret are refused or acknowledged, never a 5xx, and a customer is still answered', async () => {
    const rng = createRng(0x3a7e03);
    const statuses: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const m = malformedJson(rng, i, tgValid(700_000 + i, 'hola, ¿tienen cemento?'), tgSetText);
      statuses.push(await expectRule('telegram', m, () => post(`/webhooks/telegram/${TENANT}`, m.body, tgSigned(m.contentType))));
    }
    await expectSummary(statuses, 'telegram');
    expect((await post(`/webhooks/telegram/${TENANT}`, Buffer.from(JSON.stringify(tgValid(777_002, NORMAL))), tgSigned())).status).toBe(200);
    expect(telegram.requests.filter((r) => r.method === 'sendMessage' && String(r.body?.chat_id) === '777002').map((r) => String(r.body?.text ?? '')).join('\n')).toMatch(/RD\$/);
  });

  // ----------------------------------------------------------------------------- Rocket.Chat (agents)

  it('Rocket.Chat outgoing webhook: malformed agent posts with the token are refused or acknowledged, never a 5xx, and an agent reply still reaches the customer', async () => {
    // A WhatsApp customer asks for a person: the ticket the agents answer.
    const raw = metaJson(waValid('18097770003', 'quiero hablar con una persona'));
    expect((await post(`/webhooks/whatsapp/${TENANT}`, raw, waSigned(raw))).status).toBe(200);
    const announced = rocket.messages.map((m) => JSON.stringify(m)).join('\n');
    const ticket = /T-\d{6}/.exec(announced)?.[0];
    expect(ticket, announced.slice(0, 300)).toBeDefined();

    const rng = createRng(0x3a7e04);
    const statuses: number[] = [];
    const setText = (body: Record<string, unknown>, text: string) => ({ ...body, text: `#${ticket} ${text}` });
    for (let i = 0; i < ROUNDS; i++) {
      // Posts that do not name the open ticket: an agent's message for no one, or malformed.
      const m = malformedJson(rng, i, outgoingWebhookBody({ token: AGENT_TOKEN, text: `#T-999999 hola ${i}`, messageId: `fuzz${unique()}` }), (body, text) => ({ ...body, text: `#T-999999 ${text}` }));
      statuses.push(await expectRule('rocketchat', m, () => post(`/webhooks/rocketchat/${TENANT}`, m.body, { 'content-type': m.contentType })));
    }
    expect(statuses.some((s) => s >= 400), 'rocketchat: no refusal').toBe(true);
    expect(statuses.some((s) => s === 200), 'rocketchat: no acceptance').toBe(true);
    // Text with NUL and lone surrogates for the open ticket: refused or relayed clean.
    for (const nasty of NASTY_TEXT) {
      const body = Buffer.from(JSON.stringify(setText(outgoingWebhookBody({ token: AGENT_TOKEN, text: '', messageId: `fuzz${unique()}` }), `le escribo ${nasty} ya`)));
      const res = await post(`/webhooks/rocketchat/${TENANT}`, body, { 'content-type': 'application/json' });
      expect(res.status, res.text).toBeLessThan(500);
    }
    await expectCleanTranscripts((await stored()).ids);
    for (const r of graph.requests.filter((x) => x.body?.to === '18097770003')) expect(JSON.stringify(r.body)).not.toMatch(/\\u0000|\\ud8[0-9a-f]{2}(?!\\ud[c-f])/i);

    const res = await post(`/webhooks/rocketchat/${TENANT}`, Buffer.from(JSON.stringify(outgoingWebhookBody({ token: AGENT_TOKEN, text: `#${ticket} Hola Ana, sí tenemos cemento gris.`, messageId: `fuzz${unique()}` }))), { 'content-type': 'application/json' });
    expect(res.status, res.text).toBe(200);
    expect(graph.requests.filter((r) => r.status === 200 && r.body?.to === '18097770003').map((r) => String((r.body?.text as { body?: unknown } | undefined)?.body ?? '')).join('\n')).toContain('sí tenemos cemento gris');
  });
});
