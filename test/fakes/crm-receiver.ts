import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from './loopback-server.js';
import { verifyCrmSignature } from '../../src/channels/crm-webhook/index.js';
import type { Clock } from '../../src/kernel/clock.js';

/**
 * A CRM webhook receiver on loopback, written the way we tell integrators to write theirs:
 * verify `X-Hilo-Signature` on the raw bytes with `verifyCrmSignature`, then apply each
 * `Idempotency-Key` once (a repeat answers 200 with `duplicate: true`). Failures can be scripted
 * for the first attempts (503, 429 with `Retry-After`, 400...) to exercise the sender's retries.
 */

export type CrmFailure = { status: number; retryAfter?: string; body?: string } | { kind: 'drop' };

export interface CrmReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  rawBody: string;
  /** What the fake answered (0 when the socket was dropped). */
  status: number;
  /** Why it refused, when it did. */
  code: string | null;
}

export interface FakeCrmReceiverOptions {
  secret: string;
  /** The receiver's clock for the replay window; the sender's clock in tests. */
  clock: Clock;
  toleranceSeconds?: number;
  /** Consumed one per signed, valid request, before it is applied. */
  failures?: CrmFailure[];
  path?: string;
}

export interface FakeCrmReceiver {
  url: string;
  requests: CrmReceivedRequest[];
  /** Applied deliveries, in order: one per idempotency key. */
  applied: Array<{ idempotencyKey: string; event: string | undefined; body: unknown }>;
  failures: CrmFailure[];
  close(): Promise<void>;
}

export async function startFakeCrmReceiver(options: FakeCrmReceiverOptions): Promise<FakeCrmReceiver> {
  const { secret, clock, toleranceSeconds = 300, path = '/hooks/hilo' } = options;
  const failures = [...(options.failures ?? [])];
  const requests: CrmReceivedRequest[] = [];
  const applied: FakeCrmReceiver['applied'] = [];
  const seen = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
    const record: CrmReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers, rawBody: raw.toString('utf8'), status: 0, code: null };
    requests.push(record);
    const answer = (status: number, body: unknown, code: string | null = null, extra: Record<string, string> = {}): void => {
      record.status = status;
      record.code = code;
      res.writeHead(status, { 'content-type': 'application/json', ...extra });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== path) return answer(404, { error: 'not_found' }, 'not_found');
    const check = verifyCrmSignature(raw, req.headers['x-hilo-signature'], secret, { toleranceSeconds, now: clock.now() });
    if (!check.ok) return answer(check.status, { error: check.code }, check.code);
    const key = headers['idempotency-key'];
    if (!key) return answer(400, { error: 'missing Idempotency-Key' }, 'missing_idempotency_key');
    const failure = failures.shift();
    if (failure) {
      if ('kind' in failure) {
        record.code = 'dropped';
        req.socket.destroy();
        return;
      }
      return answer(failure.status, failure.body ?? { error: 'scripted failure' }, 'scripted', failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return answer(400, { error: 'invalid JSON' }, 'invalid_json');
    }
    if (seen.has(key)) return answer(200, { received: true, duplicate: true });
    seen.add(key);
    applied.push({ idempotencyKey: key, event: headers['x-hilo-event'], body });
    return answer(200, { received: true, duplicate: false });
  };

  const server = await startLoopbackServer(handle);
  const { port } = server;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    applied,
    failures,
    close: () => server.close(),
  };
}
