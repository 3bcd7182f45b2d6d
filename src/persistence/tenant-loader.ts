import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../domain/nlu.js';
import type { CustomerAccount, Offer, Product, ReplyTemplates, TenantData, TenantPrompts, TenantSettings, TenantWidget } from '../domain/tenant.js';
import { HiloError, isHiloError } from '../kernel/errors.js';
import { checkWorkflowSet } from '../domain/workflow-spec.js';
import { checkWith, type z } from '../kernel/schema.js';
import { INFO_BEHAVIOUR, type TenantIntent } from '../domain/intents.js';
import { ACCOUNTS, CATALOG, INTENT_SET, LANGS, OFFERS, PROMPTS, STORE, TEMPLATE_FILE, templatePath, TENANT_SETTINGS, TENANT_WORDING, utterancesSchema, VACANCIES, WIDGET } from './tenant-schemas.js';

/** One problem in a tenant's files: the file, the JSON path inside it, what is wrong. */
export interface TenantFileProblem {
  file: string;
  path: string;
  problem: string;
}

/** At most this many problems are listed (in `details` and the message); the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * Every problem a load found, as one `HILO_ERR_TENANT_DATA_INVALID`: `details` holds them all (the
 * admin API caps its answer itself); the message has one `file: $.path: problem` line per problem,
 * at most {@link MAX_LISTED_PROBLEMS}, then a line counting the rest.
 */
export function tenantDataInvalid(problems: readonly TenantFileProblem[]): HiloError {
  const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `${p.file}: ${p.path}: ${p.problem}`);
  if (problems.length > lines.length) lines.push(`… and ${problems.length - lines.length} more problems`);
  return new HiloError('HILO_ERR_TENANT_DATA_INVALID', lines.join('\n'), { details: [...problems] });
}

/** The problems of one load: each file is checked whole, and the load goes on to the next file. */
type Problems = TenantFileProblem[];

/** Checks one file against its schema (`tenant-schemas.ts`); every problem is kept, `undefined` when there was one. */
function parseFile<S extends z.ZodType>(problems: Problems, file: string, schema: S, raw: unknown, formatPath?: (path: readonly PropertyKey[]) => string): z.output<S> | undefined {
  if (raw === undefined) return undefined;
  const checked = checkWith(schema, raw, { wording: TENANT_WORDING, root: '$', ...(formatPath ? { formatPath } : {}), unknownKeysFirst: true });
  if (checked.ok) return checked.value;
  for (const p of checked.problems) problems.push({ file, path: p.path, problem: p.problem });
  return undefined;
}

/** A file's JSON; `undefined` (and a problem) when it cannot be read or parsed. */
async function readJson(problems: Problems, dir: string, file: string, label = file): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    problems.push({ file: label, path: '$', problem: `cannot read ${join(dir, file)}` });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    problems.push({ file: label, path: '$', problem: `invalid JSON (${(cause as Error).message})` });
    return undefined;
  }
}

function parseCatalog(problems: Problems, raw: unknown): Product[] | undefined {
  const catalog: Product[] | undefined = parseFile(problems, 'catalog.json', CATALOG, raw);
  if (!catalog) return undefined;
  const invalid = (path: string, problem: string) => problems.push({ file: 'catalog.json', path, problem });
  const seen = new Map<string, number>();
  /** Folded default phrase → the SKU it names: one everyday product per phrase. */
  const defaults = new Map<string, string>();
  catalog.forEach(({ sku, default_for }, i) => {
    const first = seen.get(sku);
    if (first !== undefined) invalid(`$[${i}].sku`, `duplicate SKU "${sku}" (also at $[${first}])`);
    else seen.set(sku, i);
    default_for?.forEach((phrase, j) => {
      const key = phrase.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (key === '') return void invalid(`$[${i}].default_for[${j}]`, 'an empty phrase');
      const owner = defaults.get(key);
      if (owner !== undefined && owner !== sku) return void invalid(`$[${i}].default_for[${j}]`, `"${phrase}" is already the default of ${owner}`);
      defaults.set(key, sku);
    });
  });
  return catalog;
}

function parseAccounts(problems: Problems, raw: unknown): CustomerAccount[] | undefined {
  const accounts: CustomerAccount[] | undefined = parseFile(problems, 'accounts.json', ACCOUNTS, raw);
  if (!accounts) return undefined;
  const seen = new Map<string, number>();
  accounts.forEach(({ number }, i) => {
    const first = seen.get(number);
    if (first !== undefined) problems.push({ file: 'accounts.json', path: `$[${i}].number`, problem: `duplicate account number "${number}" (also at $[${first}])` });
    else seen.set(number, i);
  });
  return accounts;
}

/** `skus`: the catalog's, or null when the catalog itself is broken (its references are not checked then). */
function parseOffers(problems: Problems, raw: unknown, skus: ReadonlySet<string> | null): Offer[] | undefined {
  const offers: Offer[] | undefined = parseFile(problems, 'offers.json', OFFERS, raw);
  if (!offers) return undefined;
  const invalid = (path: string, problem: string) => problems.push({ file: 'offers.json', path, problem });
  const seen = new Set<string>();
  offers.forEach((offer, i) => {
    if (seen.has(offer.id)) invalid(`$[${i}].id`, `duplicate offer id "${offer.id}"`);
    seen.add(offer.id);
    offer.skus?.forEach((sku, j) => {
      if (skus && !skus.has(sku)) invalid(`$[${i}].skus[${j}]`, `unknown SKU "${sku}" (not in catalog.json)`);
    });
  });
  return offers;
}

/** Merges `templates/*.json` (alphabetical order); a key defined by two files is an error. */
function mergeTemplates(problems: Problems, files: { file: string; raw: unknown }[]): ReplyTemplates | undefined {
  const merged: ReplyTemplates = { es: {}, en: {} };
  const owner = new Map<string, string>();
  const before = problems.length;
  let whole = true;
  for (const { file, raw } of files) {
    const templates = parseFile(problems, file, TEMPLATE_FILE, raw, templatePath);
    if (!templates) {
      whole = false;
      continue;
    }
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(templates[lang])) {
        const definedBy = owner.get(`${lang}:${key}`);
        if (definedBy !== undefined) {
          problems.push({ file, path: templatePath([lang, key]), problem: `template key already defined in ${definedBy}` });
          continue;
        }
        owner.set(`${lang}:${key}`, file);
        merged[lang][key] = text;
      }
    }
  }
  // A file that failed its schema is missing from the merge: "missing in en" would only repeat its problems.
  if (whole) {
    for (const lang of LANGS) {
      const other: Lang = lang === 'es' ? 'en' : 'es';
      for (const key of Object.keys(merged[lang])) {
        if (merged[other][key] === undefined) problems.push({ file: owner.get(`${lang}:${key}`) ?? 'templates', path: templatePath([other, key]), problem: `missing: the key exists in "${lang}" but not in "${other}"` });
      }
    }
  }
  return problems.length === before ? merged : undefined;
}

/** `widget.json`: the schema, then labels that must differ within a language. */
function parseWidget(problems: Problems, raw: unknown): TenantWidget | undefined {
  const widget: TenantWidget | undefined = parseFile(problems, 'widget.json', WIDGET, raw);
  if (!widget) return undefined;
  for (const lang of LANGS) {
    const seen = new Set<string>();
    widget[lang].suggestions.forEach(({ label }, i) => {
      if (seen.has(label.toLowerCase())) problems.push({ file: 'widget.json', path: `$.${lang}.suggestions[${i}].label`, problem: `repeats the label "${label}"` });
      seen.add(label.toLowerCase());
    });
  }
  return widget;
}

/**
 * `intents.json`: the schema, then the rules across labels: unique labels, a behaviour for every
 * `core` label (none for the others: they reach the info route), one label for `out_of_scope`.
 * `templates`: null when they are broken (template names are not checked then).
 */
function parseIntents(problems: Problems, raw: unknown, templates: ReplyTemplates | null): TenantIntent[] | undefined {
  const declared = parseFile(problems, 'intents.json', INTENT_SET, raw)?.intents;
  if (!declared) return undefined;
  const before = problems.length;
  const invalid = (path: string, problem: string) => problems.push({ file: 'intents.json', path, problem });
  const seen = new Map<string, number>();
  const intents = declared.map(({ label, kind, behaviour, answer }, i): TenantIntent => {
    const first = seen.get(label);
    if (first !== undefined) invalid(`$.intents[${i}].label`, `duplicate label "${label}" (also at $.intents[${first}])`);
    else seen.set(label, i);
    if (kind === 'core' && behaviour === undefined) invalid(`$.intents[${i}].behaviour`, 'a core label needs the behaviour it runs');
    if (kind !== 'core' && behaviour !== undefined) invalid(`$.intents[${i}].behaviour`, `only core labels name a behaviour (this one is ${kind})`);
    if (kind === 'core' && answer !== undefined) invalid(`$.intents[${i}].answer`, 'a core label is answered by its behaviour');
    if (templates && answer && 'template' in answer && templates.es[answer.template] === undefined) invalid(`$.intents[${i}].answer.template`, `unknown template "${answer.template}" (not in templates/*.json)`);
    return { label, kind, behaviour: behaviour ?? INFO_BEHAVIOUR, ...(answer ? { answer } : {}) };
  });
  if (!intents.some((i) => i.behaviour === 'out_of_scope')) invalid('$.intents', 'no label stands for out_of_scope (the reading below the confidence threshold)');
  return problems.length === before ? intents : undefined;
}

/** `undefined` when the file does not exist; else as {@link readJson}. */
async function readOptionalJson(problems: Problems, dir: string, file: string): Promise<unknown> {
  try {
    await access(join(dir, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  return readJson(problems, dir, file);
}

/**
 * Loads and validates one tenant folder (`tenant.json`, `store.json`, `utterances.json`,
 * `templates/*.json`; optional: `catalog.json`, `accounts.json`, `offers.json`, `vacancies.json`
 * — absent, none — `prompts.json`, `widget.json` and `intents.json` — the tenant's intent set, which
 * `utterances.json` must cover exactly; absent, the built-in labels).
 * Every file is checked whole and every problem is reported, not only the first: one
 * `HILO_ERR_TENANT_DATA_INVALID` lists them (file and JSON path each, `details`; see
 * {@link tenantDataInvalid}). Rules across files are checked once the files they read are valid.
 *
 * @example
 * const tenant = await loadTenant('tenants/ferreteria');
 */
export async function loadTenant(dir: string): Promise<TenantData> {
  const problems: Problems = [];
  const [settingsRaw, storeRaw, utterancesRaw] = await Promise.all(['tenant.json', 'store.json', 'utterances.json'].map((file) => readJson(problems, dir, file)));
  // A business without a product catalog, customer accounts, offers or vacancies (a booking studio) ships none of those files.
  const [catalogRaw, accountsRaw, offersRaw, vacanciesRaw, promptsRaw, widgetRaw, intentsRaw] = await Promise.all(
    ['catalog.json', 'accounts.json', 'offers.json', 'vacancies.json', 'prompts.json', 'widget.json', 'intents.json'].map((file) => readOptionalJson(problems, dir, file)),
  );
  const settings: TenantSettings | undefined = parseFile(problems, 'tenant.json', TENANT_SETTINGS, settingsRaw);
  const before = problems.length;
  const catalog = catalogRaw === undefined ? [] : parseCatalog(problems, catalogRaw);
  const catalogSound = catalogRaw !== undefined && !!catalog && problems.length === before;
  let templateFiles: string[] = [];
  try {
    templateFiles = (await readdir(join(dir, 'templates'))).filter((name) => name.endsWith('.json')).sort();
  } catch {
    problems.push({ file: 'templates', path: '$', problem: `cannot read ${join(dir, 'templates')}` });
  }
  const templates = mergeTemplates(problems, await Promise.all(templateFiles.map(async (name) => ({ file: `templates/${name}`, raw: await readJson(problems, join(dir, 'templates'), name, `templates/${name}`) }))));
  const intents = intentsRaw !== undefined ? parseIntents(problems, intentsRaw, templates ?? null) : undefined;
  const accounts = accountsRaw === undefined ? [] : parseAccounts(problems, accountsRaw);
  const store = parseFile(problems, 'store.json', STORE, storeRaw);
  // What the store offers instead of a trade good it lacks must be in the catalog (a broken or absent one is reported on its own).
  const skus = catalogSound && catalog ? new Set(catalog.map((p) => p.sku)) : null;
  store?.tradeGoods?.forEach((good, i) => (['instead', 'for'] as const).forEach((field) => good[field]?.forEach((sku, j) => {
    if (skus && !skus.has(sku)) problems.push({ file: 'store.json', path: `$.tradeGoods[${i}].${field}[${j}]`, problem: `unknown SKU "${sku}" (not in catalog.json)` });
  })));
  // A category named in other languages must be one of the catalog's (a typo would silently never be said).
  const categories = catalogSound && catalog ? new Set(catalog.map((p) => p.category)) : null;
  for (const name of Object.keys(store?.categoryNames ?? {})) {
    if (categories && !categories.has(name)) problems.push({ file: 'store.json', path: `$.categoryNames.${name}`, problem: `unknown category "${name}" (no product of catalog.json has it)` });
  }
  const offers = offersRaw === undefined ? [] : parseOffers(problems, offersRaw, catalog ? new Set(catalog.map((p) => p.sku)) : null);
  const vacancies = vacanciesRaw === undefined ? [] : parseFile(problems, 'vacancies.json', VACANCIES, vacanciesRaw);
  // With a broken intents.json the labels are unknown: utterances.json is checked for its shape only then.
  const utterances = intentsRaw !== undefined && !intents ? undefined : parseFile(problems, 'utterances.json', utterancesSchema(intents?.map((i) => i.label)), utterancesRaw);
  const prompts: TenantPrompts | undefined = parseFile(problems, 'prompts.json', PROMPTS, promptsRaw);
  const widget = widgetRaw === undefined ? undefined : parseWidget(problems, widgetRaw);
  // Carried with the data when valid; a bad workflows.json is reported (with every problem) by
  // `loadTenantWorkflows`, which start-up and the admin API run beside this loader.
  const workflowsRaw = await readOptionalJson([], dir, 'workflows.json');
  const workflows = workflowsRaw === undefined ? undefined : checkWorkflowSet(workflowsRaw);
  if (problems.length > 0 || !settings || !catalog || !templates || !accounts || !store || !offers || !vacancies || !utterances) throw tenantDataInvalid(problems);
  return {
    settings,
    catalog,
    accounts,
    store,
    offers,
    vacancies,
    utterances,
    ...(intents ? { intents } : {}),
    templates,
    ...(prompts ? { prompts } : {}),
    ...(widget ? { widget } : {}),
    ...(workflows?.ok ? { workflows: workflows.value } : {}),
  };
}

/**
 * Loads every tenant under `rootDir` (one subfolder per tenant, named after its id), keyed by id.
 * A subfolder without `tenant.json` is not a tenant (yet): it is skipped.
 */
export async function loadTenants(rootDir: string): Promise<Map<string, TenantData>> {
  let folders: string[];
  try {
    folders = (await readdir(rootDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (cause) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${rootDir}: $: cannot read the tenants folder`, { cause });
  }
  const tenants = new Map<string, TenantData>();
  for (const folder of folders) {
    if (!(await hasFile(join(rootDir, folder), 'tenant.json'))) continue;
    let tenant: TenantData;
    try {
      tenant = await loadTenant(join(rootDir, folder));
    } catch (err) {
      if (isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID') && Array.isArray(err.details)) {
        throw tenantDataInvalid((err.details as TenantFileProblem[]).map((p) => ({ ...p, file: `${folder}/${p.file}` })));
      }
      throw err;
    }
    if (tenant.settings.id !== folder) {
      throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${folder}/tenant.json: $.id: expected "${folder}" (the folder name), got "${tenant.settings.id}"`);
    }
    tenants.set(folder, tenant);
  }
  return tenants;
}

async function hasFile(dir: string, file: string): Promise<boolean> {
  try {
    await access(join(dir, file));
    return true;
  } catch {
    return false;
  }
}
