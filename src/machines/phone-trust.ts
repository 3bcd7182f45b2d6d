import type { KnownPhone, WorkflowRun } from './workflow/run-types.js';

/**
 * Whose bookings a conversation may see, cancel or move (docs/workflows-trust.md), as plain JSON
 * in the machine's context (`phoneTrust`). Pure.
 *
 * - the channel's phone (WhatsApp says who writes) or one proven by a one-time code: the whole number;
 * - a phone the backend accepted for a booking made in this conversation: only those bookings —
 *   a web visitor who books for someone else must not reach that person's other appointments.
 */

/** The part of a machine context read here (structural: the machine stays private). */
interface TrustContextView {
  phoneTrust?: KnownPhone | null;
}

/** What a `known` slot takes (`RunContext.known`); undefined for a snapshot from before trust was kept (the contact's phone then). */
export function knownPhoneOf(context: TrustContextView): KnownPhone | null | undefined {
  return context.phoneTrust;
}

/**
 * The trust after a workflow succeeded: a run that typed its phone (a booking, not a `known` slot)
 * and got a record id back adds that record to what the conversation may act on. Undefined: no change.
 */
export function trustAfterBooking(trust: KnownPhone | null | undefined, run: WorkflowRun, body: unknown): KnownPhone | null | undefined {
  if (trust === undefined) return undefined;
  const slot = run.spec.slots.find((s) => s.prefill === 'contact.phone' && !s.known);
  const phone = slot ? run.values[slot.name] : undefined;
  const id = body && typeof body === 'object' ? (body as { id?: unknown }).id : undefined;
  if (!phone || typeof id !== 'string' || !id) return undefined;
  // The whole number is already known (the WhatsApp one, a code): a booking for another number leaves it so.
  if (trust && !trust.only) return undefined;
  const only = trust && trust.phone === phone ? trust.only ?? [] : [];
  return only.includes(id) ? undefined : { phone, only: [...only, id] };
}

/** The records a phone's answers may show: all (null), or only those made here. */
export function recordsShown(trust: KnownPhone | null | undefined, phone: string): readonly string[] | null {
  return trust && trust.phone === phone && trust.only ? trust.only : null;
}

/** A web visitor's proof of a booking phone under way (`proving`): the number (null: not given yet), its code sent, and the run waiting for it. */
export interface PhoneProofState {
  phone: string | null;
  sent?: true;
  run: WorkflowRun;
  slot: string;
}

/**
 * The `known` phone slot a run asks for while nobody vouches for a number (the web, nothing booked
 * here): the slot a one-time code could fill, or null. A number known only by the bookings made
 * here is not asked to prove itself for them (it already reaches them).
 */
export function unprovenPhoneSlot(run: WorkflowRun | null, step: { kind: string; slot?: string } | null, trust: KnownPhone | null | undefined): string | null {
  if (!run || trust !== null || step?.kind !== 'ask' || !step.slot) return null;
  const slot = run.spec.slots.find((s) => s.name === step.slot);
  return slot && slot.known && slot.prefill === 'contact.phone' && run.values[slot.name] === undefined ? slot.name : null;
}

/** The run taken up again once the number is proven: its phone slot filled with it. */
export function provenRun(proof: PhoneProofState, phone: string): WorkflowRun {
  return { ...proof.run, values: { ...proof.run.values, [proof.slot]: phone } };
}
