/** The analytics API's answers as the dashboard reads them (docs/analytics.md). */
export interface Summary {
  from: string;
  to: string;
  time_zone: string;
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
export interface DayRow {
  day: string;
  conversations: number;
  messages: number;
  handoffs: number;
  leads: number;
  automation_rate: number | null;
}
export interface Funnel {
  states: Array<{ state: string; entries: number; conversations: number }>;
  leads: Array<{ stage: string; conversations: number }>;
}
export interface IntentRow {
  intent: string;
  count: number;
  mean_confidence: number | null;
  misunderstood_rate: number;
  handoff_rate: number;
}
export interface UnmetGroup {
  terms: string;
  count: number;
  reasons: Record<string, number>;
  examples: string[];
}
export interface FaqCandidate {
  question: string;
  terms: string;
  intent: string;
  count: number;
  answer: string | null;
}
export interface DashboardData {
  summary: Summary;
  days: DayRow[];
  funnel: Funnel;
  intents: IntentRow[];
  unmet: { messages: number; groups: UnmetGroup[] };
  faq: FaqCandidate[];
}
