import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { EvalResult } from './harness.js';
import { f1, rate } from './metrics.js';

/** One recorded run: the headline figures, so that every change can be read as before/after. */
export interface HistoryRow {
  date: string;
  commit: string;
  label: string;
  intent: number;
  entityF1: number;
  productTop1: number;
  conversations: number;
  injectionDetect: number;
  injectionFalsePositive: number;
  /** Sizes of the sets, so that figures measured on different data are not compared blindly. */
  sizes: { intents: number; entities: number; catalogQueries: number; conversations: number; injectionAttacks: number; injectionBenign: number };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function historyRow(r: EvalResult, meta: { date: string; commit: string; label: string }): HistoryRow {
  const outcomes = r.conversations.outcomes;
  return {
    date: meta.date,
    commit: meta.commit,
    label: meta.label,
    intent: round(rate(r.intents.union.overall)),
    entityF1: round(f1(r.entities.micro)),
    productTop1: round(rate(r.products.search.top1)),
    conversations: round(outcomes.length === 0 ? 0 : outcomes.filter((o) => o.passed).length / outcomes.length),
    injectionDetect: round(rate(r.injection.union.detected)),
    injectionFalsePositive: round(rate(r.injection.union.falsePositive)),
    sizes: {
      intents: r.intents.union.overall.n,
      entities: r.entities.rows,
      catalogQueries: r.products.rows,
      conversations: outcomes.length,
      injectionAttacks: r.injection.union.detected.n,
      injectionBenign: r.injection.union.falsePositive.n,
    },
  };
}

export function readHistory(file: string): HistoryRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as HistoryRow);
}

export function appendHistory(file: string, row: HistoryRow): void {
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}
