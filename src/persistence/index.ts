// Public surface of src/persistence: explicit exports only (no `export *`).

// Snapshot and transcript stores (in-memory and Redis).
export { createMemorySnapshotStore } from './memory/memory-snapshot-store.js';
export { createMemoryTranscriptStore } from './memory/memory-transcript-store.js';
export { createRedisSnapshotStore, RedisSnapshotStore } from './redis/redis-snapshot-store.js';
export type { RedisSnapshotStoreOptions } from './redis/redis-snapshot-store.js';
export { createRedisKeys, DEFAULT_REDIS_PREFIX } from './redis/keys.js';
export type { RedisKeys } from './redis/keys.js';
