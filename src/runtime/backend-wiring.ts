import { createBackendClient, type BackendAuth, type BackendClient, type ConnectorObserver } from '../actors/connectors/index.js';
import type { TenantData } from '../domain/tenant.js';
import type { Clock } from '../kernel/clock.js';
import { HiloError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';

/**
 * The connector of a tenant whose `tenant.json` names a `backend`, with its credential read from the
 * environment variable the file names; `undefined` when the tenant has none (its tools read the
 * JSON files). A named variable that is not set is a configuration error at start-up, not a
 * backend that answers 401 on the first customer's question.
 */
export function createTenantBackend(data: TenantData, options: { env: Readonly<Record<string, string | undefined>>; clock: Clock; logger: Logger; observer?: ConnectorObserver }): BackendClient | undefined {
  const backend = data.settings.backend;
  if (!backend) return undefined;
  const secret = (name: string): string => {
    const value = options.env[name];
    if (value === undefined || value.trim() === '') {
      throw new HiloError('HILO_ERR_CONFIG_INVALID', `${data.settings.id}/tenant.json: backend.auth names ${name}, which is not set in the environment.`);
    }
    return value;
  };
  let auth: BackendAuth | undefined;
  if (backend.auth?.type === 'bearer') auth = { type: 'bearer', token: secret(backend.auth.tokenEnv) };
  if (backend.auth?.type === 'hmac') auth = { type: 'hmac', secret: secret(backend.auth.secretEnv), ...(backend.auth.keyId ? { keyId: backend.auth.keyId } : {}) };
  return createBackendClient({
    tenantId: data.settings.id,
    backend: 'business',
    baseUrl: backend.baseUrl,
    ...(auth ? { auth } : {}),
    ...(backend.timeoutMs !== undefined ? { timeoutMs: backend.timeoutMs } : {}),
    ...(backend.breaker ? { breaker: backend.breaker } : {}),
    clock: options.clock,
    logger: options.logger,
    ...(options.observer ? { observer: options.observer } : {}),
  });
}
