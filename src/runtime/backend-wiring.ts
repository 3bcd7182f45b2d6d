import { createBackendClient, type BackendAuth, type BackendClient, type ConnectorObserver } from '../actors/connectors/index.js';
import type { TenantData } from '../domain/tenant.js';
import type { Clock } from '../kernel/clock.js';
import { HiloError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';

/** Where `npm start` serves the demo business backend unless `HILO_DEMO_BACKEND_PORT` moves it (cli.ts). */
const DEMO_BACKEND_ORIGIN = 'http://127.0.0.1:4100';

/**
 * A backend address at the demo backend's default origin follows `HILO_DEMO_BACKEND_PORT`: the
 * studio's tenant.json names 127.0.0.1:4100, and a demo started on another port (several servers
 * on one machine) must reach its own backend, not fail or read another server's bookings.
 *
 * @example
 * demoBackendUrl('http://127.0.0.1:4100/estudio', '4138'); // 'http://127.0.0.1:4138/estudio'
 */
export function demoBackendUrl(baseUrl: string, portSetting: string | undefined): string {
  const port = Number(portSetting);
  if (!portSetting || !Number.isInteger(port) || port <= 0 || port > 65_535) return baseUrl;
  const rest = baseUrl.slice(DEMO_BACKEND_ORIGIN.length);
  return baseUrl.startsWith(DEMO_BACKEND_ORIGIN) && (rest === '' || rest.startsWith('/')) ? `http://127.0.0.1:${port}${rest}` : baseUrl;
}

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
    baseUrl: demoBackendUrl(backend.baseUrl, options.env.HILO_DEMO_BACKEND_PORT),
    ...(auth ? { auth } : {}),
    ...(backend.timeoutMs !== undefined ? { timeoutMs: backend.timeoutMs } : {}),
    ...(backend.breaker ? { breaker: backend.breaker } : {}),
    clock: options.clock,
    logger: options.logger,
    ...(options.observer ? { observer: options.observer } : {}),
  });
}
