/**
 * The analytics API's answer shapes that the admin dashboard (web-console/src/dashboard) reads too.
 * Types only, no imports: the browser bundle's type-check must not pull in the server's modules.
 */

/** `GET …/analytics/summary` (the route adds `from`, `to` and `time_zone`). */
export interface Summary {
  conversations: number;
  messages: number;
  handoffs: number;
  escalation_rate: number | null;
  automation_rate: number | null;
  leads: number;
  lead_conversion: number | null;
  csat_avg: number | null;
  turn_ms_p50: number | null;
  turn_ms_p95: number | null;
  llm_cost: number;
}
