/** The part of a machine context the customer's known phone is read from (structural: the machine stays private). */
interface ContactContextView {
  contact?: { phone?: unknown } | null;
}

/**
 * The phone to look the customer's own bookings up by: the channel's (WhatsApp says who writes),
 * else the one this conversation booked, moved or cancelled with — the backend accepted it for
 * them, so "¿mi cita está confirmada?" right after booking on the web finds that booking instead
 * of asking them to write from WhatsApp.
 */
export function customerPhone(channelPhone: string | null, context: Record<string, unknown> | null | undefined): string | null {
  if (channelPhone) return channelPhone;
  const phone = (context as ContactContextView | null | undefined)?.contact?.phone;
  return typeof phone === 'string' && phone ? phone : null;
}
