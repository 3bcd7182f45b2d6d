import type { EvalResult } from './harness.js';

/** The per-case outcome of a run, small enough to keep as a JSON file and compare with a later run. */
export interface CaseSnapshot {
  conversations: Record<string, boolean>;
  intents: Record<string, boolean>;
  catalogQueries: Record<string, boolean>;
}

export function caseSnapshot(r: EvalResult): CaseSnapshot {
  return {
    conversations: Object.fromEntries(r.conversations.outcomes.map((o) => [`${o.file}:${o.line} ${o.title}`, o.passed])),
    intents: Object.fromEntries(r.intents.union.outcomes.map((o) => [o.text, o.ok])),
    catalogQueries: Object.fromEntries(r.products.search.outcomes.map((o) => [o.text, o.ok])),
  };
}

export interface CaseDiff {
  fixed: string[];
  broken: string[];
}

function diffMap(before: Record<string, boolean>, after: Record<string, boolean>): CaseDiff {
  const fixed: string[] = [];
  const broken: string[] = [];
  for (const [k, ok] of Object.entries(after)) {
    if (!(k in before)) continue;
    if (ok && before[k] === false) fixed.push(k);
    if (!ok && before[k] === true) broken.push(k);
  }
  return { fixed, broken };
}

/** What changed case by case between two runs; cases present in only one of them are ignored. */
export function diffSnapshots(before: CaseSnapshot, after: CaseSnapshot): Record<keyof CaseSnapshot, CaseDiff> {
  return {
    conversations: diffMap(before.conversations, after.conversations),
    intents: diffMap(before.intents, after.intents),
    catalogQueries: diffMap(before.catalogQueries, after.catalogQueries),
  };
}

export function renderDiff(d: Record<keyof CaseSnapshot, CaseDiff>): string {
  const lines: string[] = [];
  for (const [kind, { fixed, broken }] of Object.entries(d)) {
    lines.push(`${kind}: ${fixed.length} fixed, ${broken.length} broken`);
    for (const k of broken) lines.push(`  - broken: ${k}`);
    for (const k of fixed) lines.push(`  + fixed:  ${k}`);
  }
  return lines.join('\n');
}
