export { OUTBOX_KEYS, outboxKeyOf, toOutboxEntry, type OutboxDelivery, type OutboxKind, type OutboxMessage, type OutboxMessageOf, type OutboxOption, type OutboxPayloads } from './messages.js';
export { isOutboxKind, parseOutboxEntry, type ParsedOutboxEntry } from './parse.js';
export { createOutboxHandlerRegistry, type OutboxHandler, type OutboxHandlerRegistry, type OutboxResult } from './handler-registry.js';
export { createOutboxQueue, type OutboxQueue } from './outbox-queue.js';
export { createOutboxWorker, isFinalOutboxError, type OutboxWorker, type OutboxWorkerOptions } from './worker.js';
