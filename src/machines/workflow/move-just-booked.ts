import { extractDate, extractTime, fold } from './slot-extractors.js';
import { workflowForIntent, type WorkflowSet, type WorkflowSpec } from './workflow-spec.js';

/**
 * "mejor el lunes, se puede?", "can we do monday instead?" right after a booking was made here: a
 * receptionist hears the booking just made moved to that day, not a second booking begun ("¿Qué
 * servicio te gustaría reservar?"). The move is the tenant's workflow that keeps what is not said
 * (`unchanged`) and shares the booking's trigger; the booking just made is named to it. Pure.
 */

/** A booking made in this conversation: the workflow, the record's id and the customer turn it was made at. */
export interface JustBooked {
  workflow: string;
  id: string;
  turn: number;
}

/** How many customer turns after the booking a bare "mejor el lunes" still means it. */
const TURNS_AFTER = 3;

/** Another day or time instead: "mejor", "en vez de", "prefiero", "¿se puede?", "instead", "can we do", "no puedo el viernes". */
const INSTEAD =
  /\b(?:mejor|en vez|en lugar|prefiero|preferiria|se puede|se podra|se podria|puede ser|podria ser|cambiala|cambiamela|no puedo|no voy a poder|instead|better|rather|prefer|can we do|could we do|can we make it|could we make it|can it be|could it be|can we change|could we change|i can t make|cant make|won t make)\b/;

/** A second booking, not this one moved: "también", "otra cita", "para mi hija", "another one", "also"; or one ended: "mejor cancélala". */
const ANOTHER = /\b(?:cancel\w*|anul\w*|borr\w*|elimin\w*|tambien|ademas|otra cita|otro servicio|otra reserva|otra mas|otro mas|para mi (?:hija|hijo|mama|esposa|esposo|amiga|hermana)|also|another|too|as well|second|for my (?:daughter|son|mom|mother|wife|husband|friend|sister))\b/;

/**
 * The move of the booking just made, when the message asks its day or time changed and no run is
 * under way; null otherwise. `booking`: the tenant's plain booking workflow; `label`: the reading's.
 */
export function moveOfJustBooked(set: WorkflowSet, booking: WorkflowSpec | null, booked: JustBooked | null | undefined, turn: number, text: string, ctx: { nowMs: number; timeZone: string }): WorkflowSpec | null {
  if (!booking || !booked || booked.workflow !== booking.id || turn - booked.turn > TURNS_AFTER) return null;
  const f = fold(text).replace(/[^a-z0-9:\s]+/g, ' ').replace(/\s+/g, ' ');
  if (!INSTEAD.test(f) || ANOTHER.test(f)) return null;
  if (extractDate(text, ctx.nowMs, ctx.timeZone) === null && extractTime(text) === null) return null;
  const label = booking.triggers[0];
  const move = set.workflows.find((w) => w.id !== booking.id && w.unchanged !== undefined && label !== undefined && w.triggers.includes(label));
  if (!move || !label) return null;
  // The move is singled out by its own words; the message need not say them.
  return workflowForIntent({ ...set, workflows: [move] }, label, move.when?.[0] ?? '');
}
