import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CuttableProxy } from '../../helpers/cuttable-proxy.js';
import { createDurableEnvironment, newSender, type DurableDeployment, type DurableEnvironment } from './durable-harness.js';
import { restOf, startBehindProxy } from './outage-harness.js';

const TENANT = 'ferreteria';

type Frame = Record<string, unknown> & { type: string };

/** A widget socket that keeps every frame it receives and its close code. */
async function openWidget(port: number): Promise<{ ws: WebSocket; frames: Frame[]; closed: Promise<number>; until(pred: (f: Frame[]) => boolean, what: string): Promise<void> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?tenant=${TENANT}`);
  const frames: Frame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const until = async (pred: (f: Frame[]) => boolean, what: string): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (!pred(frames)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(frames.slice(-5))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { ws, frames, closed, until };
}

const hello = (visitorId: string) => JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId, lang: 'es' });

/**
 * PostgreSQL going away under a running server (real PostgreSQL behind a TCP proxy that is cut,
 * real Redis, the REST API and the widget socket over real sockets). Whatever the message needs
 * from PostgreSQL before its turn — the sender's contact for a new conversation, the journal of a
 * passivated one — or to record the turn, the answer is HILO_ERR_TURN_FAILED (retryable), never
 * HILO_ERR_INTERNAL; and the retry with the same message id, once PostgreSQL is back, is answered
 * exactly once.
 */
describe('PostgreSQL unreachable when a message arrives', { timeout: 120_000 }, () => {
  let environment: DurableEnvironment;
  let proxy: CuttableProxy;
  let deployment: DurableDeployment;

  beforeAll(async () => {
    environment = await createDurableEnvironment('postgres+redis');
    ({ proxy, deployment } = await startBehindProxy(environment, 'DATABASE_URL', environment.env.DATABASE_URL as string));
  });

  afterAll(async () => {
    proxy?.restore();
    await deployment?.close();
    await proxy?.close();
    await environment?.destroy();
  });

  const { post, inboundIds } = restOf(() => deployment, TENANT);
  const botLines = async (conversationId: string): Promise<number> => (await deployment.hilo.host.history(TENANT, conversationId, 0)).filter((l) => l.direction === 'out').length;

  it('should answer HILO_ERR_TURN_FAILED over REST for a new, a passivated and a live conversation, and each retry once', async () => {
    const passivated = newSender('pg-outage-passive');
    const live = newSender('pg-outage-live');
    const fresh = newSender('pg-outage-new');
    const first = await post(passivated, 'hola, tienen cemento gris?', 'p-1');
    expect(first.status).toBe(200);
    const passivatedId = first.body.conversation_id as string;
    const liveFirst = await post(live, 'hola, tienen varilla de 3/8?', 'l-1');
    expect(liveFirst.status).toBe(200);
    const liveId = liveFirst.body.conversation_id as string;
    await deployment.hilo.host.evict(TENANT, passivatedId);
    const liveReplies = await botLines(liveId);

    proxy.cut();
    const newFailed = await post(fresh, 'buenas, venden pintura?', 'n-1');
    const loadFailed = await post(passivated, 'y cuánto cuesta el saco?', 'p-2');
    const saveFailed = await post(live, 'y la de 1/2?', 'l-2');
    for (const failed of [newFailed, loadFailed, saveFailed]) {
      // Was HILO_ERR_INTERNAL ("a bug") for the new conversation: its contact could not be resolved.
      expect(failed.status).toBe(500);
      expect(failed.body.error?.code).toBe('HILO_ERR_TURN_FAILED');
      expect(failed.body.error?.message).toMatch(/same message id|Send it again/);
    }
    expect(newFailed.body.error?.message).toMatch(/nothing of this message was recorded/);
    expect(deployment.hilo.host.isActive(TENANT, passivatedId)).toBe(false);

    proxy.restore();
    const newRetried = await post(fresh, 'buenas, venden pintura?', 'n-1');
    expect(newRetried.status).toBe(200);
    expect(newRetried.body.duplicate).toBe(false);
    expect(newRetried.body.messages!.length).toBeGreaterThan(0);
    expect(await inboundIds(newRetried.body.conversation_id!)).toEqual(['n-1']);

    const loadRetried = await post(passivated, 'y cuánto cuesta el saco?', 'p-2');
    expect(loadRetried.status).toBe(200);
    expect(loadRetried.body.duplicate).toBe(false);
    expect(loadRetried.body.messages!.length).toBeGreaterThan(0);
    expect(await inboundIds(passivatedId)).toEqual(['p-1', 'p-2']);

    // The live conversation's turn was taken (its snapshot written) before the journal failed:
    // the retry completes it and answers its replies — the turn is not run a second time.
    const saveRetried = await post(live, 'y la de 1/2?', 'l-2');
    expect(saveRetried.status).toBe(200);
    // The client got an error for it and never saw these replies: a normal answer (was `duplicate: true`).
    expect(saveRetried.body.duplicate).toBe(false);
    expect(saveRetried.body.messages!.length).toBeGreaterThan(0);
    expect(saveRetried.body.messages!.map((m) => m.text).join('\n')).toMatch(/1\/2/);
    expect(await inboundIds(liveId)).toEqual(['l-1', 'l-2']);
    expect(await botLines(liveId)).toBe(liveReplies + saveRetried.body.messages!.length);

    for (const [sender, text, id, earlier] of [[fresh, 'buenas, venden pintura?', 'n-1', newRetried], [passivated, 'y cuánto cuesta el saco?', 'p-2', loadRetried], [live, 'y la de 1/2?', 'l-2', saveRetried]] as const) {
      const again = await post(sender, text, id);
      expect(again.body.duplicate).toBe(true);
      expect(again.body.messages).toEqual(earlier.body.messages);
    }
  });

  it('should refuse a widget hello with a retryable error (close 1013) and answer a message retried with the same clientMessageId once', async () => {
    const port = deployment.hilo.port;
    const liveVisitor = randomBytes(16).toString('hex');
    const live = await openWidget(port);
    const fresh = await openWidget(port);
    try {
      live.ws.send(hello(liveVisitor));
      await live.until((f) => f.some((x) => x.type === 'welcome'), 'welcome');
      live.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'w1', text: 'hola, tienen cemento gris?' }));
      await live.until((f) => f.some((x) => x.type === 'ack' && x.clientMessageId === 'w1'), 'ack w1');
      await live.until((f) => f.some((x) => x.type === 'message' && (x.message as { author: string }).author === 'bot'), 'the first answer');
      const conversationId = String(live.frames.find((x) => x.type === 'welcome')?.conversationId);
      const botBefore = live.frames.filter((x) => x.type === 'message' && (x.message as { author: string }).author === 'bot').length;

      proxy.cut();
      // A new visitor: its contact cannot be resolved. Was HILO_ERR_INTERNAL and close 1011.
      fresh.ws.send(hello(randomBytes(16).toString('hex')));
      expect(await fresh.closed).toBe(1013);
      const refused = fresh.frames.find((x) => x.type === 'error');
      expect(refused?.code).toBe('HILO_ERR_TURN_FAILED');
      expect(fresh.frames.some((x) => x.type === 'welcome')).toBe(false);

      live.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'w2', text: 'y la varilla de 3/8?' }));
      await live.until((f) => f.some((x) => x.type === 'error' && x.clientMessageId === 'w2'), 'the error for w2');
      expect(live.frames.find((x) => x.type === 'error' && x.clientMessageId === 'w2')?.code).toBe('HILO_ERR_TURN_FAILED');
      expect(live.ws.readyState).toBe(WebSocket.OPEN);

      proxy.restore();
      live.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'w2', text: 'y la varilla de 3/8?' }));
      await live.until((f) => f.some((x) => x.type === 'ack' && x.clientMessageId === 'w2'), 'ack w2');
      await live.until((f) => f.filter((x) => x.type === 'message' && (x.message as { author: string }).author === 'bot').length > botBefore, 'the answer to w2');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const answers = live.frames.filter((x) => x.type === 'message' && (x.message as { author: string }).author === 'bot').slice(botBefore);
      expect(answers.map((x) => (x.message as { text: string }).text).join('\n')).toMatch(/3\/8/);
      const seqs = answers.map((x) => (x.message as { seq: number }).seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      const ids = await inboundIds(conversationId);
      expect(ids.filter((id) => id.endsWith(':w2'))).toHaveLength(1);
      expect(ids).toHaveLength(2);
      expect(await botLines(conversationId)).toBe(botBefore + answers.length);
    } finally {
      live.ws.close();
      fresh.ws.close();
    }
  });
});
