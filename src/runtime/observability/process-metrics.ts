/**
 * Node's standard process metrics (CPU, resident memory, heap, event-loop lag, GC, handles) in a
 * registry of their own, made once per process. `collectDefaultMetrics` starts an event-loop
 * monitor and a GC observer that are never stopped, so calling it for every Hilo instance (tests
 * start dozens in one process) would pile them up; and the figures describe the process, which
 * every instance in it shares. Never prom-client's global registry: nothing else in the process
 * can add series to Hilo's exposition by accident.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | null = null;

/** The process-wide registry of default metrics (standard names, e.g. `process_resident_memory_bytes`). */
export function processMetricsRegistry(): Registry {
  if (shared === null) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
