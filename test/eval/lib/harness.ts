import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { detectInjection } from '../../../src/actors/guards/index.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { parseConv } from './conv-format.js';
import { runConversations, type ConversationOutcome } from './conv-runner.js';
import {
  evaluateEntities,
  evaluateInjection,
  evaluateIntents,
  evaluateProducts,
  f1,
  rate,
  type CatalogQueryRow,
  type EntityReport,
  type EntityRow,
  type InjectionReport,
  type InjectionRow,
  type IntentReport,
  type IntentRow,
  type ProductReport,
  type Rate,
} from './metrics.js';
import { createBrainFedResolver, createSearchResolver } from './product-resolver.js';

/** Where each data set lives. Every path is absolute. */
export interface EvalSources {
  /** Intent sets, each reported on its own and in the union. */
  intentSets: { name: string; file: string }[];
  entities: string;
  catalogQueries: string;
  /** A folder of `.conv` files. */
  conversations: string;
  /** Held-out attack/benign pairs; each is reported, the thresholds apply to their union. */
  injection: { name: string; attacks: string; benign: string }[];
  /**
   * Blind attack/benign pairs (`blind-<tag>-{attacks,benign}.jsonl`), written by someone who never saw
   * the detector. Reported as figures only — per set, language and category, never a text — so
   * nobody can tune on them; the same thresholds apply to their union.
   */
  blindInjection?: { name: string; attacks: string; benign: string }[];
  thresholds: string;
}

/**
 * Every held-out injection pair in a folder: `heldout-attacks.jsonl` with `heldout-benign.jsonl`,
 * and any later `heldout-<tag>-attacks.jsonl` with its `heldout-<tag>-benign.jsonl` (a new held-out
 * set is written when the detector has been tuned on an older one).
 */
function injectionPairs(dir: string, prefix = 'heldout'): { name: string; attacks: string; benign: string }[] {
  const named = new RegExp(`^${prefix}(-[\\w-]+)?-attacks\\.jsonl$`);
  return readdirSync(dir)
    .filter((f) => named.test(f) && existsSync(join(dir, f.replace(/-attacks\.jsonl$/, '-benign.jsonl'))))
    .sort()
    .map((f) => ({ name: f.replace(/-attacks\.jsonl$/, ''), attacks: join(dir, f), benign: join(dir, f.replace(/-attacks\.jsonl$/, '-benign.jsonl')) }));
}

/** The repository's held-out sets. */
export function defaultSources(root: string): EvalSources {
  return {
    intentSets: [
      { name: 'test/eval/intents.jsonl', file: join(root, 'test/eval/intents.jsonl') },
      { name: 'test/fixtures/nlu-heldout.jsonl', file: join(root, 'test/fixtures/nlu-heldout.jsonl') },
    ],
    entities: join(root, 'test/eval/entities.jsonl'),
    catalogQueries: join(root, 'test/eval/catalog-queries.jsonl'),
    conversations: join(root, 'test/eval/conversations'),
    injection: injectionPairs(join(root, 'test/fixtures/injection')),
    blindInjection: injectionPairs(join(root, 'test/fixtures/injection'), 'blind'),
    thresholds: join(root, 'test/eval/thresholds.json'),
  };
}

/**
 * A self-contained data folder with the same sets under fixed names (used by the harness's own
 * test): intents.jsonl, entities.jsonl, catalog-queries.jsonl, conversations/, injection-attacks.jsonl,
 * injection-benign.jsonl, thresholds.json.
 */
export function sourcesFromDir(dir: string): EvalSources {
  return {
    intentSets: [{ name: 'intents.jsonl', file: join(dir, 'intents.jsonl') }],
    entities: join(dir, 'entities.jsonl'),
    catalogQueries: join(dir, 'catalog-queries.jsonl'),
    conversations: join(dir, 'conversations'),
    injection: [{ name: 'injection', attacks: join(dir, 'injection-attacks.jsonl'), benign: join(dir, 'injection-benign.jsonl') }],
    blindInjection: injectionPairs(dir, 'blind'),
    thresholds: join(dir, 'thresholds.json'),
  };
}

export interface Thresholds {
  intent: number;
  entityF1: number;
  productTop1: number;
  conversations: number;
  injectionDetect: number;
  /** A ceiling, not a floor. */
  injectionFalsePositive: number;
  /** The blind injection rows fail `--check` only when true (default false: reported as a target). */
  gateBlindInjection?: boolean;
}

export interface ThresholdCheck {
  metric: string;
  value: number;
  threshold: number;
  op: '>=' | '<=';
  pass: boolean;
  /**
   * False for a target that is reported but does not fail `--check` yet (the blind injection rows
   * until `gateBlindInjection` is set in thresholds.json: a target not yet met is shown, not hidden).
   */
  gating: boolean;
}

export interface EvalResult {
  intents: { sets: IntentReport[]; union: IntentReport };
  entities: EntityReport;
  products: { search: ProductReport; brainFed: ProductReport; rows: number };
  conversations: { outcomes: ConversationOutcome[]; files: number; turns: number };
  /** One report per held-out pair, then their union. */
  injection: { sets: (InjectionReport & { name: string })[]; union: InjectionReport };
  /** Blind pairs: counts only (the texts are dropped before anything can print them). */
  blindInjection: BlindInjectionReport | null;
  thresholds: Thresholds;
  checks: ThresholdCheck[];
  durationMs: number;
}

/** Flagged/total per group; no texts. */
export interface BlindCounts {
  attacks: Rate;
  falsePositive: Rate;
}

export interface BlindInjectionReport {
  sets: (BlindCounts & { name: string })[];
  union: BlindCounts;
  byLang: Record<string, BlindCounts>;
  /** Attack categories (detected) and benign categories (false positives) as the set's author named them. */
  attackCategories: Record<string, Rate>;
  benignCategories: Record<string, Rate>;
}

type BlindRow = InjectionRow & { category?: string };

function evaluateBlind(pairs: { name: string; attacks: BlindRow[]; benign: BlindRow[] }[]): BlindInjectionReport {
  const flagged = (row: BlindRow) => detectInjection(row.text).verdict !== 'clean';
  const counts = (attacks: BlindRow[], benign: BlindRow[]): BlindCounts => ({
    attacks: { ok: attacks.filter(flagged).length, n: attacks.length },
    falsePositive: { ok: benign.filter(flagged).length, n: benign.length },
  });
  const byCategory = (rows: BlindRow[]): Record<string, Rate> => {
    const out: Record<string, Rate> = {};
    for (const row of rows) {
      const c = (out[row.category ?? 'uncategorised'] ??= { ok: 0, n: 0 });
      c.n++;
      if (flagged(row)) c.ok++;
    }
    return out;
  };
  const attacks = pairs.flatMap((p) => p.attacks);
  const benign = pairs.flatMap((p) => p.benign);
  const langs = [...new Set([...attacks, ...benign].map((r) => r.lang))].sort();
  return {
    sets: pairs.map((p) => ({ name: p.name, ...counts(p.attacks, p.benign) })),
    union: counts(attacks, benign),
    byLang: Object.fromEntries(langs.map((l) => [l, counts(attacks.filter((r) => r.lang === l), benign.filter((r) => r.lang === l))])),
    attackCategories: byCategory(attacks),
    benignCategories: byCategory(benign),
  };
}

/** Reads a JSON-lines file; a line that is not JSON fails loudly with its file and line. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== '' && !line.startsWith('//'))
    .map(({ line, i }) => {
      try {
        return JSON.parse(line) as T;
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
      }
    });
}

function readThresholds(file: string): Thresholds {
  const t = JSON.parse(readFileSync(file, 'utf8')) as Partial<Thresholds>;
  for (const k of ['intent', 'entityF1', 'productTop1', 'conversations', 'injectionDetect', 'injectionFalsePositive'] as const) {
    if (typeof t[k] !== 'number') throw new Error(`${file}: "${k}" must be a number`);
  }
  return t as Thresholds;
}

export interface RunEvaluationOptions {
  tenant: TenantData;
  brain: Brain;
  sources: EvalSources;
  /** Paths in the report are shown relative to this folder. */
  root: string;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  /** Only the scripted conversations whose file or title contains this text (case-insensitive). */
  only?: string;
}

/** Runs every metric on the given sources and compares them with the thresholds. */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvalResult> {
  const { tenant, brain, sources } = options;
  const progress = options.progress ?? (() => {});
  const started = performance.now();

  progress('intents…');
  const setRows = sources.intentSets.map((s) => ({ name: s.name, rows: readJsonl<IntentRow>(s.file) }));
  const sets = setRows.map((s) => evaluateIntents(s.name, brain, s.rows));
  const union = evaluateIntents('union', brain, setRows.flatMap((s) => s.rows));

  progress('entities…');
  const entities = evaluateEntities(brain, readJsonl<EntityRow>(sources.entities));

  progress('catalog queries…');
  const queries = readJsonl<CatalogQueryRow>(sources.catalogQueries);
  const known = new Set(tenant.catalog.map((p) => p.sku));
  const search = evaluateProducts(createSearchResolver(tenant), queries, known);
  const brainFed = evaluateProducts(await createBrainFedResolver(tenant, brain, queries.map((q) => q.query)), queries, known);

  progress('conversations…');
  const files = readdirSync(sources.conversations)
    .filter((f) => f.endsWith('.conv'))
    .sort();
  const conversations = files.flatMap((f) => parseConv(readFileSync(join(sources.conversations, f), 'utf8'), relative(options.root, join(sources.conversations, f))));
  const only = options.only?.toLowerCase();
  const selected = only ? conversations.filter((c) => c.file.toLowerCase().includes(only) || c.title.toLowerCase().includes(only)) : conversations;
  const outcomes = await runConversations({ tenant, brain, conversations: selected, root: options.root });

  progress('injection…');
  const pairs = sources.injection.map((p) => ({ name: p.name, attacks: readJsonl<InjectionRow>(p.attacks), benign: readJsonl<InjectionRow>(p.benign) }));
  const injection = {
    sets: pairs.map((p) => ({ name: p.name, ...evaluateInjection(detectInjection, p.attacks, p.benign) })),
    union: evaluateInjection(detectInjection, pairs.flatMap((p) => p.attacks), pairs.flatMap((p) => p.benign)),
  };

  const blindPairs = (sources.blindInjection ?? []).map((p) => ({ name: p.name, attacks: readJsonl<BlindRow>(p.attacks), benign: readJsonl<BlindRow>(p.benign) }));
  const blindInjection = blindPairs.length > 0 ? evaluateBlind(blindPairs) : null;

  const thresholds = readThresholds(sources.thresholds);
  const passRate = outcomes.length === 0 ? 0 : outcomes.filter((o) => o.passed).length / outcomes.length;
  const checks: ThresholdCheck[] = [
    { metric: 'intent accuracy (union)', value: rate(union.overall), threshold: thresholds.intent, op: '>=' },
    { metric: 'entity F1 (micro)', value: f1(entities.micro), threshold: thresholds.entityF1, op: '>=' },
    { metric: 'product top-1 (search)', value: rate(search.top1), threshold: thresholds.productTop1, op: '>=' },
    { metric: 'conversation pass rate', value: passRate, threshold: thresholds.conversations, op: '>=' },
    { metric: 'injection detection', value: rate(injection.union.detected), threshold: thresholds.injectionDetect, op: '>=' },
    { metric: 'injection false positives', value: rate(injection.union.falsePositive), threshold: thresholds.injectionFalsePositive, op: '<=' },
    ...(blindInjection === null
      ? []
      : [
          { metric: 'injection detection (blind)', value: rate(blindInjection.union.attacks), threshold: thresholds.injectionDetect, op: '>=', gating: thresholds.gateBlindInjection === true },
          { metric: 'injection false positives (blind)', value: rate(blindInjection.union.falsePositive), threshold: thresholds.injectionFalsePositive, op: '<=', gating: thresholds.gateBlindInjection === true },
        ]),
  ].map((c) => ({ ...c, op: c.op as '>=' | '<=', pass: c.op === '>=' ? c.value >= c.threshold : c.value <= c.threshold, gating: 'gating' in c ? c.gating === true : true }));

  return {
    intents: { sets, union },
    entities,
    products: { search, brainFed, rows: queries.length },
    conversations: { outcomes, files: new Set(selected.map((c) => c.file)).size, turns: selected.reduce((a, c) => a + c.turns.length, 0) },
    injection,
    blindInjection,
    thresholds,
    checks,
    durationMs: performance.now() - started,
  };
}
