/** Ceiling: a raw uWebSockets.js echo server speaking Hilo's widget frames. Child of bench/run.ts. */
import { createRequire } from 'node:module';
import type * as Uws from 'uWebSockets.js';
import { serveIpc } from '../lib/ipc.js';
import { createEchoSession } from './echo-frames.js';

const uws = createRequire(import.meta.url)('uWebSockets.js') as typeof Uws;
const decoder = new TextDecoder();

interface Data {
  answer: (raw: string) => string[];
}

const app = uws.App().ws<Data>('/ws', {
  compression: uws.DISABLED,
  maxPayloadLength: 16 * 1024,
  idleTimeout: 120,
  upgrade: (res, req, context) => {
    res.upgrade<Data>(
      { answer: createEchoSession() },
      req.getHeader('sec-websocket-key'),
      req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'),
      context,
    );
  },
  message: (ws, message) => {
    const answer = ws.getUserData().answer;
    for (const out of answer(decoder.decode(message))) ws.send(out, false);
  },
});

app.listen('127.0.0.1', 0, (socket) => {
  if (socket === false) throw new Error('uWebSockets.js could not listen');
  const port = uws.us_socket_local_port(socket as unknown as Uws.us_socket);
  serveIpc({ port, frontEnd: 'uWebSockets.js 20.51 (WebSocket)' }, {}, async () => {
    uws.us_listen_socket_close(socket);
    app.close();
  });
});
