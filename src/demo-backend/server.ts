import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import { checkWith, z } from '../kernel/schema.js';
import type { HardwareStore } from './ferreteria.js';
import { createFakePaymentProvider, type PaymentProvider } from './payment-provider.js';
import type { Seed } from './seed.js';
import { createStudio, StudioError, type Studio } from './studio.js';
import { paymentPage } from './pay-page.js';

/**
 * The demo business backend: a small HTTP API in the shape a real studio or store system would
 * offer (its own error codes, its own auth), which Hilo reaches only through its connector port.
 * `/estudio/*` is the booking studio (services, packages, staff, slots, bookings, payments,
 * customers, purchase history), `/ferreteria/*` the hardware store's live stock and accounts,
 * `/pay/*` the fake payment provider's checkout page. Routes: docs/connectors.md.
 */
export interface DemoBackendOptions {
  seed: Seed;
  store?: HardwareStore;
  clock: Clock;
  logger: Logger;
  /** Requests must carry `Authorization: Bearer <token>` (the checkout page excepted). */
  token?: string;
  /** Requests must carry a valid `X-Hilo-Signature` (see `signRequest`), at most 5 minutes old. */
  hmacSecret?: string;
  /** Default: the fake provider, whose links point at this server's `/pay/<ref>`. */
  payments?: PaymentProvider;
}

export interface DemoBackend {
  readonly url: string;
  readonly studio: Studio;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
const SIGNATURE_WINDOW_S = 300;
const MAX_IDEMPOTENCY_KEYS = 10_000;
const PHONE = z.string().regex(/^\+\d{8,15}$/);
const ID = z.string().min(1).max(80);
/** A calendar day (harden18: "2026-13-45" and "0000-00-00" were answered 200 with no slots, as if the day were full). */
const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => s >= '1970-01-01' && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date');

const Bodies = {
  // `staff`: the staff member the customer asked for ('' or absent: anyone, the slot's is assigned).
  booking: z.strictObject({ serviceId: ID, slotId: ID, staff: z.union([ID, z.literal('')]).optional(), customer: z.strictObject({ phone: PHONE, name: z.string().trim().min(1).max(120).optional() }) }),
  reschedule: z.strictObject({ slotId: ID, staff: z.union([ID, z.literal('')]).optional() }),
  payment: z.union([z.strictObject({ bookingId: ID }), z.strictObject({ packageId: ID, customerPhone: PHONE })]),
  customer: z.strictObject({ name: z.string().trim().min(1).max(120).optional(), email: z.string().email().max(200).optional(), preferredLang: z.enum(['es', 'en']).optional() }).refine((b) => Object.keys(b).length > 0, 'nothing to update'),
  stock: z.strictObject({ stock: z.number().int().min(0).max(1_000_000) }),
  settle: z.strictObject({ outcome: z.enum(['paid', 'failed']) }),
};

class HttpError extends StudioError {}

export function createDemoBackend(options: DemoBackendOptions): DemoBackend {
  const log = options.logger.child({ component: 'demo-backend' });
  let url = '';
  const payments = options.payments ?? createFakePaymentProvider({ publicUrl: () => url, clock: options.clock });
  const studio = createStudio(options.seed, { clock: options.clock, payments });
  const idempotent = new Map<string, { fingerprint: string; out: { status: number; body: unknown } }>();

  const route = async (method: string, path: string[], query: URLSearchParams, body: () => unknown, idemKey: string | undefined): Promise<{ status: number; body: unknown }> => {
    const ok = (b: unknown, status = 200) => ({ status, body: b });
    const [area, a, b, c] = path;
    if (area === 'health' && method === 'GET') return ok({ ok: true });
    if (area === 'ferreteria') {
      const store = options.store;
      if (!store) throw new HttpError(404, 'not_found', 'This backend serves no hardware store.');
      if (a === 'stock' && b === undefined && method === 'GET') {
        const only = query.get('sku')?.split(',').filter(Boolean);
        return ok({ items: only ? store.stock().filter((i) => only.includes(i.sku)) : store.stock() });
      }
      if (a === 'stock' && b !== undefined && method === 'PUT') {
        if (!store.setStock(b, parse(Bodies.stock, body()).stock)) throw new HttpError(404, 'sku_not_found', 'No such SKU.');
        return ok({ sku: b, stock: parse(Bodies.stock, body()).stock });
      }
      if (a === 'accounts' && b !== undefined && c === undefined && method === 'GET') {
        const account = store.account(b);
        if (!account) throw new HttpError(404, 'account_not_found', 'No such account.');
        return ok(account);
      }
    }
    if (area === 'estudio') {
      if (method === 'GET' && b === undefined) {
        if (a === 'business') return ok(studio.business());
        if (a === 'services') return ok({ items: studio.services() });
        if (a === 'packages') return ok({ items: studio.packages() });
        if (a === 'staff') return ok({ items: studio.staff() });
        if (a === 'slots') {
          const q = parse(z.strictObject({ service: ID, date: DATE, staff: ID.optional() }), Object.fromEntries(query));
          return ok({ items: studio.slots({ serviceId: q.service, date: q.date, ...(q.staff ? { staffId: q.staff } : {}) }), days: studio.serviceDays(q.service) });
        }
        if (a === 'bookings') return ok({ items: studio.bookingsOf(parse(PHONE, query.get('customer') ?? '')) });
      }
      if (a === 'bookings') {
        if (b === undefined && method === 'POST') return once(`booking:${idemKey}`, idemKey, body(), () => ok(studio.createBooking(parse(Bodies.booking, body())), 201));
        if (b !== undefined && c === undefined && method === 'GET') return ok(studio.getBooking(b));
        if (b !== undefined && c === 'reschedule' && method === 'POST') return ok(studio.rescheduleBooking(b, parse(Bodies.reschedule, body())));
        if (b !== undefined && c === 'cancel' && method === 'POST') return ok(studio.cancelBooking(b));
      }
      if (a === 'payments') {
        if (b === undefined && method === 'POST') {
          const input = parse(Bodies.payment, body());
          return ok(await studio.createPayment(input), 201);
        }
        if (b !== undefined && c === undefined && method === 'GET') return ok(studio.getPayment(b));
      }
      if (a === 'customers' && b !== undefined) {
        const phone = parse(PHONE, b);
        if (c === undefined && method === 'GET') return ok(studio.customer(phone));
        if (c === undefined && method === 'PATCH') return ok(studio.updateCustomer(phone, parse(Bodies.customer, body())));
        if (c === 'history' && method === 'GET') return ok(studio.history(phone));
      }
    }
    throw new HttpError(404, 'not_found', 'No such route.');
  };

  /** A write with an `Idempotency-Key` answers the same the second time (a retried booking is not a second booking, nor a 409). */
  // The same key with another body is another request, refused (harden18: it answered the first
  // booking — another customer's name, phone and slot — to whoever reused the key).
  const once = (key: string, given: string | undefined, request: unknown, run: () => { status: number; body: unknown }) => {
    if (given === undefined) return run();
    const fingerprint = JSON.stringify(request);
    const seen = idempotent.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another body.');
      return seen.out;
    }
    const out = run();
    if (idempotent.size >= MAX_IDEMPOTENCY_KEYS) idempotent.delete(idempotent.keys().next().value!);
    idempotent.set(key, { fingerprint, out });
    return out;
  };

  const authorised = (req: IncomingMessage, rawPath: string, body: string): boolean => {
    if (options.token !== undefined) {
      const given = Buffer.from(req.headers.authorization ?? '');
      const want = Buffer.from(`Bearer ${options.token}`);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return false;
    }
    if (options.hmacSecret !== undefined) {
      const t = String(req.headers['x-hilo-timestamp'] ?? '');
      const sig = String(req.headers['x-hilo-signature'] ?? '');
      if (!/^\d{1,12}$/.test(t) || Math.abs(options.clock.now() / 1000 - Number(t)) > SIGNATURE_WINDOW_S) return false;
      const want = Buffer.from(`v1=${createHmac('sha256', options.hmacSecret).update(`${t}.${req.method ?? ''}.${rawPath}.${body}`).digest('hex')}`);
      const given = Buffer.from(sig);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return false;
    }
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> => {
    const target = new URL(req.url ?? '/', 'http://local');
    const path = target.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    const method = req.method ?? 'GET';
    try {
      // The fake provider's checkout page is the customer's browser talking to "the provider": no API auth.
      if (path[0] === 'pay' && path[1] !== undefined && path.length === 2) {
        const payment = studio.paymentByProviderRef(path[1]);
        if (!payment) throw new HttpError(404, 'payment_not_found', 'No such checkout.');
        if (method === 'GET') return send(res, 200, paymentPage(payment), 'text/html; charset=utf-8');
        if (method === 'POST') {
          const form = new URLSearchParams(raw);
          const outcome = parse(Bodies.settle, { outcome: form.get('outcome') ?? (safeJson(raw) as { outcome?: unknown } | null)?.outcome }).outcome;
          return json(res, 200, studio.settlePayment(path[1], outcome));
        }
      }
      if (!(path[0] === 'health') && !authorised(req, `${target.pathname}${target.search}`, raw)) throw new HttpError(401, 'unauthorized', 'Missing or wrong credentials.');
      const idem = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'].slice(0, 200) : undefined;
      const out = await route(method, path, target.searchParams, () => {
        const parsed = safeJson(raw);
        if (parsed === undefined) throw new HttpError(400, 'invalid_json', 'The body is not JSON.');
        return parsed;
      }, idem);
      json(res, out.status, out.body);
    } catch (err) {
      if (err instanceof StudioError) return json(res, err.status, { error: { code: err.code, message: err.message } });
      log.error({ err }, 'demo backend request failed');
      json(res, 500, { error: { code: 'internal', message: 'Internal error.' } });
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        json(res, 413, { error: { code: 'body_too_large', message: 'Body over 64 KiB.' } });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  return {
    get url() {
      return url;
    },
    studio,
    async listen(port = 0, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const addr = server.address() as AddressInfo;
      url = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
      return url;
    },
    async close() {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const checked = checkWith(schema, value);
  if (!checked.ok) throw new HttpError(400, 'validation', checked.problems.map((p) => `${p.path}: ${p.problem}`).join('; '));
  return checked.value;
}

function safeJson(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}
