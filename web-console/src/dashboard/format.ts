/**
 * Pure helpers of the admin dashboard: date ranges and how each figure is written. The e2e test
 * uses the same functions to check that what the page shows is what the API answered.
 */
import type { DayRow } from './wire.js';

export type Lang = 'es' | 'en';
export const PRESETS = [7, 30, 90] as const;

const DAY_MS = 86_400_000;

/** `day` (YYYY-MM-DD) moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The last `days` days up to `today`, both ends included (the API's default is 30). */
export function presetRange(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Every day of the range with its row, zeros where nothing happened (the chart needs each day). */
export function fillDays(from: string, to: string, rows: DayRow[]): DayRow[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: DayRow[] = [];
  for (let day = from; day <= to && out.length < 400; day = addDays(day, 1)) {
    out.push(byDay.get(day) ?? { day, conversations: 0, messages: 0, handoffs: 0, leads: 0, automation_rate: null });
  }
  return out;
}

const locale = (lang: Lang) => (lang === 'es' ? 'es-DO' : 'en-US');
const DASH = '—';

export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** A share (0–1) as a percentage with one decimal; null (nothing to divide) as a dash. */
export function formatRate(lang: Lang, r: number | null): string {
  return r === null ? DASH : new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(r);
}

export function formatCsat(lang: Lang, v: number | null): string {
  return v === null ? DASH : `${new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)} / 5`;
}

/** Milliseconds below a second, seconds with one decimal above. */
export function formatMs(lang: Lang, ms: number | null): string {
  if (ms === null) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}

export function formatUsd(lang: Lang, v: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(v);
}

/** A confidence (0–1) with two decimals. */
export function formatConfidence(lang: Lang, v: number | null): string {
  return v === null ? DASH : new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

/** `2026-12-03` as the reader's short date. */
export function formatDay(lang: Lang, day: string): string {
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
