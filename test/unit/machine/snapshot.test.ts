import { describe, it, expect } from 'vitest';
import { MACHINE_VERSION } from '../../../src/machines/conversation.contract.js';
import { migrateSnapshot } from '../../../src/machines/migrate-snapshot.js';
import { createConversation, stateString, understood, type BrainScript } from './machine-harness.js';

const script: BrainScript = {
  cotizar: understood('sales_lead'),
  'Juan Pérez': understood('out_of_scope', { confidence: 0.2, leadFields: { name: 'Juan Pérez' } }),
  completo: understood('sales_lead', {
    leadFields: { name: 'Ana Gómez', email: 'ana@gomez.do', company_name: null, problem_statement: 'Piso de 80 m2' },
    interestArea: 'Ventas',
    urgency: 'Bajo',
  }),
  sí: understood('out_of_scope', { affirmation: 'yes' }),
  precio: understood('price_quote'),
  'cemento gris': understood('out_of_scope', { products: [{ query: 'cemento gris' }] }),
  cuenta: understood('account_status'),
  '10045': understood('out_of_scope', { accountId: '10045' }),
  humano: understood('human_agent'),
  hola: understood('greeting'),
  chao: understood('goodbye'),
};

let productCalls = 0;
let accountCalls = 0;
const effects = {
  answerProduct: () => (++productCalls % 2 === 1 ? { outcome: 'need_product' as const, replies: [{ template: 'product.askWhich' }] } : { outcome: 'answered' as const, replies: [{ template: 'product.found' }] }),
  answerAccount: () => (++accountCalls % 2 === 1 ? { outcome: 'need_account_id' as const, replies: [{ template: 'account.askId' }] } : { outcome: 'answered' as const, replies: [{ template: 'account.status' }] }),
};

/** [awaiting state, messages that lead there, next message, expected replies after restoring, state after]. */
const cases: [string, string[], string | { type: 'agent.resolved'; agentName: string; outcome: string }, string[], string][] = [
  ['triage.idle', [], 'hola', ['greeting'], 'triage.idle'],
  ['workflow.form.collecting.waiting', ['cotizar'], 'Juan Pérez', ['lead.ask.email'], 'workflow.form.collecting.waiting'],
  ['workflow.form.confirming', ['completo'], 'sí', ['lead.submitted'], 'triage.idle'],
  ['answering.awaitingProduct', ['precio'], 'cemento gris', ['product.found'], 'triage.idle'],
  ['answering.awaitingAccountId', ['cuenta'], '10045', ['account.status'], 'triage.idle'],
  ['handoff.withHuman', ['humano'], { type: 'agent.resolved', agentName: 'Rosa', outcome: 'ok' }, ['handoff.resolved.rating', 'handoff.rating'], 'triage.idle'],
  ['closed', ['chao'], 'hola', ['greeting'], 'triage.idle'],
];

describe('conversation machine › snapshots', () => {
  it.each(cases)('should round-trip a snapshot taken in %s through JSON and continue', async (state, before, next, says, after) => {
    productCalls = 0;
    accountCalls = 0;
    const c = createConversation({ script, effects });
    for (const m of before) await c.say(m);
    expect(stateString(c.snapshot().value)).toBe(state);
    const contextBefore = c.snapshot().context;
    expect(JSON.parse(JSON.stringify(contextBefore))).toEqual(contextBefore);

    c.restore();
    const restored = c.snapshot();
    expect(stateString(restored.value)).toBe(state);
    expect(restored.hasTag('awaitingInput')).toBe(true);
    expect(restored.context).toEqual(contextBefore);

    const out = typeof next === 'string' ? await c.say(next) : await c.send(next);
    expect(out.says).toEqual(says);
    expect(out.state).toBe(after);
  });
});

describe('migrateSnapshot', () => {
  it('should return the snapshot of the current version unchanged', () => {
    const snapshot = { value: { triage: 'idle' } };
    expect(migrateSnapshot(snapshot, MACHINE_VERSION)).toBe(snapshot);
  });

  it.each([0, MACHINE_VERSION + 1, -1])('should return null (restart cleanly) for version %s', (v) => {
    expect(migrateSnapshot({ value: 'x' }, v)).toBeNull();
  });
});
