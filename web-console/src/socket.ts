import { backoffDelay } from '../../web-widget/src/backoff.js';
import type { ClientFrame, ServerFrame } from './wire.js';

/** The server's close code for a socket whose session is unknown or expired. */
const SESSION_ENDED = 4401;

export type SocketStatus = 'connecting' | 'online' | 'offline';

export interface ConsoleSocket {
  /** Opens (no-op when open or already retrying). */
  connect(): void;
  send(frame: ClientFrame): boolean;
  /** Closes for good (logout). */
  close(): void;
}

export interface ConsoleSocketOptions {
  url: string;
  onFrame(frame: ServerFrame): void;
  onStatus(status: SocketStatus): void;
  /** Every (re)open: the page re-sends its watches and refreshes what it may have missed. */
  onOpen(): void;
  /**
   * The session may have ended: the server closed with 4401 (unknown or expired session), or two
   * opens in a row failed (a refused upgrade answers 401, which a browser cannot see). The page
   * checks its session; the socket keeps retrying meanwhile.
   */
  onRepeatedFailure(): void;
  random?: () => number;
  pingIntervalMs?: number;
}

/**
 * The console's live socket (`/console/ws`): reconnects with the widget's backoff (0.5 s doubling
 * to 10 s, jitter), at once when the browser comes back online, and pings to stay under the
 * server's 120 s idle timeout.
 */
export function createConsoleSocket(options: ConsoleSocketOptions): ConsoleSocket {
  const { random = Math.random, pingIntervalMs = 30_000 } = options;
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let failedOpens = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const schedule = (): void => {
    if (stopped || retryTimer !== undefined) return;
    const delay = backoffDelay(attempt, random);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      open();
    }, delay);
  };

  const open = (): void => {
    if (stopped || socket) return;
    options.onStatus('connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(options.url);
    } catch {
      options.onStatus('offline');
      schedule();
      return;
    }
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      failedOpens = 0;
      options.onStatus('online');
      clearInterval(pingTimer);
      pingTimer = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('{"type":"ping"}'), pingIntervalMs);
      options.onOpen();
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      try {
        const frame = JSON.parse(event.data) as ServerFrame;
        if (frame && typeof frame.type === 'string') options.onFrame(frame);
      } catch {
        // The server never sends malformed frames on purpose: ignore one.
      }
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      clearInterval(pingTimer);
      pingTimer = undefined;
      if (stopped) return;
      options.onStatus('offline');
      if (event.code === SESSION_ENDED) options.onRepeatedFailure();
      else if (!opened && ++failedOpens === 2) options.onRepeatedFailure();
      schedule();
    };
    ws.onerror = () => undefined;
  };

  const onOnline = (): void => {
    if (stopped || socket) return;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    open();
  };
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  return {
    connect: () => {
      if (!socket && retryTimer === undefined) open();
    },
    send(frame) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      const ws = socket;
      socket = null;
      ws?.close(1000, 'logout');
    },
  };
}
