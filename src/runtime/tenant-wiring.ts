import { createRuleBrain } from '../actors/brain/index.js';
import type { Brain } from '../actors/brain/brain.js';
import { createTenantRuntime, type TenantRuntime, type TenantRuntimeDeps } from '../actors/tenant-runtime.js';
import type { TenantData } from '../domain/tenant.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import { loadTenants } from '../persistence/tenant-loader.js';
import type { ConnectorObserver } from '../actors/connectors/index.js';
import { createTenantBackend } from './backend-wiring.js';
import { loadTenantWorkflows } from './workflow-loader.js';
import { join } from 'node:path';

/** A tenant's brain as the runtime holds it. */
export interface TenantBrain {
  brain: Brain;
  /**
   * The conversation no longer needs the brain's per-conversation resources (an LLM key pool slot):
   * it was handed to a human, closed, or its last widget disconnected. It may come back later.
   */
  release?: (conversationId: string) => void;
  close?: () => Promise<void>;
  metricsJson?: () => Record<string, unknown>;
}

export type CreateTenantBrain = (data: TenantData, context?: { audit: AuditTrail }) => Promise<TenantBrain>;

export interface LoadedTenants {
  readonly runtimes: Map<string, TenantRuntime>;
  readonly brains: ReadonlyMap<string, TenantBrain>;
  /** Closes every brain (LLM clients, key pools). */
  close(): Promise<void>;
}

/**
 * Loads every tenant folder and builds its brain (default: the offline rule brain) and its
 * runtime, the effects the conversation machine calls. `deps` are shared by all tenants.
 */
export async function loadTenantRuntimes(options: {
  tenantsDir: string;
  createBrain?: CreateTenantBrain;
  audit: AuditTrail;
  /** Wraps each tenant's brain before its runtime gets it (metrics: `observability/instrument.ts`). */
  observeBrain?: (tenantId: string, brain: Brain) => Brain;
  deps: Omit<TenantRuntimeDeps, 'data' | 'brain' | 'backend'>;
  /** Where tenants' `backend` credentials are read (default: `process.env`), and who counts the connectors' calls. */
  backends?: { env?: Readonly<Record<string, string | undefined>>; observer?: ConnectorObserver };
  /** False: the tenants' `teamHours` are dropped (`HILO_TEAM_HOURS=off`). */
  teamHours?: boolean;
  clock: Clock;
  logger: Logger;
}): Promise<LoadedTenants> {
  const { clock } = options;
  const log = options.logger.child({ component: 'hilo' });
  const runtimes = new Map<string, TenantRuntime>();
  const brains = new Map<string, TenantBrain>();
  for (const [id, loaded] of await loadTenants(options.tenantsDir)) {
    const { teamHours: _hours, ...storeWithoutHours } = loaded.store;
    const data = options.teamHours === false ? { ...loaded, store: storeWithoutHours } : loaded;
    const started = clock.now();
    const made = options.createBrain ? await options.createBrain(data, { audit: options.audit }) : { brain: createRuleBrain({ tenant: data }) };
    brains.set(id, made);
    const backend = createTenantBackend(data, { env: options.backends?.env ?? process.env, clock, logger: options.logger, ...(options.backends?.observer ? { observer: options.backends.observer } : {}) });
    const workflows = await loadTenantWorkflows(join(options.tenantsDir, id));
    // Not fatal (the rest of the tenant works), but every workflow will answer that the system is unavailable.
    if (workflows && workflows.workflows.length > 0 && !backend) log.warn({ tenant: id, workflows: workflows.workflows.length }, 'tenant has workflows but no backend in tenant.json');
    runtimes.set(id, createTenantRuntime({ ...options.deps, data, brain: options.observeBrain?.(id, made.brain) ?? made.brain, ...(backend ? { backend } : {}), ...(workflows ? { workflows } : {}) }));
    log.info({ tenant: id, products: data.catalog.length, trainingMs: clock.now() - started }, 'tenant loaded, rule brain trained');
  }
  return {
    runtimes,
    brains,
    async close() {
      for (const b of brains.values()) await b.close?.();
    },
  };
}
