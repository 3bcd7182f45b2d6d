/** The analytics API's answers as the dashboard reads them (docs/analytics.md). */
import type { ChannelRow, HandoffStats, ProductRow, Summary as ServerSummary } from '../../../src/runtime/analytics/analytics-wire.js';

export type { ChannelRow, HandoffStats, ProductRow };

export interface Summary extends ServerSummary {
  from: string;
  to: string;
  time_zone: string;
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
  handoffs: HandoffStats;
  products: ProductRow[];
  channels: ChannelRow[];
}
