/** Test doubles for the gateway tests: a recording ConversationService, an HTTP helper, a WS client. */
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type {
  ConversationService,
  ConversationUpdate,
  ConversationView,
  InboundMessage,
  TurnResult,
} from '../../../src/actors/conversation-service.js';
import type { ServerFrame } from '../../../src/channels/widget/protocol.js';
import type { NluResult } from '../../../src/domain/nlu.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

export interface FakeService extends ConversationService {
  calls: { method: string; args: unknown[] }[];
  transcripts: Map<string, TranscriptEntry[]>;
  /** Appends an entry to a conversation and notifies subscribers (as the runtime would). */
  record(conversationId: string, entry: Omit<TranscriptEntry, 'seq'>): TranscriptEntry;
  emit(conversationId: string, update: ConversationUpdate): void;
  listenerCount(conversationId: string): number;
  /** Replaces `handleMessage` (e.g. to hang or fail). */
  onHandleMessage: ((message: InboundMessage) => Promise<TurnResult>) | null;
  /** When set, `history` waits for this promise before reading the transcript. */
  historyGate: Promise<void> | null;
  /** Called when `history` starts (before the gate). */
  onHistoryStart: (() => void) | null;
}

export const TENANT = 'acme';
export const OTHER_TENANT = 'globex';

export function conversationIdOf(channel: string, senderId: string): string {
  return `c-${channel}-${senderId}`;
}

export function createFakeService(clockIso = '2026-11-22T12:00:00.000Z'): FakeService {
  const transcripts = new Map<string, TranscriptEntry[]>();
  const listeners = new Map<string, Set<(update: ConversationUpdate) => void>>();
  const calls: FakeService['calls'] = [];
  const resolved = new Set<string>();

  const service: FakeService = {
    calls,
    transcripts,
    onHandleMessage: null,
    historyGate: null,
    onHistoryStart: null,
    record(conversationId, entry) {
      const list = transcripts.get(conversationId) ?? [];
      transcripts.set(conversationId, list);
      const stored = { ...entry, seq: list.length + 1 };
      list.push(stored);
      service.emit(conversationId, { type: 'message', entry: stored });
      return stored;
    },
    emit(conversationId, update) {
      for (const listener of listeners.get(conversationId) ?? []) listener(update);
    },
    listenerCount(conversationId) {
      return listeners.get(conversationId)?.size ?? 0;
    },
    hasTenant: (tenantId) => tenantId === TENANT || tenantId === OTHER_TENANT,
    async resolveConversation(tenantId, channel, senderId) {
      calls.push({ method: 'resolveConversation', args: [tenantId, channel, senderId] });
      const id = conversationIdOf(channel, senderId);
      if (!transcripts.has(id)) transcripts.set(id, []);
      return id;
    },
    async handleMessage(message) {
      calls.push({ method: 'handleMessage', args: [message] });
      if (service.onHandleMessage) return service.onHandleMessage(message);
      const conversationId = conversationIdOf(message.channel, message.senderId);
      const list = transcripts.get(conversationId) ?? [];
      transcripts.set(conversationId, list);
      const existing = list.find((e) => e.direction === 'in' && e.messageId === message.messageId);
      const state = { value: 'triage', tags: ['awaitingInput'], context: { lang: 'es' }, machineVersion: 1, seq: list.length };
      if (existing) return { conversationId, duplicate: true, inbound: existing, replies: [], state };
      service.emit(conversationId, { type: 'typing', on: true });
      const inbound = service.record(conversationId, {
        messageId: message.messageId ?? `m-${list.length + 1}`,
        direction: 'in',
        author: 'customer',
        channel: message.channel,
        text: message.text,
        at: clockIso,
      });
      const reply = service.record(conversationId, {
        messageId: `out-${list.length + 1}`,
        direction: 'out',
        author: 'bot',
        channel: message.channel,
        text: `Recibido: ${message.text}`,
        at: clockIso,
        intent: 'greeting',
      });
      service.emit(conversationId, { type: 'typing', on: false });
      return { conversationId, duplicate: false, inbound, replies: [reply], state: { ...state, seq: list.length } };
    },
    async handleAgentMessage(tenantId, conversationId, agentName, text) {
      calls.push({ method: 'handleAgentMessage', args: [tenantId, conversationId, agentName, text] });
      // Like the machine: once resolved, nobody holds the conversation and an agent line is dropped.
      if (resolved.has(conversationId)) return { conversationId, duplicate: false, inbound: null, replies: [], state: { value: 'triage.idle', tags: [], context: {}, machineVersion: 1, seq: 0 } };
      const reply = service.record(conversationId, { messageId: `agent-${text.length}`, direction: 'out', author: 'agent', channel: 'web', text, at: clockIso, agentName });
      return { conversationId, duplicate: false, inbound: null, replies: [reply], state: { value: 'handoff.withHuman', tags: [], context: {}, machineVersion: 1, seq: reply.seq } };
    },
    async resolveHandoff(tenantId, conversationId, agentName, outcome) {
      calls.push({ method: 'resolveHandoff', args: [tenantId, conversationId, agentName, outcome] });
      resolved.add(conversationId);
      return { conversationId, duplicate: false, inbound: null, replies: [], state: { value: 'handoff.resolved', tags: [], context: {}, machineVersion: 1, seq: 0 } };
    },
    async getConversation(tenantId, conversationId): Promise<ConversationView | null> {
      calls.push({ method: 'getConversation', args: [tenantId, conversationId] });
      const transcript = transcripts.get(conversationId);
      if (!transcript || tenantId !== TENANT) return null;
      return {
        tenantId,
        conversationId,
        state: { value: 'triage', tags: ['awaitingInput'], context: { slots: {} }, machineVersion: 1, seq: transcript.length },
        transcript,
      };
    },
    async history(tenantId, conversationId, afterSeq) {
      calls.push({ method: 'history', args: [tenantId, conversationId, afterSeq] });
      service.onHistoryStart?.();
      if (service.historyGate) await service.historyGate;
      return (transcripts.get(conversationId) ?? []).filter((e) => e.seq > afterSeq);
    },
    parse(tenantId, text): NluResult {
      calls.push({ method: 'parse', args: [tenantId, text] });
      return { intent: { name: 'greeting', confidence: 0.9 }, ranking: [{ name: 'greeting', confidence: 0.9 }], entities: [], lang: 'es' };
    },
    subscribe(tenantId, conversationId, listener) {
      calls.push({ method: 'subscribe', args: [tenantId, conversationId] });
      const set = listeners.get(conversationId) ?? new Set();
      listeners.set(conversationId, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return service;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json(): unknown;
}

/** Plain node:http (no automatic decompression, unlike fetch). */
export function http(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A WebSocket client that queues frames so a test can read them in order. */
export interface WidgetClient {
  ws: WebSocket;
  frames: ServerFrame[];
  next(): Promise<ServerFrame>;
  send(frame: unknown): void;
  closed: Promise<number>;
}

export async function connectWidget(port: number, tenant = TENANT): Promise<WidgetClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?tenant=${encodeURIComponent(tenant)}`);
  const frames: ServerFrame[] = [];
  let read = 0;
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    frames.push(JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as ServerFrame);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    closed,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    async next() {
      while (read >= frames.length) {
        await Promise.race([
          new Promise<void>((resolve) => waiters.push(resolve)),
          closed.then(() => {
            if (read >= frames.length) throw new Error('connection closed while waiting for a frame');
          }),
        ]);
      }
      return frames[read++] as ServerFrame;
    },
  };
}

export function createAssets(): { dir: string; widgetJsPath: string; demoHtmlPath: string; widgetJs: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hilo-gw-'));
  const widgetJs = `/* widget */ ${'console.log("hilo widget");\n'.repeat(200)}`;
  const widgetJsPath = join(dir, 'widget.js');
  const demoHtmlPath = join(dir, 'index.html');
  writeFileSync(widgetJsPath, widgetJs);
  writeFileSync(demoHtmlPath, '<!doctype html><title>Hilo demo</title><script src="/widget.js"></script>');
  return { dir, widgetJsPath, demoHtmlPath, widgetJs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A gateway on 127.0.0.1 (a free port) in front of a real memory host, with the API keys given for
 * `tenantId` and a silent logger: the set-up of the REST tests that talk raw HTTP to a real host.
 */
export async function startHostGateway(options: {
  made: { host: import('../../../src/actors/conversation-host.js').ConversationHost; clock: import('../../../src/kernel/clock.js').Clock };
  assets: { widgetJsPath: string; demoHtmlPath: string };
  transport: 'node' | 'uws';
  tenantId: string;
  keys: readonly string[];
}): Promise<import('../../../src/runtime/gateway/index.js').Gateway> {
  const { startGateway } = await import('../../../src/runtime/gateway/index.js');
  const { createApiKeyRegistry } = await import('../../../src/runtime/api-keys.js');
  const { createSilentLogger } = await import('../../../src/kernel/logger.js');
  const apiKeys = createApiKeyRegistry();
  for (const key of options.keys) apiKeys.add(options.tenantId, key);
  return startGateway({
    port: 0,
    host: '127.0.0.1',
    transport: options.transport,
    service: options.made.host,
    clock: options.made.clock,
    apiKeys,
    logger: createSilentLogger(),
    assets: { widgetJsPath: options.assets.widgetJsPath, demoHtmlPath: options.assets.demoHtmlPath },
    limits: { turnTimeoutMs: 10_000 },
    secret: Buffer.alloc(32, 7),
  });
}
