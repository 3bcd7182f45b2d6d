/**
 * The operator's tenant admin API: create a tenant, replace or patch its data, read its training
 * status (docs/tenants.md, "Adding a business"). Data is checked by the start-up loaders
 * (`tenant-files.ts`), written atomically, and the tenant is rebuilt off the request path (its
 * classifier trained in a worker thread, `classifier-training.ts`, so no conversation stalls); the new
 * runtime replaces the old one in the tenants map in one assignment. Conversations already active
 * keep the runtime they started with until they are passivated; new activations get the new one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ClassifierModel } from '../actors/brain/rule/classifier.js';
import type { TenantRuntime } from '../actors/tenant-runtime.js';
import type { TenantData } from '../domain/tenant.js';
import type { Clock } from '../kernel/clock.js';
import { HiloError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { WorkflowSet } from '../machines/workflow/workflow-spec.js';
import type { ApiKeyRegistry } from './api-keys.js';
import { trainClassifierInWorker, type TrainClassifier } from './classifier-training.js';
import { bearerKey, parseJsonBody, type HttpRequest, type HttpResponse, type Route } from './gateway/index.js';
import { checkTenantBody, stageTenantFiles, TENANT_ID, invalidTenant, type StagedTenant } from './tenant-files.js';
import type { LoadedTenants, TenantBrain } from './tenant-wiring.js';

export type TenantStatus = 'training' | 'active' | 'failed';

/** What `GET /api/admin/tenants/{t}` shows. */
export interface TenantVersion {
  tenant: string;
  /** Counts accepted `PUT`/`PATCH` requests in this process; 1 is the data loaded at start-up. */
  version: number;
  status: TenantStatus;
  /** The intent labels of the version `status` talks about. */
  intents: string[];
  /** When the version being served finished training (ISO 8601); null before the first. */
  trainedAt: string | null;
  /** The version conversations get now (older than `version` while it trains or after it failed). */
  activeVersion: number | null;
  error?: string;
}

export interface TenantAdminOptions {
  /** `HILO_ADMIN_KEY`; null: every route answers `HILO_ERR_ADMIN_DISABLED`. */
  adminKey: string | null;
  /** The routes' own body limit (`HILO_ADMIN_MAX_BODY_BYTES`): a whole tenant is larger than a customer's request. */
  maxBodyBytes?: number;
  tenantsDir: string;
  tenants: LoadedTenants;
  /** Builds a tenant as start-up does (`buildTenantRuntime`), with its classifier already trained by `trainClassifier`. */
  build: (data: TenantData, workflows: WorkflowSet | undefined, classifier: ClassifierModel) => Promise<{ runtime: TenantRuntime; brain: TenantBrain }>;
  /**
   * Trains a new version's classifier off the event loop; default: in a `worker_threads` Worker
   * (`trainClassifierInWorker`). A rejection fails the version and the previous one stays.
   */
  trainClassifier?: TrainClassifier;
  apiKeys: ApiKeyRegistry;
  /** A cluster member refuses changes (`HILO_ERR_ADMIN_CLUSTERED`): members would serve different data. */
  clustered: boolean;
  /** Keeps a key the API issued or was given, before it is answered, so it survives a restart (`tenant-key-file.ts`). */
  keepKey?: (tenantId: string, key: string) => Promise<void>;
  /**
   * The tenant's integrations for a new version (provider channels, Rocket.Chat/Slack/CRM, console):
   * read and checked before the swap — a throw fails the version and the previous one keeps
   * everything — and installed by the returned function in the same step as the runtime.
   */
  prepareIntegrations?: (runtime: TenantRuntime) => Promise<() => void>;
  clock: Clock;
  logger: Logger;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function json(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}

const labelsOf = (data: TenantData): string[] => (data.intents ? data.intents.map((i) => i.label) : Object.keys(data.utterances)).sort();

/**
 * The admin routes, to pass to the gateway as `extraRoutes`, and `settled()` for tests and
 * shutdown: resolves when no training is running.
 *
 * @example
 * const admin = createTenantAdmin({ adminKey: config.adminKey, tenantsDir, tenants, build, apiKeys, clustered: false, clock, logger });
 * await startGateway({ ...options, extraRoutes: [...admin.routes] });
 */
export function createTenantAdmin(options: TenantAdminOptions): { routes: Route[]; settled(): Promise<void> } {
  const { tenants, clock } = options;
  const trainClassifier = options.trainClassifier ?? ((data: TenantData) => trainClassifierInWorker(data));
  const log = options.logger.child({ component: 'tenant-admin' });
  const adminDigest = options.adminKey ? createHash('sha256').update(options.adminKey).digest() : null;
  const startedAt = new Date(clock.now()).toISOString();
  const versions = new Map<string, TenantVersion>();
  /** One request at a time per tenant: staging, committing and training of two versions never interleave on disk. */
  const queues = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  /** Keys are kept one at a time: the key file is read, changed and replaced. */
  let keeping: Promise<void> = Promise.resolve();

  const versionOf = (id: string): TenantVersion | null => {
    const known = versions.get(id);
    if (known) return known;
    const runtime = tenants.runtimes.get(id);
    if (!runtime) return null;
    const v: TenantVersion = { tenant: id, version: 1, status: 'active', intents: labelsOf(runtime.data), trainedAt: startedAt, activeVersion: 1 };
    versions.set(id, v);
    return v;
  };

  const authenticate = (req: HttpRequest): string => {
    if (adminDigest === null) throw new HiloError('HILO_ERR_ADMIN_DISABLED');
    const key = bearerKey(req.headers.authorization);
    if (key === null) throw new HiloError('HILO_ERR_AUTH_MISSING');
    if (!timingSafeEqual(createHash('sha256').update(key).digest(), adminDigest)) throw new HiloError('HILO_ERR_ADMIN_KEY_INVALID');
    return 'admin-key';
  };

  const tenantIdOf = (params: Record<string, string>): string => {
    const id = params.tenant ?? '';
    if (!TENANT_ID.test(id)) throw invalidTenant([{ file: '', path: 'tenant', problem: 'a tenant id: 2 to 40 lowercase letters, digits, - and _' }]);
    return id;
  };

  /**
   * The tenant of a `GET`/`PATCH`, which must exist: an unknown one (an id no tenant can have
   * included) is `404 HILO_ERR_TENANT_NOT_FOUND` before its body is read, as on every other route
   * that names a tenant (was `400 HILO_ERR_TENANT_INVALID`, about a body that was fine).
   */
  const knownTenantOf = (params: Record<string, string>): string => {
    const id = params.tenant ?? '';
    if (!TENANT_ID.test(id) || !(tenants.runtimes.has(id) || versions.has(id))) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
    return id;
  };

  const bodyOf = (req: HttpRequest): unknown => {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') throw new HiloError('HILO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
    return parseJsonBody(req.body);
  };

  /** Trains the staged version and swaps it in, unless a newer request came meanwhile. */
  const train = async (id: string, version: number, staged: StagedTenant): Promise<void> => {
    const started = clock.now();
    try {
      // The costly part (a second or more for a big utterance set) runs in a worker thread: every
      // conversation of the process keeps its turns while a tenant trains.
      const classifier = await trainClassifier(staged.data);
      // Superseded while it trained: the newer request builds its own.
      if (versions.get(id)?.version !== version) return;
      const built = await options.build(staged.data, staged.workflows, classifier);
      let install: (() => void) | undefined;
      try {
        install = await options.prepareIntegrations?.(built.runtime);
      } catch (err) {
        await built.brain.close?.();
        throw err;
      }
      const current = versions.get(id);
      if (current?.version !== version) {
        await built.brain.close?.();
        return;
      }
      const previous = tenants.brains.get(id);
      // One assignment each: the host reads the map on every activation and never sees a half tenant.
      tenants.runtimes.set(id, built.runtime);
      tenants.brains.set(id, built.brain);
      if (previous) tenants.retire(previous);
      install?.();
      versions.set(id, { ...current, status: 'active', trainedAt: new Date(clock.now()).toISOString(), activeVersion: version });
      log.info({ tenant: id, version, trainingMs: clock.now() - started }, 'tenant version active');
    } catch (err) {
      const current = versions.get(id);
      if (current?.version === version) versions.set(id, { ...current, status: 'failed', error: (err as Error).message });
      log.error({ tenant: id, version, err }, 'tenant version failed to train; the previous one stays');
    }
  };

  const change = (mode: 'put' | 'patch'): Route['handler'] => async (req, ctx) => {
    authenticate(req);
    const id = mode === 'patch' ? knownTenantOf(ctx.params) : tenantIdOf(ctx.params);
    if (options.clustered) throw new HiloError('HILO_ERR_ADMIN_CLUSTERED');
    const body = checkTenantBody(bodyOf(req), mode);
    const exists = tenants.runtimes.has(id) || versions.has(id);
    const { apiKey: givenKey, ...files } = body;
    const previous = queues.get(id) ?? Promise.resolve();
    let answer!: HttpResponse;
    const step = previous.then(async () => {
      const staged = await stageTenantFiles({ tenantsDir: options.tenantsDir, tenantId: id, body: files, base: mode === 'patch' ? 'copy' : null });
      // A new tenant gets a key once, here; the operator may pass one instead (kept only as a digest).
      const key = givenKey ?? (exists ? null : options.apiKeys.generate());
      try {
        if (key && options.keepKey) {
          const keep = options.keepKey;
          keeping = keeping.catch(() => undefined).then(() => keep(id, key));
          await keeping;
        }
        await staged.commit();
      } catch (err) {
        await staged.discard();
        throw err;
      }
      if (key) options.apiKeys.add(id, key);
      const before = versionOf(id);
      const version = (before?.version ?? 0) + 1;
      versions.set(id, { tenant: id, version, status: 'training', intents: labelsOf(staged.data), trainedAt: before?.trainedAt ?? null, activeVersion: before?.activeVersion ?? null });
      log.info({ tenant: id, version, created: !exists, mode }, 'tenant data accepted, training');
      const training = new Promise<void>((resolve) => setImmediate(resolve)).then(() => train(id, version, staged));
      running.add(training);
      void training.finally(() => running.delete(training));
      answer = json(202, { tenant: id, version, status: 'training', created: !exists, ...(key && !givenKey ? { apiKey: key } : {}) });
    });
    queues.set(id, step.catch(() => undefined));
    await step;
    return answer;
  };

  const bodyLimit = options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {};
  return {
    routes: [
      { method: 'PUT', path: '/api/admin/tenants/:tenant', handler: change('put'), ...bodyLimit },
      { method: 'PATCH', path: '/api/admin/tenants/:tenant', handler: change('patch'), ...bodyLimit },
      {
        method: 'GET',
        path: '/api/admin/tenants/:tenant',
        handler: async (req, ctx) => {
          authenticate(req);
          const v = versionOf(knownTenantOf(ctx.params));
          if (!v) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
          return json(200, v);
        },
      },
    ],
    async settled() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
