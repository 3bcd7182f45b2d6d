import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import { answerProduct } from '../../src/actors/tools/product.tool.js';
import { createCatalogIndex } from '../../src/actors/tools/catalog-search.js';
import type { IntentName } from '../../src/domain/intents.js';
import type { Lang } from '../../src/domain/nlu.js';
import type { TenantData } from '../../src/domain/tenant.js';
import type { Expectation, Understanding } from '../../src/domain/understanding.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';

/**
 * The golden reading of the rule brain and the catalog search over every training utterance and
 * every held-out line, under several expectations. The held-out file is only input text here: it is
 * never used to tune anything. `test/unit/brain/equivalence-<n>.test.ts` compare the current code with
 * `test/fixtures/brain-golden.jsonl`, generated once by `bench/micro/make-golden.ts` before any
 * optimisation, so a faster brain provably answers exactly as the old one did.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));

export const GOLDEN_PATH = `${root}test/fixtures/brain-golden.jsonl`;

export const EXPECTATIONS: Expectation[] = [
  { kind: 'none' },
  { kind: 'product' },
  { kind: 'account_id' },
  { kind: 'lead_field', field: 'name' },
  { kind: 'lead_field', field: 'email' },
  { kind: 'lead_field', field: 'company_name' },
  { kind: 'lead_field', field: 'problem_statement' },
  { kind: 'lead_confirmation' },
];

export interface GoldenInput {
  text: string;
  lang: Lang;
}

/** Every training utterance (with its language) and every held-out line, in file order. */
export function goldenInputs(tenant: Pick<TenantData, 'utterances'>): GoldenInput[] {
  const out: GoldenInput[] = [];
  for (const byLang of Object.values(tenant.utterances)) {
    for (const [lang, texts] of Object.entries(byLang) as [Lang, string[]][]) for (const text of texts) out.push({ text, lang });
  }
  const heldout = readFileSync(`${root}test/fixtures/nlu-heldout.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; lang: Lang });
  for (const row of heldout) out.push({ text: row.text, lang: row.lang });
  return out;
}

/** Rounds every number under `confidence`/`score` keys to `digits` decimals, so float noise below them cannot differ. */
export function roundConfidences(value: unknown, digits: number): unknown {
  if (Array.isArray(value)) return value.map((v) => roundConfidences(v, digits));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = (k === 'confidence' || k === 'score') && typeof v === 'number' ? Number(v.toFixed(digits)) : roundConfidences(v, digits);
    }
    return out;
  }
  return value;
}

const PRODUCT_INTENTS = new Set<IntentName>(['product_inquiry', 'price_quote']);

const ABSENT = '$absent';

/**
 * Keys of `next` whose JSON differs from `base`, recursively for plain objects (arrays and scalars
 * are compared whole); a key only in `base` is marked `"$absent"`. Equal values → `"same"`.
 */
function diff(base: unknown, next: unknown): unknown {
  if (JSON.stringify(base) === JSON.stringify(next)) return 'same';
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(base) || !isObject(next)) return next;
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (!(k in next)) out[k] = ABSENT;
    else if (!(k in base)) out[k] = next[k];
    else if (JSON.stringify(base[k]) !== JSON.stringify(next[k])) out[k] = diff(base[k], next[k]);
  }
  return out;
}

/** Stable key of an expectation ("none", "lead_field:email"). */
function expectationKey(e: Expectation): string {
  return e.kind === 'lead_field' ? `${e.kind}:${e.field}` : e.kind;
}

/** Inputs `from` (inclusive) to `to` (exclusive) of `goldenInputs`; all of them by default. */
export interface GoldenRange {
  from?: number;
  to?: number;
}

/**
 * The slice of `total` inputs that shard `shard` (1-based) of `count` reads: contiguous, and the
 * shards together cover every input exactly once.
 */
export function goldenShard(total: number, shard: number, count: number): Required<GoldenRange> {
  return { from: Math.floor(((shard - 1) * total) / count), to: Math.floor((shard * total) / count) };
}

/**
 * One JSON-serialisable record per input (or per input of `range`, for a test split into shards
 * that run in parallel): its reading under every expectation. Readings other than
 * `none` are stored as a diff against it (`diff`), which keeps the fixture small; the comparison
 * still covers them because the current code must reproduce the same diffs. Product
 * messages also carry the catalog search of each product phrase and of the whole text, and
 * `answerProduct` for both product intents.
 */
export async function* goldenRecords(tenant: TenantData, digits: number, range: GoldenRange = {}): AsyncGenerator<Record<string, unknown>> {
  const brain = createRuleBrain({ tenant });
  const index = createCatalogIndex(tenant.catalog);
  const inputs = goldenInputs(tenant);
  const from = range.from ?? 0;
  const to = Math.min(range.to ?? inputs.length, inputs.length);
  // Message ids keep their numbering from the whole run, whichever slice is read.
  let n = from * EXPECTATIONS.length;
  for (const { text, lang } of inputs.slice(from, to)) {
    const readings: Record<string, unknown> = {};
    let baseline: Record<string, unknown> = {};
    for (const expecting of EXPECTATIONS) {
      const u: Understanding = await brain.understand({ text, lang, expecting, messageId: `m${n}`, idempotencyKey: `k${n}` });
      n++;
      const reading: Record<string, unknown> = { understanding: roundConfidences(u, digits) };
      const isProduct = u.products.length > 0 || PRODUCT_INTENTS.has(u.nlu.intent.name);
      if (isProduct && (expecting.kind === 'none' || expecting.kind === 'product')) {
        const search: Record<string, unknown> = {};
        for (const q of [...u.products.map((p) => p.query), text]) {
          search[q] = index.search(q, { limit: 10 }).map((m) => ({ sku: m.product.sku, score: m.score }));
        }
        reading.search = search;
        reading.answers = (['product_inquiry', 'price_quote'] as const).map((intent) =>
          answerProduct(tenant, index, { tenantId: tenant.settings.id, lang: u.lang, intent, understanding: u, text, idempotencyKey: 'k' }, { text }),
        );
      }
      if (expecting.kind === 'none') baseline = reading;
      readings[expectationKey(expecting)] = expecting.kind === 'none' ? reading : diff(baseline, reading);
    }
    yield { text, lang, readings };
  }
}

export async function loadDemoTenant(): Promise<TenantData> {
  return loadTenant(`${root}tenants/ferreteria`);
}
