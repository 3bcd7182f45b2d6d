export { createBackendClient, signRequest, DEFAULT_BACKEND_RETRY, DEFAULT_BACKEND_TIMEOUT_MS } from './backend-client.js';
export type { BackendAuth, BackendClient, BackendClientOptions, BackendRequest, ConnectorObserver } from './backend-client.js';
export { createCircuitBreaker, DEFAULT_BREAKER } from './circuit-breaker.js';
export type { BreakerState, CircuitBreaker, CircuitBreakerOptions } from './circuit-breaker.js';
export { readAccount, readStock, ACCOUNT_ANSWER, STOCK_ANSWER } from './stock-accounts.js';
