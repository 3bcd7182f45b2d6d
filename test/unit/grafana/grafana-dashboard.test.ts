import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy', 'grafana', 'hilo.json'), 'utf8')) as {
  uid: string;
  panels: Array<{ id: number; type: string; title: string; gridPos: { h: number; w: number; x: number; y: number }; datasource?: { uid: string }; targets?: Array<{ expr: string; refId: string; datasource?: { uid: string } }> }>;
  templating: { list: Array<{ name: string; type: string; query: string | { query: string } }> };
};
const metricsDoc = readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8');

/** Grafana's variables replaced by values PromQL accepts, so the expression can be parsed. */
const withoutVariables = (expr: string) => expr.replace(/\$__rate_interval|\$__range|\$__interval/g, '5m').replace(/\$\{?\w+\}?/g, '.*');

/** The PromQL syntax errors of an expression (positions), and the metric names it selects. */
function readPromQl(expr: string): { errors: number[]; metrics: string[] } {
  const text = withoutVariables(expr);
  const errors: number[] = [];
  const metrics: string[] = [];
  parser.parse(text).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') metrics.push(text.slice(node.from, node.to));
    },
  });
  return { errors, metrics };
}

/** Documented by name in docs/metrics.md; a histogram's `_bucket`/`_count`/`_sum` under the histogram's. */
const documented = (metric: string) => [metric, metric.replace(/_(bucket|count|sum)$/, '')].some((name) => metricsDoc.includes(`\`${name}\``));

const queries = [
  ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `${p.title} ${t.refId}`, expr: t.expr }))),
  ...dashboard.templating.list.filter((v) => v.type === 'query').map((v) => ({ where: `variable ${v.name}`, expr: (typeof v.query === 'string' ? v.query : v.query.query).replace(/^label_values\(([^,]+),.*\)$/, '$1') })),
];

describe('deploy/grafana/hilo.json', () => {
  it('should be a dashboard whose panels have unique ids, a title, a place and the datasource variable', () => {
    expect(dashboard.uid).toBe('hilo-runtime');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) {
      expect(p.title.length, `panel ${p.id}`).toBeGreaterThan(0);
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      if (p.type === 'row') continue;
      expect(p.datasource?.uid, p.title).toBe('${datasource}');
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
    }
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'instance', 'channel', 'brain']);
  });

  it('should filter every series of every panel by the instance variable', () => {
    for (const p of dashboard.panels) {
      for (const t of p.targets ?? []) {
        const selectors = t.expr.match(/\b(hilo|nodejs)_[a-z0-9_]+(?![a-z0-9_(])(\{[^}]*\})?/g) ?? [];
        expect(selectors.length, p.title).toBeGreaterThan(0);
        for (const sel of selectors) expect(sel, `${p.title}: ${t.expr}`).toContain('instance=~"$instance"');
      }
    }
  });

  it('should hold only PromQL that parses', () => {
    expect(queries.length).toBeGreaterThan(25);
    for (const q of queries) expect(readPromQl(q.expr).errors, `${q.where}: ${q.expr}`).toEqual([]);
  });

  it('should query only series that docs/metrics.md documents, so the dashboard cannot drift', () => {
    const used = new Set(queries.flatMap((q) => readPromQl(q.expr).metrics));
    expect(used.size).toBeGreaterThan(15);
    for (const metric of used) expect(documented(metric), `${metric} is not in docs/metrics.md`).toBe(true);
  });

  it('should show turn latency p50 and p95 by channel and by brain, handoffs, automation, outbox failures, LLM fallbacks and injections', () => {
    const exprs = queries.map((q) => q.expr.replace(/\s+/g, ' '));
    for (const q of ['0.5', '0.95']) {
      for (const by of ['channel', 'brain']) expect(exprs.some((e) => e.includes(`histogram_quantile(${q}, sum by (le, ${by}) (rate(hilo_turn_duration_seconds_bucket`)), `p${q} by ${by}`).toBe(true);
    }
    for (const metric of [/hilo_tickets_opened_total\{[^}]*kind="handoff"/, /hilo_outbox_failed_total/, /hilo_outbox_send_duration_seconds_count/, /hilo_llm_fallbacks_total/, /hilo_prompt_injections_total/, /hilo_turns_total/]) {
      expect(exprs.some((e) => metric.test(e)), String(metric)).toBe(true);
    }
  });

  it('should catch what it is meant to: a broken expression and an undocumented series', () => {
    expect(readPromQl('sum(rate(hilo_turns_total[5m])').errors.length).toBeGreaterThan(0);
    const { metrics } = readPromQl('rate(hilo_no_such_series_total[$__rate_interval])');
    expect(metrics).toEqual(['hilo_no_such_series_total']);
    expect(documented('hilo_no_such_series_total')).toBe(false);
    expect(documented('hilo_turn_duration_seconds_bucket')).toBe(true);
  });
});
