import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../domain/nlu.js';
import type { CustomerAccount, Offer, Product, ReplyTemplates, TenantData, TenantPrompts, TenantSettings, TenantWidget } from '../domain/tenant.js';
import { HiloError, isHiloError } from '../kernel/errors.js';
import { checkWith, type z } from '../kernel/schema.js';
import { INFO_BEHAVIOUR, type TenantIntent } from '../domain/intents.js';
import { ACCOUNTS, CATALOG, INTENT_SET, LANGS, OFFERS, PROMPTS, STORE, TEMPLATE_FILE, templatePath, TENANT_SETTINGS, TENANT_WORDING, utterancesSchema, VACANCIES, WIDGET } from './tenant-schemas.js';

/** A problem in a tenant file: the message names the file and the JSON path (`catalog.json: $[12].price: …`). */
function invalid(file: string, path: string, problem: string): never {
  throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${file}: ${path}: ${problem}`);
}

/** Checks one file against its schema (`tenant-schemas.ts`); the first problem stops the load. */
function parseFile<S extends z.ZodType>(file: string, schema: S, raw: unknown, formatPath?: (path: readonly PropertyKey[]) => string): z.output<S> {
  const checked = checkWith(schema, raw, { wording: TENANT_WORDING, root: '$', ...(formatPath ? { formatPath } : {}), unknownKeysFirst: true, max: 1 });
  if (!checked.ok) invalid(file, checked.problems[0]!.path, checked.problems[0]!.problem);
  return checked.value;
}

async function readJson(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (cause) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${file}: $: cannot read ${join(dir, file)}`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${file}: $: invalid JSON (${(cause as Error).message})`, { cause });
  }
}

function parseCatalog(raw: unknown): Product[] {
  const catalog: Product[] = parseFile('catalog.json', CATALOG, raw);
  const seen = new Map<string, number>();
  /** Folded default phrase → the SKU it names: one everyday product per phrase. */
  const defaults = new Map<string, string>();
  catalog.forEach(({ sku, default_for }, i) => {
    const first = seen.get(sku);
    if (first !== undefined) invalid('catalog.json', `$[${i}].sku`, `duplicate SKU "${sku}" (also at $[${first}])`);
    seen.set(sku, i);
    default_for?.forEach((phrase, j) => {
      const key = phrase.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (key === '') invalid('catalog.json', `$[${i}].default_for[${j}]`, 'an empty phrase');
      const owner = defaults.get(key);
      if (owner !== undefined && owner !== sku) invalid('catalog.json', `$[${i}].default_for[${j}]`, `"${phrase}" is already the default of ${owner}`);
      defaults.set(key, sku);
    });
  });
  return catalog;
}

function parseAccounts(raw: unknown): CustomerAccount[] {
  const accounts: CustomerAccount[] = parseFile('accounts.json', ACCOUNTS, raw);
  const seen = new Map<string, number>();
  accounts.forEach(({ number }, i) => {
    const first = seen.get(number);
    if (first !== undefined) invalid('accounts.json', `$[${i}].number`, `duplicate account number "${number}" (also at $[${first}])`);
    seen.set(number, i);
  });
  return accounts;
}

function parseOffers(raw: unknown, skus: ReadonlySet<string>): Offer[] {
  const offers: Offer[] = parseFile('offers.json', OFFERS, raw);
  const seen = new Set<string>();
  offers.forEach((offer, i) => {
    if (seen.has(offer.id)) invalid('offers.json', `$[${i}].id`, `duplicate offer id "${offer.id}"`);
    seen.add(offer.id);
    offer.skus?.forEach((sku, j) => {
      if (!skus.has(sku)) invalid('offers.json', `$[${i}].skus[${j}]`, `unknown SKU "${sku}" (not in catalog.json)`);
    });
  });
  return offers;
}

/** Merges `templates/*.json` (alphabetical order); a key defined by two files is an error. */
function mergeTemplates(files: { file: string; raw: unknown }[]): ReplyTemplates {
  const merged: ReplyTemplates = { es: {}, en: {} };
  const owner = new Map<string, string>();
  for (const { file, raw } of files) {
    const templates = parseFile(file, TEMPLATE_FILE, raw, templatePath);
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(templates[lang])) {
        const definedBy = owner.get(`${lang}:${key}`);
        if (definedBy !== undefined) invalid(file, templatePath([lang, key]), `template key already defined in ${definedBy}`);
        owner.set(`${lang}:${key}`, file);
        merged[lang][key] = text;
      }
    }
  }
  for (const lang of LANGS) {
    const other: Lang = lang === 'es' ? 'en' : 'es';
    for (const key of Object.keys(merged[lang])) {
      if (merged[other][key] === undefined) invalid(owner.get(`${lang}:${key}`) ?? 'templates', templatePath([other, key]), `missing: the key exists in "${lang}" but not in "${other}"`);
    }
  }
  return merged;
}

/** `widget.json`: the schema, then labels that must differ within a language. */
function parseWidget(raw: unknown): TenantWidget {
  const widget: TenantWidget = parseFile('widget.json', WIDGET, raw);
  for (const lang of LANGS) {
    const seen = new Set<string>();
    widget[lang].suggestions.forEach(({ label }, i) => {
      if (seen.has(label.toLowerCase())) invalid('widget.json', `$.${lang}.suggestions[${i}].label`, `repeats the label "${label}"`);
      seen.add(label.toLowerCase());
    });
  }
  return widget;
}

/**
 * `intents.json`: the schema, then the rules across labels: unique labels, a behaviour for every
 * `core` label (none for the others: they reach the info route), one label for `out_of_scope`.
 */
function parseIntents(raw: unknown, templates: ReplyTemplates): TenantIntent[] {
  const declared = parseFile('intents.json', INTENT_SET, raw).intents;
  const seen = new Map<string, number>();
  const intents = declared.map(({ label, kind, behaviour, answer }, i): TenantIntent => {
    const first = seen.get(label);
    if (first !== undefined) invalid('intents.json', `$.intents[${i}].label`, `duplicate label "${label}" (also at $.intents[${first}])`);
    seen.set(label, i);
    if (kind === 'core' && behaviour === undefined) invalid('intents.json', `$.intents[${i}].behaviour`, 'a core label needs the behaviour it runs');
    if (kind !== 'core' && behaviour !== undefined) invalid('intents.json', `$.intents[${i}].behaviour`, `only core labels name a behaviour (this one is ${kind})`);
    if (kind === 'core' && answer !== undefined) invalid('intents.json', `$.intents[${i}].answer`, 'a core label is answered by its behaviour');
    if (answer && 'template' in answer && templates.es[answer.template] === undefined) invalid('intents.json', `$.intents[${i}].answer.template`, `unknown template "${answer.template}" (not in templates/*.json)`);
    return { label, kind, behaviour: behaviour ?? INFO_BEHAVIOUR, ...(answer ? { answer } : {}) };
  });
  if (!intents.some((i) => i.behaviour === 'out_of_scope')) invalid('intents.json', '$.intents', 'no label stands for out_of_scope (the reading below the confidence threshold)');
  return intents;
}

async function readOptionalJson(dir: string, file: string): Promise<unknown> {
  try {
    await readFile(join(dir, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  return readJson(dir, file);
}

/**
 * Loads and validates one tenant folder (`tenant.json`, `store.json`, `utterances.json`,
 * `templates/*.json`; optional: `catalog.json`, `accounts.json`, `offers.json`, `vacancies.json`
 * — absent, none — `prompts.json`, `widget.json` and `intents.json` — the tenant's intent set, which
 * `utterances.json` must cover exactly; absent, the built-in labels).
 * Any problem throws `HILO_ERR_TENANT_DATA_INVALID` naming the file and the JSON path.
 *
 * @example
 * const tenant = await loadTenant('tenants/ferreteria');
 */
export async function loadTenant(dir: string): Promise<TenantData> {
  const [settingsRaw, storeRaw, utterancesRaw] = await Promise.all(['tenant.json', 'store.json', 'utterances.json'].map((file) => readJson(dir, file)));
  // A business without a product catalog, customer accounts, offers or vacancies (a booking studio) ships none of those files.
  const [catalogRaw, accountsRaw, offersRaw, vacanciesRaw] = await Promise.all(['catalog.json', 'accounts.json', 'offers.json', 'vacancies.json'].map((file) => readOptionalJson(dir, file)));
  const settings: TenantSettings = parseFile('tenant.json', TENANT_SETTINGS, settingsRaw);
  const catalog = catalogRaw === undefined ? [] : parseCatalog(catalogRaw);
  let templateFiles: string[];
  try {
    templateFiles = (await readdir(join(dir, 'templates'))).filter((name) => name.endsWith('.json')).sort();
  } catch (cause) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `templates: $: cannot read ${join(dir, 'templates')}`, { cause });
  }
  const promptsRaw = await readOptionalJson(dir, 'prompts.json');
  const widgetRaw = await readOptionalJson(dir, 'widget.json');
  const intentsRaw = await readOptionalJson(dir, 'intents.json');
  const templates = mergeTemplates(
    await Promise.all(
      templateFiles.map(async (name) => ({ file: `templates/${name}`, raw: await readJson(join(dir, 'templates'), name) })),
    ),
  );
  const intents = intentsRaw !== undefined ? parseIntents(intentsRaw, templates) : undefined;
  return {
    settings,
    catalog,
    accounts: accountsRaw === undefined ? [] : parseAccounts(accountsRaw),
    store: parseFile('store.json', STORE, storeRaw),
    offers: offersRaw === undefined ? [] : parseOffers(offersRaw, new Set(catalog.map((p) => p.sku))),
    vacancies: vacanciesRaw === undefined ? [] : parseFile('vacancies.json', VACANCIES, vacanciesRaw),
    utterances: parseFile('utterances.json', utterancesSchema(intents?.map((i) => i.label)), utterancesRaw),
    ...(intents ? { intents } : {}),
    templates,
    ...(promptsRaw !== undefined ? { prompts: parseFile('prompts.json', PROMPTS, promptsRaw) satisfies TenantPrompts } : {}),
    ...(widgetRaw !== undefined ? { widget: parseWidget(widgetRaw) } : {}),
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
      if (isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID')) {
        throw new HiloError(err.code, `${folder}/${err.message}`, { cause: err.cause });
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
