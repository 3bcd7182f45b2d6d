import { z } from '../../kernel/schema.js';
import type { BackendClient } from '../connectors/backend-client.js';

/**
 * The reads a booking studio's backend answers (`docs/connectors.md`, studio routes), each checked
 * by its schema. One place for them: the info route (`tenant-info.tool.ts`) and the LLM brain's
 * read-only tools (`src/actors/brain/llm/backend-tools.ts`) read the same answers the same way.
 * Every call goes through the connector port (timeouts, retries, breaker, coded errors).
 */

export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const perLang = z.object({ es: z.string(), en: z.string() });
const HOURS = z.object({ open: z.string(), close: z.string() }).nullable();
const BUSINESS = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  cancellationHours: z.number().optional(),
  closedDates: z.array(z.string()).optional(),
  hours: z.object(Object.fromEntries(WEEK_DAYS.map((d) => [d, HOURS])) as Record<(typeof WEEK_DAYS)[number], typeof HOURS>),
});
const NAMED = z.object({ id: z.string(), name: perLang });
const PACKAGES = z.object({
  items: z.array(NAMED.extend({ description: perLang, price: z.number(), items: z.array(z.object({ serviceId: z.string(), sessions: z.number().int().positive() })).optional(), aliases: z.array(z.string()).optional() })),
});
const SERVICES = z.object({
  items: z.array(NAMED.extend({ durationMin: z.number().optional(), price: z.number().optional(), category: z.string().optional(), aliases: z.array(z.string()).optional() })),
});
const BOOKINGS = z.object({
  items: z.array(z.object({ id: z.string(), serviceId: z.string(), date: z.string(), time: z.string(), start: z.string(), status: z.string(), paymentStatus: z.string(), price: z.number().optional() })),
});
const HISTORY = z.object({ purchases: z.array(z.object({ date: z.string(), kind: z.enum(['service', 'package']), itemId: z.string(), amount: z.number() })) });

export type StudioBusiness = z.infer<typeof BUSINESS>;
export type StudioPackage = z.infer<typeof PACKAGES>['items'][number];
export type StudioService = z.infer<typeof SERVICES>['items'][number];
export type StudioBooking = z.infer<typeof BOOKINGS>['items'][number];
export type StudioPurchase = z.infer<typeof HISTORY>['purchases'][number];

export const readBusiness = (client: BackendClient): Promise<StudioBusiness> => client.request({ method: 'GET', path: '/business', schema: BUSINESS });

export const readPackages = async (client: BackendClient): Promise<StudioPackage[]> => (await client.request({ method: 'GET', path: '/packages', schema: PACKAGES })).items;

export const readServices = async (client: BackendClient): Promise<StudioService[]> => (await client.request({ method: 'GET', path: '/services', schema: SERVICES })).items;

/** Every booking of the customer with this phone (E.164), in any state. */
export const readBookings = async (client: BackendClient, phone: string): Promise<StudioBooking[]> =>
  (await client.request({ method: 'GET', path: '/bookings', query: { customer: phone }, schema: BOOKINGS })).items;

/** The customer's purchases, newest first; null when the backend knows no customer with this phone. */
export const readPurchases = async (client: BackendClient, phone: string): Promise<StudioPurchase[] | null> =>
  (await client.request({ method: 'GET', path: `/customers/${encodeURIComponent(phone)}/history`, schema: HISTORY, notFoundIsNull: true }))?.purchases ?? null;

/** Service and package names by id, in one language (bookings and purchases name items by id). */
export async function readItemNames(client: BackendClient, lang: 'es' | 'en'): Promise<Map<string, string>> {
  const [services, packs] = await Promise.all([readServices(client), readPackages(client)]);
  return new Map([...services, ...packs].map((s) => [s.id, s.name[lang]]));
}

/** Bookings still to come (not cancelled, starting at or after `now`), soonest first. */
export function upcomingBookings(bookings: readonly StudioBooking[], now: number): StudioBooking[] {
  return bookings.filter((b) => b.status !== 'cancelled' && Date.parse(b.start) >= now).sort((a, b) => a.start.localeCompare(b.start));
}
