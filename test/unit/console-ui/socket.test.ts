import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsoleSocket, type SocketStatus } from '../../../web-console/src/socket.js';
import type { ServerFrame } from '../../../web-console/src/wire.js';

/** Just enough of the browser WebSocket: records frames, lets the test open and drop it. */
class FakeWebSocket {
  static readonly OPEN = 1;
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  serverOpens(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  serverSends(data: string): void {
    this.onmessage?.({ data });
  }
  serverCloses(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

describe('console socket', () => {
  let statuses: SocketStatus[];
  let frames: ServerFrame[];
  let opens: number;
  let failures: number;
  const latest = () => FakeWebSocket.instances[FakeWebSocket.instances.length - 1]!;
  const create = () =>
    createConsoleSocket({
      url: 'ws://127.0.0.1:1/console/ws',
      onFrame: (f) => frames.push(f),
      onStatus: (s) => statuses.push(s),
      onOpen: () => (opens += 1),
      onRepeatedFailure: () => (failures += 1),
      random: () => 0,
      pingIntervalMs: 30_000,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeWebSocket);
    FakeWebSocket.instances = [];
    statuses = [];
    frames = [];
    opens = 0;
    failures = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('should reconnect with a doubling backoff and reset it after an open', () => {
    const socket = create();
    socket.connect();
    latest().serverOpens();
    expect(opens).toBe(1);
    latest().serverCloses();
    expect(statuses.slice(-1)).toEqual(['offline']);
    // random() = 0: no jitter taken, so the ceilings are exact: 500, 1000, 2000 ms.
    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    latest().serverCloses();
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);
    latest().serverCloses();
    vi.advanceTimersByTime(2000);
    expect(FakeWebSocket.instances).toHaveLength(4);
    latest().serverOpens();
    expect(opens).toBe(2);
    latest().serverCloses();
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(5);
    socket.close();
  });

  it('should tell the page after two failed opens in a row (a refused upgrade looks like that)', () => {
    const socket = create();
    socket.connect();
    latest().serverCloses();
    expect(failures).toBe(0);
    vi.advanceTimersByTime(500);
    latest().serverCloses();
    expect(failures).toBe(1);
    socket.close();
  });

  it('should tell the page at once when the server closes an open socket because the session ended (4401)', () => {
    create().connect();
    latest().serverOpens();
    latest().serverCloses(1001);
    expect(failures).toBe(0);
    vi.advanceTimersByTime(500);
    latest().serverOpens();
    latest().serverCloses(4401);
    expect(failures).toBe(1);
    expect(statuses.slice(-1)).toEqual(['offline']);
  });

  it('should hand JSON frames to the page, ignore garbage, ping, and stop for good on close', () => {
    const socket = create();
    socket.connect();
    const ws = latest();
    ws.serverOpens();
    ws.serverSends('{"type":"pong"}');
    ws.serverSends('not json');
    expect(frames).toEqual([{ type: 'pong' }]);
    expect(socket.send({ type: 'watch', conversationId: 'c1' })).toBe(true);
    vi.advanceTimersByTime(30_000);
    expect(ws.sent).toEqual(['{"type":"watch","conversationId":"c1"}', '{"type":"ping"}']);
    socket.close();
    ws.serverCloses(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(socket.send({ type: 'ping' })).toBe(false);
  });
});
