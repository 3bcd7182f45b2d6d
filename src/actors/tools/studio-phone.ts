/** The part of a machine context the customer's known phone is read from (structural: the machine stays private). */
interface ContactContextView {
  contact?: { phone?: unknown } | null;
  phoneTrust?: { phone?: unknown; only?: unknown } | null;
}

/** Whose bookings an answer reads: the phone, and the bookings of it this conversation may see (null: all). */
export interface CustomerPhone {
  phone: string;
  only: readonly string[] | null;
}

/**
 * The phone to look the customer's own bookings up by (docs/workflows-trust.md): the channel's
 * (WhatsApp says who writes), else the one this conversation proved with a one-time code (all its
 * bookings) or booked with (only the bookings made here: "¿mi cita está confirmada?" right after
 * booking on the web finds that booking, never the number's others). A snapshot from before trust
 * was kept reads the contact's phone, as then.
 */
export function customerPhone(channelPhone: string | null, context: Record<string, unknown> | null | undefined): CustomerPhone | null {
  if (channelPhone) return { phone: channelPhone, only: null };
  const view = context as ContactContextView | null | undefined;
  if (view && view.phoneTrust !== undefined) {
    const trust = view.phoneTrust;
    if (!trust || typeof trust.phone !== 'string' || !trust.phone) return null;
    return { phone: trust.phone, only: Array.isArray(trust.only) ? trust.only.filter((x): x is string => typeof x === 'string') : null };
  }
  const phone = view?.contact?.phone;
  return typeof phone === 'string' && phone ? { phone, only: null } : null;
}
