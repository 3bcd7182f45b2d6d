/**
 * A tenant's files as the admin API receives them: written to a staging folder beside the tenant
 * folders, checked by the very loaders start-up uses (`loadTenant`, `loadTenantWorkflows`), and
 * only then renamed into place. A request that fails the checks leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TenantData } from '../domain/tenant.js';
import { HiloError, isHiloError } from '../kernel/errors.js';
import { checkWith, tooDeep, z } from '../kernel/schema.js';
import type { WorkflowSet } from '../machines/workflow/workflow-spec.js';
import { loadTenant, MAX_LISTED_PROBLEMS } from '../persistence/tenant-loader.js';
import { CANNED_REPLIES_FILE, loadCannedReplies } from './console/canned-replies.js';
import { loadTenantWorkflows } from './workflow-loader.js';

/** One problem of a tenant's data: the file, the JSON path inside it, what is wrong. */
export interface TenantProblem {
  file: string;
  path: string;
  problem: string;
}

/** A tenant id is a folder name and a URL segment. */
export const TENANT_ID = /^[a-z0-9][a-z0-9_-]{1,39}$/;
const TEMPLATE_NAME = /^[a-z0-9][a-z0-9_-]{0,59}$/;
/** Deeper than any tenant file (workflows nest about 8 levels), far from the call stack's limit. */
const MAX_BODY_DEPTH = 64;

/** Body field → file in the tenant folder (`templates` is the folder of `<name>.json` files). */
const FILES = {
  tenant: 'tenant.json',
  store: 'store.json',
  utterances: 'utterances.json',
  intents: 'intents.json',
  workflows: 'workflows.json',
  catalog: 'catalog.json',
  accounts: 'accounts.json',
  offers: 'offers.json',
  vacancies: 'vacancies.json',
  prompts: 'prompts.json',
  widget: 'widget.json',
  cannedReplies: 'canned-replies.json',
} as const;
type FileField = keyof typeof FILES;

const file = z.unknown().refine((v) => v !== undefined, { error: 'is required' });
const optionalFile = z.unknown().optional();
const templates = z.record(z.string().regex(TEMPLATE_NAME, { error: 'a template file name: lowercase letters, digits, - and _' }), z.unknown());
const apiKey = z.string().min(24, { error: 'must be at least 24 characters' }).max(200).optional();

/** `PUT`: the whole tenant. The file contents are checked by the loaders, not here. */
const PUT_BODY = z.strictObject({
  tenant: file, store: file, utterances: file, templates,
  intents: optionalFile, workflows: optionalFile, catalog: optionalFile, accounts: optionalFile, offers: optionalFile,
  vacancies: optionalFile, prompts: optionalFile, widget: optionalFile, cannedReplies: optionalFile, apiKey,
});
/** `PATCH`: some files; the others stay as they are. */
const PATCH_BODY = PUT_BODY.partial();

export type TenantFilesBody = z.output<typeof PATCH_BODY>;

/** The request body's shape (which files), before their contents are checked. */
export function checkTenantBody(raw: unknown, mode: 'put' | 'patch'): TenantFilesBody {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidTenant([{ file: '', path: '$', problem: 'must be a JSON object' }]);
  // Writing a file stringifies it recursively: a body nested thousands deep was a 500 (RangeError).
  const deep = tooDeep(raw, MAX_BODY_DEPTH);
  if (deep !== null) throw invalidTenant([{ file: '', path: deep.slice(0, 200), problem: `nests deeper than ${MAX_BODY_DEPTH} levels` }]);
  const checked = checkWith(mode === 'put' ? PUT_BODY : PATCH_BODY, raw, { root: '$', unknownKeysFirst: true, wording: (issue) => (issue.code === 'unrecognized_keys' ? 'is not a tenant file' : undefined) });
  if (!checked.ok) throw invalidTenant(checked.problems.map((p) => ({ file: '', path: p.path, problem: p.problem })));
  if (mode === 'patch' && Object.keys(checked.value).filter((k) => k !== 'apiKey').length === 0) throw invalidTenant([{ file: '', path: '$', problem: 'names no tenant file' }]);
  return checked.value;
}

/** Every problem, as the 400 answer's `details` (at most {@link MAX_LISTED_PROBLEMS}, then one counting the rest). */
export function invalidTenant(problems: TenantProblem[]): HiloError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const omitted = problems.length - listed.length;
  return new HiloError('HILO_ERR_TENANT_INVALID', undefined, { details: omitted > 0 ? [...listed, { file: '', path: '$', problem: `… and ${omitted} more problems` }] : listed });
}

/** A loader's error as problems: its `details` list when it has one, else its message `file: $.path: problem`. */
function problemsOf(err: HiloError, staging: string, tenantId: string, file?: string): TenantProblem[] {
  const clean = (text: string) => text.split(staging).join(tenantId);
  if (!Array.isArray(err.details)) return [problemOf(err.message, staging, tenantId)];
  return (err.details as { file?: string; path: string; problem: string }[]).map((p) => ({ file: file ?? p.file ?? '', path: p.path, problem: clean(p.problem) }));
}

/** The loaders' message `file: $.path: problem` as a problem; the staging folder's name never reaches the caller. */
function problemOf(message: string, staging: string, tenantId: string): TenantProblem {
  const text = message.split(staging).join(tenantId);
  const match = /^([^:]+): (\$[^:]*): (.*)$/s.exec(text);
  return match ? { file: match[1]!, path: match[2]!, problem: match[3]! } : { file: '', path: '$', problem: text };
}

/** A checked tenant, staged and ready to be put in place. */
export interface StagedTenant {
  data: TenantData;
  workflows: WorkflowSet | undefined;
  /** Renames the staged folder over the tenant's; the old one is removed after. */
  commit(): Promise<void>;
  /** Removes the staged folder (a failed or superseded request). Idempotent. */
  discard(): Promise<void>;
}

/**
 * Writes the files of `body` to a staging folder (`PATCH`: over a copy of the tenant's folder),
 * checks them as start-up does, and gives back the loaded data. Every problem found throws
 * `HILO_ERR_TENANT_INVALID` with `details: TenantProblem[]`; the staging folder is then gone.
 *
 * @example
 * const staged = await stageTenantFiles({ tenantsDir, tenantId: 'spa', body, base: null });
 * await staged.commit();
 */
export async function stageTenantFiles(options: { tenantsDir: string; tenantId: string; body: TenantFilesBody; base: 'copy' | null }): Promise<StagedTenant> {
  const { tenantsDir, tenantId, body } = options;
  const target = join(tenantsDir, tenantId);
  // A leading dot: `loadTenants` skips it, so a crash mid-request never leaves a half tenant behind.
  const staging = join(tenantsDir, `.staging-${tenantId}-${randomUUID()}`);
  const discard = () => rm(staging, { recursive: true, force: true });
  try {
    if (options.base === 'copy') await cp(target, staging, { recursive: true });
    else await mkdir(staging, { recursive: true });
    for (const field of Object.keys(FILES) as FileField[]) {
      if (body[field] !== undefined) await writeFile(join(staging, FILES[field]), `${JSON.stringify(body[field], null, 2)}\n`);
    }
    if (body.templates !== undefined) {
      await rm(join(staging, 'templates'), { recursive: true, force: true });
      await mkdir(join(staging, 'templates'));
      for (const [name, content] of Object.entries(body.templates)) await writeFile(join(staging, 'templates', `${name}.json`), `${JSON.stringify(content, null, 2)}\n`);
    }
    // Both checks run, so a bad workflows.json is reported along with a bad utterances.json.
    const problems: TenantProblem[] = [];
    let data: TenantData | undefined;
    let workflows: WorkflowSet | undefined;
    try {
      data = await loadTenant(staging);
      if (data.settings.id !== tenantId) problems.push({ file: 'tenant.json', path: '$.id', problem: `expected "${tenantId}" (the tenant in the URL), got "${data.settings.id}"` });
    } catch (err) {
      if (!isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID')) throw err;
      problems.push(...problemsOf(err, staging, tenantId));
    }
    try {
      workflows = await loadTenantWorkflows(staging);
    } catch (err) {
      if (!isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID')) throw err;
      problems.push(...problemsOf(err, staging, tenantId, 'workflows.json'));
    }
    // The console reads canned replies when the version goes live: a bad file is refused here, not then.
    try {
      await loadCannedReplies(tenantsDir, basename(staging));
    } catch (err) {
      if (!isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID')) throw err;
      problems.push(...problemsOf(err, staging, tenantId, CANNED_REPLIES_FILE));
    }
    if (problems.length > 0 || !data) throw invalidTenant(problems);
    return {
      data,
      workflows,
      async commit() {
        const old = join(tenantsDir, `.old-${tenantId}-${randomUUID()}`);
        let moved = false;
        try {
          await rename(target, old);
          moved = true;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
        try {
          await rename(staging, target);
        } catch (err) {
          if (moved) await rename(old, target);
          throw err;
        }
        if (moved) await rm(old, { recursive: true, force: true });
      },
      discard,
    };
  } catch (err) {
    await discard();
    throw err;
  }
}
