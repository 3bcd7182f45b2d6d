import type { Clock } from '../kernel/clock.js';

/** WhatsApp's customer service window: free text only within 24 h of the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ServiceWindow {
  /** The customer wrote at `at` (provider timestamp, ms). Older timestamps never move the window back. */
  recordInbound(conversationId: string, at: number): void;
  isOpen(conversationId: string): boolean;
  /** When free text stops being allowed; `null` when the customer never wrote. */
  closesAt(conversationId: string): number | null;
  /** The provider said the window is closed (WhatsApp 131047, Twilio 63016), whatever our clock says. */
  markClosed(conversationId: string): void;
  /** Plain JSON `{ conversationId: lastInboundAt }`, to persist and `restore` after a restart. */
  toJSON(): Record<string, number>;
  restore(state: Record<string, number>): void;
}

/**
 * Tracks the 24-hour window per conversation from the last inbound timestamp, on the injected
 * clock. Entries past their window are forgotten lazily (a closed window and an unknown one mean
 * the same thing: send a template).
 */
export function createServiceWindow({ clock, windowMs = SERVICE_WINDOW_MS }: { clock: Clock; windowMs?: number }): ServiceWindow {
  const lastInbound = new Map<string, number>();
  // Windows past their end are also dropped in one sweep whenever the map doubled since the last
  // one (harden19): a conversation nobody replied to after its window closed stayed for the
  // process's life. Amortised O(1) per message; the map stays within twice the open windows.
  let sweepAt = SWEEP_FROM;
  const sweep = (): void => {
    const cutoff = clock.now() - windowMs;
    for (const [id, at] of lastInbound) if (at <= cutoff) lastInbound.delete(id);
    sweepAt = Math.max(SWEEP_FROM, lastInbound.size * 2);
  };
  const closesAt = (id: string): number | null => {
    const at = lastInbound.get(id);
    return at === undefined ? null : at + windowMs;
  };
  return {
    recordInbound(conversationId, at) {
      if (!Number.isFinite(at)) return;
      const prev = lastInbound.get(conversationId);
      if (prev === undefined || at > prev) lastInbound.set(conversationId, at);
      if (lastInbound.size >= sweepAt) sweep();
    },
    isOpen(conversationId) {
      const end = closesAt(conversationId);
      if (end === null) return false;
      if (clock.now() < end) return true;
      lastInbound.delete(conversationId);
      return false;
    },
    closesAt,
    markClosed(conversationId) {
      lastInbound.delete(conversationId);
    },
    toJSON() {
      return Object.fromEntries(lastInbound);
    },
    restore(state) {
      for (const [id, at] of Object.entries(state)) if (typeof at === 'number' && Number.isFinite(at)) this.recordInbound(id, at);
    },
  };
}

const SWEEP_FROM = 1_024;
