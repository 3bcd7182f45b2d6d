import { describe, it, expect, beforeEach, afterEach, expectTypeOf } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelUnderstanding, MODEL_UNDERSTANDING } from '../../../src/actors/brain/llm/understanding-schema.js';
import { toUnderstanding } from '../../../src/actors/brain/llm/llm-brain.js';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { createIntentSet } from '../../../src/domain/intent-set.js';
import { BUILT_IN_INTENT_SET, INTENTS, type IntentName, type TenantIntent } from '../../../src/domain/intents.js';
import { intentLabelOf } from '../../../src/domain/nlu.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import type { z } from '../../../src/kernel/schema.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { TENANT_DIR } from '../tools/helpers.js';

/** A tenant of five labels of its own, trained from some of the hardware store's utterances. */
const OWN_SET: TenantIntent[] = [
  { label: 'saludo', kind: 'core', behaviour: 'greeting' },
  { label: 'despedida', kind: 'core', behaviour: 'goodbye' },
  { label: 'horarios', kind: 'informational', behaviour: 'store_hours_location' },
  { label: 'human_agent', kind: 'core', behaviour: 'human_agent' },
  { label: 'out_of_scope', kind: 'core', behaviour: 'out_of_scope' },
];
/** As written in intents.json: only core labels name a behaviour. */
const DECLARED = OWN_SET.map(({ label, kind, behaviour }) => (kind === 'core' ? { label, kind, behaviour } : { label, kind }));
const SOURCE: Record<string, IntentName> = { saludo: 'greeting', despedida: 'goodbye', horarios: 'store_hours_location', human_agent: 'human_agent', out_of_scope: 'out_of_scope' };

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hilo-intent-set-'));
  dir = join(root, 'ferreteria');
  await cp(TENANT_DIR, dir, { recursive: true });
  const utterances = JSON.parse(await readFile(join(dir, 'utterances.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, 'utterances.json'), JSON.stringify(Object.fromEntries(Object.entries(SOURCE).map(([label, from]) => [label, utterances[from]]))));
  await writeFile(join(dir, 'intents.json'), JSON.stringify({ intents: DECLARED }));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function loadError(): Promise<string> {
  try {
    await loadTenant(dir);
  } catch (err) {
    expect(isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected the tenant to be rejected');
}

describe('tenant intent sets', () => {
  it('should keep the built-in set for a tenant without intents.json (ferreteria: 13 labels, each its own behaviour)', async () => {
    const tenant = await loadTenant(TENANT_DIR);
    expect(tenant.intents).toBeUndefined();
    const set = createIntentSet(tenant.intents);
    expect(set.labels).toEqual([...INTENTS]);
    expect(BUILT_IN_INTENT_SET.every((i) => i.label === i.behaviour)).toBe(true);
    expect(set.score('price_quote', 0.7)).toEqual({ name: 'price_quote', confidence: 0.7 });
  });

  it('should load a declared set and train the rule brain on its labels, readings naming behaviour and label', async () => {
    const tenant = await loadTenant(dir);
    expect(tenant.intents).toEqual(OWN_SET);
    const brain = createRuleBrain({ tenant });
    const hours = brain.parse('a que hora abren mañana?');
    expect(hours.intent).toMatchObject({ name: 'store_hours_location', label: 'horarios' });
    expect(new Set(hours.ranking.map(intentLabelOf))).toEqual(new Set(OWN_SET.map((i) => i.label)));
    // A greeting read by rule carries the tenant's label for it.
    expect(brain.parse('hola').intent).toMatchObject({ name: 'greeting', label: 'saludo' });
    // The hardware store's rules stay with the hardware store: a delivery question is no store question here.
    expect(intentLabelOf(brain.parse('me lo pueden llevar a Villa Hermosa?').intent)).not.toBe('store_hours_location');
  });

  it('should refuse duplicate labels, a core label without behaviour, a set without out_of_scope and utterances of other labels', async () => {
    const write = (intents: unknown[]) => writeFile(join(dir, 'intents.json'), JSON.stringify({ intents }));
    await write([...DECLARED, { label: 'saludo', kind: 'informational' }]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[5\]\.label: duplicate label "saludo"/);
    await write([{ label: 'saludo', kind: 'core' }, ...DECLARED.slice(1)]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[0\]\.behaviour: a core label needs the behaviour/);
    await write([{ label: 'horarios', kind: 'informational', behaviour: 'greeting' }, ...DECLARED.filter((i) => i.label !== 'horarios')]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[0\]\.behaviour: only core labels name a behaviour/);
    await write([{ label: 'saludo', kind: 'core', behaviour: 'price_quote' }, ...DECLARED.slice(1)]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[0\]\.behaviour: expected one of greeting/);
    await write(DECLARED.filter((i) => i.label !== 'out_of_scope'));
    expect(await loadError()).toMatch(/intents\.json: \$\.intents: no label stands for out_of_scope/);
    await write([...DECLARED, { label: 'Mal Label', kind: 'workflow' }]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[5\]\.label: expected a label of lower-case letters/);
    await write([...DECLARED, { label: 'ayuda', kind: 'informational', answer: { template: 'no.such.template' } }]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[5\]\.answer\.template: unknown template "no\.such\.template"/);
    await write([...DECLARED, { label: 'ayuda', kind: 'informational', answer: { source: 'weather' } }]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[5\]\.answer/);
    await write([{ ...DECLARED[0], answer: { template: 'greeting' } }, ...DECLARED.slice(1)]);
    expect(await loadError()).toMatch(/intents\.json: \$\.intents\[0\]\.answer: a core label is answered by its behaviour/);
    await write([...DECLARED, { label: 'agendar_cita', kind: 'workflow' }]);
    expect(await loadError()).toMatch(/utterances\.json: .*agendar_cita/);
  });

  it('should give the LLM brain the tenant labels only, mapped back to behaviours', () => {
    const own = createModelUnderstanding(['saludo', 'horarios', 'out_of_scope']);
    const answer = {
      intent: 'horarios', confidence: 0.8, lang: 'es', entities: [], lead_fields: { name: null, email: null, phone_or_username: null, company_name: null, problem_statement: null },
      interest_area: null, urgency: null, sentiment: 'neutral', priority: 3, critical: false, affirmation: null, products: [], account_id: null,
    };
    expect(own.safeParse(answer).success).toBe(true);
    expect(MODEL_UNDERSTANDING.safeParse(answer).success).toBe(false);
    expect(own.safeParse({ ...answer, intent: 'price_quote' }).success).toBe(false);
    expectTypeOf<z.infer<typeof MODEL_UNDERSTANDING>['intent']>().toExtend<IntentName>();
    const u = toUnderstanding({ ...answer, lang: 'es', sentiment: 'neutral' }, 'a que hora abren', createIntentSet(OWN_SET));
    expect(u.nlu.intent).toEqual({ name: 'store_hours_location', confidence: 0.8, label: 'horarios' });
    expect(u.nlu.ranking.map(intentLabelOf)).toEqual(['horarios', 'saludo', 'despedida', 'human_agent', 'out_of_scope']);
  });
});
