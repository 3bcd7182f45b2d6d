import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/channels/widget/protocol.js';
import { createBrainFactory } from '../../src/runtime/brain-factory.js';
import { systemClock } from '../../src/kernel/clock.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../src/runtime/hilo.js';
import { loadLlmConfig } from '../../src/runtime/llm-config.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type ChatBody, type FakeOpenAi, type FakeResponse } from '../fakes/openai-server.js';

type Mode = 'rewrite' | 'change_price' | 'canary' | 'hang';
type Frame = ServerFrame;

const QUESTION = '¿Tienen cemento gris?';
const systemOf = (body: ChatBody): string => String(body.messages?.find((m) => m.role === 'system')?.content ?? '');
const userOf = (body: ChatBody): string => String(body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '');
const isCompose = (body: ChatBody): boolean => systemOf(body).includes('Rewrite the draft replies');
/** The template text the host gave the model (between the quotes after "Draft replies"). */
const draftsOf = (body: ChatBody): string => /Draft replies \(facts\):\n"""\n([\s\S]*?)\n"""/.exec(userOf(body))?.[1] ?? '';

let mode: Mode = 'rewrite';
let fake: FakeOpenAi;

/** A fake model that rewrites the drafts without touching their facts (or breaks them, by mode). */
function composeAnswer(body: ChatBody): FakeResponse {
  const rewrite = `¡Claro que sí! ${draftsOf(body).replace(/\s*\n+\s*/g, ' ')}`;
  switch (mode) {
    case 'rewrite':
      return reply.chat({ content: rewrite, chunkSize: 8 });
    case 'change_price':
      return reply.chat({ content: rewrite.replace(/RD\$[\d,]+(?:\.\d+)?/, () => 'RD$1.00'), chunkSize: 8 });
    case 'canary':
      return reply.chat({ content: `${rewrite} (${/HILO-CANARY-[0-9a-f]{16}/.exec(systemOf(body))?.[0] ?? 'no canary'})`, chunkSize: 8 });
    case 'hang':
      return reply.streamHang('¡Claro que sí! Tenemos');
  }
}

interface Server {
  hilo: Hilo;
  apiKey: string;
  wsUrl: string;
  baseUrl: string;
}

async function startServer(replies: boolean): Promise<Server> {
  const llm = loadLlmConfig({
    HILO_LLM_BASE_URL: fake.baseURL,
    HILO_LLM_MODEL: 'fake-model',
    HILO_LLM_API_KEYS: 'a=sk-test-a',
    HILO_LLM_TIMEOUT_MS: '1500',
    HILO_LLM_DEADLINE_MS: '3000',
    // Understanding is left to the rule brain here (the fake refuses it): never hand off for that.
    HILO_LLM_MAX_CONSECUTIVE_FAILURES: '1000',
  });
  const createBrain = createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), replies, clientOptions: { maxRetries: 0 } });
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    HILO_DEMO_API_KEY: apiKey,
    HILO_RATE_LIMIT_IP_PER_MINUTE: '100000',
    HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '10000',
    HILO_STORAGE: 'memory',
  });
  const hilo = await startHilo({ config, logger: createSilentLogger(), createBrain, ...(createBrain.composeReplies ? { composeReplies: createBrain.composeReplies } : {}) });
  return { hilo, apiKey, wsUrl: `ws://127.0.0.1:${hilo.port}/ws`, baseUrl: `http://127.0.0.1:${hilo.port}` };
}

let server: Server;
let visitor = 0;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAi({
    handler: (body) => (isCompose(body) ? composeAnswer(body) : reply.error(400, { message: 'Fake model: understanding is not scripted here.' })),
  });
  server = await startServer(true);
});
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.close();
});
afterAll(async () => {
  await server?.hilo.close();
  await fake?.close();
});

/** Opens a widget socket, says hello and resolves with the frames recorded so far (kept growing). */
async function widget(target: Server): Promise<{ frames: Frame[]; conversationId: string; send(text: string): void; until(pred: (f: Frame) => boolean): Promise<Frame> }> {
  const ws = new WebSocket(`${target.wsUrl}?tenant=ferreteria`);
  sockets.push(ws);
  const frames: Frame[] = [];
  const waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    frames.push(frame);
    for (const w of waiters.splice(0)) (w.pred(frame) ? w.resolve(frame) : waiters.push(w));
  });
  const until = (pred: (f: Frame) => boolean): Promise<Frame> => {
    const found = frames.find(pred);
    return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ pred, resolve }));
  };
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId: `vlr_${++visitor}_${randomBytes(16).toString('base64url')}`, lang: 'es' }));
  const welcome = (await until((f) => f.type === 'welcome')) as Extract<Frame, { type: 'welcome' }>;
  let n = 0;
  return {
    frames,
    conversationId: welcome.conversationId,
    send: (text) => ws.send(JSON.stringify({ type: 'message', clientMessageId: `m${++n}`, text })),
    until,
  };
}

/** Runs one customer turn over the socket; resolves with the frames from the message on, once acked. */
async function turn(text: string): Promise<{ frames: Frame[]; conversationId: string }> {
  const w = await widget(server);
  w.send(text);
  await w.until((f) => f.type === 'ack');
  // The ack follows the recorded lines: every frame of the turn is in.
  return { frames: w.frames, conversationId: w.conversationId };
}

const botMessages = (frames: Frame[]) => frames.flatMap((f) => (f.type === 'message' && f.message.author === 'bot' ? [f.message] : []));
const deltas = (frames: Frame[]) => frames.flatMap((f) => (f.type === 'delta' ? [f] : []));
const composeCalls = () => fake.requests.filter((r) => isCompose(r.body));

describe('LLM-written replies (HILO_LLM_REPLIES=1) with the fake provider', () => {
  it('should stream deltas over the WebSocket before the final message and record only the final text', async () => {
    mode = 'rewrite';
    const { frames, conversationId } = await turn(QUESTION);
    const bot = botMessages(frames);
    expect(bot).toHaveLength(1);
    const final = bot[0]!;
    expect(final.text.startsWith('¡Claro que sí!')).toBe(true);
    expect(final.text).toMatch(/RD\$\d/);
    const streamed = deltas(frames);
    expect(streamed.length).toBeGreaterThan(1);
    expect(streamed.every((d) => d.replyId === final.id)).toBe(true);
    expect(streamed.map((d) => d.text).join('')).toBe(final.text);
    const finalAt = frames.findIndex((f) => f.type === 'message' && f.message.id === final.id);
    expect(frames.findIndex((f) => f.type === 'delta')).toBeLessThan(finalAt);
    const transcript = await server.hilo.host.history('ferreteria', conversationId, 0);
    expect(transcript.filter((l) => l.direction === 'out').map((l) => l.text)).toEqual([final.text]);
    // The canary is in the system prompt the model saw, and nowhere in what the customer got.
    const call = composeCalls().at(-1)!;
    expect(systemOf(call.body)).toMatch(/HILO-CANARY-[0-9a-f]{16}/);
    expect(call.body.stream).toBe(true);
  });

  it('should record the template replies when the model changes a price, replacing the streamed text', async () => {
    mode = 'change_price';
    const before = composeCalls().length;
    const { frames, conversationId } = await turn(QUESTION);
    expect(composeCalls().length).toBe(before + 1);
    expect(deltas(frames).map((d) => d.text).join('')).toContain('RD$1.00');
    const bot = botMessages(frames);
    expect(bot.length).toBeGreaterThan(0);
    expect(bot.map((m) => m.text).join('\n')).not.toContain('RD$1.00');
    expect(bot.map((m) => m.text).join('\n')).not.toContain('¡Claro que sí!');
    expect(bot[0]!.id).toBe(deltas(frames)[0]!.replyId);
    const transcript = await server.hilo.host.history('ferreteria', conversationId, 0);
    expect(transcript.filter((l) => l.direction === 'out').map((l) => l.text)).toEqual(bot.map((m) => m.text));
  });

  it('should record the template replies when the canary leaks', async () => {
    mode = 'canary';
    const { frames } = await turn(QUESTION);
    const bot = botMessages(frames);
    expect(deltas(frames).length).toBeGreaterThan(0);
    expect(bot.map((m) => m.text).join('\n')).not.toMatch(/HILO-CANARY/);
    expect(bot.map((m) => m.text).join('\n')).toMatch(/RD\$\d/);
  });

  it('should answer with the template replies within the deadline when the stream hangs', async () => {
    mode = 'hang';
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: `rest-llm-replies-${process.pid}`, text: QUESTION }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messages: { author: string; text: string }[] };
    const bot = body.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n');
    expect(bot).toMatch(/RD\$\d/);
    expect(bot).not.toContain('¡Claro que sí!');
  });

  it('should not call the model for replies without HILO_LLM_REPLIES', async () => {
    mode = 'rewrite';
    const plain = await startServer(false);
    try {
      const before = fake.requests.length;
      const w = await widget(plain);
      w.send(QUESTION);
      await w.until((f) => f.type === 'ack');
      expect(botMessages(w.frames).map((m) => m.text).join('\n')).toMatch(/RD\$\d/);
      expect(deltas(w.frames)).toEqual([]);
      const after = fake.requests.slice(before);
      expect(after.length).toBeGreaterThan(0); // the understanding call still goes out
      expect(after.filter((r) => isCompose(r.body))).toEqual([]);
    } finally {
      await plain.hilo.close();
    }
  });
});
