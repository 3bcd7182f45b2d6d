import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Understanding } from '../../../src/domain/understanding.js';
import { MACHINE_VERSION } from '../../../src/machines/conversation.contract.js';
import { migrateSnapshot } from '../../../src/machines/migrate-snapshot.js';
import { checkWorkflowSet, type WorkflowSet } from '../../../src/machines/workflow/workflow-spec.js';
import { createConversation, ferreteriaWorkflows, provideFakes, runTurn, stateString, understood, type BrainScript, type Calls } from '../machine/machine-harness.js';

const field = (leadFields: Understanding['leadFields'], extra: Partial<Understanding> = {}) => understood('out_of_scope', { confidence: 0.2, leadFields, ...extra });

const script: BrainScript = {
  'quiero una cotización, soy Ana Pérez, ana@ozama.do, de Constructora Ozama': understood('sales_lead', {
    leadFields: { name: 'Ana Pérez', email: 'ana@ozama.do', company_name: 'Constructora Ozama' },
  }),
  cotizar: understood('sales_lead'),
  'Ana Pérez': field({ name: 'Ana Pérez' }),
  'ana@': field({ email: 'ana@' }),
  'ana@ozama.do': field({ email: 'ana@ozama.do' }),
  ninguna: field({ company_name: null }),
  ventas: field({}, { interestArea: 'Ventas' }),
  'techar una nave': field({ problem_statement: 'Techar una nave' }),
  alta: field({}, { urgency: 'Alto' }),
  'no, la urgencia es baja': understood('out_of_scope', { affirmation: 'no', urgency: 'Bajo', leadFields: { urgency_level: 'Bajo' } }),
  sí: understood('out_of_scope', { affirmation: 'yes' }),
};

describe("ferreteria's lead as the 'solicitud' workflow", () => {
  it('should run in the generic workflow state, take several fields from one message and ask only the missing ones', async () => {
    const c = createConversation({ script });
    const first = await c.say('quiero una cotización, soy Ana Pérez, ana@ozama.do, de Constructora Ozama');
    expect(first.state).toBe('workflow.form.collecting.waiting');
    expect(first.context.workflow?.spec.id).toBe('solicitud');
    expect(first.says).toEqual(['lead.start', 'lead.ask.interest_area']);
    expect(first.context.lead.draft).toMatchObject({ name: { value: 'Ana Pérez' }, email: { value: 'ana@ozama.do' }, company_name: { value: 'Constructora Ozama' } });
  });

  it('should refuse an invalid e-mail, keep a declined optional field as null, take a correction at the summary and push once with the idempotency key', async () => {
    const c = createConversation({ script });
    expect((await c.say('cotizar')).says).toEqual(['lead.start', 'lead.ask.name']);
    await c.say('Ana Pérez');
    expect((await c.say('ana@')).says).toEqual(['lead.invalidEmail']);
    expect((await c.say('ana@ozama.do')).says).toEqual(['lead.ask.company_name']);
    const declined = await c.say('ninguna');
    expect(declined.context.lead.draft.company_name?.value).toBeNull();
    await c.say('ventas');
    await c.say('techar una nave');
    expect((await c.say('alta')).replies[0]).toMatchObject({ template: 'lead.confirm', params: { company: '—', urgency: 'Alto' } });
    const corrected = await c.say('no, la urgencia es baja');
    expect(corrected.says).toEqual(['lead.updated', 'lead.confirm']);
    expect(corrected.replies[1]).toMatchObject({ params: { urgency: 'Bajo' } });
    const done = await c.say('sí');
    expect(done.replies).toEqual([{ template: 'lead.submitted', params: { leadId: 'L-0042' } }]);
    expect(done.state).toBe('triage.idle');
    expect(done.context.workflow ?? null).toBeNull();
    expect(c.calls.pushLead).toHaveLength(1);
    expect(c.calls.pushLead[0]).toMatchObject({ tenantId: 'ferreteria', conversationId: 'c-1', idempotencyKey: 'c-1:m10:lead' });
    expect(c.calls.pushLead[0]!.draft.urgency_level?.value).toBe('Bajo');
  });

  it('should say the failure text, keep the draft and hand off with lead_push_failed when the push fails', async () => {
    const c = createConversation({ script, effects: { pushLead: () => 'fail' } });
    for (const t of ['quiero una cotización, soy Ana Pérez, ana@ozama.do, de Constructora Ozama', 'ventas', 'techar una nave', 'alta']) await c.say(t);
    const out = await c.say('sí');
    expect(out.says).toEqual(['lead.failed', 'handoff.ticket.lead_push_failed']);
    expect(out.state).toBe('handoff.withHuman');
    expect(out.context.lead).toMatchObject({ status: 'failed', draft: { email: { value: 'ana@ozama.do' } } });
    expect(c.calls.createTicket[0]).toMatchObject({ kind: 'handoff', reason: 'lead_push_failed' });
  });

  it('should remind once per silence with the pending question', async () => {
    const c = createConversation({ script });
    await c.say('cotizar');
    expect((await c.send({ type: 'conversation.remind' })).says).toEqual(['lead.reminder', 'lead.ask.name']);
    expect((await c.send({ type: 'conversation.remind' })).says).toEqual([]);
  });

  it('should resume a lead parked in the old qualifying.collecting.waiting after migrating the snapshot', async () => {
    const c = createConversation({ script });
    await c.say('cotizar');
    await c.say('Ana Pérez');
    // The same conversation as machine version 1 persisted it: parked in `qualifying`, no workflow run.
    const now = JSON.parse(JSON.stringify(c.actor.getPersistedSnapshot())) as { value: Record<string, unknown>; context: Record<string, unknown> };
    expect(now.value).toEqual({ workflow: { form: { collecting: 'waiting' } } });
    const { workflow: _run, ...oldContext } = now.context;
    const v1 = { ...now, value: { qualifying: { collecting: 'waiting' } }, context: oldContext };
    expect(migrateSnapshot(v1, 1)).toBeNull(); // without the tenant's workflows it cannot be resumed: a clean restart
    const migrated = migrateSnapshot(v1, 1, { workflows: ferreteriaWorkflows() });
    expect(MACHINE_VERSION).toBe(2);
    const calls: Calls = { understand: [], answerProduct: [], answerAccount: [], answerInfo: [], createTicket: [], pushLead: [], rateTicket: [], cancelTicket: [], closeTicket: [] };
    const actor = createActor(provideFakes(script, {}, calls), { input: { tenantId: 'ferreteria', conversationId: 'c-1', lang: 'es' }, snapshot: migrated as never });
    actor.start();
    expect(stateString(actor.getSnapshot().value)).toBe('workflow.form.collecting.waiting');
    const next = await runTurn(actor, { type: 'user.message', messageId: 'm9', text: 'ana@ozama.do', channel: 'web', receivedAt: '2026-11-22T12:01:00.000Z' });
    expect(next.says).toEqual(['lead.ask.company_name']);
    expect(next.context.lead.draft).toMatchObject({ name: { value: 'Ana Pérez' }, email: { value: 'ana@ozama.do' } });
    actor.stop();
  });
});

/** Another business's request form: an e-mail read by the brain, a static choice, its own words. */
const eventSet: WorkflowSet = (() => {
  const checked = checkWorkflowSet({
    timeZone: 'America/Santo_Domingo',
    workflows: [
      {
        id: 'evento',
        triggers: ['cotizar_evento'],
        reading: 'brain',
        start: { es: 'Con gusto preparamos tu evento.', en: "We'd love to prepare your event." },
        slots: [
          { name: 'correo', kind: 'email', entity: 'email', prompt: { es: '¿A qué correo te escribimos?', en: 'Which email can we write to?' }, required: { es: 'Necesito un correo.', en: 'I need an email.' }, invalid: { es: 'Ese correo no parece válido.', en: "That email doesn't look valid." } },
          { name: 'tipo', kind: 'choice', choices: ['Boda', 'Cumpleaños', 'Corporativo'], prompt: { es: '¿Qué tipo de evento: Boda, Cumpleaños o Corporativo?', en: 'Which kind of event: Boda, Cumpleaños or Corporativo?' } },
        ],
        confirm: { es: 'Evento {tipo}, correo {correo}. ¿Confirmas?', en: 'Event {tipo}, email {correo}. Confirm?' },
        action: { port: 'crm.lead' },
        success: { es: 'Solicitud {leadId} registrada.', en: 'Request {leadId} registered.' },
        failure: { es: 'No pude registrarla.', en: "I couldn't register it." },
      },
    ],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
})();

describe('a form read by the brain for another tenant', () => {
  const label = (text: string, extra: Partial<Understanding> = {}): Understanding => {
    const base = understood('out_of_scope', extra);
    return { ...base, nlu: { ...base.nlu, intent: { name: 'out_of_scope', label: 'cotizar_evento', confidence: 0.9 } as Understanding['nlu']['intent'] } };
  };
  const eventScript: BrainScript = {
    'quiero cotizar un evento, mi correo es eva@fiesta.do': label('x', { leadFields: { email: 'eva@fiesta.do' } }),
    'uno corporativo': understood('out_of_scope', { confidence: 0.2 }),
    sí: understood('out_of_scope', { affirmation: 'yes' }),
  };

  it('should fill an entity slot from the first message, match a static choice in the answer and push the form with its own texts', async () => {
    const calls: Calls = { understand: [], answerProduct: [], answerAccount: [], answerInfo: [], createTicket: [], pushLead: [], rateTicket: [], cancelTicket: [], closeTicket: [] };
    const actor = createActor(provideFakes(eventScript, {}, calls, eventSet), { input: { tenantId: 'eventos', conversationId: 'e-1', lang: 'es' } });
    actor.start();
    let n = 0;
    const say = (text: string) => runTurn(actor, { type: 'user.message', messageId: `m${++n}`, text, channel: 'web', receivedAt: `2026-11-22T12:00:0${n}.000Z` });
    const first = await say('quiero cotizar un evento, mi correo es eva@fiesta.do');
    expect(first.state).toBe('workflow.form.collecting.waiting');
    expect(first.replies).toEqual([{ text: 'Con gusto preparamos tu evento.' }, { text: '¿Qué tipo de evento: Boda, Cumpleaños o Corporativo?' }]);
    // A static choice tells the brain no lead field to read.
    expect(first.context.expecting).toEqual({ kind: 'none' });
    const summary = await say('uno corporativo');
    expect(summary.replies).toEqual([{ text: 'Evento Corporativo, correo eva@fiesta.do. ¿Confirmas?' }]);
    const done = await say('sí');
    expect(done.replies).toEqual([{ text: 'Solicitud L-0042 registrada.' }]);
    expect(calls.pushLead[0]!.draft).toMatchObject({ correo: { value: 'eva@fiesta.do' }, tipo: { value: 'Corporativo' } });
    actor.stop();
  });
});

describe('checkWorkflowSet › forms read by the brain', () => {
  const base = { id: 'f', triggers: ['t'], slots: [{ name: 'correo', kind: 'email', entity: 'email', prompt: { template: 'x.ask' } }], action: { port: 'crm.lead' }, success: { template: 'x.ok' }, failure: { template: 'x.ko' } };
  const problems = (w: Record<string, unknown>) => {
    const checked = checkWorkflowSet({ workflows: [w] });
    return checked.ok ? [] : checked.problems.map((p) => `${p.path}: ${p.problem}`);
  };

  it('should accept a form read by the brain with template texts and a port', () => {
    expect(problems({ ...base, reading: 'brain' })).toEqual([]);
  });

  it('should refuse template texts, ports and brain-only slot fields in a form the runner reads', () => {
    const found = problems({ ...base, slots: [{ name: 'correo', kind: 'email', entity: 'email', prompt: { template: 'x.ask' } }] });
    expect(found).toEqual(
      expect.arrayContaining([expect.stringMatching(/slots\[0\]\.prompt: a template key is only for a form read by the brain/), expect.stringMatching(/action: a runtime port is only for a form read by the brain/), expect.stringMatching(/slots\[0\]\.entity/)]),
    );
  });

  it('should refuse a brain slot with neither entity nor choices, an invalid text off an e-mail slot, and an unknown placeholder', () => {
    const found = problems({
      ...base,
      reading: 'brain',
      slots: [{ name: 'nota', kind: 'free_text', prompt: { es: 'Nota {nada}', en: 'Note' }, invalid: { template: 'x' } }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        '$.workflows[0].slots[0]: a slot of a form read by the brain needs an "entity" or "choices"',
        '$.workflows[0].slots[0].invalid: only an e-mail slot has an "invalid" text',
        '$.workflows[0].slots[0].prompt.es: placeholder {nada} names no slot of this form',
      ]),
    );
  });

  it('should accept a required slot standing in for another brain slot, and refuse a stand-in that is not required, unknown, itself or not read by the brain', () => {
    const phone = { name: 'tel', kind: 'phone', entity: 'phone', ask: false, prompt: { template: 'x.tel' } };
    const email = { name: 'correo', kind: 'email', entity: 'email', prompt: { template: 'x.ask' }, required: { template: 'x.req' } };
    const area = { name: 'area', kind: 'choice', choices: ['A', 'B'], prompt: { template: 'x.area' } };
    expect(problems({ ...base, reading: 'brain', slots: [{ ...email, or: 'tel' }, phone] })).toEqual([]);
    const found = (slot: Record<string, unknown>) => problems({ ...base, reading: 'brain', slots: [slot, phone, area] });
    expect(found({ ...email, required: undefined, or: 'tel' })).toEqual(['$.workflows[0].slots[0].or: only a "required" slot has another slot that stands in for it']);
    expect(found({ ...email, or: 'fax' })).toEqual(['$.workflows[0].slots[0].or: "fax" is no other slot of this form']);
    expect(found({ ...email, or: 'correo' })).toEqual(['$.workflows[0].slots[0].or: "correo" is no other slot of this form']);
    expect(found({ ...email, or: 'area' })).toEqual(['$.workflows[0].slots[0].or: "area" must be read by the brain ("entity")']);
    // A form the runner reads has no stand-ins.
    expect(problems({ ...base, slots: [{ name: 'correo', kind: 'email', prompt: { es: 'x', en: 'x' }, or: 'tel' }, { name: 'tel', kind: 'phone', prompt: { es: 'x', en: 'x' } }] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/slots\[0\]\.or: "or" is only for a form read by the brain/)]),
    );
  });
});
