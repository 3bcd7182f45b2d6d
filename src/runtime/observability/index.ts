export { countAuditEvents, countWebhookDuplicates, observeBrain, timeOutboxHandlers } from './instrument.js';
export { createClusterMetrics } from './cluster-metrics.js';
export { createConnectorMetrics } from './connector-metrics.js';
export { processMetricsRegistry } from './process-metrics.js';
export { createRuntimeMetrics, LATENCY_BUCKETS, SEND_BUCKETS, type BrainLabel, type OutboxSendOutcome, type RuntimeMetrics } from './runtime-metrics.js';
