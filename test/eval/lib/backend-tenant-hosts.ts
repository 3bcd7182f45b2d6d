import { join } from 'node:path';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { createBackendClient, type BackendClient } from '../../../src/actors/connectors/backend-client.js';
import { createDemoBackend, type DemoBackend } from '../../../src/demo-backend/server.js';
import { loadSeed } from '../../../src/demo-backend/seed.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { loadTenantWorkflows } from '../../../src/runtime/workflow-loader.js';
import { createEvalHosts, instantAt } from './eval-host.js';

/** Thursday 3 December 2026, 11:00 local: where a `@tenant` conversation without `@at` happens. */
export const DEFAULT_AT = '2026-12-03 11:00';

export interface BackendTenantHosts {
  readonly tenantId: string;
  /** A fresh host, a fresh demo backend (its seed, no bookings) and the clock at `at` (local, `YYYY-MM-DD HH:MM`). */
  next(at?: string): Promise<ConversationHost>;
  close(): Promise<void>;
}

/**
 * Scripted conversations of a tenant with a business backend (`@tenant estudio`): its own rule
 * brain, workflows and templates, against the real demo backend (HTTP on loopback, an ephemeral
 * port) started from the tenant's `backend-seed.json`, on a manual clock set per conversation so a
 * script's "mañana" or "el sábado" always means the same day. Each conversation gets a backend
 * fresh from the seed: a booking made by one script is never seen by another.
 */
export async function createBackendTenantHosts(root: string, tenantId: string): Promise<BackendTenantHosts> {
  const dir = join(root, 'tenants', tenantId);
  const tenant = await loadTenant(dir);
  const workflows = await loadTenantWorkflows(dir);
  const seed = await loadSeed(join(dir, 'backend-seed.json'));
  const brain = createRuleBrain({ tenant });
  const clock = createManualClock();
  const logger = createSilentLogger();
  const area = new URL(tenant.settings.backend?.baseUrl ?? 'http://127.0.0.1/').pathname.replace(/\/$/, '');
  let backend: DemoBackend | null = null;
  let client: BackendClient | null = null;
  // The runtime holds one client; it forwards to the current conversation's backend.
  const forward = {
    tenantId,
    backend: 'business',
    get breaker() {
      return client!.breaker;
    },
    request: (req: Parameters<BackendClient['request']>[0]) => client!.request(req),
  } as BackendClient;
  const nextHost = createEvalHosts({ tenant, brain, clock, backend: forward, ...(workflows ? { workflows } : {}) });
  const port = Number(process.env.HILO_EVAL_BACKEND_PORT ?? 0);
  return {
    tenantId,
    async next(at = DEFAULT_AT) {
      await backend?.close();
      clock.set(instantAt(at, tenant.settings.timeZone));
      backend = createDemoBackend({ seed, clock, logger });
      const url = await backend.listen(port);
      client = createBackendClient({ tenantId, backend: 'business', baseUrl: `${url}${area}`, timeoutMs: 5_000, clock, logger });
      return nextHost();
    },
    async close() {
      await backend?.close();
      backend = null;
    },
  };
}
