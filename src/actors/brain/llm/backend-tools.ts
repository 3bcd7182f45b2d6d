import type { InfoSource } from '../../../domain/intents.js';
import type { Lang } from '../../../domain/nlu.js';
import { toE164 } from '../../../domain/phone.js';
import type { Clock } from '../../../kernel/clock.js';
import { isHiloError } from '../../../kernel/errors.js';
import type { BackendClient } from '../../connectors/backend-client.js';
import { readBookings, readBusiness, readItemNames, readPackages, readPurchases, readServices, upcomingBookings, WEEK_DAYS } from '../../tools/studio-reads.js';
import { defineTool, type ToolSpec } from './tools.js';

/**
 * Read-only tools over a tenant's own backend, generated from what the tenant declares it reads
 * there: the informational `answer.source`s of its `intents.json` (`hours`, `packages`,
 * `bookings`, `history`). Writes (book, cancel, pay) are not tools: the tenant's workflows do them,
 * with the customer's confirmation, when the reading names a workflow label.
 *
 * `my_bookings` and `my_history` take no argument: they read the records of the conversation's
 * contact (the phone the customer writes from), bound by the host; a model cannot name another
 * phone (an extra key fails the strict schema).
 */
export const BACKEND_TOOL_SPECS: readonly ToolSpec[] = [
  defineTool({
    name: 'get_hours',
    skill: 'business_kb',
    description: "The business's name, address, phone and opening hours per weekday (local time), and how many hours before a booking it can be cancelled.",
    args: {},
    ownership: 'none',
  }),
  defineTool({
    name: 'list_services',
    skill: 'business_kb',
    description: 'The services the business offers: id, name, duration in minutes and price (DOP).',
    args: {},
    ownership: 'none',
  }),
  defineTool({
    name: 'list_packages',
    skill: 'business_kb',
    description: 'The packages (bundles of services) the business sells: id, name, what they include and price (DOP).',
    args: {},
    ownership: 'none',
  }),
  defineTool({
    name: 'my_bookings',
    skill: 'my_records',
    description: "This customer's upcoming bookings (service, local date and time, status, payment status). Always this conversation's customer, identified by the phone they write from.",
    args: {},
    ownership: 'bound',
  }),
  defineTool({
    name: 'my_history',
    skill: 'my_records',
    description: "This customer's past purchases (date, service or package, amount in DOP), newest first. Always this conversation's customer, identified by the phone they write from.",
    args: {},
    ownership: 'bound',
  }),
];

/** The tools each informational source of `intents.json` brings. */
export const TOOLS_BY_SOURCE: Readonly<Record<InfoSource, readonly string[]>> = {
  hours: ['get_hours'],
  packages: ['list_packages', 'list_services'],
  services: ['list_packages', 'list_services'],
  bookings: ['my_bookings'],
  history: ['my_history'],
};

/** Most records one tool result lists (a reading's context, not a statement). */
const MAX_RECORDS = 20;

export type BackendToolOutcome = 'ok' | 'not_found' | 'contact_unknown' | 'backend_unavailable';

export interface BackendToolResult {
  outcome: BackendToolOutcome;
  body: Record<string, unknown>;
}

export interface BackendToolContext {
  lang: Lang;
  /** The phone the conversation's customer writes from (set by the host), or null (the web widget). */
  contactPhone: string | null;
}

export interface BackendToolHandlers {
  has(name: string): boolean;
  run(name: string, context: BackendToolContext): Promise<BackendToolResult>;
}

/**
 * Runs the backend tools through the tenant's connector (timeouts, retries, circuit breaker). A
 * backend that cannot answer gives the model a typed error (`backend_unavailable` with the
 * connector's `HILO_ERR_BACKEND_*` code), never an exception: the reading goes on and the machine
 * answers the customer as it does without the model.
 *
 * @example
 * const handlers = createBackendToolHandlers({ client, clock });
 * await handlers.run('my_bookings', { lang: 'es', contactPhone: '+18095550101' });
 */
export function createBackendToolHandlers(options: { client: BackendClient; clock: Clock }): BackendToolHandlers {
  const { client, clock } = options;
  const names = new Set(BACKEND_TOOL_SPECS.map((s) => s.name));
  const ok = (body: Record<string, unknown>): BackendToolResult => ({ outcome: 'ok', body });

  const read = async (name: string, { lang, contactPhone }: BackendToolContext): Promise<BackendToolResult> => {
    switch (name) {
      case 'get_hours': {
        const b = await readBusiness(client);
        const hours = Object.fromEntries(
          WEEK_DAYS.map((d) => {
            const h = b.hours[d];
            return [d, h ? `${h.open}-${h.close}` : 'closed'];
          }),
        );
        return ok({ name: b.name, address: b.address, phone: b.phone, hours, ...(b.cancellationHours !== undefined ? { cancellation_hours: b.cancellationHours } : {}) });
      }
      case 'list_services':
        return ok({
          services: (await readServices(client)).slice(0, 50).map((s) => ({ id: s.id, name: s.name[lang], duration_min: s.durationMin ?? null, price_dop: s.price ?? null })),
        });
      case 'list_packages':
        return ok({ packages: (await readPackages(client)).slice(0, MAX_RECORDS).map((p) => ({ id: p.id, name: p.name[lang], includes: p.description[lang], price_dop: p.price })) });
      case 'my_bookings':
      case 'my_history': {
        const phone = toE164(contactPhone);
        if (phone === null) return { outcome: 'contact_unknown', body: { detail: 'this conversation has no phone that identifies the customer (web chat): their records cannot be read; they can write from WhatsApp' } };
        if (name === 'my_bookings') {
          const [all, items] = await Promise.all([readBookings(client, phone), readItemNames(client, lang)]);
          const upcoming = upcomingBookings(all, clock.now()).slice(0, MAX_RECORDS);
          return ok({
            bookings: upcoming.map((b) => ({ id: b.id, service: items.get(b.serviceId) ?? b.serviceId, date: b.date, time: b.time, status: b.status, payment_status: b.paymentStatus })),
          });
        }
        const purchases = await readPurchases(client, phone);
        if (purchases === null) return { outcome: 'not_found', body: { detail: 'the business has no customer record for this phone' } };
        const items = purchases.length > 0 ? await readItemNames(client, lang) : new Map<string, string>();
        return ok({ purchases: purchases.slice(0, MAX_RECORDS).map((p) => ({ date: p.date, item: items.get(p.itemId) ?? p.itemId, kind: p.kind, amount_dop: p.amount })) });
      }
      default:
        throw new Error(`not a backend tool: ${name}`);
    }
  };

  return {
    has: (name) => names.has(name),
    async run(name, context) {
      try {
        return await read(name, context);
      } catch (err) {
        if (!isHiloError(err) || !err.code.startsWith('HILO_ERR_BACKEND_')) throw err;
        return { outcome: 'backend_unavailable', body: { code: err.code, detail: "the business's system cannot answer right now; do not guess its data" } };
      }
    },
  };
}
