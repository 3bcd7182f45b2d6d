import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { offerReplies } from '../../../src/actors/tools/info-lists.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});
const NOW = Date.parse('2026-12-06T15:00:00Z');
const templateOf = (text: string, lang: 'es' | 'en' = 'es') => {
  const r = offerReplies(tenant, lang, NOW, text).replies[0] as { template: string; params: Record<string, unknown> };
  return { template: r.template, title: r.params.title, what: r.params.what };
};

describe('offers asked on a kind of goods', () => {
  it('should name the offer by its products\u2019 category ("y de herramientas?", "ofertas en techado")', () => {
    expect(templateOf('y de herramientas?')).toMatchObject({ template: 'offers.one', title: 'Taladro DeWalt con brocas de regalo' });
    expect(templateOf('¿tienen ofertas en techado?')).toMatchObject({ template: 'offers.one', title: 'Combo techo de aluzinc' });
  });

  it('should say there is none on goods no offer has, then list them', () => {
    expect(templateOf('ofertas en tubos?')).toEqual({ template: 'offers.none_in', title: undefined, what: 'tubos' });
    expect(templateOf('any deals on lumber?', 'en')).toMatchObject({ template: 'offers.none_in', what: 'lumber' });
  });

  it('should keep the plain list for a time asked, not goods', () => {
    expect(templateOf('¿hay ofertas para hoy?').template).toBe('offers.list');
    expect(templateOf('¿qué ofertas tienen?').template).toBe('offers.list');
  });
});

describe('how to apply after one opening', () => {
  it('should answer "¿cómo aplico?" for the opening talked of, and for all of them with none', async () => {
    const { vacancyReplies } = await import('../../../src/actors/tools/info-lists.js');
    const driver = tenant.vacancies.find((v) => /chofer/i.test(v.title.es))!;
    const one = vacancyReplies(tenant, 'es', '¿cómo aplico?', driver.title.es);
    expect(one.replies[0]).toMatchObject({ template: 'vacancies.one', params: { title: driver.title.es } });
    expect(one.vacancy).toBe(driver.title.es);
    expect(vacancyReplies(tenant, 'es', '¿cómo aplico?').replies[0]).toMatchObject({ template: 'vacancies.apply' });
  });
});

describe('the pay of one opening', () => {
  it('should answer "¿cuánto pagan de chofer?" and "¿y el sueldo?" after it for that opening, keeping it in focus', async () => {
    const { vacancyReplies } = await import('../../../src/actors/tools/info-lists.js');
    const driver = tenant.vacancies.find((v) => /chofer/i.test(v.title.es))!;
    const named = vacancyReplies(tenant, 'es', '¿cuánto pagan de chofer?');
    expect(named.replies[0]).toMatchObject({ template: 'vacancies.salary.one', params: { title: driver.title.es, howToApply: expect.stringContaining('licencia') } });
    expect(named.vacancy).toBe(driver.title.es);
    const after = vacancyReplies(tenant, 'en', 'and the salary?', driver.title.es);
    expect(after.replies[0]).toMatchObject({ template: 'vacancies.salary.one', params: { title: driver.title.en } });
    // About no one opening: where to ask, for all of them.
    expect(vacancyReplies(tenant, 'es', '¿y cuánto pagan?').replies[0]).toMatchObject({ template: 'vacancies.salary' });
  });

  it('should say the pay when the store publishes it for that opening', async () => {
    const { vacancyReplies } = await import('../../../src/actors/tools/info-lists.js');
    const published = { ...tenant, vacancies: tenant.vacancies.map((v) => (/chofer/i.test(v.title.es) ? { ...v, salary: { es: 'RD$30,000 al mes', en: 'RD$30,000 a month' } } : v)) };
    const out = vacancyReplies(published, 'es', '¿cuánto gana un chofer?');
    expect(out.replies[0]).toMatchObject({ template: 'vacancies.salary.stated', params: { salary: 'RD$30,000 al mes' } });
    // Another opening with none published: said at the interview.
    expect(vacancyReplies(published, 'es', '¿cuánto pagan de cajero?').replies[0]).toMatchObject({ template: 'vacancies.salary.one' });
  });
});
