import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo, type HiloOptions } from '../../src/runtime/hilo.js';
import { createSilentLogger, createLogger } from '../../src/kernel/logger.js';
import type { SnapshotStore } from '../../src/persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../../src/persistence/ports/transcript-store.js';

export interface TestServer {
  baseUrl: string;
  wsUrl: string;
  apiKey: string;
  hilo: Hilo;
  close(): Promise<void>;
}

/** A REST turn's answer as the tests read it. */
export interface RestTurn {
  conversation_id: string;
  state: { value: unknown };
  messages: { author: string; text: string }[];
}

/** One customer message to the demo tenant over the REST channel; throws unless answered 200. */
export async function sayOverRest(server: Pick<TestServer, 'baseUrl' | 'apiKey'>, sender: string, text: string): Promise<RestTurn> {
  const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender, text }),
  });
  if (res.status !== 200) throw new Error(`POST /messages answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as RestTurn;
}

/** The whole Hilo runtime with the demo tenant on 127.0.0.1 and an ephemeral port. */
export async function startHiloForTest(
  options: { transport?: 'auto' | 'uws' | 'node'; env?: Record<string, string>; snapshots?: SnapshotStore; transcripts?: TranscriptStore; createBrain?: HiloOptions['createBrain']; composeReplies?: HiloOptions['composeReplies'] } = {},
): Promise<TestServer> {
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    HILO_TRANSPORT: options.transport ?? 'auto',
    HILO_DEMO_API_KEY: apiKey,
    // Generous limits: tests drive many messages quickly from one IP.
    HILO_RATE_LIMIT_IP_PER_MINUTE: '100000',
    HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '10000',
    // Every socket of a test comes from 127.0.0.1 (the cap itself: test/unit/harden13/widget-sockets-per-ip.test.ts).
    HILO_WS_MAX_SOCKETS_PER_IP: '0',
    // In-memory stores unless a test asks for durable ones: the default (embedded PGlite under
    // ./data) would be shared by test files running in parallel.
    HILO_STORAGE: 'memory',
    // Wall-clock tests must not depend on the time of day: the tenants' team hours are ignored
    // unless a test turns them on (after-hours handoffs are tested on a manual clock).
    HILO_TEAM_HOURS: 'off',
    // New PGlite folders start from the suite's cached empty cluster (vitest.config.ts).
    ...(process.env.HILO_PGLITE_INITDB_CACHE ? { HILO_PGLITE_INITDB_CACHE: process.env.HILO_PGLITE_INITDB_CACHE } : {}),
    // Trained classifiers from the suite's model cache (vitest.config.ts), not ./data/models.
    ...(process.env.HILO_MODEL_CACHE ? { HILO_MODEL_CACHE: process.env.HILO_MODEL_CACHE } : {}),
    ...options.env,
  });
  const logger = process.env.HILO_TEST_LOGS ? createLogger({ level: 'debug' }) : createSilentLogger();
  const hilo = await startHilo({
    config,
    logger,
    ...(options.snapshots ? { snapshots: options.snapshots } : {}),
    ...(options.transcripts ? { transcripts: options.transcripts } : {}),
    ...(options.createBrain ? { createBrain: options.createBrain } : {}),
    ...(options.composeReplies ? { composeReplies: options.composeReplies } : {}),
  });
  return {
    baseUrl: `http://127.0.0.1:${hilo.port}`,
    wsUrl: `ws://127.0.0.1:${hilo.port}/ws`,
    apiKey,
    hilo,
    close: () => hilo.close(),
  };
}
