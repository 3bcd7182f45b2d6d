import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../helpers/memory-host.js';
import type { Brain } from '../../src/actors/brain/brain.js';
import type { TenantData } from '../../src/domain/tenant.js';
import { ConvFormatError, parseConv } from './lib/conv-format.js';
import { INTENTS } from '../../src/domain/intents.js';
import { defaultSources, readJsonl, runEvaluation, sourcesFromDir, type EvalResult } from './lib/harness.js';
import { f1, goldSkus, SCORED_ENTITY_TYPES, type CatalogQueryRow, type EntityRow, type IntentRow } from './lib/metrics.js';
import { caseSnapshot, diffSnapshots } from './lib/diff.js';
import { historyRow } from './lib/history.js';
import { renderMarkdown } from './lib/report.js';
import { normaliseEntity } from './lib/text.js';

/**
 * The evaluation harness on tiny fixtures (test/eval/self-test) whose right answers are known:
 * it must report a wrong gold label, a wrong entity, a wrong product and a failing conversation
 * expectation as failures, and `--check` must exit non-zero. The held-out sets themselves are run
 * by `npm run eval`, not here.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const selfTest = fileURLToPath(new URL('./self-test', import.meta.url));

let tenant: TenantData;
let brain: Brain;
let result: EvalResult;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  result = await runEvaluation({ tenant, brain, sources: sourcesFromDir(selfTest), root });
});

describe('evaluation harness', () => {
  it('should report the blind rows without failing --check unless thresholds.json gates them', async () => {
    const { mkdtempSync, mkdirSync, cpSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'hilo-eval-'));
    cpSync(selfTest, dir, { recursive: true });
    writeFileSync(join(dir, 'thresholds.json'), JSON.stringify({ intent: 0, entityF1: 0, productTop1: 0, conversations: 0, injectionDetect: 1, injectionFalsePositive: 0 }));
    mkdirSync(join(dir, 'no-conversations'));
    const sources = sourcesFromDir(dir);
    const ungated = await runEvaluation({ tenant, brain, sources: { ...sources, injection: [], conversations: join(dir, 'no-conversations') }, root });
    const blindRows = ungated.checks.filter((c) => c.metric.endsWith('(blind)'));
    expect(blindRows.map((c) => [c.pass, c.gating])).toEqual([[false, false], [false, false]]);
    const md = renderMarkdown(ungated, { date: '2026-12-03 12:00 UTC', commit: 'abc1234', dirty: false, brain: 'rule', tenant: 'ferreteria' });
    expect(md).toContain('**below target** (reported, not gating)');
  });

  it('should report blind injection sets as counts only: per set, language and category, never a text', () => {
    const blind = result.blindInjection!;
    expect(blind.sets.map((s) => s.name)).toEqual(['blind-selftest']);
    expect(blind.union.attacks).toEqual({ ok: 2, n: 3 });
    expect(blind.union.falsePositive).toEqual({ ok: 1, n: 2 });
    expect(blind.attackCategories['deliberately-benign-to-count-a-miss']).toEqual({ ok: 0, n: 1 });
    expect(blind.byLang.en).toEqual({ attacks: { ok: 1, n: 1 }, falsePositive: { ok: 1, n: 1 } });
    expect(blind.byLang.es).toEqual({ attacks: { ok: 1, n: 2 }, falsePositive: { ok: 0, n: 1 } });
    expect(result.checks.map((c) => c.metric)).toContain('injection detection (blind)');
    const md = renderMarkdown(result, { date: '2026-12-03 12:00 UTC', commit: 'abc1234', dirty: false, brain: 'rule', tenant: 'ferreteria' });
    expect(md).toContain('Blind sets (figures only)');
    for (const file of ['blind-selftest-attacks.jsonl', 'blind-selftest-benign.jsonl']) {
      for (const row of readJsonl<{ text: string }>(join(selfTest, file))) expect(md).not.toContain(row.text.slice(0, 30));
    }
  });

  it('should count a message whose gold label the brain does not give as an intent error', () => {
    const set = result.intents.sets[0]!;
    expect(set.overall.n).toBe(3);
    expect(set.errors.map((e) => e.text)).toContain('bye, thanks a lot');
    expect(set.confusion.complaint!.complaint).toBe(0);
    expect(set.overall.ok).toBe(set.overall.n - set.errors.length);
  });

  it('should score entities on normalised values and count a wrong value as both a miss and a spurious entity', () => {
    expect(result.entities.byType.email).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(result.entities.byType.account_id).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(f1(result.entities.micro)).toBeCloseTo(0.5, 5);
  });

  it('should accept any of several right SKUs and report a query resolved to none of them', () => {
    expect(result.products.search.top1.n).toBe(2);
    expect(result.products.search.errors.map((e) => e.query)).toEqual(['cemento blanco']);
  });

  it('should pass a conversation whose expectations hold and list every failed expectation of the other', () => {
    const [good, bad] = result.conversations.outcomes;
    expect(good).toMatchObject({ title: 'handoff on request', passed: true, checks: 3, failures: [] });
    expect(bad!.checks).toBe(4);
    expect(bad!.passed).toBe(false);
    expect(bad!.failures.map((f) => [f.turn, f.expected])).toEqual([
      [1, 'language en'],
      [1, 'state workflow.form'],
      [2, 'reply contains "99,999"'],
      [2, 'ticket quote'],
    ]);
    expect(bad!.failures[3]!.got).toMatch(/^ticket (none|handoff)/);
  });

  it('should fail the thresholds it misses and render every failure in the report', () => {
    const failed = result.checks.filter((c) => !c.pass).map((c) => c.metric);
    expect(failed).toEqual(['intent accuracy (union)', 'entity F1 (micro)', 'product top-1 (search)', 'conversation pass rate', 'injection detection (blind)', 'injection false positives (blind)']);
    // The self-test's thresholds.json sets gateBlindInjection: the blind rows fail --check there.
    expect(result.checks.filter((c) => !c.pass && c.gating).map((c) => c.metric)).toEqual(failed);
    const md = renderMarkdown(result, { date: '2026-12-03 12:00 UTC', commit: 'abc1234', dirty: false, brain: 'rule', tenant: 'ferreteria' });
    expect(md).toContain('deliberately wrong expectations');
    expect(md).toContain('turn 2 `> quiero hablar con un humano` — expected reply contains "99,999"');
    expect(md).toContain('commit `abc1234`');
    expect(md).toMatch(/\| conversation pass rate \| 50\.0 % \| >= 100\.0 % \| \*\*FAIL\*\* \|/);
  });

  it('should record the headline figures of a run and show them as history in the report', () => {
    const row = historyRow(result, { date: '2026-12-03 12:00 UTC', commit: 'abc1234', label: 'self-test run' });
    expect(row).toMatchObject({ label: 'self-test run', conversations: 0.5, productTop1: 0.5, sizes: { intents: 3, entities: 2, catalogQueries: 2, conversations: 2, injectionAttacks: 1, injectionBenign: 1 } });
    expect(row.intent).toBeCloseTo(2 / 3, 3);
    const md = renderMarkdown(result, { date: '2026-12-03 12:00 UTC', commit: 'abc1234', dirty: false, brain: 'rule', tenant: 'ferreteria' }, [row]);
    expect(md).toContain('| self-test run | 66.7 % | 0.500 | 50.0 % | 50.0 % |');
  });

  it('should list the cases a later run fixed and broke', () => {
    const now = caseSnapshot(result);
    expect(Object.values(now.conversations)).toEqual([true, false]);
    const before = structuredClone(now);
    const [goodKey, badKey] = Object.keys(before.conversations) as [string, string];
    before.conversations[goodKey] = false;
    before.conversations[badKey] = true;
    before.intents['buenas tardes'] = false;
    expect(diffSnapshots(before, now)).toEqual({
      conversations: { fixed: [goodKey], broken: [badKey] },
      intents: { fixed: ['buenas tardes'], broken: [] },
      catalogQueries: { fixed: [], broken: [] },
    });
  });

  it('should exit non-zero from `npm run eval -- --check` when a threshold is missed', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--data', selfTest, '--no-write', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toContain('threshold(s) missed');
    expect(run.status).toBe(1);
  }, 60_000);
});

describe('conversation format', () => {
  it('should read turns, alternatives, negative fragments and state expectations', () => {
    const [conv] = parseConv(['=== t', '@channel whatsapp', '> hola', '< a || b', '<! c', '= state: triage.idle', '= lead: email=x@y.com; company~Del Este', '= closed'].join('\n'), 'x.conv');
    expect(conv!.channel).toBe('whatsapp');
    expect(conv!.turns[0]!.expect).toEqual([
      { kind: 'contains', any: ['a', 'b'], line: 4 },
      { kind: 'not_contains', text: 'c', line: 5 },
      { kind: 'state', value: 'triage.idle', line: 6 },
      { kind: 'lead', checks: [{ field: 'email', op: '=', value: 'x@y.com' }, { field: 'company_name', op: '~', value: 'Del Este' }], line: 7 },
      { kind: 'closed', line: 8 },
    ]);
  });

  it('should read a literal \\n in a customer message as a line break (a pasted list)', () => {
    const [conv] = parseConv('=== t\n> 2 sacos\\n3 varillas\n< a', 'x.conv');
    expect(conv!.turns[0]!.text).toBe('2 sacos\n3 varillas');
  });

  it('should reject what it cannot read, with file and line', () => {
    expect(() => parseConv('> hola', 'a.conv')).toThrow(ConvFormatError);
    expect(() => parseConv('=== t\n> hola\n= ticket: maybe', 'b.conv')).toThrow(/b\.conv:3/);
    expect(() => parseConv('=== t\n> hola\n= lead: colour=red', 'c.conv')).toThrow(/unknown lead field/);
    expect(() => parseConv('=== empty\n=== t\n> hola', 'd.conv')).toThrow(/no turns/);
  });

  it('should compare entity values the way a person would', () => {
    expect(normaliseEntity('phone', '809-555-1234')).toBe(normaliseEntity('phone', '+18095551234'));
    expect(normaliseEntity('account_id', '10-587')).toBe('10587');
    expect(normaliseEntity('product', 'varillas de 3/8')).toBe(normaliseEntity('product', 'varilla 3/8'));
    expect(normaliseEntity('person_name', 'José Pérez.')).toBe(normaliseEntity('person_name', 'jose perez'));
    expect(normaliseEntity('product', 'cemento gris')).not.toBe(normaliseEntity('product', 'cemento blanco'));
  });
});

describe('held-out sets', () => {
  const sources = defaultSources(root);

  it('should hold at least 300 intent messages over all 13 intents in both languages', () => {
    const rows = readJsonl<IntentRow>(sources.intentSets[0]!.file);
    expect(rows.length).toBeGreaterThanOrEqual(300);
    for (const intent of INTENTS) {
      const of = rows.filter((r) => r.intent === intent);
      expect(of.length, intent).toBeGreaterThanOrEqual(20);
      expect(new Set(of.map((r) => r.lang)), intent).toEqual(new Set(['es', 'en']));
    }
    expect(rows.every((r) => (INTENTS as readonly string[]).includes(r.intent) && (r.lang === 'es' || r.lang === 'en'))).toBe(true);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });

  it('should share no intent message with the training utterances or with the other held-out set', () => {
    const key = (t: string) => t.toLowerCase().replace(/[¿?¡!.\s]+/g, ' ').trim();
    const training = new Set(Object.values(tenant.utterances).flatMap((byLang) => Object.values(byLang).flat().map(key)));
    const other = new Set(readJsonl<IntentRow>(sources.intentSets[1]!.file).map((r) => key(r.text)));
    const rows = readJsonl<IntentRow>(sources.intentSets[0]!.file);
    // Found in training: take it out of training if it was copied there, else rephrase the held-out row.
    expect(rows.filter((r) => training.has(key(r.text))).map((r) => r.text)).toEqual([]);
    expect(rows.filter((r) => other.has(key(r.text))).map((r) => r.text)).toEqual([]);
  });

  it('should hold at least 200 entity messages covering every scored type', () => {
    const rows = readJsonl<EntityRow>(sources.entities);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const type of SCORED_ENTITY_TYPES) expect(rows.filter((r) => r.entities.some((e) => e.type === type)).length, type).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r.entities.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it('should hold at least 300 catalog queries, every SKU real, every product asked for', () => {
    const rows = readJsonl<CatalogQueryRow>(sources.catalogQueries);
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const known = new Set(tenant.catalog.map((p) => p.sku));
    const asked = new Set(rows.flatMap((r) => goldSkus(r)));
    expect([...asked].filter((s) => !known.has(s))).toEqual([]);
    expect([...known].filter((s) => !asked.has(s))).toEqual([]);
  });

  it('should hold at least 150 scripted conversations that all parse', () => {
    const files = readdirSync(sources.conversations).filter((f) => f.endsWith('.conv'));
    const conversations = files.flatMap((f) => parseConv(readFileSync(join(sources.conversations, f), 'utf8'), f));
    expect(conversations.length).toBeGreaterThanOrEqual(150);
    // Every conversation checks something.
    expect(conversations.filter((c) => c.turns.every((t) => t.expect.length === 0)).map((c) => c.title)).toEqual([]);
  });
});

/**
 * Products added to the demo catalog after the held-out sets were written (catalog17, session 29:
 * the wax ring, plunger, drain cleaner, tile spacers, masking tape, sandpaper, lamps, brooms…). A
 * frozen held-out set cannot ask for them, so there "every product asked for" means every product
 * of the catalog it was written from; the development set asks for these too.
 */
const ADDED_AFTER_HOLDOUTS = new Set([
  'PLO-017', 'PLO-018', 'PLO-019', 'PLO-020', 'PLO-021', 'ELE-027', 'ELE-028', 'ELE-029', 'PIN-019', 'PIN-020', 'PIN-021', 'PIN-022',
  'PIN-023', 'PIN-024', 'HER-025', 'HER-026', 'HER-027', 'ADH-007', 'PIS-006', 'PIS-007', 'LIM-001', 'LIM-002', 'LIM-003',
]);

describe('products added after the held-out sets', () => {
  it('should all be in the catalog, so that the held-out sets still ask for every other product', () => {
    const known = new Set(tenant.catalog.map((p) => p.sku));
    expect([...ADDED_AFTER_HOLDOUTS].filter((s) => !known.has(s))).toEqual([]);
  });
});

/**
 * holdout-2: the held-out set since the main sets became a development set (2026-12-03). Only its
 * size and form are checked here; `npm run eval` reports its figures and `--check` applies to them.
 */
describe('held-out set 2 (test/eval/holdout-2)', () => {
  const holdout = sourcesFromDir(fileURLToPath(new URL('./holdout-2', import.meta.url)));
  const key = (t: string) => t.toLowerCase().replace(/[¿?¡!.,\s]+/g, ' ').trim();

  it('should hold at least 200 intent messages over all 13 intents in both languages, none shared with training or the other sets', () => {
    const rows = readJsonl<IntentRow>(holdout.intentSets[0]!.file);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const intent of INTENTS) {
      const of = rows.filter((r) => r.intent === intent);
      expect(of.length, intent).toBeGreaterThanOrEqual(12);
      expect(new Set(of.map((r) => r.lang)), intent).toEqual(new Set(['es', 'en']));
    }
    expect(rows.every((r) => (INTENTS as readonly string[]).includes(r.intent) && (r.lang === 'es' || r.lang === 'en'))).toBe(true);
    expect(new Set(rows.map((r) => key(r.text))).size).toBe(rows.length);
    const training = new Set(Object.values(tenant.utterances).flatMap((byLang) => Object.values(byLang).flat().map(key)));
    const others = new Set(defaultSources(root).intentSets.flatMap((s) => readJsonl<IntentRow>(s.file).map((r) => key(r.text))));
    expect(rows.filter((r) => training.has(key(r.text))).map((r) => r.text)).toEqual([]);
    expect(rows.filter((r) => others.has(key(r.text))).map((r) => r.text)).toEqual([]);
  });

  it('should hold at least 150 entity messages covering every scored type', () => {
    const rows = readJsonl<EntityRow>(holdout.entities);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const type of SCORED_ENTITY_TYPES) expect(rows.filter((r) => r.entities.some((e) => e.type === type)).length, type).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r.entities.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    const main = new Set(readJsonl<EntityRow>(defaultSources(root).entities).map((r) => key(r.text)));
    expect(rows.filter((r) => main.has(key(r.text))).map((r) => r.text)).toEqual([]);
  });

  it('should hold at least 200 catalog queries, every SKU real, every product asked for', () => {
    const rows = readJsonl<CatalogQueryRow>(holdout.catalogQueries);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const known = new Set(tenant.catalog.map((p) => p.sku));
    const asked = new Set(rows.flatMap((r) => goldSkus(r)));
    expect([...asked].filter((s) => !known.has(s))).toEqual([]);
    expect([...known].filter((s) => !asked.has(s) && !ADDED_AFTER_HOLDOUTS.has(s))).toEqual([]);
    expect(new Set(rows.map((r) => r.query.toLowerCase())).size).toBe(rows.length);
    // Fresh phrasings: none of them is a query of the main (now development) set.
    const main = new Set(readJsonl<CatalogQueryRow>(defaultSources(root).catalogQueries).map((r) => key(r.query)));
    expect(rows.filter((r) => main.has(key(r.query))).map((r) => r.query)).toEqual([]);
  });

  it('should hold at least 150 scripted conversations that all parse, each checking something, leads in both languages', () => {
    const files = readdirSync(holdout.conversations).filter((f) => f.endsWith('.conv'));
    const conversations = files.flatMap((f) => parseConv(readFileSync(join(holdout.conversations, f), 'utf8'), f));
    expect(conversations.length).toBeGreaterThanOrEqual(150);
    expect(conversations.filter((c) => c.turns.every((t) => t.expect.length === 0)).map((c) => c.title)).toEqual([]);
    expect(new Set(conversations.map((c) => c.title)).size).toBe(conversations.length);
    const submitted = conversations.filter((c) => c.turns.some((t) => t.expect.some((e) => e.kind === 'lead' && e.checks.some((k) => k.field === 'status' && k.value === 'submitted'))));
    expect(submitted.length).toBeGreaterThanOrEqual(10);
    expect(submitted.some((c) => c.turns.some((t) => t.expect.some((e) => e.kind === 'lang' && e.value === 'en')))).toBe(true);
  });

  it('should keep its own thresholds equal to the main ones, so that --check holds it to the same bar', () => {
    expect(JSON.parse(readFileSync(holdout.thresholds, 'utf8'))).toEqual(JSON.parse(readFileSync(defaultSources(root).thresholds, 'utf8')));
    expect(readJsonl(holdout.injection[0]!.attacks).length).toBeGreaterThanOrEqual(20);
    expect(readJsonl(holdout.injection[0]!.benign).length).toBeGreaterThanOrEqual(20);
  });
});

/**
 * holdout-3: written on 2026-12-06, after holdout-2 had been tuned on by families. Only its size and
 * form are checked here, and that none of its rows is a training utterance or a row of another set;
 * `npm run eval` reports its figures (not gated by `--check` until it meets the thresholds).
 */
describe('held-out set 3 (test/eval/holdout-3)', () => {
  const holdout = sourcesFromDir(fileURLToPath(new URL('./holdout-3', import.meta.url)));
  const older = sourcesFromDir(fileURLToPath(new URL('./holdout-2', import.meta.url)));
  const key = (t: string) => t.toLowerCase().replace(/[¿?¡!.,\s]+/g, ' ').trim();

  it('should hold at least 150 intent messages over all 13 intents in both languages, none shared with training or the other sets', () => {
    const rows = readJsonl<IntentRow>(holdout.intentSets[0]!.file);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const intent of INTENTS) {
      const of = rows.filter((r) => r.intent === intent);
      expect(of.length, intent).toBeGreaterThanOrEqual(12);
      expect(new Set(of.map((r) => r.lang)), intent).toEqual(new Set(['es', 'en']));
    }
    expect(rows.every((r) => (INTENTS as readonly string[]).includes(r.intent) && (r.lang === 'es' || r.lang === 'en'))).toBe(true);
    expect(new Set(rows.map((r) => key(r.text))).size).toBe(rows.length);
    const training = new Set(Object.values(tenant.utterances).flatMap((byLang) => Object.values(byLang).flat().map(key)));
    const others = new Set([...defaultSources(root).intentSets, ...older.intentSets].flatMap((s) => readJsonl<IntentRow>(s.file).map((r) => key(r.text))));
    expect(rows.filter((r) => training.has(key(r.text))).map((r) => r.text)).toEqual([]);
    expect(rows.filter((r) => others.has(key(r.text))).map((r) => r.text)).toEqual([]);
  });

  it('should hold at least 60 entity messages covering every scored type, none shared with the other sets', () => {
    const rows = readJsonl<EntityRow>(holdout.entities);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const type of SCORED_ENTITY_TYPES) expect(rows.filter((r) => r.entities.some((e) => e.type === type)).length, type).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => r.entities.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => key(r.text))).size).toBe(rows.length);
    const others = new Set([defaultSources(root).entities, older.entities].flatMap((f) => readJsonl<EntityRow>(f).map((r) => key(r.text))));
    expect(rows.filter((r) => others.has(key(r.text))).map((r) => r.text)).toEqual([]);
  });

  it('should hold at least 150 catalog queries, every SKU real, every product asked for, none a query of the other sets', () => {
    const rows = readJsonl<CatalogQueryRow>(holdout.catalogQueries);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    const known = new Set(tenant.catalog.map((p) => p.sku));
    const asked = new Set(rows.flatMap((r) => goldSkus(r)));
    expect([...asked].filter((s) => !known.has(s))).toEqual([]);
    expect([...known].filter((s) => !asked.has(s) && !ADDED_AFTER_HOLDOUTS.has(s))).toEqual([]);
    expect(new Set(rows.map((r) => key(r.query))).size).toBe(rows.length);
    const others = new Set([defaultSources(root).catalogQueries, older.catalogQueries].flatMap((f) => readJsonl<CatalogQueryRow>(f).map((r) => key(r.query))));
    expect(rows.filter((r) => others.has(key(r.query))).map((r) => r.query)).toEqual([]);
  });

  it('should hold at least 150 scripted conversations that all parse, each checking something, in both languages and on WhatsApp, leads in both languages', () => {
    const files = readdirSync(holdout.conversations).filter((f) => f.endsWith('.conv'));
    const conversations = files.flatMap((f) => parseConv(readFileSync(join(holdout.conversations, f), 'utf8'), f));
    expect(conversations.length).toBeGreaterThanOrEqual(150);
    expect(conversations.filter((c) => c.turns.every((t) => t.expect.length === 0)).map((c) => c.title)).toEqual([]);
    expect(new Set(conversations.map((c) => c.title)).size).toBe(conversations.length);
    const english = (c: (typeof conversations)[number]) => c.turns.some((t) => t.expect.some((e) => e.kind === 'lang' && e.value === 'en'));
    expect(conversations.filter(english).length).toBeGreaterThanOrEqual(50);
    expect(conversations.filter((c) => c.channel === 'whatsapp').length).toBeGreaterThanOrEqual(5);
    const submitted = conversations.filter((c) => c.turns.some((t) => t.expect.some((e) => e.kind === 'lead' && e.checks.some((k) => k.field === 'status' && k.value === 'submitted'))));
    expect(submitted.length).toBeGreaterThanOrEqual(10);
    expect(submitted.some(english)).toBe(true);
    // Fresh conversations: no opening message is one of holdout-2's.
    const opening = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.conv')).flatMap((f) => parseConv(readFileSync(join(dir, f), 'utf8'), f)).map((c) => key(c.turns[0]!.text));
    const olderOpenings = new Set(opening(older.conversations));
    expect(conversations.filter((c) => olderOpenings.has(key(c.turns[0]!.text))).map((c) => c.title)).toEqual([]);
  });

  it('should keep its own thresholds equal to the main ones, with its own injection pair', () => {
    expect(JSON.parse(readFileSync(holdout.thresholds, 'utf8'))).toEqual(JSON.parse(readFileSync(defaultSources(root).thresholds, 'utf8')));
    expect(readJsonl(holdout.injection[0]!.attacks).length).toBeGreaterThanOrEqual(20);
    expect(readJsonl(holdout.injection[0]!.benign).length).toBeGreaterThanOrEqual(20);
  });
});
