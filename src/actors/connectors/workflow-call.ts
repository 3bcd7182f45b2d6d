import { HiloError, isHiloError } from '../../kernel/errors.js';
import { z } from '../../kernel/schema.js';
import type { BackendCallInput, BackendCallOutput } from '../../machines/conversation.contract.js';
import type { BackendClient } from './backend-client.js';

/** A workflow's answers are read by the spec's own field names; the runner checks what it uses. */
const ANY_JSON = z.unknown();

/**
 * One connector call of a tenant workflow. The backend saying no (a 4xx such as `slot_taken`) is an
 * answer the workflow words for the customer; a backend that cannot answer (timeout, outage,
 * circuit open, malformed data) rejects, and the machine says the system is unavailable. A write
 * carries the machine's idempotency key, so an action re-invoked after a restore books once.
 */
export async function callWorkflowBackend(client: BackendClient | undefined, input: BackendCallInput): Promise<BackendCallOutput> {
  if (!client) throw new HiloError('HILO_ERR_BACKEND_UNAVAILABLE', `Tenant ${input.tenantId} has workflows but no backend in tenant.json.`);
  const { request } = input;
  try {
    const body = await client.request({
      method: request.method,
      path: request.path,
      ...(request.query ? { query: request.query } : {}),
      ...(request.body ? { body: request.body } : {}),
      schema: ANY_JSON,
      ...(request.method !== 'GET' ? { idempotencyKey: input.idempotencyKey } : {}),
    });
    return { ok: true, body };
  } catch (err) {
    if (isHiloError(err) && err.code === 'HILO_ERR_BACKEND_REJECTED') {
      const details = (err.details ?? {}) as { status?: unknown; reason?: unknown };
      return { ok: false, status: typeof details.status === 'number' ? details.status : 400, ...(typeof details.reason === 'string' ? { reason: details.reason } : {}) };
    }
    throw err;
  }
}
