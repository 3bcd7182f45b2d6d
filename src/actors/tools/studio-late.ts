import type { Lang } from '../../domain/nlu.js';
import type { OpeningHours } from '../../domain/workflow-spec.js';
import type { LateCheckOutput } from '../../machines/conversation.contract.js';
import { closedOn, localToday, nearestOpenDays } from '../../machines/workflow/closed-days.js';
import { spokenDate, spokenTime } from '../../machines/workflow/spoken-dates.js';
import type { BackendClient } from '../connectors/backend-client.js';
import type { CustomerPhone } from './studio-phone.js';
import { readBookings, upcomingBookings } from './studio-reads.js';

/**
 * "Voy tarde", "llego 10 minutos tarde", "I'm running late" at a booking studio: a receptionist
 * first looks at the day and the book. Closed today: nobody is waiting, said so with the next
 * opening. The phone known (the WhatsApp one, or the bookings made in this conversation) and no
 * booking today: said so, with the next booking if there is one, and asked which one they mean.
 * A booking today, no way to tell, or a backend that does not answer: no replies — a person tells
 * the stylist (the handoff, as before).
 */
export interface LateNoticeInput {
  now: number;
  timeZone: string;
  lang: Lang;
  /** The business's week (`workflows.json` `openingHours`); absent: not known. */
  hours: OpeningHours | undefined;
  /** Whose bookings may be read (`customerPhone`); null: nobody's (the web, nothing booked here). */
  phone: CustomerPhone | null;
  client: BackendClient | null;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export async function answerLateNotice(input: LateNoticeInput): Promise<LateCheckOutput['replies']> {
  const { lang, hours } = input;
  const today = localToday(input.now, input.timeZone);
  const day = spokenDate(today, lang) ?? today;
  if (hours && closedOn(hours, today)) {
    const next = nearestOpenDays(hours, today, today).find((d) => d > today);
    const opens = next ? hours[DAYS[new Date(`${next}T12:00:00Z`).getUTCDay()]!]?.open : undefined;
    return [{ template: 'studio.late.closed', params: { day, next: next ? (spokenDate(next, lang) ?? next) : '', opens: opens ? (spokenTime(opens, lang) ?? opens) : '' } }];
  }
  if (!input.phone || !input.client) return [];
  try {
    const { phone, only } = input.phone;
    const mine = (await readBookings(input.client, phone)).filter((b) => b.status !== 'cancelled' && (!only || only.includes(b.id)));
    if (mine.some((b) => b.date === today)) return [];
    const next = upcomingBookings(mine, input.now)[0];
    if (!next) return [{ template: 'studio.late.none', params: { day } }];
    const when = `${spokenDate(next.date, lang) ?? next.date} ${lang === 'es' ? 'a las' : 'at'} ${spokenTime(next.time, lang) ?? next.time}`;
    return [{ template: 'studio.late.next', params: { day, id: next.id, when } }];
  } catch {
    // Nothing could be looked at: a person tells the stylist, as a receptionist who cannot see the book would.
    return [];
  }
}
