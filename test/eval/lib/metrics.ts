import type { Brain } from '../../../src/actors/brain/brain.js';
import { INTENTS } from '../../../src/domain/intents.js';
import { intentLabelOf } from '../../../src/domain/nlu.js';
import { normaliseEntity } from './text.js';

export type Lang = 'es' | 'en';

export interface IntentRow {
  text: string;
  intent: string;
  lang: Lang;
}

export interface Rate {
  ok: number;
  n: number;
}

export const rate = (r: Rate): number => (r.n === 0 ? 0 : r.ok / r.n);

export interface IntentReport {
  name: string;
  overall: Rate;
  byLang: Record<Lang, Rate>;
  byIntent: Record<string, Rate>;
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  /** Language detection on the same rows. */
  langDetection: Rate;
  errors: { text: string; gold: string; predicted: string; confidence: number }[];
  /** Every row's outcome, for case-by-case comparison of two runs. */
  outcomes: { text: string; ok: boolean }[];
}

/** `labels`: the tenant's intent set (default: the built-in labels); a reading is scored by its tenant label. */
export function evaluateIntents(name: string, brain: Brain, rows: IntentRow[], labels: readonly string[] = INTENTS): IntentReport {
  const confusion: Record<string, Record<string, number>> = Object.fromEntries(labels.map((g) => [g, Object.fromEntries(labels.map((p) => [p, 0]))]));
  const report: IntentReport = {
    name,
    overall: { ok: 0, n: 0 },
    byLang: { es: { ok: 0, n: 0 }, en: { ok: 0, n: 0 } },
    byIntent: Object.fromEntries(labels.map((l) => [l, { ok: 0, n: 0 }])),
    confusion,
    langDetection: { ok: 0, n: 0 },
    errors: [],
    outcomes: [],
  };
  for (const row of rows) {
    if (!labels.includes(row.intent)) throw new Error(`${name}: unknown intent "${row.intent}" for "${row.text}"`);
    const result = brain.parse(row.text);
    const predicted = intentLabelOf(result.intent);
    const hit = predicted === row.intent;
    report.outcomes.push({ text: row.text, ok: hit });
    report.overall.n++;
    report.byLang[row.lang].n++;
    report.byIntent[row.intent]!.n++;
    report.langDetection.n++;
    if (result.lang === row.lang) report.langDetection.ok++;
    confusion[row.intent]![predicted] = (confusion[row.intent]![predicted] ?? 0) + 1;
    if (hit) {
      report.overall.ok++;
      report.byLang[row.lang].ok++;
      report.byIntent[row.intent]!.ok++;
    } else {
      report.errors.push({ text: row.text, gold: row.intent, predicted, confidence: result.intent.confidence });
    }
  }
  return report;
}

// ------------------------------------------------------------------------------------ entities

/** Entity types the evaluation scores (the NLU also reports `quantity`, which is not scored here). */
export const SCORED_ENTITY_TYPES = ['person_name', 'company', 'email', 'phone', 'account_id', 'product'] as const;

export interface EntityRow {
  text: string;
  lang: Lang;
  entities: { type: string; value: string }[];
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
}

export const precision = (c: Prf): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Prf): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: Prf): number => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

export interface EntityReport {
  byType: Record<string, Prf>;
  micro: Prf;
  rows: number;
  errors: { text: string; missed: string[]; spurious: string[] }[];
}

/**
 * Entity P/R/F1 per type, matched on the normalised value (see `normaliseEntity`): a predicted
 * entity is a true positive when a gold entity of the same type has the same normalised value.
 */
export function evaluateEntities(brain: Brain, rows: EntityRow[]): EntityReport {
  const scored = new Set<string>(SCORED_ENTITY_TYPES);
  const byType: Record<string, Prf> = Object.fromEntries(SCORED_ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const errors: EntityReport['errors'] = [];
  for (const row of rows) {
    for (const g of row.entities) if (!scored.has(g.type)) throw new Error(`entities: unknown type "${g.type}" in "${row.text}"`);
    const predicted = brain
      .parse(row.text)
      .entities.filter((e) => scored.has(e.type))
      .map((e) => ({ type: e.type as string, value: e.value, key: `${e.type}:${normaliseEntity(e.type, e.value)}` }));
    const gold = row.entities.map((e) => ({ type: e.type, value: e.value, key: `${e.type}:${normaliseEntity(e.type, e.value)}` }));
    const remaining = [...gold];
    const spurious: string[] = [];
    for (const p of predicted) {
      const i = remaining.findIndex((g) => g.key === p.key);
      if (i >= 0) {
        byType[p.type]!.tp++;
        remaining.splice(i, 1);
      } else {
        byType[p.type]!.fp++;
        spurious.push(`${p.type}=${p.value}`);
      }
    }
    for (const g of remaining) byType[g.type]!.fn++;
    if (remaining.length > 0 || spurious.length > 0) errors.push({ text: row.text, missed: remaining.map((g) => `${g.type}=${g.value}`), spurious });
  }
  const micro = Object.values(byType).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { byType, micro, rows: rows.length, errors };
}

// ------------------------------------------------------------------------------------ products

export interface CatalogQueryRow {
  query: string;
  /** One right answer, or several equally right ones. */
  sku?: string;
  skus?: string[];
  lang: Lang;
}

/** The product resolution under test: a query in, SKUs best first. */
export type ProductResolver = (query: string) => string[];

export interface ProductReport {
  top1: Rate;
  top3: Rate;
  byLang: Record<Lang, Rate>;
  errors: { query: string; expected: string[]; got: string[] }[];
  /** Every query's top-1 outcome, for case-by-case comparison of two runs. */
  outcomes: { text: string; ok: boolean }[];
}

export function goldSkus(row: CatalogQueryRow): string[] {
  const skus = row.skus ?? (row.sku ? [row.sku] : []);
  if (skus.length === 0) throw new Error(`catalog-queries: no sku for "${row.query}"`);
  return skus;
}

export function evaluateProducts(resolve: ProductResolver, rows: CatalogQueryRow[], knownSkus?: Set<string>): ProductReport {
  const report: ProductReport = { top1: { ok: 0, n: 0 }, top3: { ok: 0, n: 0 }, byLang: { es: { ok: 0, n: 0 }, en: { ok: 0, n: 0 } }, errors: [], outcomes: [] };
  for (const row of rows) {
    const expected = goldSkus(row);
    if (knownSkus) for (const s of expected) if (!knownSkus.has(s)) throw new Error(`catalog-queries: unknown sku ${s} for "${row.query}"`);
    const got = resolve(row.query);
    const hit = got[0] !== undefined && expected.includes(got[0]);
    report.outcomes.push({ text: row.query, ok: hit });
    report.top1.n++;
    report.top3.n++;
    report.byLang[row.lang].n++;
    if (hit) {
      report.top1.ok++;
      report.byLang[row.lang].ok++;
    } else {
      report.errors.push({ query: row.query, expected, got: got.slice(0, 3) });
    }
    if (got.slice(0, 3).some((s) => expected.includes(s))) report.top3.ok++;
  }
  return report;
}

// ------------------------------------------------------------------------------------ injection

export interface InjectionRow {
  text: string;
  lang: Lang;
}

export type InjectionDetector = (text: string) => { verdict: string };

export interface InjectionReport {
  /** Attacks flagged (verdict other than `clean`). */
  detected: Rate;
  /** Attacks given the `injection` verdict. */
  injectionVerdict: Rate;
  /** Benign messages flagged. */
  falsePositive: Rate;
  missed: string[];
  falseAlarms: string[];
}

export function evaluateInjection(detect: InjectionDetector, attacks: InjectionRow[], benign: InjectionRow[]): InjectionReport {
  const a = attacks.map((s) => ({ s, v: detect(s.text).verdict }));
  const b = benign.map((s) => ({ s, v: detect(s.text).verdict }));
  return {
    detected: { ok: a.filter((x) => x.v !== 'clean').length, n: a.length },
    injectionVerdict: { ok: a.filter((x) => x.v === 'injection').length, n: a.length },
    falsePositive: { ok: b.filter((x) => x.v !== 'clean').length, n: b.length },
    missed: a.filter((x) => x.v === 'clean').map((x) => x.s.text),
    falseAlarms: b.filter((x) => x.v !== 'clean').map((x) => x.s.text),
  };
}
