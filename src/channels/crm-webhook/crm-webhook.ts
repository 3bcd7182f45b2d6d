import { HiloError } from '../../kernel/errors.js';
import type { LeadPayload } from '../../domain/lead.js';
import type { CrmPort } from '../../persistence/ports/records.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { parseRetryAfter, realSleep, type Sleep } from '../../kernel/retry.js';
import { retryDelivery, type DeliveryAttemptRecord, type DeliveryOutcome, type DeliveryRetryPolicy } from '../retry.js';
import { signCrmBody } from './signature.js';
import { errorMessage } from '../../kernel/describe-error.js';

export const CRM_LEAD_EVENT = 'lead.submitted';
/** A lead already delivered, corrected by the customer afterwards: the whole lead again, same `lead_id`. */
export const CRM_LEAD_UPDATED_EVENT = 'lead.updated';

/** The JSON body a CRM receives. It is the same bytes on every retry of one delivery. */
export interface CrmLeadEventBody {
  event: typeof CRM_LEAD_EVENT | typeof CRM_LEAD_UPDATED_EVENT;
  idempotency_key: string;
  tenant_id: string;
  /** `lead.updated` only: the correction's number for this lead (1, 2, …); the highest one is the latest lead. */
  amendment?: number;
  lead: LeadPayload;
}

/** One HTTP attempt, for the outbox to record. */
export interface CrmDeliveryAttempt extends DeliveryAttemptRecord {
  tenantId: string;
  leadId: string;
  idempotencyKey: string;
  /** Clock time when the attempt finished. */
  at: number;
}

export interface CrmWebhookOptions {
  url: string;
  /** Shared with the receiver; signs `<t>.<body>`. */
  secret: string;
  clock: Clock;
  logger: Logger;
  retry?: DeliveryRetryPolicy;
  sleep?: Sleep;
  random?: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
  onAttempt?: (attempt: CrmDeliveryAttempt) => void;
}

export interface CrmWebhook extends CrmPort {
  /** Like `pushLead`, and says how many attempts it took and what the receiver answered. */
  deliverLead(tenantId: string, payload: LeadPayload): Promise<{ attempts: number; status: number; idempotencyKey: string }>;
  /** The customer's `amendment`-th correction of a delivered lead, as a `lead.updated` event with its own idempotency key. */
  deliverLeadUpdate(tenantId: string, payload: LeadPayload, amendment: number): Promise<{ attempts: number; status: number; idempotencyKey: string }>;
}

export function crmIdempotencyKey(tenantId: string, leadId: string, amendment?: number): string {
  return amendment === undefined ? `${tenantId}:${leadId}` : `${tenantId}:${leadId}:update:${amendment}`;
}

/**
 * The CRM port over an HMAC-signed webhook: `POST <url>` with the lead as JSON,
 * `X-Hilo-Signature: t=<unix>,v1=<hex>`, `Idempotency-Key: <tenant>:<lead_id>` and
 * `X-Hilo-Event: lead.submitted` (`lead.updated`, key `<tenant>:<lead_id>:update:<n>`, for a correction). Retries 5xx, 429 (honouring `Retry-After`) and network failures
 * with exponential backoff and jitter; any other 4xx is final. Each attempt is signed afresh so a
 * late retry still falls inside the receiver's replay window, while the body and the
 * idempotency key stay the same so the receiver can apply it exactly once.
 *
 * @example
 * const crm = createCrmWebhook({ url: 'https://crm.example.com/hooks/hilo', secret, clock, logger, onAttempt: (a) => outbox.record(a) });
 * await crm.pushLead('acme', payload);
 */
export function createCrmWebhook(options: CrmWebhookOptions): CrmWebhook {
  const { url, secret, clock, sleep = realSleep, timeoutMs = 10_000 } = options;
  const log = options.logger.child({ component: 'crm-webhook' });
  const doFetch = options.fetch ?? fetch;

  const attemptOnce = async (body: string, idempotencyKey: string, eventName: CrmLeadEventBody['event']): Promise<DeliveryOutcome> => {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hilo-signature': signCrmBody(body, secret, clock.now() / 1000),
          'idempotency-key': idempotencyKey,
          'x-hilo-event': eventName,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain the answer so the connection can be reused; its content is not needed.
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      const problem = errorMessage(err);
      return { ok: false, retry: true, status: null, problem, error: new HiloError('HILO_ERR_CRM_FAILED', undefined, { cause: err, details: { httpStatus: null } }) };
    }
    if (res.ok) return { ok: true, status: res.status };
    const status = res.status;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
      return { ok: false, retry: true, status, problem: 'rate limited', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), error: new HiloError('HILO_ERR_CRM_RATE_LIMITED', undefined, { details: { httpStatus: status, retryAfterMs: retryAfterMs ?? null } }) };
    }
    if (status >= 500) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
      return { ok: false, retry: true, status, problem: `HTTP ${status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), error: new HiloError('HILO_ERR_CRM_FAILED', undefined, { details: { httpStatus: status } }) };
    }
    return { ok: false, retry: false, status, problem: `HTTP ${status}`, error: new HiloError('HILO_ERR_CRM_REJECTED', undefined, { details: { httpStatus: status } }) };
  };

  const deliver = async (tenantId: string, payload: LeadPayload, amendment?: number): Promise<{ attempts: number; status: number; idempotencyKey: string }> => {
    const idempotencyKey = crmIdempotencyKey(tenantId, payload.lead_id, amendment);
    const event: CrmLeadEventBody =
      amendment === undefined
        ? { event: CRM_LEAD_EVENT, idempotency_key: idempotencyKey, tenant_id: tenantId, lead: payload }
        : { event: CRM_LEAD_UPDATED_EVENT, idempotency_key: idempotencyKey, tenant_id: tenantId, amendment, lead: payload };
    const body = JSON.stringify(event);
    const { attempts, status } = await retryDelivery(
      {
        sleep,
        ...(options.retry ? { policy: options.retry } : {}),
        ...(options.random ? { random: options.random } : {}),
        onAttempt: (record) => {
          if (!record.ok) log.warn({ tenant: tenantId, leadId: payload.lead_id, event: event.event, attempt: record.attempt, httpStatus: record.status, retrying: record.retrying, delayMs: record.delayMs }, 'crm delivery attempt failed');
          options.onAttempt?.({ ...record, tenantId, leadId: payload.lead_id, idempotencyKey, at: clock.now() });
        },
      },
      () => attemptOnce(body, idempotencyKey, event.event),
    );
    log.info({ tenant: tenantId, leadId: payload.lead_id, event: event.event, attempts, httpStatus: status }, amendment === undefined ? 'lead delivered to crm' : 'lead correction delivered to crm');
    return { attempts, status, idempotencyKey };
  };
  const deliverLead: CrmWebhook['deliverLead'] = (tenantId, payload) => deliver(tenantId, payload);

  return {
    deliverLead,
    deliverLeadUpdate: (tenantId, payload, amendment) => deliver(tenantId, payload, amendment),
    async pushLead(tenantId, payload) {
      await deliverLead(tenantId, payload);
    },
  };
}
