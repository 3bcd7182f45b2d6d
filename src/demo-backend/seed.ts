import { readFile } from 'node:fs/promises';
import { HiloError } from '../kernel/errors.js';
import { checkWith, z } from '../kernel/schema.js';

/**
 * The demo booking backend's data (`tenants/estudio/backend-seed.json`): a beauty and wellness
 * studio's services, packages, staff, opening hours, customers and past purchases. The backend
 * keeps its own copy in memory; bookings and payments made while it runs start empty.
 */
const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** The booking horizon when the seed names none: about six months ahead. */
export const DEFAULT_BOOKING_HORIZON_DAYS = 180;
export const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Day = (typeof DAYS)[number];

const perLang = z.strictObject({ es: z.string().min(1), en: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/);
const phone = z.string().regex(/^\+\d{8,15}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const dayHours = z.strictObject({ open: z.string().regex(HHMM), close: z.string().regex(HHMM) }).refine((h) => h.close > h.open, 'close must be after open').nullable();

export const SEED = z
  .strictObject({
    business: z.strictObject({
      id,
      name: z.string().min(1),
      city: z.string().min(1),
      address: z.string().min(1),
      phone: z.string().min(1),
      currency: z.string().regex(/^[A-Z]{3}$/),
      timeZone: z.string().min(1),
      slotMinutes: z.number().int().min(5).max(120),
      /** How many days ahead a day may be booked or its free times listed (a receptionist's calendar, not the year 9999). */
      bookingHorizonDays: z.number().int().min(1).max(3650).default(DEFAULT_BOOKING_HORIZON_DAYS),
      cancellationHours: z.number().int().min(0).max(168),
      /** Holidays the studio closes on besides its weekly closed days: `MM-DD` every year, `YYYY-MM-DD` once. */
      closedDates: z.array(z.string().regex(/^(?:\d{4}-)?(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/)).max(100).default([]),
      hours: z.strictObject(Object.fromEntries(DAYS.map((d) => [d, dayHours])) as Record<Day, typeof dayHours>),
    }),
    services: z
      .array(z.strictObject({ id, category: z.string().min(1), name: perLang, durationMin: z.number().int().min(5).max(480), price: z.number().min(0), aliases: z.array(z.string().min(1)).optional() }))
      .min(1),
    packages: z.array(
      z.strictObject({
        id,
        name: perLang,
        description: perLang,
        items: z.array(z.strictObject({ serviceId: id, sessions: z.number().int().min(1) })).min(1),
        price: z.number().min(0),
        validDays: z.number().int().min(1),
        /** Words customers name the package by that its name does not hold ("boda", "wedding" for the bride's). */
        aliases: z.array(z.string().min(1)).optional(),
      }),
    ),
    staff: z.array(z.strictObject({ id, name: z.string().min(1), role: perLang, serviceIds: z.array(id).min(1), days: z.array(z.enum(DAYS)).min(1) })).min(1),
    customers: z.array(z.strictObject({ phone, name: z.string().min(1), email: z.string().email().optional(), preferredLang: z.enum(['es', 'en']), createdAt: isoDate })),
    purchases: z.array(z.strictObject({ id: z.string().min(1), customerPhone: phone, date: isoDate, kind: z.enum(['service', 'package']), itemId: id, amount: z.number().min(0) })),
  })
  .superRefine((seed, ctx) => {
    const services = new Set(seed.services.map((s) => s.id));
    const packages = new Set(seed.packages.map((p) => p.id));
    const customers = new Set(seed.customers.map((c) => c.phone));
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (services.size !== seed.services.length) issue(['services'], 'duplicate service id');
    seed.packages.forEach((p, i) => p.items.forEach((it, j) => services.has(it.serviceId) || issue(['packages', i, 'items', j, 'serviceId'], `unknown service "${it.serviceId}"`)));
    seed.staff.forEach((s, i) => s.serviceIds.forEach((sid, j) => services.has(sid) || issue(['staff', i, 'serviceIds', j], `unknown service "${sid}"`)));
    seed.purchases.forEach((p, i) => {
      if (!customers.has(p.customerPhone)) issue(['purchases', i, 'customerPhone'], 'unknown customer');
      if (!(p.kind === 'service' ? services : packages).has(p.itemId)) issue(['purchases', i, 'itemId'], `unknown ${p.kind} "${p.itemId}"`);
    });
  });

export type Seed = z.output<typeof SEED>;
export type Service = Seed['services'][number];
export type Package = Seed['packages'][number];
export type StaffMember = Seed['staff'][number];
export type Customer = Seed['customers'][number];
export type Purchase = Seed['purchases'][number];

/** Reads and checks a seed file; a problem is `HILO_ERR_CONFIG_INVALID` naming the path. */
export async function loadSeed(path: string): Promise<Seed> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `${path}: cannot read the demo backend seed as JSON`, { cause });
  }
  return parseSeed(raw, path);
}

export function parseSeed(raw: unknown, where = 'seed'): Seed {
  const checked = checkWith(SEED, raw);
  if (!checked.ok) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${where}: ${checked.problems.map((p) => `${p.path}: ${p.problem}`).join('; ')}`, { details: checked.problems });
  return checked.value;
}
