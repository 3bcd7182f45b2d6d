import type { Clock } from '../kernel/clock.js';
import type { PaymentProvider } from './payment-provider.js';
import { cellsFor, freeSlots, localDate, parseSlotId, zonedInstant, type Slot } from './schedule.js';
import type { Customer, Purchase, Seed, Service } from './seed.js';
import { DAYS } from './seed.js';

/** An answer the studio's API gives as `{"error":{"code","message"}}` with `status`. Codes are the business's, not Hilo's. */
export class StudioError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}

export interface Booking {
  id: string;
  serviceId: string;
  staffId: string;
  /** The staff member the customer asked for (absent: the studio assigned `staffId`); a move keeps her. */
  chosenStaffId?: string;
  slotId: string;
  date: string;
  time: string;
  start: string;
  end: string;
  customerPhone: string;
  status: 'confirmed' | 'cancelled';
  paymentStatus: 'unpaid' | 'pending' | 'paid';
  price: number;
  currency: string;
  createdAt: string;
  updatedAt: string;
}

export interface Payment {
  id: string;
  status: 'pending' | 'paid' | 'failed';
  amount: number;
  currency: string;
  description: string;
  url: string;
  expiresAt: string;
  provider: string;
  providerRef: string;
  customerPhone: string;
  bookingId?: string;
  packageId?: string;
  createdAt: string;
}

/**
 * The booking studio's state and rules, in memory. Booking, rescheduling and cancelling change the
 * taken cells in one synchronous step (no `await` between the check and the write), so two requests
 * for one slot cannot both win: JavaScript runs one of them to the end first.
 */
export function createStudio(seed: Seed, options: { clock: Clock; payments: PaymentProvider }) {
  const { clock } = options;
  const biz = seed.business;
  const services = new Map(seed.services.map((s) => [s.id, s]));
  const packages = new Map(seed.packages.map((p) => [p.id, p]));
  const staff = new Map(seed.staff.map((s) => [s.id, s]));
  const customers = new Map<string, Customer>(seed.customers.map((c) => [c.phone, { ...c }]));
  const purchases: Purchase[] = seed.purchases.map((p) => ({ ...p }));
  const taken = new Map<string, string>();
  const bookings = new Map<string, Booking>();
  const payments = new Map<string, Payment>();
  const byProviderRef = new Map<string, string>();
  /** Payments being created per booking or package+customer: a second request waits for the first. */
  const creating = new Map<string, Promise<Payment>>();
  let bookingSeq = 1000;
  let paymentSeq = 5000;
  let purchaseSeq = 2000;
  const now = () => new Date(clock.now()).toISOString();

  const service = (id: string): Service => {
    const s = services.get(id);
    if (!s) throw new StudioError(404, 'service_not_found', `No service "${id}".`);
    return s;
  };
  const booking = (id: string): Booking => {
    const b = bookings.get(id);
    if (!b) throw new StudioError(404, 'booking_not_found', `No booking "${id}".`);
    return b;
  };

  /** The last local date that may be booked: today plus the horizon. */
  const lastBookableDay = (): string => new Date(Date.parse(`${localDate(clock.now(), biz.timeZone)}T12:00:00Z`) + biz.bookingHorizonDays * 86_400_000).toISOString().slice(0, 10);

  /** The cells a booking of `svc` at `slotId` needs, checked against the calendar, the horizon and the clock. */
  function cellsOf(svc: Service, slotId: string): { cells: string[]; slot: Slot } {
    const parsed = parseSlotId(slotId);
    const member = parsed ? staff.get(parsed.staffId) : undefined;
    if (!parsed || !member) throw new StudioError(422, 'slot_invalid', `"${slotId}" is not a slot of this studio.`);
    const cells = cellsFor(seed, member, svc, parsed.date, parsed.minutes);
    if (!cells) throw new StudioError(422, 'slot_invalid', `${member.name} does not do "${svc.id}" at that day and time.`);
    const start = zonedInstant(parsed.date, parsed.minutes, biz.timeZone);
    if (start <= clock.now()) throw new StudioError(422, 'slot_past', 'That time has already passed.');
    if (parsed.date > lastBookableDay()) throw new StudioError(422, 'slot_too_far', `Bookings open ${biz.bookingHorizonDays} days ahead (until ${lastBookableDay()}).`);
    const time = slotId.slice(-5);
    return { cells, slot: { slotId, staffId: member.id, date: parsed.date, time, start: new Date(start).toISOString(), end: new Date(start + svc.durationMin * 60_000).toISOString() } };
  }

  function addPurchase(p: Omit<Purchase, 'id'>): void {
    purchases.push({ id: `P-${++purchaseSeq}`, ...p });
  }

  return {
    business: () => ({ ...biz }),
    services: () => seed.services,
    packages: () => seed.packages,
    staff: () => seed.staff,

    slots(input: { serviceId: string; date: string; staffId?: string }): Slot[] {
      const svc = service(input.serviceId);
      if (input.staffId !== undefined && !staff.has(input.staffId)) throw new StudioError(404, 'staff_not_found', `No staff member "${input.staffId}".`);
      // The year 9999 is no day with free times: past the horizon, a clear refusal, never an empty (as if full) or a bookable list.
      if (input.date > lastBookableDay()) throw new StudioError(400, 'date_too_far', `Bookings open ${biz.bookingHorizonDays} days ahead; the last bookable day is ${lastBookableDay()}.`);
      const free = new Set(taken.keys());
      return freeSlots(seed, { service: svc, date: input.date, ...(input.staffId !== undefined ? { staffId: input.staffId } : {}), taken: free, nowMs: clock.now() });
    },

    /** The weekdays a service is done: the studio is open and someone who does it works (an empty day is then "not done", not "full"). */
    serviceDays(serviceId: string): string[] {
      const svc = service(serviceId);
      return DAYS.filter((d) => seed.business.hours[d] !== null && seed.staff.some((s) => s.serviceIds.includes(svc.id) && s.days.includes(d)));
    },

    createBooking(input: { serviceId: string; slotId: string; staff?: string | undefined; customer: { phone: string; name?: string | undefined } }): Booking {
      const svc = service(input.serviceId);
      const { cells, slot } = cellsOf(svc, input.slotId);
      let customer = customers.get(input.customer.phone);
      if (!customer && !input.customer.name) throw new StudioError(422, 'customer_name_required', 'A new customer needs a name.');
      // Check and take in one synchronous step: the race-safety of the whole backend rests on it.
      if (cells.some((c) => taken.has(c))) throw new StudioError(409, 'slot_taken', 'That slot was just taken; pick another one.');
      const id = `BV-${++bookingSeq}`;
      for (const c of cells) taken.set(c, id);
      if (!customer) {
        customer = { phone: input.customer.phone, name: input.customer.name!, preferredLang: 'es', createdAt: now().slice(0, 10) };
        customers.set(customer.phone, customer);
      }
      const b: Booking = { id, serviceId: svc.id, ...slot, ...(input.staff && input.staff === slot.staffId ? { chosenStaffId: input.staff } : {}), customerPhone: customer.phone, status: 'confirmed', paymentStatus: 'unpaid', price: svc.price, currency: biz.currency, createdAt: now(), updatedAt: now() };
      bookings.set(id, b);
      return { ...b };
    },

    getBooking: (id: string): Booking => ({ ...booking(id) }),

    bookingsOf(phone: string): Booking[] {
      return [...bookings.values()].filter((b) => b.customerPhone === phone).map((b) => ({ ...b }));
    },

    rescheduleBooking(id: string, input: { slotId: string; staff?: string | undefined }): Booking {
      const { slotId } = input;
      const b = booking(id);
      if (b.status !== 'confirmed') throw new StudioError(409, 'booking_cancelled', 'A cancelled booking cannot be moved.');
      if (b.slotId === slotId) return { ...b };
      const { cells, slot } = cellsOf(service(b.serviceId), slotId);
      if (cells.some((c) => taken.has(c) && taken.get(c) !== id)) throw new StudioError(409, 'slot_taken', 'That slot was just taken; pick another one.');
      for (const [c, owner] of taken) if (owner === id) taken.delete(c);
      for (const c of cells) taken.set(c, id);
      Object.assign(b, slot, { updatedAt: now() });
      // The one asked for stays asked for while the booking is hers; moved to someone else, it is the team's.
      const chosen = input.staff || b.chosenStaffId;
      if (chosen && chosen === slot.staffId) b.chosenStaffId = chosen;
      else delete b.chosenStaffId;
      return { ...b };
    },

    cancelBooking(id: string): Booking {
      const b = booking(id);
      if (b.status === 'cancelled') return { ...b };
      if (Date.parse(b.start) - clock.now() < biz.cancellationHours * 3_600_000) {
        throw new StudioError(409, 'too_late_to_cancel', `Bookings can be cancelled up to ${biz.cancellationHours} hours before; call the studio.`);
      }
      for (const [c, owner] of taken) if (owner === id) taken.delete(c);
      b.status = 'cancelled';
      b.updatedAt = now();
      return { ...b };
    },

    async createPayment(input: { bookingId?: string | undefined; packageId?: string | undefined; customerPhone?: string | undefined }): Promise<Payment> {
      let target: { key: string; amount: number; description: string; customerPhone: string; bookingId?: string; packageId?: string };
      if (input.bookingId !== undefined) {
        const b = booking(input.bookingId);
        if (b.status === 'cancelled') throw new StudioError(409, 'booking_cancelled', 'A cancelled booking cannot be paid.');
        if (b.paymentStatus === 'paid') throw new StudioError(409, 'already_paid', 'This booking is already paid.');
        target = { key: `b:${b.id}`, amount: b.price, description: `${service(b.serviceId).name.es} · ${b.date} ${b.time}`, customerPhone: b.customerPhone, bookingId: b.id };
      } else {
        const pkg = input.packageId !== undefined ? packages.get(input.packageId) : undefined;
        if (!pkg) throw new StudioError(404, 'package_not_found', `No package "${input.packageId ?? ''}".`);
        if (!input.customerPhone || !customers.has(input.customerPhone)) throw new StudioError(404, 'customer_not_found', 'No customer with that phone.');
        target = { key: `p:${pkg.id}:${input.customerPhone}`, amount: pkg.price, description: pkg.name.es, customerPhone: input.customerPhone, packageId: pkg.id };
      }
      // One open link per thing to pay: asking again gives the same link.
      const open = [...payments.values()].find((p) => p.status === 'pending' && (p.bookingId ? `b:${p.bookingId}` : `p:${p.packageId}:${p.customerPhone}`) === target.key && Date.parse(p.expiresAt) > clock.now());
      if (open) return { ...open };
      const running = creating.get(target.key);
      if (running) return { ...(await running) };
      const made = (async () => {
        const link = await options.payments.createLink({ reference: target.key, amount: target.amount, currency: biz.currency, description: target.description });
        const p: Payment = {
          id: `PAY-${++paymentSeq}`,
          status: 'pending',
          amount: target.amount,
          currency: biz.currency,
          description: target.description,
          url: link.url,
          expiresAt: link.expiresAt,
          provider: options.payments.name,
          providerRef: link.providerRef,
          customerPhone: target.customerPhone,
          ...(target.bookingId ? { bookingId: target.bookingId } : {}),
          ...(target.packageId ? { packageId: target.packageId } : {}),
          createdAt: now(),
        };
        payments.set(p.id, p);
        byProviderRef.set(p.providerRef, p.id);
        if (target.bookingId) booking(target.bookingId).paymentStatus = 'pending';
        return p;
      })();
      creating.set(target.key, made);
      try {
        return { ...(await made) };
      } finally {
        creating.delete(target.key);
      }
    },

    getPayment(id: string): Payment {
      const p = payments.get(id);
      if (!p) throw new StudioError(404, 'payment_not_found', `No payment "${id}".`);
      return { ...p };
    },

    paymentByProviderRef(ref: string): Payment | null {
      const id = byProviderRef.get(ref);
      return id ? { ...payments.get(id)! } : null;
    },

    /** The provider's word on a checkout (the fake provider's page calls it). Settled payments do not change again. */
    settlePayment(ref: string, outcome: 'paid' | 'failed'): Payment {
      const id = byProviderRef.get(ref);
      const p = id ? payments.get(id) : undefined;
      if (!p) throw new StudioError(404, 'payment_not_found', 'No such checkout.');
      if (p.status !== 'pending') return { ...p };
      p.status = outcome;
      if (p.bookingId) booking(p.bookingId).paymentStatus = outcome === 'paid' ? 'paid' : 'unpaid';
      if (outcome === 'paid') {
        addPurchase({ customerPhone: p.customerPhone, date: now().slice(0, 10), kind: p.packageId ? 'package' : 'service', itemId: p.packageId ?? bookings.get(p.bookingId!)!.serviceId, amount: p.amount });
      }
      return { ...p };
    },

    customer(phone: string): Customer {
      const c = customers.get(phone);
      if (!c) throw new StudioError(404, 'customer_not_found', 'No customer with that phone.');
      return { ...c };
    },

    updateCustomer(phone: string, patch: { name?: string | undefined; email?: string | undefined; preferredLang?: 'es' | 'en' | undefined }): Customer {
      const c = customers.get(phone);
      if (!c) throw new StudioError(404, 'customer_not_found', 'No customer with that phone.');
      if (patch.name !== undefined) c.name = patch.name;
      if (patch.email !== undefined) c.email = patch.email;
      if (patch.preferredLang !== undefined) c.preferredLang = patch.preferredLang;
      return { ...c };
    },

    history(phone: string): { purchases: Purchase[]; bookings: Booking[] } {
      if (!customers.has(phone)) throw new StudioError(404, 'customer_not_found', 'No customer with that phone.');
      return {
        purchases: purchases.filter((p) => p.customerPhone === phone).sort((a, b) => b.date.localeCompare(a.date)),
        bookings: [...bookings.values()].filter((b) => b.customerPhone === phone).sort((a, b) => b.start.localeCompare(a.start)).map((b) => ({ ...b })),
      };
    },
  };
}

export type Studio = ReturnType<typeof createStudio>;
