import type { Lang } from '../../domain/nlu.js';
import type { DayPart } from './option-narrowing.js';
import type { MatchItem } from './slot-extractors.js';
import type { WorkflowOperation, WorkflowSpec } from './workflow-spec.js';

/** The plain JSON a workflow run is made of (`workflow-runner.ts` runs it; its helpers read it). */

/** A value the backend listed for a slot (a service, a free time, a booking). */
export interface OptionItem extends MatchItem {
  /** Fields kept for later slots and the action when this one is picked. */
  keep?: Record<string, string>;
  /** The group the item belongs to (`options.groups.field`: a service's category). */
  group?: string;
  /** Its label in each language: what is shown follows the customer's language (`inLang`). */
  local?: Partial<Record<Lang, string>>;
  /** A staff member's services (`options.does`): whether she does the one booked. */
  does?: string[];
  /** The weekdays a staff member works (`options.works`, `mon` … `sun`). */
  works?: string[];
}

/** A connector call with every placeholder filled. */
export interface ResolvedOperation {
  method: WorkflowOperation['method'];
  path: string;
  query?: Record<string, string>;
  /** JSON body; a dotted key of the spec (`customer.phone`) becomes a nested object. */
  body?: Record<string, unknown>;
}

export interface WorkflowRun {
  /** The spec as it was when the run started: a tenant editing its workflows does not change a form half filled. */
  spec: WorkflowSpec;
  timeZone: string;
  /** Slot values and kept values. */
  values: Record<string, string>;
  /** How a value is shown back ("Corte y secado" for `corte-secado`). */
  labels: Record<string, string>;
  /** Words given for a slot whose options are not loaded yet ("un corte"). */
  pending: Record<string, string>;
  /** Options loaded per slot, with the request they answer (a changed date loads the times again). */
  options: Record<string, { request: string; items: OptionItem[] }>;
  /** Slots whose `validate` call accepted the current value. */
  checked: string[];
  /** Per slot, the values of the options the customer's words point at (the nail services, the afternoon's times): shown first. */
  narrowed?: Record<string, string[]>;
  /** Per time slot, a time just found taken: the next question about it says so, with the free times nearest it. */
  refused?: Record<string, string>;
  /** The day the first message named, in a form that asks none (`day-named.ts`: "mi cita de mañana"). */
  dayNamed?: string;
  /** Per date slot, a day asked that the business is closed, and the nearest open days to offer instead; `clash`: its weekday was not its own ("el sábado 20"), the days it may mean. */
  closed?: Record<string, { date: string; near: string[]; clash?: true }>;
  /** Per date slot, a day asked past the booking horizon, the last bookable day and today (`far-days.ts`). */
  far?: Record<string, { date: string; last: string; today: string }>;
  /** Per time slot, the free time proposed instead of a taken one; per date slot, the one day offered for a day that did not match its weekday: a yes takes it. */
  proposed?: Record<string, string>;
  /** Per date slot, the two days a weekday that was not its own may mean ("¿el lunes 21 o el martes 22?"): a weekday answered alone takes its one. */
  clashDays?: Record<string, string[]>;
  /** Per time slot, the part of the day asked for ("en la tarde", "lo más temprano"). */
  prefer?: Record<string, DayPart>;
  /** A value the conversation was about when the run started (the service just priced): the first service slot's, when the message names none. */
  focus?: string;
  /** Others priced with the focus, for the same visit ("para los dos"): booked right after it. */
  focusAlso?: string[];
  asking: string | null;
  stage: 'collecting' | 'confirming';
  /** What the last answer decided. */
  outcome: 'continue' | 'confirmed' | 'cancelled' | 'handoff' | 'ended';
  /** The language its labels are in (absent: the one they were loaded in). */
  lang?: Lang;
  /** A no at a summary with its own `answers`: things stay as they were (its `kept` words are said). */
  kept?: boolean;
  /** Booked for someone else ("para mi hija"): the name given is theirs, not the customer's to remember. */
  forAnother?: boolean;
  /** The records this run may list and act on (`options.made`), when the known value is only vouched for by them. */
  only?: string[];
  /** Per slot, the other services named with the one booked ("un corte y un manicure"): offered after the booking. */
  later?: Record<string, string[]>;
  /** A later service of one visit: its time is where the one before ends, not told by the customer. */
  visit?: boolean;
  /** How many people the booking is for ("somos 3"): one appointment each, back to back (`group-booking.ts`). */
  group?: number;
}

export type WorkflowStep =
  | { kind: 'load'; slot: string; request: ResolvedOperation }
  | { kind: 'check'; slot: string; request: ResolvedOperation }
  | { kind: 'ask'; slot: string }
  | { kind: 'confirm' }
  | { kind: 'act'; request: ResolvedOperation };

/** A reply part: text in the conversation's language, with the choices to show as buttons. */
export interface WorkflowReply {
  text: string;
  options?: { label: string; text: string }[];
}

/** Who the conversation is known to be, for `known` slots. */
export interface KnownPhone {
  phone: string;
  /** Only these records (the bookings made in this conversation); absent: all of the phone's. */
  only?: string[];
}

export interface RunContext {
  text: string;
  /** The message's `receivedAt` (the host's clock), for "mañana". */
  nowMs: number;
  timeZone: string;
  lang: Lang;
  contact?: { name?: string | undefined; phone?: string | undefined; email?: string | undefined } | null | undefined;
  /**
   * The phone a `known` slot takes (docs/workflows-trust.md): the channel's or one proven by a
   * one-time code (`only` absent: all its records), or one the backend accepted for a booking made
   * here (`only`: those records). Null: none. Absent: the contact's phone (snapshots before it).
   */
  known?: KnownPhone | null | undefined;
  /** The service the conversation is about (priced a turn or two before): what "quiero cita pal viernes" books. */
  focus?: string | undefined;
  /** Others priced with it, booked in the same visit after it ("dame cita para los dos"). */
  focusAlso?: string[] | undefined;
}
