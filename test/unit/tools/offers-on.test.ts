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
