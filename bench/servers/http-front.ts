import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The body Hilo's REST channel accepts on `POST /api/tenants/:tenant/messages`. */
export interface RestMessage {
  sender: string;
  text: string;
  message_id?: string;
}

export type RestHandler = (tenant: string, message: RestMessage) => Promise<unknown>;

/**
 * The tiny `node:http` front end shared by the I/O floor and the LangGraph.js peer: the same route,
 * `Bearer` check, JSON body and JSON answer as Hilo's REST channel, and nothing else (no rate
 * limiter, no schema library), so those variants pay at most what Hilo's gateway pays.
 */
export async function startHttpFront(options: { apiKey: string; handle: RestHandler }): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const route = /^\/api\/tenants\/([^/]+)\/messages$/;
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const match = req.method === 'POST' ? route.exec(req.url ?? '') : null;
    if (!match) {
      reply(404, { error: { code: 'NOT_FOUND' } });
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      reply(401, { error: { code: 'UNAUTHORIZED' } });
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: RestMessage;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RestMessage;
      } catch {
        reply(400, { error: { code: 'INVALID_JSON' } });
        return;
      }
      if (typeof body.sender !== 'string' || typeof body.text !== 'string' || body.text.trim() === '') {
        reply(400, { error: { code: 'INVALID_BODY' } });
        return;
      }
      options.handle(decodeURIComponent(match[1] ?? ''), body).then(
        (result) => reply(200, result),
        (err: unknown) => reply(500, { error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } }),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One turn at a time per conversation (the property Hilo's mailbox gives), different ones concurrently. */
export function createKeyedQueue(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
