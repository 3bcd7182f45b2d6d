import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('deploy/grafana/hilo.json', () => {
  it('should query only series that docs/metrics.md documents', () => {
    const dashboard = JSON.parse(readFileSync(`${root}deploy/grafana/hilo.json`, 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const metrics = readFileSync(`${root}docs/metrics.md`, 'utf8');
    const used = new Set<string>();
    for (const panel of dashboard.panels) for (const t of panel.targets ?? []) for (const m of t.expr.matchAll(/\bhilo_[a-z0-9_]+/g)) used.add(m[0].replace(/_(bucket|count|sum)$/, ''));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !metrics.includes(`\`${name}\``) && !metrics.includes(`${name}\``) && !metrics.includes(`\`${name}`))).toEqual([]);
  });
});
