import { describe, it, expect } from 'vitest';
import { createMachine } from 'xstate';
import { AWAITING_INPUT, CONVERSATION_ACTORS } from '../../../src/machines/conversation.contract.js';
import { exportMachineJson } from '../../../src/machines/machine-json.js';
import { loadTenantWorkflows } from '../../../src/runtime/workflow-loader.js';

type Node = { id: string; tags?: string[]; states?: Record<string, Node>; invoke?: { src: string }[]; always?: { guard?: unknown; target?: string }[] };

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of Object.values(node.states ?? {})) walk(child, visit);
}

describe('exportMachineJson', () => {
  const json = exportMachineJson() as Node;

  it('should be plain JSON with the eight top-level states', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(Object.keys(json.states ?? {})).toEqual(['triage', 'answering', 'workflow', 'handoff', 'proving', 'identifying', 'closed']);
  });

  it('should carry the awaiting tag on exactly the states that wait for the outside world', () => {
    const awaiting: string[] = [];
    walk(json, (n) => n.tags?.includes(AWAITING_INPUT) && awaiting.push(n.id));
    expect(awaiting.sort()).toEqual(
      ['idle', 'answering.awaitingProduct', 'answering.awaitingAccountId', 'workflow.form.collecting.waiting', 'workflow.form.confirming', 'handoff.withHuman', 'proving.awaitingPhone', 'proving.awaitingCode', 'identifying', 'closed', 'workflow.waiting'].sort(),
    );
  });

  it('should show every effect as an invoke source and the routing as guarded eventless transitions', () => {
    const sources = new Set<string>();
    walk(json, (n) => n.invoke?.forEach((i) => sources.add(i.src)));
    expect([...sources].sort()).toEqual([...CONVERSATION_ACTORS].sort());
    const routing = json.states?.triage?.states?.routing;
    expect(routing?.always?.length).toBeGreaterThanOrEqual(15);
    // An answer to a pending identity offer ("no" / "sí") comes first, then the expected answers.
    expect(routing?.always?.[0]).toMatchObject({ target: '#continuing', guard: 'declinesIdentity' });
    // Then a pick among the options of a clarifying question, then the expected answers.
    const guards = (routing?.always ?? []).map((t) => t.guard);
    expect(guards.indexOf('picksOption')).toBeLessThan(guards.indexOf('answersExpectedAccountId'));
    expect(routing?.always?.[guards.indexOf('answersExpectedAccountId')]).toEqual({ target: '#answering.account', guard: 'answersExpectedAccountId', actions: [{ type: 'route', params: { as: 'account_status' } }] });
  });

  it('should load back as a machine config with the same state ids', () => {
    const machine = createMachine(json as never);
    const ids: string[] = [];
    walk(json, (n) => ids.push(n.id));
    for (const id of ids.filter((i) => i !== 'conversation')) expect(machine.getStateNodeById(id).id).toBe(id);
  });

  it("should draw a tenant's workflows inside the generic workflow state, and still load as a machine", async () => {
    const workflows = await loadTenantWorkflows(new URL('../../../tenants/estudio', import.meta.url).pathname);
    const tenant = exportMachineJson({ workflows: workflows ?? null }) as Node;
    const flows = tenant.states?.workflow?.states ?? {};
    expect(Object.keys(flows)).toEqual(['stepping', 'loadingOptions', 'checking', 'waiting', 'answered', 'form', 'acting', 'agendar_cita', 'reprogramar', 'cancelar_cita', 'pagar_servicio', 'actualizar_perfil']);
    expect(Object.keys(flows.agendar_cita?.states ?? {})).toEqual(['service', 'staff', 'date', 'time', 'name', 'phone', 'confirm', 'action']);
    const machine = createMachine(tenant as never);
    expect(machine.getStateNodeById('workflow.agendar_cita.time').id).toBe('workflow.agendar_cita.time');
    // Without a tenant: only the generic states.
    expect(Object.keys(json.states?.workflow?.states ?? {})).toEqual(['stepping', 'loadingOptions', 'checking', 'waiting', 'answered', 'form', 'acting']);
  });

  it("should draw the hardware store's lead (solicitud) inside workflow, with the generic form states that run it", async () => {
    const workflows = await loadTenantWorkflows(new URL('../../../tenants/ferreteria', import.meta.url).pathname);
    const tenant = exportMachineJson({ workflows: workflows ?? null }) as Node;
    expect(Object.keys(tenant.states ?? {})).not.toContain('qualifying');
    const flows = tenant.states?.workflow?.states ?? {};
    expect(Object.keys(flows.solicitud?.states ?? {})).toEqual(['name', 'email', 'phone_or_username', 'company_name', 'interest_area', 'problem_statement', 'urgency_level', 'confirm', 'action']);
    expect(Object.keys(flows.form?.states ?? {})).toEqual(['starting', 'collecting', 'confirming', 'correcting', 'submitting', 'submitted', 'submitFailed']);
    const action = flows.solicitud?.states?.action as { invoke?: { src: string; onError: { target: string }[] }[] };
    expect(action.invoke?.[0]?.src).toBe('pushLead');
    expect(action.invoke?.[0]?.onError[0]?.target).toBe('#handoff');
    const machine = createMachine(tenant as never);
    expect(machine.getStateNodeById('workflow.solicitud.urgency_level').id).toBe('workflow.solicitud.urgency_level');
    expect(machine.getStateNodeById('workflow.form.collecting.waiting').id).toBe('workflow.form.collecting.waiting');
  });
});
