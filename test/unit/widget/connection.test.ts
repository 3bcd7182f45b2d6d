import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientFrame, HelloFrame, ServerFrame } from '../../../src/channels/widget/protocol.js';
import { createWidgetConnection, type SocketStatus } from '../../../web-widget/src/connection.js';

/** Just enough of the browser WebSocket for the connection: records frames, lets the test drive events. */
class FakeWebSocket {
  static readonly OPEN = 1;
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  sent: ClientFrame[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientFrame);
  }
  close(): void {
    this.readyState = 3;
  }
  serverOpens(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  serverSends(frame: ServerFrame | string): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  serverCloses(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const welcome: ServerFrame = { type: 'welcome', v: 1, conversationId: 'c1', history: [], lang: 'es' };

describe('createWidgetConnection', () => {
  let lastSeq = 0;
  let statuses: SocketStatus[] = [];
  let frames: ServerFrame[] = [];

  const connect = () =>
    createWidgetConnection({
      url: 'ws://127.0.0.1:1/ws?tenant=t',
      hello: (): HelloFrame => ({ type: 'hello', v: 1, tenant: 't', visitorId: 'v'.repeat(22), lastSeq }),
      onFrame: (frame) => frames.push(frame),
      onStatus: (status) => statuses.push(status),
      random: () => 0,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeWebSocket);
    FakeWebSocket.instances = [];
    lastSeq = 0;
    statuses = [];
    frames = [];
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('should say hello on open and accept frames only after welcome', () => {
    const connection = connect();
    connection.connect();
    const ws = FakeWebSocket.instances[0]!;
    ws.serverOpens();
    expect(ws.sent).toEqual([{ type: 'hello', v: 1, tenant: 't', visitorId: 'v'.repeat(22), lastSeq: 0 }]);
    expect(connection.send({ type: 'message', clientMessageId: 'a', text: 'hola' })).toBe(false);
    ws.serverSends(welcome);
    expect(connection.send({ type: 'message', clientMessageId: 'a', text: 'hola' })).toBe(true);
    expect(frames).toEqual([welcome]);
    connection.close();
  });

  it('should ignore malformed frames', () => {
    const connection = connect();
    connection.connect();
    const ws = FakeWebSocket.instances[0]!;
    ws.serverOpens();
    ws.serverSends('not json');
    ws.serverSends('{"no":"type"}');
    expect(frames).toEqual([]);
    connection.close();
  });

  it('should reconnect with growing delays and send the latest lastSeq in the new hello', () => {
    const connection = connect();
    connection.connect();
    FakeWebSocket.instances[0]!.serverCloses();
    expect(statuses).toEqual(['connecting', 'offline']);
    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.instances[1]!.serverCloses();
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const third = FakeWebSocket.instances[2]!;
    lastSeq = 12;
    third.serverOpens();
    expect(third.sent[0]).toMatchObject({ type: 'hello', lastSeq: 12 });
    // A welcome resets the schedule: the next drop retries after 0.5 s again.
    third.serverSends(welcome);
    third.serverCloses();
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(4);
    connection.close();
  });

  it('should ping while connected', () => {
    const connection = connect();
    connection.connect();
    const ws = FakeWebSocket.instances[0]!;
    ws.serverOpens();
    ws.serverSends(welcome);
    vi.advanceTimersByTime(25_000);
    expect(ws.sent.at(-1)).toEqual({ type: 'ping' });
    connection.close();
  });

  it('should stop retrying for an unknown tenant (close 4404) and after close()', () => {
    const connection = connect();
    connection.connect();
    FakeWebSocket.instances[0]!.serverCloses(4404);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(statuses.at(-1)).toBe('offline');

    const other = connect();
    other.connect();
    other.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('should open only one socket however often connect() is called', () => {
    const connection = connect();
    connection.connect();
    connection.connect();
    expect(FakeWebSocket.instances).toHaveLength(1);
    connection.close();
  });

  it('should hand the resume token of welcome to its owner and switch visitor on a 4401 refusal', () => {
    let visitorId = 'old'.padEnd(22, 'x');
    let token: string | undefined;
    const tokens: string[] = [];
    let refusals = 0;
    const connection = createWidgetConnection({
      url: 'ws://127.0.0.1:1/ws?tenant=t',
      hello: (): HelloFrame => ({ type: 'hello', v: 1, tenant: 't', visitorId, ...(token ? { resumeToken: token } : {}) }),
      onFrame: (frame) => frames.push(frame),
      onStatus: (status) => statuses.push(status),
      onResumeToken: (t) => tokens.push(t),
      onResumeRefused: () => {
        refusals += 1;
        visitorId = 'new'.padEnd(22, 'y');
      },
      random: () => 0,
    });
    connection.connect();
    FakeWebSocket.instances[0]!.serverOpens();
    FakeWebSocket.instances[0]!.serverSends({ type: 'error', code: 'HILO_ERR_WS_RESUME_REFUSED', message: 'no' });
    FakeWebSocket.instances[0]!.serverCloses(4401);
    // At once, without a backoff delay, with the new visitor id; the refusal is not shown.
    expect(refusals).toBe(1);
    expect(frames.some((f) => f.type === 'error')).toBe(false);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.instances[1]!.serverOpens();
    expect(FakeWebSocket.instances[1]!.sent[0]).toMatchObject({ type: 'hello', visitorId: 'new'.padEnd(22, 'y') });
    FakeWebSocket.instances[1]!.serverSends({ ...welcome, resumeToken: 'r1.abc' } as ServerFrame);
    expect(tokens).toEqual(['r1.abc']);
    connection.close();
  });

  it('should give up after repeated resume refusals instead of looping', () => {
    const connection = createWidgetConnection({
      url: 'ws://127.0.0.1:1/ws?tenant=t',
      hello: (): HelloFrame => ({ type: 'hello', v: 1, tenant: 't', visitorId: 'v'.repeat(22) }),
      onFrame: (frame) => frames.push(frame),
      onStatus: (status) => statuses.push(status),
      onResumeRefused: () => undefined,
      random: () => 0,
    });
    connection.connect();
    for (let i = 0; i < 4; i++) {
      FakeWebSocket.instances[i]!.serverOpens();
      FakeWebSocket.instances[i]!.serverCloses(4401);
    }
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(4);
    expect(statuses.at(-1)).toBe('offline');
    connection.close();
  });
});
