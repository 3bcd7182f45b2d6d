import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HiloError } from '../kernel/errors.js';
import { checkWorkflowSet, type WorkflowSet } from '../machines/workflow/workflow-spec.js';

/**
 * A tenant's `workflows.json`, checked (`checkWorkflowSet`); `undefined` when the tenant has none.
 * A file that is not valid stops the tenant from loading with every problem and its path, rather
 * than a form that breaks in front of a customer.
 */
export async function loadTenantWorkflows(tenantDir: string): Promise<WorkflowSet | undefined> {
  const file = join(tenantDir, 'workflows.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${file}: cannot be read.`, { cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${file}: not valid JSON.`, { cause: err });
  }
  const checked = checkWorkflowSet(raw);
  if (!checked.ok) {
    const list = checked.problems.slice(0, 10).map((p) => `${p.path}: ${p.problem}`).join('; ');
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${file}: ${list}`, { details: checked.problems });
  }
  return checked.value;
}
