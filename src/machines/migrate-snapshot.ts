import { MACHINE_VERSION } from './conversation.contract.js';
import type { WorkflowRun } from './workflow/workflow-runner.js';
import type { WorkflowSet } from './workflow/workflow-spec.js';

export interface MigrateOptions {
  /** The tenant's workflows: a lead parked in the old `qualifying` states resumes in the form that replaced it. */
  workflows?: WorkflowSet | null;
}

type Snapshot = { value?: unknown; context?: Record<string, unknown> } & Record<string, unknown>;

/**
 * Brings a persisted snapshot written by machine version `fromVersion` up to `MACHINE_VERSION`,
 * or returns `null` when it cannot: the host then restarts the conversation cleanly (the
 * transcript and records are kept; only the machine state starts over).
 *
 * Each version that changes the persisted shape bumps `MACHINE_VERSION` and adds exactly one step
 * here, `n → n + 1`, applied in order from `fromVersion`; a version without a step restarts cleanly.
 *
 * - 1 → 2: the hard-coded lead (`qualifying.*`) became a tenant form read by the brain
 *   (`workflow.form.*`, ferreteria's `solicitud`). A parked lead moves to the same place in the
 *   form that pushes leads (`{ "port": "crm.lead" }`); its draft stays in `context.lead`. A tenant
 *   without such a form cannot resume it: that conversation restarts cleanly.
 *
 * @example
 * const snapshot = migrateSnapshot(envelope.snapshot, envelope.machineVersion, { workflows: tenant.workflows });
 * const actor = snapshot ? createActor(machine, { snapshot }) : createActor(machine, { input });
 */
export function migrateSnapshot(snapshot: unknown, fromVersion: number, options: MigrateOptions = {}): unknown | null {
  let at: unknown = snapshot;
  for (let v = fromVersion; v < MACHINE_VERSION; v++) {
    const step = STEPS[v];
    if (!step || at === null) return null;
    at = step(at, options);
  }
  return fromVersion <= MACHINE_VERSION && fromVersion >= 1 ? at : null;
}

const STEPS: Record<number, (snapshot: unknown, options: MigrateOptions) => unknown | null> = {
  1: leadToForm,
};

function leadToForm(raw: unknown, options: MigrateOptions): unknown | null {
  if (!raw || typeof raw !== 'object') return null;
  const snapshot = raw as Snapshot;
  const value = snapshot.value;
  if (!value || typeof value !== 'object' || !('qualifying' in value)) return snapshot;
  const form = options.workflows?.workflows.find((w) => w.reading === 'brain' && 'port' in w.action && w.action.port === 'crm.lead');
  if (!form) return null;
  const run: WorkflowRun = { spec: form, timeZone: options.workflows!.timeZone, values: {}, labels: {}, pending: {}, options: {}, checked: [], asking: null, stage: 'collecting', outcome: 'continue' };
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'qualifying'));
  return {
    ...snapshot,
    value: { ...rest, workflow: { form: (value as Record<string, unknown>).qualifying } },
    context: { ...(snapshot.context ?? {}), workflow: run },
  };
}
