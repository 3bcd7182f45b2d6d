/** Baseline: a `ws` (node:http) echo server speaking Hilo's widget frames. Child of bench/run.ts. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { serveIpc } from '../lib/ipc.js';
import { createEchoSession } from './echo-frames.js';

const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false, maxPayload: 16 * 1024 });
wss.on('connection', (ws) => {
  const answer = createEchoSession();
  ws.on('message', (data) => {
    for (const out of answer(String(data))) ws.send(out);
  });
});
server.listen(0, '127.0.0.1', () => {
  const port = (server.address() as AddressInfo).port;
  serveIpc({ port, frontEnd: 'node:http + ws 8 (WebSocket)' }, {}, async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
