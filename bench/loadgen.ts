import { createHash } from 'node:crypto';
/**
 * Load generator, run as a child of `bench/run.ts` (never in the server's process).
 *
 * Open loop: message i is due at `start + i / rate`, whatever happened to earlier messages, and its
 * latency is measured from that intended time. A slow server therefore shows up as latency (the
 * queueing it caused is counted) instead of silently lowering the offered rate — no coordinated
 * omission. Latencies go into an HdrHistogram (µs, 3 significant digits).
 *
 * Commands (IPC): `open` (connections, kept across steps), `run` (one step at a rate), `idle`
 * (extra idle widget connections for the memory figure), `drop` (closes them).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createHistogram, encodeHistogram, recordMs } from './lib/histogram.js';
import { processStats, serveIpc } from './lib/ipc.js';

export interface OpenSpec {
  kind: 'ws' | 'http';
  /** `ws://127.0.0.1:<port>/ws?tenant=<t>` or `http://127.0.0.1:<port>/api/tenants/<t>/messages`. */
  url: string;
  tenant: string;
  apiKey?: string;
  /** WebSocket connections (one conversation each) or HTTP keep-alive sockets. */
  connections: number;
  /** HTTP only: distinct senders (conversations) the messages rotate over. */
  conversations: number;
  /** Unique per run: visitor ids and senders start with it, so runs never share conversations. */
  idPrefix: string;
}

export interface RunSpec {
  rate: number;
  durationMs: number;
  /** How long to wait for the last answers before counting them as timed out. */
  drainMs: number;
  /** The messages, sent in rotation: message `seq` of the step gets `texts[seq % texts.length]`. */
  texts: string[];
}

export interface RunResult {
  offered: number;
  sent: number;
  ok: number;
  errors: number;
  timedOut: number;
  /** Sends skipped because too many were already outstanding (counted as failures). */
  dropped: number;
  achievedRate: number;
  histogram: string;
  /** CPU microseconds this generator used during the step. */
  cpuUs: number;
  firstError?: string;
}

interface Pending {
  intended: number;
  run: number;
}

type Sender = (seq: number, text: string, done: (ok: boolean, error?: string) => void) => void;

let openSpec: OpenSpec | null = null;
let sockets: WebSocket[] = [];
let idleSockets: WebSocket[] = [];
let agent: Agent | null = null;
let runCounter = 0;
let sendMessage: Sender | null = null;

function connectWidget(url: string, tenant: string, visitorId: string, timeoutMs = 15_000): Promise<{ ws: WebSocket; onFrame: (listener: (frame: Record<string, unknown>) => void) => void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const listeners: ((frame: Record<string, unknown>) => void)[] = [];
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no welcome from ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // New visitor ids must look random (docs/protocol.md "Resume tokens"): a digest of the readable id.
    const strongId = createHash('sha256').update(visitorId).digest('base64url').slice(0, 22);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', v: 1, tenant, visitorId: strongId, lang: 'es', lastSeq: 0 })));
    ws.on('message', (data) => {
      let frame: Record<string, unknown>;
      try {
        frame = JSON.parse(String(data)) as Record<string, unknown>;
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        clearTimeout(timer);
        resolve({ ws, onFrame: (l) => listeners.push(l) });
        return;
      }
      if (frame.type === 'error' && frame.clientMessageId === undefined) {
        clearTimeout(timer);
        reject(new Error(`hello refused: ${String(frame.code)}`));
        return;
      }
      for (const l of listeners) l(frame);
    });
  });
}

async function openConnections(spec: OpenSpec): Promise<{ connections: number }> {
  await closeConnections();
  openSpec = spec;
  if (spec.kind === 'ws') {
    const waiting = new Map<string, (ok: boolean, error?: string) => void>();
    const opened: WebSocket[] = [];
    // Open in small batches: a burst of handshakes would measure the accept queue, not the server.
    for (let i = 0; i < spec.connections; i += 50) {
      const batch = [];
      for (let j = i; j < Math.min(spec.connections, i + 50); j++) {
        batch.push(
          connectWidget(spec.url, spec.tenant, `${spec.idPrefix}w${j}`).then(({ ws, onFrame }) => {
            onFrame((frame) => {
              const id = typeof frame.clientMessageId === 'string' ? frame.clientMessageId : null;
              if (id === null || (frame.type !== 'ack' && frame.type !== 'error')) return;
              const done = waiting.get(id);
              if (!done) return;
              waiting.delete(id);
              done(frame.type === 'ack', frame.type === 'error' ? String(frame.code) : undefined);
            });
            opened.push(ws);
          }),
        );
      }
      await Promise.all(batch);
    }
    sockets = opened;
    sendMessage = (seq, text, done) => {
      const ws = sockets[seq % sockets.length];
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        done(false, 'socket not open');
        return;
      }
      const clientMessageId = `m${runCounter}-${seq}`;
      waiting.set(clientMessageId, done);
      ws.send(JSON.stringify({ type: 'message', clientMessageId, text }));
    };
    return { connections: sockets.length };
  }
  agent = new Agent({ keepAlive: true, maxSockets: spec.connections, maxFreeSockets: spec.connections });
  const url = new URL(spec.url);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (spec.apiKey) headers.authorization = `Bearer ${spec.apiKey}`;
  sendMessage = (seq, text, done) => {
    const body = JSON.stringify({ sender: `${spec.idPrefix}s${seq % spec.conversations}`, text, message_id: `m${runCounter}-${seq}` });
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: agent ?? undefined, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode === 200, res.statusCode === 200 ? undefined : `HTTP ${String(res.statusCode)}`));
        res.on('error', (err) => done(false, err.message));
      },
    );
    req.on('error', (err) => done(false, err.message));
    req.end(body);
  };
  return { connections: spec.connections };
}

async function closeConnections(): Promise<void> {
  for (const ws of sockets) ws.terminate();
  sockets = [];
  agent?.destroy();
  agent = null;
  sendMessage = null;
}

async function runStep(spec: RunSpec): Promise<RunResult> {
  const send = sendMessage;
  if (!send || !openSpec) throw new Error('run before open');
  const run = ++runCounter;
  const histogram = createHistogram();
  const cpuBefore = processStats();
  const total = Math.max(1, Math.round((spec.rate * spec.durationMs) / 1000));
  const intervalMs = 1000 / spec.rate;
  // Bounded memory even when the server stalls: beyond this, sends are counted as dropped.
  const maxOutstanding = Math.max(2_000, Math.round(spec.rate * 5));
  const outstanding = new Map<number, Pending>();
  let ok = 0;
  let errors = 0;
  let dropped = 0;
  let sent = 0;
  let lastDone = 0;
  let firstError: string | undefined;
  const start = performance.now() + 20;

  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = (): void => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - start) / intervalMs) + 1);
      while (next < due) {
        const seq = next++;
        const intended = start + seq * intervalMs;
        if (outstanding.size >= maxOutstanding) {
          dropped++;
          continue;
        }
        outstanding.set(seq, { intended, run });
        sent++;
        const text = spec.texts[seq % spec.texts.length] ?? 'hola';
        send(seq, text, (success, error) => {
          const p = outstanding.get(seq);
          if (!p || p.run !== run) return;
          outstanding.delete(seq);
          const t = performance.now();
          lastDone = t;
          recordMs(histogram, t - p.intended);
          if (success) ok++;
          else {
            errors++;
            firstError ??= error;
          }
        });
      }
      if (next < total) setTimeout(tick, Math.max(0, Math.min(1, start + next * intervalMs - performance.now())));
      else resolve();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });

  const deadline = performance.now() + spec.drainMs;
  while (outstanding.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const timedOut = outstanding.size;
  const now = performance.now();
  for (const p of outstanding.values()) recordMs(histogram, now - p.intended);
  outstanding.clear();
  const cpuAfter = processStats();
  const elapsedS = Math.max(spec.durationMs, (lastDone || now) - start) / 1000;
  return {
    offered: spec.rate,
    sent,
    ok,
    errors,
    timedOut,
    dropped,
    achievedRate: ok / elapsedS,
    histogram: encodeHistogram(histogram),
    cpuUs: cpuAfter.cpuUserUs + cpuAfter.cpuSystemUs - cpuBefore.cpuUserUs - cpuBefore.cpuSystemUs,
    ...(firstError !== undefined ? { firstError } : {}),
  };
}

async function openIdle(args: { url: string; tenant: string; count: number; idPrefix: string }): Promise<{ opened: number }> {
  for (let i = 0; i < args.count; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(args.count, i + 100); j++) {
      batch.push(connectWidget(args.url, args.tenant, `${args.idPrefix}i${j}`).then(({ ws }) => idleSockets.push(ws)));
    }
    await Promise.all(batch);
  }
  return { opened: idleSockets.length };
}

async function dropIdle(): Promise<null> {
  for (const ws of idleSockets) ws.terminate();
  idleSockets = [];
  return null;
}

serveIpc(
  { role: 'loadgen' },
  {
    open: (args) => openConnections(args as OpenSpec),
    reset: async () => {
      await closeConnections();
      return null;
    },
    run: (args) => runStep(args as RunSpec),
    idle: (args) => openIdle(args as { url: string; tenant: string; count: number; idPrefix: string }),
    drop: () => dropIdle(),
  },
  async () => {
    await closeConnections();
    await dropIdle();
  },
);
