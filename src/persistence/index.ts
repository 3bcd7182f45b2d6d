// Public surface of src/persistence: explicit exports only (no `export *`).

// Snapshot and transcript stores (in-memory and Redis).
export { createMemorySnapshotStore } from './memory/memory-snapshot-store.js';
export { createMemoryTranscriptStore } from './memory/memory-transcript-store.js';
