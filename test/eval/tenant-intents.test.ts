import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTenant } from '../../src/persistence/tenant-loader.js';
import { createIntentSet } from '../../src/domain/intent-set.js';
import type { TenantData } from '../../src/domain/tenant.js';
import { evaluateTenantIntents, renderTenantMarkdown, renderTenantSummary, tenantIntentSets, topConfusions, type TenantIntentResult } from './lib/tenant-intents.js';
import type { IntentRow } from './lib/metrics.js';
import { heldOutLinesIn } from '../helpers/held-out-overlap.js';

/**
 * The per-tenant NLU evaluation (`npm run eval` measures every tenant with `test/eval/<tenant>/`)
 * and the estudio data it rests on. The held-out figures themselves are gated by `npm run eval -- --check`.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const fold = (t: string): string => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[¿?¡!.,]/g, '').replace(/\s+/g, ' ').trim();

let estudio: TenantData;
let heldOutFile: string;
let heldOut: IntentRow[];
let result: TenantIntentResult;

beforeAll(async () => {
  estudio = await loadTenant(join(root, 'tenants/estudio'));
  heldOutFile = readFileSync(join(root, 'test/eval/estudio/intents.jsonl'), 'utf8');
  heldOut = heldOutFile.split('\n').filter(Boolean).map((l) => JSON.parse(l) as IntentRow);
  result = await evaluateTenantIntents(root, 'estudio');
});

describe('estudio intent data', () => {
  it('should declare the 11 business intents plus human_agent and out_of_scope, each trained with at least 30 es and 12 en messages', () => {
    const labels = createIntentSet(estudio.intents).labels;
    expect([...labels].sort()).toEqual(
      ['actualizar_perfil', 'agendar_cita', 'ayuda', 'cancelar_cita', 'consulta_estado', 'consultar_historial', 'consultar_horarios', 'consultar_paquetes', 'despedida', 'human_agent', 'out_of_scope', 'pagar_servicio', 'saludo'].sort(),
    );
    for (const label of labels) {
      expect(estudio.utterances[label]!.es.length, `${label} es`).toBeGreaterThanOrEqual(30);
      expect(estudio.utterances[label]!.en.length, `${label} en`).toBeGreaterThanOrEqual(12);
    }
  });

  it('should hold a separate held-out set: at least 15 messages per intent, none of them a training message', () => {
    const labels = createIntentSet(estudio.intents).labels;
    for (const label of labels) expect(heldOut.filter((r) => r.intent === label).length, label).toBeGreaterThanOrEqual(15);
    expect(heldOut.every((r) => labels.includes(r.intent))).toBe(true);
    const training = new Set(Object.values(estudio.utterances).flatMap((byLang) => [...byLang.es, ...byLang.en]).map(fold));
    // Line numbers only: the held-out text must not reach the test log (it did once).
    expect(heldOutLinesIn(heldOutFile, (text) => training.has(fold(text))), 'held-out lines (numbers) equal to a training message').toEqual([]);
  });
});

describe('per-tenant intent evaluation', () => {
  it('should find the tenants that ship a held-out set (not the hardware store, measured by the main sets)', () => {
    expect(tenantIntentSets(root)).toEqual(['estudio']);
  });

  it('should score every held-out row once, by its tenant label, with a confusion matrix whose rows sum to each label support', () => {
    const { report } = result;
    expect(report.overall.n).toBe(heldOut.length);
    for (const [label, rate] of Object.entries(report.byIntent)) {
      expect(Object.values(report.confusion[label]!).reduce((a, b) => a + b, 0), label).toBe(rate.n);
      expect(report.confusion[label]![label]).toBe(rate.ok);
    }
    expect(report.errors.length).toBe(report.overall.n - report.overall.ok);
    expect(topConfusions(report).every((c) => c.gold !== c.predicted && c.count > 0)).toBe(true);
  });

  it('should fail the check below the tenant threshold and print figures without the failing messages', () => {
    const failing = { ...result, threshold: 1.01, pass: false };
    expect(renderTenantSummary(failing)).toMatch(/FAIL {2}estudio intent accuracy/);
    const summary = renderTenantSummary(result);
    for (const e of result.report.errors) expect(summary).not.toContain(e.text);
    expect(renderTenantMarkdown(result)).toContain('| gold \\ predicted |');
  });
});
