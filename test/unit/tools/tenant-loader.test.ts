import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHoursText } from '../../../src/domain/hours-text.js';
import { INTENTS } from '../../../src/domain/intents.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { loadTenant, loadTenants } from '../../../src/persistence/tenant-loader.js';
import { TENANT_DIR } from './helpers.js';

/** Each test owns a copy of the demo tenant in its own temporary folder. */
let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hilo-tenant-loader-'));
  dir = join(root, 'ferreteria');
  await cp(TENANT_DIR, dir, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function edit(file: string, change: (data: any) => unknown): Promise<void> {
  const path = join(dir, file);
  const data: unknown = JSON.parse(await readFile(path, 'utf8'));
  const result = change(data);
  await writeFile(path, JSON.stringify(result === undefined ? data : result));
}

async function loadError(load: () => Promise<unknown> = () => loadTenant(dir)): Promise<Error> {
  try {
    await load();
  } catch (err) {
    expect(isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID')).toBe(true);
    return err as Error;
  }
  throw new Error('expected the tenant to be rejected');
}

describe('loadTenant', () => {
  it('should load the optional prompts.json, and refuse unknown keys or a bad tone', async () => {
    expect((await loadTenant(TENANT_DIR)).prompts).toMatchObject({ version: 'ferreteria-1', tone: { es: expect.any(String), en: expect.any(String) } });
    await rm(join(dir, 'prompts.json'));
    expect((await loadTenant(dir)).prompts).toBeUndefined();
    await writeFile(join(dir, 'prompts.json'), JSON.stringify({ version: 'v1', sytem: 'typo' }));
    expect((await loadError()).message).toMatch(/prompts\.json: \$\.sytem: unknown key/);
    await writeFile(join(dir, 'prompts.json'), JSON.stringify({ version: 'v1', tone: { fr: 'poli' } }));
    expect((await loadError()).message).toMatch(/prompts\.json: \$\.tone: expected one of es \| en/);
    await writeFile(join(dir, 'prompts.json'), JSON.stringify({ version: 'v1', persona: 'Hola {{tenantName' }));
    expect((await loadError()).message).toMatch(/prompts\.json: \$\.persona: an unclosed/);
    await writeFile(join(dir, 'prompts.json'), '{"version": ');
    expect((await loadError()).message).toMatch(/prompts\.json: \$: invalid JSON/);
  });

  it('should load the real demo tenant with every file', async () => {
    const tenant = await loadTenant(TENANT_DIR);
    expect(tenant.settings).toEqual({
      id: 'ferreteria',
      displayName: 'Ferretería La Romana',
      defaultLang: 'es',
      timeZone: 'America/Santo_Domingo',
      accountVerification: 'second_identifier',
      currency: 'DOP',
      console: { slaSeconds: 300, lang: 'es' },
    });
    expect(tenant.store.teamHours?.weekly.mon).toEqual({ open: '08:00', close: '18:00' });
    expect(tenant.templates.es['handoff.after_hours']).toContain('{when}');
    expect(tenant.catalog.length).toBeGreaterThanOrEqual(170);
    expect(tenant.catalog.some((p) => p.stock === 0)).toBe(true);
    expect(tenant.accounts.length).toBeGreaterThanOrEqual(20);
    expect(new Set(tenant.accounts.map((a) => a.standing))).toEqual(new Set(['al_dia', 'atrasada', 'suspendida']));
    expect(tenant.store.branches.length).toBeGreaterThanOrEqual(2);
    expect(tenant.offers.length).toBeGreaterThanOrEqual(5);
    expect(tenant.vacancies.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(tenant.utterances).sort()).toEqual([...INTENTS].sort());
    // Templates from every file are merged: the tools' keys and the flow's keys.
    expect(tenant.templates.es['product.found']).toBeDefined();
    expect(tenant.templates.en['account.need_id']).toBeDefined();
    expect(Object.keys(tenant.templates.es).length).toBeGreaterThan(Object.keys(JSON.parse(await readFile(join(TENANT_DIR, 'templates/tools.json'), 'utf8')).es).length);
  });

  it('should keep the tool templates complete in both languages', async () => {
    const tools = JSON.parse(await readFile(join(TENANT_DIR, 'templates/tools.json'), 'utf8')) as Record<'es' | 'en', Record<string, string>>;
    expect(Object.keys(tools.es).sort()).toEqual(Object.keys(tools.en).sort());
  });

  it('should name the file and path of a wrong type', async () => {
    await edit('catalog.json', (c) => {
      c[12].price = 'mil';
    });
    expect((await loadError()).message).toBe('catalog.json: $[12].price: expected a number, got "mil"');
  });

  it('should name the file and path of a missing required field', async () => {
    await edit('store.json', (s) => {
      delete s.branches[1].hours.en;
    });
    expect((await loadError()).message).toBe('store.json: $.branches[1].hours.en: expected a non-empty string, got nothing (missing)');
  });

  it('should refuse a branch whose written hours disagree with its structured hours, naming the branch and the time', async () => {
    await edit('store.json', (s) => {
      s.branches[2].openingHours.weekly.sat = { open: '08:00', close: '13:00' };
    });
    expect((await loadError()).message).toBe(
      [
        'store.json: $.branches[2].hours.es: branch "Sucursal Av. Padre Abreu": sat: the text says 08:00–14:00, openingHours says 08:00–13:00',
        'store.json: $.branches[2].hours.en: branch "Sucursal Av. Padre Abreu": sat: the text says 08:00–14:00, openingHours says 08:00–13:00',
      ].join('\n'),
    );
    // A day the text does not name is a closed day; the English text is checked too.
    await edit('store.json', (s) => {
      s.branches[2].openingHours.weekly.sat = { open: '08:00', close: '14:00' };
      s.branches[2].openingHours.weekly.sun = { open: '09:00', close: '12:00' };
      s.branches[1].hours.en = 'Monday to Saturday 8:00 a.m. to 5:00 p.m.; closed on Sundays';
    });
    const message = (await loadError()).message;
    expect(message).toContain('$.branches[1].hours.en: branch "Sucursal Villa Hermosa": mon: the text says 08:00–17:00, openingHours says 08:00–17:30');
    expect(message).toContain('$.branches[2].hours.es: branch "Sucursal Av. Padre Abreu": sun: the text says closed, openingHours says 09:00–12:00');
    // A text the check cannot read is named too, not passed over.
    await edit('store.json', (s) => {
      s.branches[1].hours.en = 'Monday to Saturday 8:00 a.m. to 5:30 p.m.; closed on Sundays';
      s.branches[2].openingHours.weekly.sun = null;
      s.branches[0].hours.es = 'Siempre abiertos, pregunte';
    });
    expect((await loadError()).message).toMatch(/\$\.branches\[0\]\.hours\.es: branch "Sucursal Principal \(Av\. Libertad\)": could not read the hours in "siempre abiertos, pregunte"/);
  });

  it('should read the hours as stores write them, es and en', () => {
    expect(readHoursText('lunes a miércoles 9:00 a. m. – 7:00 p. m.; jueves y viernes 9:00 a. m. – 8:00 p. m.; sábado 8:00 a. m. – 6:00 p. m.; domingo cerrado')).toEqual({
      hours: { mon: { open: '09:00', close: '19:00' }, tue: { open: '09:00', close: '19:00' }, wed: { open: '09:00', close: '19:00' }, thu: { open: '09:00', close: '20:00' }, fri: { open: '09:00', close: '20:00' }, sat: { open: '08:00', close: '18:00' }, sun: null },
    });
    expect(readHoursText('Every day 9 AM – 9 PM')).toEqual({ hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { open: '09:00', close: '21:00' }])) });
    expect(readHoursText('Domingos de 8:00 a 12:30 p. m.')).toMatchObject({ hours: { sun: { open: '08:00', close: '12:30' }, mon: null } });
  });

  it('should reject duplicate SKUs', async () => {
    await edit('catalog.json', (c) => {
      c[5].sku = c[0].sku;
    });
    expect((await loadError()).message).toMatch(/^catalog\.json: \$\[5\]\.sku: duplicate SKU "CEM-001" \(also at \$\[0\]\)$/);
  });

  it('should reject an everyday-product phrase claimed by two products, and a brand that is not text', async () => {
    await edit('catalog.json', (c) => {
      c[3].default_for = ['Cemento'];
    });
    expect((await loadError()).message).toMatch(/^catalog\.json: \$\[3\]\.default_for\[0\]: "Cemento" is already the default of CEM-001$/);
    await edit('catalog.json', (c) => {
      delete c[3].default_for;
      c[3].brand = 12;
    });
    expect((await loadError()).message).toMatch(/^catalog\.json: \$\[3\]\.brand: expected a non-empty string/);
  });

  it('should load brands and everyday-product phrases from the catalog', async () => {
    const tenant = await loadTenant(dir);
    const cement = tenant.catalog.find((p) => p.sku === 'CEM-001')!;
    expect(cement.brand).toBe('Cemex');
    expect(cement.default_for).toContain('funda de cemento');
  });

  it('should reject duplicate and malformed account numbers', async () => {
    await edit('accounts.json', (a) => {
      a[3].number = a[0].number;
    });
    expect((await loadError()).message).toContain('accounts.json: $[3].number: duplicate account number');

    await cp(join(TENANT_DIR, 'accounts.json'), join(dir, 'accounts.json'));
    await edit('accounts.json', (a) => {
      a[2].number = '12-34';
    });
    expect((await loadError()).message).toContain('accounts.json: $[2].number: expected 5 to 8 digits');
  });

  it('should reject bad enums and dates', async () => {
    await edit('accounts.json', (a) => {
      a[0].standing = 'morosa';
    });
    expect((await loadError()).message).toContain('accounts.json: $[0].standing: expected one of al_dia | atrasada | suspendida');

    await cp(join(TENANT_DIR, 'accounts.json'), join(dir, 'accounts.json'));
    await edit('offers.json', (o) => {
      o[1].validUntil = '31/12/2026';
    });
    expect((await loadError()).message).toContain('offers.json: $[1].validUntil: expected an ISO date (YYYY-MM-DD)');
  });

  it('should reject offers that point at unknown SKUs', async () => {
    await edit('offers.json', (o) => {
      o[0].skus = ['NOPE-999'];
    });
    expect((await loadError()).message).toBe('offers.json: $[0].skus[0]: unknown SKU "NOPE-999" (not in catalog.json)');
  });

  it("should reject an offer's price terms that say two kinds of deal, or pay as much as they buy", async () => {
    await edit('offers.json', (o) => {
      o[0].deal = { unitPrice: 600, percentOff: 10 };
    });
    expect((await loadError()).message).toContain('offers.json: $[0].deal: a deal has exactly one of unitPrice, percentOff, or buy with pay');
    await cp(join(TENANT_DIR, 'offers.json'), join(dir, 'offers.json'));
    await edit('offers.json', (o) => {
      o[0].deal = { buy: 3, pay: 3 };
    });
    expect((await loadError()).message).toContain('offers.json: $[0].deal: buy and pay go together, pay below buy');
  });

  it('should reject utterances missing an intent', async () => {
    await edit('utterances.json', (u) => {
      delete u.job_vacancies;
    });
    expect((await loadError()).message).toBe('utterances.json: $.job_vacancies: expected an object, got nothing (missing)');
  });

  it('should reject a template key present in one language only', async () => {
    await mkdir(join(dir, 'templates'), { recursive: true });
    await writeFile(join(dir, 'templates/zz-extra.json'), JSON.stringify({ es: { 'extra.only_es': 'Hola' }, en: {} }));
    expect((await loadError()).message).toBe('templates/zz-extra.json: $.en["extra.only_es"]: missing: the key exists in "es" but not in "en"');
  });

  it('should reject a template key redefined by a later file', async () => {
    await writeFile(join(dir, 'templates/zz-extra.json'), JSON.stringify({ es: { 'product.found': 'x' }, en: { 'product.found': 'y' } }));
    // Both languages redefine it: both are listed.
    expect((await loadError()).message).toBe(
      'templates/zz-extra.json: $.es["product.found"]: template key already defined in templates/tools.json\ntemplates/zz-extra.json: $.en["product.found"]: template key already defined in templates/tools.json',
    );
  });

  it('should name a misspelt key rather than the field it was meant to be', async () => {
    await writeFile(join(dir, 'widget.json'), JSON.stringify({ es: { greting: 'Hola', suggestions: [{ label: 'a', text: 'b' }] }, en: { greeting: 'Hi', suggestions: [{ label: 'a', text: 'b' }] } }));
    // The misspelt key comes first, then the field it left missing.
    expect((await loadError()).message).toBe('widget.json: $.es.greting: unknown key (expected greeting, suggestions)\nwidget.json: $.es.greeting: expected a non-empty string, got nothing (missing)');
  });

  it('should word numbers, integers, enums, patterns, dates and coordinates for the person editing the files', async () => {
    const set = (path: (string | number)[], value: unknown) => (data: any) => {
      let at = data;
      for (const key of path.slice(0, -1)) at = at[key];
      at[path[path.length - 1]!] = value;
    };
    const cases: [string, (data: any) => void, string][] = [
      ['catalog.json', set([0, 'stock'], 2.5), 'catalog.json: $[0].stock: expected an integer, got 2.5'],
      ['catalog.json', set([1, 'price'], -3), 'catalog.json: $[1].price: expected a number >= 0, got -3'],
      ['catalog.json', set([2, 'name'], '   '), 'catalog.json: $[2].name: expected a non-empty string, got "   "'],
      ['accounts.json', set([0, 'dueDate'], '2026-13-45'), 'accounts.json: $[0].dueDate: not a calendar date: "2026-13-45"'],
      ['accounts.json', set([0, 'taxId'], 'abc'), 'accounts.json: $[0].taxId: expected a cédula (11 digits) or RNC (9 digits), got "abc"'],
      ['tenant.json', set(['timeZone'], 'Mars/Olympus'), 'tenant.json: $.timeZone: unknown IANA time zone "Mars/Olympus"'],
      ['tenant.json', set(['currency'], 'pesos'), 'tenant.json: $.currency: expected an ISO 4217 code such as "DOP", got "pesos"'],
      ['store.json', set(['deliveryZones', 0, 'at'], { lat: 91, lon: 0 }), 'store.json: $.deliveryZones[0].at.lat: expected a latitude <= 90, got 91'],
      ['store.json', set(['paymentMethods', 'es'], []), 'store.json: $.paymentMethods.es: expected at least one element'],
      ['vacancies.json', set([0, 'title'], 'Cajero'), 'vacancies.json: $[0].title: expected an object, got "Cajero"'],
      ['offers.json', set([1, 'id'], 'OF-1'), 'offers.json: $[1].id: duplicate offer id "OF-1"'],
    ];
    const offers = JSON.parse(await readFile(join(TENANT_DIR, 'offers.json'), 'utf8')) as { id: string }[];
    cases[cases.length - 1] = ['offers.json', set([1, 'id'], offers[0]!.id), `offers.json: $[1].id: duplicate offer id "${offers[0]!.id}"`];
    for (const [file, change, message] of cases) {
      await edit(file, change);
      expect((await loadError()).message, message).toBe(message);
      await cp(join(TENANT_DIR, file), join(dir, file));
    }
  });

  it('should report invalid JSON and missing files by name', async () => {
    await writeFile(join(dir, 'vacancies.json'), '[{ oops');
    expect((await loadError()).message).toMatch(/^vacancies\.json: \$: invalid JSON/);
    await rm(join(dir, 'store.json'));
    expect((await loadError()).message).toMatch(/^store\.json: \$: cannot read/);
  });

  it('should read a tenant without catalog, accounts, offers or vacancies as having none (a business that sells no products)', async () => {
    for (const file of ['catalog.json', 'accounts.json', 'offers.json', 'vacancies.json']) await rm(join(dir, file));
    expect(await loadTenant(dir)).toMatchObject({ catalog: [], accounts: [], offers: [], vacancies: [] });
  });
});

describe('loadTenants', () => {
  it('should load one tenant per subfolder, keyed by id', async () => {
    const tenants = await loadTenants(root);
    expect([...tenants.keys()]).toEqual(['ferreteria']);
    expect(tenants.get('ferreteria')?.catalog.length).toBeGreaterThanOrEqual(170);
  });

  it('should prefix errors with the tenant folder', async () => {
    await edit('tenant.json', (t) => {
      t.defaultLang = 'fr';
    });
    expect((await loadError(() => loadTenants(root))).message).toBe('ferreteria/tenant.json: $.defaultLang: expected one of es | en, got "fr"');
  });

  it('should require the folder name to match the tenant id', async () => {
    await edit('tenant.json', (t) => {
      t.id = 'otra';
    });
    expect((await loadError(() => loadTenants(root))).message).toContain('ferreteria/tenant.json: $.id: expected "ferreteria"');
  });
});

describe('loadTenant with many problems', () => {
  it('should list every problem of every file with its file and JSON path, not only the first', async () => {
    await edit('catalog.json', (c: { price: unknown; stock: unknown }[]) => {
      c[3]!.price = 'mil';
      c[7]!.stock = -1;
    });
    await edit('store.json', (s: { email: string }) => {
      s.email = 'not-an-email';
    });
    await edit('templates/flow.json', (t: { es: Record<string, unknown> }) => {
      t.es.greeting = '';
    });
    await edit('tenant.json', (t: { defaultLang: string }) => {
      t.defaultLang = 'fr';
    });
    const err = await loadError();
    const details = (err as Error & { details: { file: string; path: string }[] }).details.map((p) => `${p.file} ${p.path}`);
    expect(details).toEqual(expect.arrayContaining(['catalog.json $[3].price', 'catalog.json $[7].stock', 'store.json $.email', 'templates/flow.json $.es["greeting"]', 'tenant.json $.defaultLang']));
    expect(details).toHaveLength(5);
    expect(err.message.split('\n')).toHaveLength(5);
  });

  it('should list at most 50 problems and count the rest', async () => {
    await edit('catalog.json', (c: { price: unknown }[]) => {
      for (const p of c) p.price = 'mil';
      return c;
    });
    const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as unknown[];
    expect(catalog.length).toBeGreaterThan(50);
    const err = (await loadError(() => loadTenants(root))) as Error & { details: { file: string; path: string; problem: string }[] };
    // `details` keeps them all (the admin API caps its own answer); the message lists 50 and counts the rest.
    expect(err.details).toHaveLength(catalog.length);
    expect(err.details[0]).toEqual({ file: 'ferreteria/catalog.json', path: '$[0].price', problem: 'expected a number, got "mil"' });
    expect(err.message.split('\n')).toHaveLength(51);
    expect(err.message.split('\n')[0]).toBe('ferreteria/catalog.json: $[0].price: expected a number, got "mil"');
    expect(err.message.split('\n').at(-1)).toBe(`… and ${catalog.length - 50} more problems`);
  });
});
