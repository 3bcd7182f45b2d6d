/**
 * `npm run eval`: measures the bot on the held-out sets (intents, entities, catalog queries,
 * scripted conversations, prompt injection), prints a summary and writes EVALUATION.md; every
 * other tenant with a held-out intent set (`test/eval/<tenant>/intents.jsonl`) is measured on it too.
 * `npm run eval -- --check` also exits 1 when a metric misses its threshold
 * (test/eval/thresholds.json). Options: `--out FILE` (default EVALUATION.md), `--no-write`,
 * `--data DIR` (another data folder laid out as described at `sourcesFromDir`), `--record LABEL`
 * (append the headline figures to test/eval/history.jsonl; EVALUATION.md shows that history),
 * `--commit REF` (the commit of a tree exported without .git), `--only TEXT` (only the scripted
 * conversations whose file or title contains TEXT; nothing written), `--cases FILE` (write each
 * case's pass/fail as JSON), `--diff FILE` (list the cases fixed and broken since that file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSources, runEvaluation, sourcesFromDir, type EvalResult } from '../test/eval/lib/harness.js';
import { caseSnapshot, diffSnapshots, renderDiff, type CaseSnapshot } from '../test/eval/lib/diff.js';
import { appendHistory, historyRow, readHistory } from '../test/eval/lib/history.js';
import { renderMarkdown, renderSummary } from '../test/eval/lib/report.js';
import { evaluateTenantIntents, renderTenantMarkdown, renderTenantSummary, tenantIntentSets } from '../test/eval/lib/tenant-intents.js';
import { loadDemo } from '../test/helpers/memory-host.js';

/**
 * The held-out sets, oldest first. `gate`: `--check` fails when the set misses a threshold; a set
 * not gated yet reports a miss as "below target" (turn it on once the bot meets the bar on it).
 */
interface HeldOutSet {
  name: string;
  gate: boolean;
  intro: string;
}
const HELD_OUT: HeldOutSet[] = [
  {
    name: 'holdout-2',
    gate: true,
    intro:
      'The sets above became a **development set** on 2026-12-03 12:20 UTC: engineers read their failures and fix them, so they no longer measure generalisation. `test/eval/holdout-2` was written apart from the code, the training utterances and the main sets, and **nobody tunes on it** (read only its figures, not its failing cases, when changing the bot). The `--check` thresholds apply to it as well. Only its figures are shown here; its prompt-injection pair is its own small set.',
  },
  {
    name: 'holdout-3',
    gate: true,
    intro:
      '`test/eval/holdout-3` was written on 2026-12-06, after holdout-2 had been tuned on by families, the same way: apart from the code, the training utterances and the other sets, from the tenant\'s facts only, and **nobody tunes on it** (read only its figures). It is measured against the same thresholds and **gated** since 2026-12-06 21:30 UTC, when it first met them all (213/222 conversations); a miss fails `--check` (see test/eval/README.md). Only its figures are shown here; its prompt-injection pair is its own small set.',
  },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const write = !args.includes('--no-write') && !args.includes('--only');
const outIndex = args.indexOf('--out');
const dataIndex = args.indexOf('--data');
const sources = dataIndex >= 0 && args[dataIndex + 1] ? sourcesFromDir(resolve(args[dataIndex + 1]!)) : defaultSources(root);
// A run on another data folder keeps its history there, never in the repository's.
const historyFile = dataIndex >= 0 && args[dataIndex + 1] ? join(resolve(args[dataIndex + 1]!), 'history.jsonl') : join(root, 'test/eval/history.jsonl');
const recordIndex = args.indexOf('--record');
const recordLabel = recordIndex >= 0 ? (args[recordIndex + 1] ?? '') : null;
if (recordLabel !== null && (recordLabel === '' || recordLabel.startsWith('--'))) {
  process.stderr.write('eval: --record needs a label, e.g. --record "product resolver v2"\n');
  process.exit(2);
}
// `--only TEXT`: just the scripted conversations whose file or title contains TEXT (for iterating
// on one topic); a partial run is neither written to EVALUATION.md nor recorded.
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
if (onlyIndex >= 0 && (!only || only.startsWith('--'))) {
  process.stderr.write('eval: --only needs a text, e.g. --only followups\n');
  process.exit(2);
}
if (only !== undefined && recordLabel !== null) {
  process.stderr.write('eval: --only runs part of the conversations; it cannot be recorded\n');
  process.exit(2);
}
const outFile = outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : join(root, 'EVALUATION.md');

function git(...a: string[]): string {
  try {
    return execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

const { tenant, brain } = await loadDemo();
const result = await runEvaluation({ tenant, brain, sources, root, ...(only !== undefined ? { only } : {}), progress: (l) => process.stderr.write(`eval: ${l}\n`) });

process.stdout.write(`${renderSummary(result)}\n`);
// The main sets became a development set on 2026-12-03 (engineers read their failures);
// test/eval/holdout-2 and test/eval/holdout-3 are the held-out sets nobody tunes on. A default run
// measures them all, reports each held-out set in its own section (figures only) and applies the
// same thresholds to it; `--check` fails on a held-out set only when it is gated (`--only`, a tool
// for iterating on failures, never touches them).
const heldOut: { name: string; gate: boolean; intro: string; dir: string; result: EvalResult }[] = [];
for (const h of HELD_OUT) {
  const dir = join(root, 'test/eval', h.name);
  if (dataIndex >= 0 || only !== undefined || !existsSync(dir)) continue;
  const measured = await runEvaluation({ tenant, brain, sources: sourcesFromDir(dir), root, progress: (l) => process.stderr.write(`eval (${h.name}): ${l}\n`) });
  // A set not gated yet shows a missed threshold as "below target" instead of failing --check.
  heldOut.push({ ...h, dir, result: h.gate ? measured : { ...measured, checks: measured.checks.map((c) => ({ ...c, gating: false })) } });
}
// Figures only: their failing cases are not printed, so that nobody tunes on them (`--data
// test/eval/holdout-N` shows them to whoever must audit the set itself).
for (const h of heldOut) process.stdout.write(`\n== ${h.name} (held-out; figures only) ==\n${renderSummary(h.result).split('\n').filter((l) => !l.startsWith('  ✗')).join('\n')}\n`);
// Every other tenant's NLU on its own held-out set (test/eval/<tenant>/), trained from its own utterances.
const tenantResults = dataIndex < 0 && only === undefined ? await Promise.all(tenantIntentSets(root).map((id) => evaluateTenantIntents(root, id))) : [];
for (const t of tenantResults) process.stdout.write(`\n== tenant ${t.tenant} (held-out; figures only) ==\n${renderTenantSummary(t)}\n`);
// Case by case before/after: `--cases before.json`, change, `--diff before.json`.
const casesIndex = args.indexOf('--cases');
if (casesIndex >= 0 && args[casesIndex + 1]) writeFileSync(args[casesIndex + 1]!, JSON.stringify(caseSnapshot(result), null, 1));
const diffIndex = args.indexOf('--diff');
if (diffIndex >= 0 && args[diffIndex + 1]) {
  const before = JSON.parse(readFileSync(args[diffIndex + 1]!, 'utf8')) as CaseSnapshot;
  process.stdout.write(`\nsince ${args[diffIndex + 1]}:\n${renderDiff(diffSnapshots(before, caseSnapshot(result)))}\n`);
}
const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
// `--commit REF`: a tree exported with `git archive` has no .git; say which commit it is.
const commitIndex = args.indexOf('--commit');
const givenCommit = commitIndex >= 0 ? args[commitIndex + 1] : undefined;
const commit = givenCommit ?? (git('rev-parse', '--short', 'HEAD') || 'unknown');
const dirty = givenCommit === undefined && git('status', '--porcelain', '--untracked-files=no') !== '';
if (recordLabel !== null) {
  const label = recordLabel;
  appendHistory(historyFile, historyRow(result, { date, commit: dirty ? `${commit}+` : commit, label }));
  process.stdout.write(`recorded in ${historyFile}\n`);
  for (const h of heldOut) {
    appendHistory(join(h.dir, 'history.jsonl'), historyRow(h.result, { date, commit: dirty ? `${commit}+` : commit, label }));
    process.stdout.write(`recorded in ${join(h.dir, 'history.jsonl')}\n`);
  }
}
if (write) {
  const history = readHistory(historyFile);
  const meta = { date, commit, dirty, brain: brain.kind === 'rules' ? 'rule' : brain.kind, tenant: tenant.settings.id };
  let markdown = renderMarkdown(result, meta, history);
  for (const h of heldOut) {
    const r = h.result;
    const passed = r.conversations.outcomes.filter((o) => o.passed).length;
    const sizes = `${r.intents.union.overall.n} intent messages, ${r.entities.rows} entity messages, ${r.products.rows} catalog queries (brain-fed top-1 ${((r.products.brainFed.top1.ok / Math.max(1, r.products.brainFed.top1.n)) * 100).toFixed(1)} %), ${r.conversations.outcomes.length} scripted conversations (${passed} passed, ${r.conversations.turns} turns).`;
    markdown = withHoldoutSection(markdown, h, renderMarkdown(r, meta, readHistory(join(h.dir, 'history.jsonl'))), sizes);
  }
  for (const t of tenantResults) markdown = `${markdown.trimEnd()}\n\n${renderTenantMarkdown(t)}`;
  writeFileSync(outFile, markdown);
  process.stdout.write(`wrote ${outFile}\n`);
}
if (check) {
  const missed = [
    ...result.checks,
    ...heldOut.flatMap((h) => h.result.checks.map((c) => ({ ...c, metric: `${h.name} ${c.metric}` }))),
    ...tenantResults.map((t) => ({ metric: `${t.tenant} intent accuracy`, pass: t.pass, gating: true })),
  ].filter((c) => !c.pass && c.gating);
  if (missed.length > 0) {
    process.stderr.write(`eval --check: ${missed.length} threshold(s) missed: ${missed.map((c) => c.metric).join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write('eval --check: every threshold met\n');
}

/**
 * EVALUATION.md with a held-out set's figures as their own top-level section after the main report
 * (a development set since 2026-12-03): only its Summary and History sections, headings one level
 * down; its per-case failures stay out of the report so that nobody tunes on them.
 */
function withHoldoutSection(main: string, set: HeldOutSet, held: string, sizes: string): string {
  const keep: string[] = [];
  let on = false;
  for (const line of held.split('\n')) {
    if (line.startsWith('## ')) on = line === '## Summary' || line === '## History';
    if (on) keep.push(line.startsWith('#') ? `#${line}` : line);
  }
  const body = keep.join('\n');
  const note = 'The data sets are held out:';
  const intro = main.includes(note)
    ? main.replace(note, 'These sets were held out until 2026-12-03 12:20 UTC and are now a **development set** (the held-out figures are in [Held-out set 2](#held-out-set-2-testevalholdout-2) and the sections after it below). They were')
    : main;
  return [intro.trimEnd(), '', `# Held-out set ${set.name.replace('holdout-', '')} (\`test/eval/${set.name}\`)`, '', set.intro, '', sizes, '', body].join('\n');
}
