import type { ChannelRow, DashboardData, DayRow, FaqCandidate, Funnel, HandoffStats, IntentRow, ProductRow, Summary, UnmetGroup } from './wire.js';

/** A failed read: the server's error code (or `NETWORK`) and status. */
export class DashboardError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** Where the dashboard reads: the analytics API under `/console`, where the session cookie goes. */
export function analyticsBase(tenant: string): string {
  return `/console/api/tenants/${encodeURIComponent(tenant)}`;
}

export function trainingHref(tenant: string, range: { from: string; to: string }): string {
  return `${analyticsBase(tenant)}/exports/training.jsonl?from=${range.from}&to=${range.to}&limit=1000`;
}

async function get<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new DashboardError(0, 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  if (!res.ok) throw new DashboardError(res.status, body?.error?.code ?? `HTTP_${res.status}`);
  return body as T;
}

/**
 * Every figure of the dashboard for a range, read in parallel. Without a range the server picks
 * its default (the last 30 days up to today in the tenant's time zone) and says which it was.
 */
export async function loadDashboard(tenant: string, range: { from: string; to: string } | null): Promise<DashboardData> {
  const base = `${analyticsBase(tenant)}/analytics`;
  const q = range ? `from=${range.from}&to=${range.to}` : '';
  const summary = await get<Summary>(`${base}/summary?${q}`);
  // Every other read uses the range the summary settled on, so all figures cover the same days.
  const r = `from=${summary.from}&to=${summary.to}`;
  const [daily, funnel, intents, unmet, faq, handoffs, products, channels] = await Promise.all([
    get<{ days: DayRow[] }>(`${base}/daily?${r}`),
    get<Funnel>(`${base}/funnel?${r}`),
    get<{ intents: IntentRow[] }>(`${base}/intents?${r}`),
    get<{ messages: number; groups: UnmetGroup[] }>(`${base}/unmet?${r}&limit=50`),
    get<{ candidates: FaqCandidate[] }>(`${base}/faq-candidates?${r}&limit=20`),
    get<HandoffStats>(`${base}/handoffs?${r}`),
    get<{ products: ProductRow[] }>(`${base}/products?${r}&limit=20`),
    get<{ channels: ChannelRow[] }>(`${base}/channels?${r}`),
  ]);
  return { summary, days: daily.days, funnel: { states: funnel.states, leads: funnel.leads }, intents: intents.intents, unmet: { messages: unmet.messages, groups: unmet.groups }, faq: faq.candidates, handoffs: { reasons: handoffs.reasons, tickets: handoffs.tickets, answered: handoffs.answered, unanswered: handoffs.unanswered, waiting: handoffs.waiting, first_reply_ms_p50: handoffs.first_reply_ms_p50, first_reply_ms_p95: handoffs.first_reply_ms_p95 }, products: products.products, channels: channels.channels };
}
