import { createRuleBrain } from '../actors/brain/index.js';
import type { Brain } from '../actors/brain/brain.js';
import type { ClassifierModel } from '../actors/brain/rule/classifier.js';
import { createTenantRuntime, type TenantRuntime, type TenantRuntimeDeps } from '../actors/tenant-runtime.js';
import type { TenantData } from '../domain/tenant.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import { loadTenants } from '../persistence/tenant-loader.js';
import type { ConnectorObserver } from '../actors/connectors/index.js';
import { createTenantBackend } from './backend-wiring.js';
import { cachedClassifier } from './model-cache.js';
import { loadTenantWorkflows } from './workflow-loader.js';
import { join } from 'node:path';
import type { WorkflowSet } from '../machines/workflow/workflow-spec.js';

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

/** `classifier`: the tenant's classifier already trained (in a worker thread); a factory that ignores it trains in place. */
export type CreateTenantBrain = (data: TenantData, context?: { audit: AuditTrail; classifier?: ClassifierModel }) => Promise<TenantBrain>;

export interface LoadedTenants {
  readonly runtimes: Map<string, TenantRuntime>;
  /** Replaced by the tenant admin API when a tenant's data changes (`tenant-admin.ts`). */
  readonly brains: Map<string, TenantBrain>;
  /** Closes every brain (LLM clients, key pools), those replaced since start-up included. */
  close(): Promise<void>;
  /** Keeps a replaced brain until `close()`: conversations in flight may still be using it. */
  retire(brain: TenantBrain): void;
}

/** What building one tenant needs; shared by every tenant and by the admin API's reloads. */
export interface TenantWiringOptions {
  createBrain?: CreateTenantBrain;
  audit: AuditTrail;
  /** Wraps each tenant's brain before its runtime gets it (metrics: `observability/instrument.ts`). */
  observeBrain?: (tenantId: string, brain: Brain) => Brain;
  deps: Omit<TenantRuntimeDeps, 'data' | 'brain' | 'backend'>;
  /** Where tenants' `backend` credentials are read (default: `process.env`), and who counts the connectors' calls. */
  backends?: { env?: Readonly<Record<string, string | undefined>>; observer?: ConnectorObserver };
  /** False: the tenants' `teamHours` are dropped (`HILO_TEAM_HOURS=off`). */
  teamHours?: boolean;
  /** A folder of trained classifiers (`model-cache.ts`): a tenant whose data and code are unchanged starts without training. */
  modelCache?: string | null;
  clock: Clock;
  logger: Logger;
}

/**
 * Builds one tenant from its checked data: trains its brain (default: the offline rule brain) and
 * provides the conversation machine with its effects. Start-up and the admin API's reloads both
 * come through here, so a reloaded tenant is built exactly as a started one. `classifier`: a model
 * trained on this data elsewhere (the admin API's training worker), used instead of training here.
 */
export async function buildTenantRuntime(options: TenantWiringOptions, loaded: TenantData, workflows: WorkflowSet | undefined, classifier?: ClassifierModel): Promise<{ runtime: TenantRuntime; brain: TenantBrain }> {
  const { clock } = options;
  const log = options.logger.child({ component: 'hilo' });
  const id = loaded.settings.id;
  const { teamHours: _hours, ...storeWithoutHours } = loaded.store;
  const data = options.teamHours === false ? { ...loaded, store: storeWithoutHours } : loaded;
  const started = clock.now();
  const model = classifier ?? (options.modelCache ? cachedClassifier(options.modelCache, data, log) : undefined);
  const pretrained = model ? { classifier: model } : {};
  const made = options.createBrain ? await options.createBrain(data, { audit: options.audit, ...pretrained }) : { brain: createRuleBrain({ tenant: data, ...pretrained }) };
  const backend = createTenantBackend(data, { env: options.backends?.env ?? process.env, clock, logger: options.logger, ...(options.backends?.observer ? { observer: options.backends.observer } : {}) });
  // Not fatal (the rest of the tenant works), but every workflow will answer that the system is unavailable.
  if (workflows && workflows.workflows.length > 0 && !backend) log.warn({ tenant: id, workflows: workflows.workflows.length }, 'tenant has workflows but no backend in tenant.json');
  const runtime = createTenantRuntime({ ...options.deps, data, brain: options.observeBrain?.(id, made.brain) ?? made.brain, ...(backend ? { backend } : {}), ...(workflows ? { workflows } : {}) });
  log.info({ tenant: id, products: data.catalog.length, trainingMs: clock.now() - started }, 'tenant loaded, rule brain trained');
  return { runtime, brain: made };
}

/** Loads every tenant folder and builds each one (`buildTenantRuntime`). */
export async function loadTenantRuntimes(options: TenantWiringOptions & { tenantsDir: string }): Promise<LoadedTenants> {
  const runtimes = new Map<string, TenantRuntime>();
  const brains = new Map<string, TenantBrain>();
  const retired: TenantBrain[] = [];
  for (const [id, loaded] of await loadTenants(options.tenantsDir)) {
    const built = await buildTenantRuntime(options, loaded, await loadTenantWorkflows(join(options.tenantsDir, id)));
    brains.set(id, built.brain);
    runtimes.set(id, built.runtime);
  }
  return {
    runtimes,
    brains,
    retire(brain) {
      retired.push(brain);
    },
    async close() {
      for (const b of [...brains.values(), ...retired]) await b.close?.();
    },
  };
}
