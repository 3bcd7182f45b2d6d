/**
 * The business-backend connectors' series (`src/actors/connectors/`), on an instance's registry:
 * every HTTP attempt by outcome, and each circuit breaker's state. Tenant ids are labels here
 * (tenants come from configuration, a handful), still capped by the label guard.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ConnectorObserver } from '../../actors/connectors/backend-client.js';
import type { BreakerState } from '../../actors/connectors/circuit-breaker.js';
import { labelGuard } from './labels.js';

const STATE_VALUE: Readonly<Record<BreakerState, number>> = { closed: 0, half_open: 1, open: 2 };

/**
 * @example
 * const client = createBackendClient({ ..., observer: createConnectorMetrics(metrics.registry) });
 */
export function createConnectorMetrics(registry: Registry): ConnectorObserver {
  const tenant = labelGuard(64);
  const backend = labelGuard(16);
  const outcome = labelGuard(32);
  const attempts =
    (registry.getSingleMetric('hilo_backend_requests_total') as Counter<'tenant' | 'backend' | 'outcome'> | undefined) ??
    new Counter({
      name: 'hilo_backend_requests_total',
      help: 'HTTP attempts to tenants\' business backends, by outcome (ok, not_found, or the HILO_ERR_BACKEND_* code).',
      labelNames: ['tenant', 'backend', 'outcome'],
      registers: [registry],
    });
  const breaker =
    (registry.getSingleMetric('hilo_backend_circuit_state') as Gauge<'tenant' | 'backend'> | undefined) ??
    new Gauge({
      name: 'hilo_backend_circuit_state',
      help: 'Circuit breaker of each tenant\'s business backend: 0 closed, 1 half-open, 2 open.',
      labelNames: ['tenant', 'backend'],
      registers: [registry],
    });
  return {
    attempt(l) {
      attempts.inc({ tenant: tenant(l.tenant), backend: backend(l.backend), outcome: outcome(l.outcome) });
    },
    breakerState(l, state) {
      breaker.set({ tenant: tenant(l.tenant), backend: backend(l.backend) }, STATE_VALUE[state]);
    },
  };
}
