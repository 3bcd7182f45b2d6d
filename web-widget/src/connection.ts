import type { ClientFrame, HelloFrame, ServerFrame } from '../../src/channels/widget/protocol.js';
import { backoffDelay } from './backoff.js';

const CLOSE_UNKNOWN_TENANT = 4404;
/** The server would not resume this visitor id without its token: start over with a new id. */
const CLOSE_RESUME_REFUSED = 4401;
/** Refusals in a row before giving up (a new id is never refused, so more means something is wrong). */
const MAX_RESUME_REFUSALS = 3;

export type SocketStatus = 'connecting' | 'online' | 'offline';

export interface WidgetConnectionOptions {
  url: string;
  /** Builds the `hello` for each (re)connect, so it carries the highest `seq` shown at that moment. */
  hello: () => HelloFrame;
  onFrame: (frame: ServerFrame) => void;
  onStatus: (status: SocketStatus) => void;
  random?: () => number;
  /** Keep-alive period; proxies drop silent sockets after about a minute. */
  pingIntervalMs?: number;
  /** `welcome` carried the visitor's resume token: keep it for the next `hello`. */
  onResumeToken?: (token: string) => void;
  /** The server refused to resume (close 4401): switch to a new visitor id; the next `hello` uses it. */
  onResumeRefused?: () => void;
}

export interface WidgetConnection {
  /** Opens the socket (no-op when already open or connecting). */
  connect(): void;
  /** Sends a frame when `welcome` has arrived on the current socket; returns false otherwise. */
  send(frame: ClientFrame): boolean;
  /** Closes for good (no reconnect). */
  close(): void;
}

function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const frame: unknown = JSON.parse(data);
    if (frame && typeof frame === 'object' && typeof (frame as { type?: unknown }).type === 'string') {
      return frame as ServerFrame;
    }
  } catch {
    // A malformed frame is ignored; the server never sends one on purpose.
  }
  return null;
}

/**
 * The widget's socket: `hello` on every open, `ready` after `welcome`, reconnect with exponential
 * backoff and jitter, immediate retry when the browser comes back online.
 */
export function createWidgetConnection(options: WidgetConnectionOptions): WidgetConnection {
  const { url, hello, onFrame, onStatus, random = Math.random, pingIntervalMs = 25_000 } = options;
  let refusals = 0;
  let socket: WebSocket | null = null;
  let ready = false;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const clearTimers = (): void => {
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    retryTimer = undefined;
    pingTimer = undefined;
  };

  const scheduleReconnect = (): void => {
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
    onStatus('connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      onStatus('offline');
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify(hello()));
    };
    ws.onmessage = (event: MessageEvent) => {
      const frame = parseServerFrame(event.data);
      if (!frame) return;
      // Handled here (a new visitor id on the 4401 close that follows): nothing for the customer to see.
      if (frame.type === 'error' && frame.code === 'HILO_ERR_WS_RESUME_REFUSED') return;
      if (frame.type === 'welcome') {
        ready = true;
        attempt = 0;
        refusals = 0;
        if (typeof frame.resumeToken === 'string') options.onResumeToken?.(frame.resumeToken);
        clearInterval(pingTimer);
        pingTimer = setInterval(() => {
          if (ready) ws.send(JSON.stringify({ type: 'ping' }));
        }, pingIntervalMs);
      }
      onFrame(frame);
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      ready = false;
      clearInterval(pingTimer);
      pingTimer = undefined;
      // 4404: the server does not know this tenant; retrying cannot help.
      if (event.code === CLOSE_UNKNOWN_TENANT) stopped = true;
      if (event.code === CLOSE_RESUME_REFUSED && !stopped) {
        refusals += 1;
        if (refusals > MAX_RESUME_REFUSALS || options.onResumeRefused === undefined) {
          stopped = true;
        } else {
          options.onResumeRefused();
          onStatus('connecting');
          open();
          return;
        }
      }
      if (stopped) {
        onStatus('offline');
        return;
      }
      onStatus('offline');
      scheduleReconnect();
    };
    // `error` is always followed by `close`, which does the work.
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
    send: (frame) => {
      if (!ready || !socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    close: () => {
      stopped = true;
      clearTimers();
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      const ws = socket;
      socket = null;
      ready = false;
      ws?.close();
    },
  };
}
