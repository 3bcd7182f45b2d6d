/**
 * Hilo's own bridge to the Stately inspector UI (`HILO_INSPECT=server`), replacing
 * `@statelyai/inspect/server`, which listens on every interface and lets anyone read every
 * conversation's events. This one binds to `HOST` and requires a token: the page at
 * `/?token=<token>` embeds the inspector UI and reads events from the WebSocket at `/?token=<token>`;
 * anything else gets 401 and nothing else.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface InspectorBridge {
  readonly port: number;
  /** The address it is bound to (`HOST`). */
  readonly address: string;
  close(): Promise<void>;
}

const MAX_BUFFERED_EVENTS = 200;
/** Inspection frames are snapshots of one conversation: bounded so no client can push megabytes. */
const MAX_FRAME_BYTES = 1024 * 1024;

function tokenOf(req: IncomingMessage): string | null {
  return new URL(req.url ?? '/', 'http://bridge').searchParams.get('token');
}

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bridgeHtml(inspectorUrl: string): string {
  // The page opens its WebSocket on the address it was loaded from, with the token it was loaded with.
  return `<!DOCTYPE html>
<html><head><title>Hilo · Stately Inspector</title><meta name="referrer" content="no-referrer">
<style>*{margin:0;padding:0}html,body{height:100%}iframe{width:100%;height:100%;border:none}</style></head>
<body><iframe id="inspector" src="${inspectorUrl}"></iframe>
<script>
  const iframe = document.getElementById('inspector');
  const buffer = [];
  let connected = false;
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === '@statelyai.connected') {
      connected = true;
      for (const event of buffer) iframe.contentWindow.postMessage(event, '*');
      buffer.length = 0;
    }
  });
  const token = new URLSearchParams(location.search).get('token') || '';
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/?token=' + encodeURIComponent(token));
  ws.onmessage = (event) => {
    const data = JSON.parse(event.data);
    if (connected) iframe.contentWindow.postMessage(data, '*');
    else buffer.push(data);
  };
</script></body></html>`;
}

/**
 * @example
 * const bridge = await startInspectorBridge({ host: '127.0.0.1', port: 8081, token });
 * // open http://127.0.0.1:8081/?token=<token>
 */
export async function startInspectorBridge(options: { host: string; port: number; token: string; inspectorUrl?: string }): Promise<InspectorBridge> {
  const { token } = options;
  const html = bridgeHtml(options.inspectorUrl ?? 'https://stately.ai/inspect');
  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    if (req.method !== 'GET' || path !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (!sameToken(tokenOf(req), token)) {
      res.writeHead(401, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('inspector token required: open /?token=<HILO_INSPECT_TOKEN>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end(html);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  http.on('upgrade', (req, socket, head) => {
    if (!sameToken(tokenOf(req), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const buffered: string[] = [];
  wss.on('connection', (ws: WebSocket) => {
    for (const msg of buffered) ws.send(msg);
    ws.on('message', (data) => {
      const msg = String(data);
      buffered.push(msg);
      if (buffered.length > MAX_BUFFERED_EVENTS) buffered.shift();
      for (const client of wss.clients) if (client !== ws && client.readyState === WebSocket.OPEN) client.send(msg);
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | null = null;
  return {
    port: (http.address() as AddressInfo).port,
    address: (http.address() as AddressInfo).address,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.closeAllConnections();
        http.close(() => resolve());
      });
      return closing;
    },
  };
}
