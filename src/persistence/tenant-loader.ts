import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INTENTS } from '../domain/intents.js';
import type { Lang } from '../domain/nlu.js';
import type {
  Branch,
  CustomerAccount,
  DeliveryZone,
  GeoPoint,
  Offer,
  Place,
  Product,
  ReplyTemplates,
  StoreInfo,
  TenantData,
  TenantPrompts,
  TenantSettings,
  TenantWidget,
  TrainingUtterances,
  Vacancy,
} from '../domain/tenant.js';
import { HiloError, isHiloError } from '../kernel/errors.js';

const LANGS: readonly Lang[] = ['es', 'en'];
const STANDINGS = ['al_dia', 'atrasada', 'suspendida'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACCOUNT_NUMBER = /^\d{5,8}$/;
const TENANT_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Small validators: each takes the file name and a JSON path so an error says exactly where
 * (`catalog.json: $[12].price: expected a number >= 0, got "abc"`).
 */
class Check {
  constructor(readonly file: string) {}

  fail(path: string, problem: string): never {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${this.file}: ${path}: ${problem}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, `expected an object, got ${describe(value)}`);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string, options: { nonEmpty?: boolean } = {}): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, got ${describe(value)}`);
    if (options.nonEmpty && value.length === 0) this.fail(path, 'expected at least one element');
    return value;
  }

  string(value: unknown, path: string, options: { pattern?: RegExp; hint?: string } = {}): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, `expected a non-empty string, got ${describe(value)}`);
    if (options.pattern && !options.pattern.test(value)) this.fail(path, `expected ${options.hint ?? options.pattern.source}, got ${describe(value)}`);
    return value;
  }

  number(value: unknown, path: string, options: { min?: number; integer?: boolean } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, `expected a number, got ${describe(value)}`);
    if (options.integer && !Number.isInteger(value)) this.fail(path, `expected an integer, got ${value}`);
    if (options.min !== undefined && value < options.min) this.fail(path, `expected a number >= ${options.min}, got ${value}`);
    return value;
  }

  date(value: unknown, path: string): string {
    const text = this.string(value, path, { pattern: ISO_DATE, hint: 'an ISO date (YYYY-MM-DD)' });
    if (Number.isNaN(Date.parse(`${text}T00:00:00Z`))) this.fail(path, `not a calendar date: "${text}"`);
    return text;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `expected one of ${allowed.join(' | ')}, got ${describe(value)}`);
    }
    return value as T;
  }

  perLang(value: unknown, path: string): Record<Lang, string> {
    const obj = this.object(value, path);
    return { es: this.string(obj.es, `${path}.es`), en: this.string(obj.en, `${path}.en`) };
  }

  strings(value: unknown, path: string, options: { nonEmpty?: boolean } = {}): string[] {
    return this.array(value, path, options).map((item, i) => this.string(item, `${path}[${i}]`));
  }
}

/** `{ "lat": 18.43, "lon": -68.97 }`, within the globe. */
function geoPoint(c: Check, value: unknown, path: string): GeoPoint {
  const o = c.object(value, path);
  const lat = c.number(o.lat, `${path}.lat`, { min: -90 });
  const lon = c.number(o.lon, `${path}.lon`, { min: -180 });
  if (lat > 90) c.fail(`${path}.lat`, `expected a latitude <= 90, got ${lat}`);
  if (lon > 180) c.fail(`${path}.lon`, `expected a longitude <= 180, got ${lon}`);
  return { lat, lon };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
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

function parseSettings(raw: unknown): TenantSettings {
  const c = new Check('tenant.json');
  const o = c.object(raw, '$');
  const timeZone = c.string(o.timeZone, '$.timeZone');
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    c.fail('$.timeZone', `unknown IANA time zone "${timeZone}"`);
  }
  return {
    id: c.string(o.id, '$.id', { pattern: TENANT_ID, hint: 'lower-case letters, digits and dashes' }),
    displayName: c.string(o.displayName, '$.displayName'),
    defaultLang: c.oneOf(o.defaultLang, '$.defaultLang', LANGS),
    timeZone,
    currency: c.string(o.currency, '$.currency', { pattern: /^[A-Z]{3}$/, hint: 'an ISO 4217 code such as "DOP"' }),
    ...(o.accountVerification !== undefined ? { accountVerification: c.oneOf(o.accountVerification, '$.accountVerification', ['second_identifier', 'none'] as const) } : {}),
  };
}

function parseCatalog(raw: unknown): Product[] {
  const c = new Check('catalog.json');
  const seen = new Map<string, number>();
  /** Folded default phrase → the SKU it names: one everyday product per phrase. */
  const defaults = new Map<string, string>();
  return c.array(raw, '$', { nonEmpty: true }).map((item, i) => {
    const p = `$[${i}]`;
    const o = c.object(item, p);
    const sku = c.string(o.sku, `${p}.sku`);
    const first = seen.get(sku);
    if (first !== undefined) c.fail(`${p}.sku`, `duplicate SKU "${sku}" (also at $[${first}])`);
    seen.set(sku, i);
    const product: Product = {
      sku,
      name: c.string(o.name, `${p}.name`),
      category: c.string(o.category, `${p}.category`),
      price: c.number(o.price, `${p}.price`, { min: 0 }),
      stock: c.number(o.stock, `${p}.stock`, { min: 0, integer: true }),
      unit: c.string(o.unit, `${p}.unit`),
    };
    if (o.aliases !== undefined) product.aliases = c.strings(o.aliases, `${p}.aliases`);
    if (o.brand !== undefined) product.brand = c.string(o.brand, `${p}.brand`);
    if (o.default_for !== undefined) {
      product.default_for = c.strings(o.default_for, `${p}.default_for`);
      product.default_for.forEach((phrase, j) => {
        const key = phrase.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        if (key === '') c.fail(`${p}.default_for[${j}]`, 'an empty phrase');
        const owner = defaults.get(key);
        if (owner !== undefined && owner !== sku) c.fail(`${p}.default_for[${j}]`, `"${phrase}" is already the default of ${owner}`);
        defaults.set(key, sku);
      });
    }
    return product;
  });
}

function parseAccounts(raw: unknown): CustomerAccount[] {
  const c = new Check('accounts.json');
  const seen = new Map<string, number>();
  return c.array(raw, '$').map((item, i) => {
    const p = `$[${i}]`;
    const o = c.object(item, p);
    const number = c.string(o.number, `${p}.number`, { pattern: ACCOUNT_NUMBER, hint: '5 to 8 digits' });
    const first = seen.get(number);
    if (first !== undefined) c.fail(`${p}.number`, `duplicate account number "${number}" (also at $[${first}])`);
    seen.set(number, i);
    return {
      number,
      holder: c.string(o.holder, `${p}.holder`),
      standing: c.oneOf(o.standing, `${p}.standing`, STANDINGS),
      balance: c.number(o.balance, `${p}.balance`, { min: 0 }),
      dueDate: c.date(o.dueDate, `${p}.dueDate`),
      ...(o.phone !== undefined ? { phone: c.string(o.phone, `${p}.phone`, { pattern: /^[+\d][\d\s().-]{6,20}$/, hint: 'a phone number' }) } : {}),
      ...(o.taxId !== undefined ? { taxId: c.string(o.taxId, `${p}.taxId`, { pattern: /^(?:\d[\s-]?){9}(?:\d[\s-]?\d)?$/, hint: 'a cédula (11 digits) or RNC (9 digits)' }) } : {}),
    };
  });
}

function parseStore(raw: unknown): StoreInfo {
  const c = new Check('store.json');
  const o = c.object(raw, '$');
  const branches = c.array(o.branches, '$.branches', { nonEmpty: true }).map((item, i): Branch => {
    const p = `$.branches[${i}]`;
    const b = c.object(item, p);
    const branch: Branch = {
      name: c.string(b.name, `${p}.name`),
      address: c.string(b.address, `${p}.address`),
      phone: c.string(b.phone, `${p}.phone`),
      hours: c.perLang(b.hours, `${p}.hours`),
    };
    if (b.mapsUrl !== undefined) branch.mapsUrl = c.string(b.mapsUrl, `${p}.mapsUrl`, { pattern: /^https?:\/\//, hint: 'an http(s) URL' });
    return branch;
  });
  const deliveryZones = c.array(o.deliveryZones, '$.deliveryZones').map((item, i) => {
    const p = `$.deliveryZones[${i}]`;
    const z = c.object(item, p);
    const zone: DeliveryZone = { zone: c.string(z.zone, `${p}.zone`), fee: c.number(z.fee, `${p}.fee`, { min: 0 }), eta: c.perLang(z.eta, `${p}.eta`) };
    if (z.aliases !== undefined) zone.aliases = c.strings(z.aliases, `${p}.aliases`);
    if (z.at !== undefined) zone.at = geoPoint(c, z.at, `${p}.at`);
    return zone;
  });
  const places =
    o.places === undefined
      ? undefined
      : c.array(o.places, '$.places').map((item, i): Place => {
          const p = `$.places[${i}]`;
          const x = c.object(item, p);
          const place: Place = { name: c.string(x.name, `${p}.name`), at: geoPoint(c, x.at, `${p}.at`) };
          if (x.aliases !== undefined) place.aliases = c.strings(x.aliases, `${p}.aliases`);
          return place;
        });
  const methods = c.object(o.paymentMethods, '$.paymentMethods');
  return {
    name: c.string(o.name, '$.name'),
    city: c.string(o.city, '$.city'),
    branches,
    deliveryZones,
    ...(places ? { places } : {}),
    paymentMethods: {
      es: c.strings(methods.es, '$.paymentMethods.es', { nonEmpty: true }),
      en: c.strings(methods.en, '$.paymentMethods.en', { nonEmpty: true }),
    },
    phone: c.string(o.phone, '$.phone'),
    whatsapp: c.string(o.whatsapp, '$.whatsapp'),
    email: c.string(o.email, '$.email', { pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, hint: 'an email address' }),
  };
}

function parseOffers(raw: unknown, skus: ReadonlySet<string>): Offer[] {
  const c = new Check('offers.json');
  const seen = new Set<string>();
  return c.array(raw, '$').map((item, i) => {
    const p = `$[${i}]`;
    const o = c.object(item, p);
    const id = c.string(o.id, `${p}.id`);
    if (seen.has(id)) c.fail(`${p}.id`, `duplicate offer id "${id}"`);
    seen.add(id);
    const offer: Offer = {
      id,
      title: c.perLang(o.title, `${p}.title`),
      details: c.perLang(o.details, `${p}.details`),
      validUntil: c.date(o.validUntil, `${p}.validUntil`),
    };
    if (o.skus !== undefined) {
      offer.skus = c.strings(o.skus, `${p}.skus`);
      offer.skus.forEach((sku, j) => {
        if (!skus.has(sku)) c.fail(`${p}.skus[${j}]`, `unknown SKU "${sku}" (not in catalog.json)`);
      });
    }
    return offer;
  });
}

function parseVacancies(raw: unknown): Vacancy[] {
  const c = new Check('vacancies.json');
  return c.array(raw, '$').map((item, i) => {
    const p = `$[${i}]`;
    const o = c.object(item, p);
    return {
      id: c.string(o.id, `${p}.id`),
      title: c.perLang(o.title, `${p}.title`),
      branch: c.string(o.branch, `${p}.branch`),
      requirements: c.perLang(o.requirements, `${p}.requirements`),
      howToApply: c.perLang(o.howToApply, `${p}.howToApply`),
    };
  });
}

function parseUtterances(raw: unknown): TrainingUtterances {
  const c = new Check('utterances.json');
  const o = c.object(raw, '$');
  for (const key of Object.keys(o)) {
    if (!(INTENTS as readonly string[]).includes(key)) c.fail(`$.${key}`, `unknown intent (expected one of ${INTENTS.join(', ')})`);
  }
  const out = {} as TrainingUtterances;
  for (const intent of INTENTS) {
    const perLang = c.object(o[intent], `$.${intent}`);
    out[intent] = {
      es: c.strings(perLang.es, `$.${intent}.es`, { nonEmpty: true }),
      en: c.strings(perLang.en, `$.${intent}.en`, { nonEmpty: true }),
    };
  }
  return out;
}

/** Merges `templates/*.json` (alphabetical order); a key defined by two files is an error. */
function mergeTemplates(files: { file: string; raw: unknown }[]): ReplyTemplates {
  const merged: ReplyTemplates = { es: {}, en: {} };
  const owner = new Map<string, string>();
  for (const { file, raw } of files) {
    const c = new Check(file);
    const o = c.object(raw, '$');
    for (const key of Object.keys(o)) if (!(LANGS as readonly string[]).includes(key)) c.fail(`$.${key}`, 'unknown language (expected "es" and "en")');
    for (const lang of LANGS) {
      const entries = c.object(o[lang], `$.${lang}`);
      for (const [key, text] of Object.entries(entries)) {
        c.string(text, `$.${lang}["${key}"]`);
        const definedBy = owner.get(`${lang}:${key}`);
        if (definedBy !== undefined) c.fail(`$.${lang}["${key}"]`, `template key already defined in ${definedBy}`);
        owner.set(`${lang}:${key}`, file);
        merged[lang][key] = text as string;
      }
    }
  }
  for (const lang of LANGS) {
    const other: Lang = lang === 'es' ? 'en' : 'es';
    for (const key of Object.keys(merged[lang])) {
      if (merged[other][key] === undefined) {
        new Check(owner.get(`${lang}:${key}`) ?? 'templates').fail(`$.${other}["${key}"]`, `missing: the key exists in "${lang}" but not in "${other}"`);
      }
    }
  }
  return merged;
}

const PROMPT_TEMPLATES = ['persona', 'classification', 'extraction', 'tools', 'clarification', 'response'] as const;

/** `prompts.json` (optional): a version, a tone per language, and any template to override. */
function parsePrompts(raw: unknown): TenantPrompts {
  const c = new Check('prompts.json');
  const o = c.object(raw, '$');
  const known = new Set<string>(['version', 'tone', ...PROMPT_TEMPLATES]);
  for (const key of Object.keys(o)) if (!known.has(key)) c.fail(`$.${key}`, `unknown key (expected one of ${[...known].join(', ')})`);
  const prompts: TenantPrompts = { version: c.string(o.version, '$.version') };
  if (o.tone !== undefined) {
    const tone = c.object(o.tone, '$.tone');
    prompts.tone = {};
    for (const [lang, text] of Object.entries(tone)) prompts.tone[c.oneOf(lang, '$.tone', LANGS)] = c.string(text, `$.tone.${lang}`);
  }
  for (const name of PROMPT_TEMPLATES) {
    if (o[name] === undefined) continue;
    const text = c.string(o[name], `$.${name}`);
    const bad = /\{\{(?!\w+\}\})/.exec(text);
    if (bad) c.fail(`$.${name}`, 'an unclosed {{placeholder}}');
    prompts[name] = text;
  }
  return prompts;
}

/** Limits that keep the widget's intro readable on a phone (and the welcome frame small). */
const WIDGET_GREETING_MAX = 400;
const WIDGET_LABEL_MAX = 40;
const WIDGET_TEXT_MAX = 300;
const WIDGET_SUGGESTIONS_MAX = 6;

/** `widget.json` (optional): per language, a greeting and the suggestion chips (`{label, text}`). */
function parseWidget(raw: unknown): TenantWidget {
  const c = new Check('widget.json');
  const o = c.object(raw, '$');
  for (const key of Object.keys(o)) if (!(LANGS as readonly string[]).includes(key)) c.fail(`$.${key}`, `unknown key (expected ${LANGS.join(', ')})`);
  const perLang = (lang: Lang): TenantWidget[Lang] => {
    const p = `$.${lang}`;
    const block = c.object(o[lang], p);
    for (const key of Object.keys(block)) if (key !== 'greeting' && key !== 'suggestions') c.fail(`${p}.${key}`, 'unknown key (expected greeting, suggestions)');
    const greeting = c.string(block.greeting, `${p}.greeting`).trim();
    if (greeting.length > WIDGET_GREETING_MAX) c.fail(`${p}.greeting`, `longer than ${WIDGET_GREETING_MAX} characters`);
    const list = c.array(block.suggestions, `${p}.suggestions`, { nonEmpty: true });
    if (list.length > WIDGET_SUGGESTIONS_MAX) c.fail(`${p}.suggestions`, `at most ${WIDGET_SUGGESTIONS_MAX} suggestions, got ${list.length}`);
    const seen = new Set<string>();
    const suggestions = list.map((item, i) => {
      const q = `${p}.suggestions[${i}]`;
      const s = c.object(item, q);
      const label = c.string(s.label, `${q}.label`).trim();
      const text = c.string(s.text, `${q}.text`).trim();
      if (label.length > WIDGET_LABEL_MAX) c.fail(`${q}.label`, `longer than ${WIDGET_LABEL_MAX} characters`);
      if (text.length > WIDGET_TEXT_MAX) c.fail(`${q}.text`, `longer than ${WIDGET_TEXT_MAX} characters`);
      if (seen.has(label.toLowerCase())) c.fail(`${q}.label`, `repeats the label "${label}"`);
      seen.add(label.toLowerCase());
      return { label, text };
    });
    return { greeting, suggestions };
  };
  return { es: perLang('es'), en: perLang('en') };
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
 * Loads and validates one tenant folder (`tenant.json`, `catalog.json`, `accounts.json`,
 * `store.json`, `offers.json`, `vacancies.json`, `utterances.json`, `templates/*.json`, and the
 * optional `prompts.json` and `widget.json`).
 * Any problem throws `HILO_ERR_TENANT_DATA_INVALID` naming the file and the JSON path.
 *
 * @example
 * const tenant = await loadTenant('tenants/ferreteria');
 */
export async function loadTenant(dir: string): Promise<TenantData> {
  const [settingsRaw, catalogRaw, accountsRaw, storeRaw, offersRaw, vacanciesRaw, utterancesRaw] = await Promise.all(
    ['tenant.json', 'catalog.json', 'accounts.json', 'store.json', 'offers.json', 'vacancies.json', 'utterances.json'].map((file) =>
      readJson(dir, file),
    ),
  );
  const settings = parseSettings(settingsRaw);
  const catalog = parseCatalog(catalogRaw);
  let templateFiles: string[];
  try {
    templateFiles = (await readdir(join(dir, 'templates'))).filter((name) => name.endsWith('.json')).sort();
  } catch (cause) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `templates: $: cannot read ${join(dir, 'templates')}`, { cause });
  }
  const promptsRaw = await readOptionalJson(dir, 'prompts.json');
  const widgetRaw = await readOptionalJson(dir, 'widget.json');
  const templates = mergeTemplates(
    await Promise.all(
      templateFiles.map(async (name) => ({ file: `templates/${name}`, raw: await readJson(join(dir, 'templates'), name) })),
    ),
  );
  return {
    settings,
    catalog,
    accounts: parseAccounts(accountsRaw),
    store: parseStore(storeRaw),
    offers: parseOffers(offersRaw, new Set(catalog.map((p) => p.sku))),
    vacancies: parseVacancies(vacanciesRaw),
    utterances: parseUtterances(utterancesRaw),
    templates,
    ...(promptsRaw !== undefined ? { prompts: parsePrompts(promptsRaw) } : {}),
    ...(widgetRaw !== undefined ? { widget: parseWidget(widgetRaw) } : {}),
  };
}

/**
 * Loads every tenant under `rootDir` (one subfolder per tenant, named after its id), keyed by id.
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
