import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { createIntentSet } from '../../../src/domain/intent-set.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { evaluateIntents, rate, type IntentReport, type IntentRow } from './metrics.js';

/** One tenant's own held-out intent set (`test/eval/<tenant>/`): its figures and its threshold check. */
export interface TenantIntentResult {
  tenant: string;
  report: IntentReport;
  threshold: number;
  pass: boolean;
}

/**
 * The tenants other than the demo hardware store that ship a held-out intent set:
 * `test/eval/<id>/intents.jsonl` next to `tenants/<id>/`, with `thresholds.json` `{ "intent": 0.92 }`.
 */
export function tenantIntentSets(root: string): string[] {
  const evalDir = join(root, 'test/eval');
  return readdirSync(evalDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, 'tenants', e.name, 'tenant.json')) && existsSync(join(evalDir, e.name, 'intents.jsonl')))
    .map((e) => e.name)
    .sort();
}

/** Trains the tenant's rule brain from its own utterances and reads its held-out messages with it. */
export async function evaluateTenantIntents(root: string, tenantId: string): Promise<TenantIntentResult> {
  const tenant = await loadTenant(join(root, 'tenants', tenantId));
  const brain = createRuleBrain({ tenant, readingCacheSize: 0 });
  const dir = join(root, 'test/eval', tenantId);
  const rows = readFileSync(join(dir, 'intents.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as IntentRow);
  const report = evaluateIntents(`test/eval/${tenantId}/intents.jsonl`, brain, rows, createIntentSet(tenant.intents).labels);
  const threshold = (JSON.parse(readFileSync(join(dir, 'thresholds.json'), 'utf8')) as { intent: number }).intent;
  return { tenant: tenantId, report, threshold, pass: rate(report.overall) >= threshold };
}

const pct = (r: { ok: number; n: number }): string => `${(rate(r) * 100).toFixed(1)} %`;

/** The most frequent confusions (gold → predicted), most first. */
export function topConfusions(report: IntentReport, max = 8): { gold: string; predicted: string; count: number }[] {
  return Object.entries(report.confusion)
    .flatMap(([gold, row]) => Object.entries(row).filter(([predicted, n]) => predicted !== gold && n > 0).map(([predicted, count]) => ({ gold, predicted, count })))
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold))
    .slice(0, max);
}

/** Figures only, as for holdout-2: the failing messages are not printed, so that nobody tunes on them. */
export function renderTenantSummary(r: TenantIntentResult): string {
  const { report } = r;
  const perIntent = Object.entries(report.byIntent).map(([label, rt]) => `${label} ${rt.ok}/${rt.n}`).join('  ');
  const confusions = topConfusions(report).map((c) => `${c.gold}→${c.predicted} ${c.count}`).join(', ') || 'none';
  return [
    `intent ${report.name}  ${pct(report.overall)} (${report.overall.ok}/${report.overall.n})  es ${pct(report.byLang.es)}  en ${pct(report.byLang.en)}`,
    `per intent: ${perIntent}`,
    `confusions (gold→predicted): ${confusions}`,
    `  ${r.pass ? 'pass' : 'FAIL'}  ${r.tenant} intent accuracy  ${pct(report.overall)} >= ${(r.threshold * 100).toFixed(1)} %`,
  ].join('\n');
}

/** The section EVALUATION.md gets per tenant: figures and the confusion matrix (rows: gold label). */
export function renderTenantMarkdown(r: TenantIntentResult): string {
  const { report } = r;
  const labels = Object.keys(report.byIntent);
  const head = `| gold \\ predicted | ${labels.join(' | ')} |`;
  const rule = `|---|${labels.map(() => '---:').join('|')}|`;
  const rows = labels.map((g) => `| ${g} | ${labels.map((p) => String(report.confusion[g]?.[p] ?? 0)).join(' | ')} |`);
  return [
    `# Tenant \`${r.tenant}\`: its own held-out intent set`,
    '',
    `\`${report.name}\` was written apart from \`tenants/${r.tenant}/utterances.json\` (different wording) and nobody tunes on it; the tenant's rule brain is trained from its own utterances only. Threshold (\`--check\`): ${(r.threshold * 100).toFixed(0)} %.`,
    '',
    `Intent accuracy **${pct(report.overall)}** (${report.overall.ok}/${report.overall.n}); es ${pct(report.byLang.es)}, en ${pct(report.byLang.en)}.`,
    '',
    head,
    rule,
    ...rows,
    '',
  ].join('\n');
}
