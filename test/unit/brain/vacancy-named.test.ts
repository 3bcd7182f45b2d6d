import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { readsAsOpening } from '../../../src/actors/brain/rule/vacancy-named.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe("a job asked by the title of one of the store's openings", () => {
  let tenant: TenantData;
  let brain: Brain;
  beforeAll(async () => {
    ({ tenant, brain } = await loadDemo());
  });
  const intentOf = async (text: string, lang: 'es' | 'en' = 'es') => (await brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' })).nlu.intent.name;

  it('should read a title named with the errand as the job, in Spanish and English', async () => {
    for (const text of ['vi que buscan despachador en villa hermosa, que tengo que llevar?', 'para lo de despachador que tengo que llevar', 'q piden pa cajera']) expect(await intentOf(text), text).toBe('job_vacancies');
    expect(readsAsOpening(tenant.vacancies, { name: 'out_of_scope', confidence: 0.2 }, 'what are the requirements for the dispatcher spot?', false)).toBe(true);
    expect(readsAsOpening(tenant.vacancies, { name: 'job_vacancies', confidence: 0.25 }, 'que piden pa cajera', false)).toBe(true);
    expect(readsAsOpening(tenant.vacancies, { name: 'job_vacancies', confidence: 0.9 }, 'que piden pa cajera', false)).toBe(false);
  });

  it('should leave a title named with no opening asked, a sure reading and a complaint as they were', () => {
    expect(readsAsOpening(tenant.vacancies, { name: 'out_of_scope', confidence: 0.2 }, 'el chofer ya salio?', false)).toBe(false);
    expect(readsAsOpening(tenant.vacancies, { name: 'complaint', confidence: 0.2 }, 'la cajera no me quiso atender, necesitan mejores cajeras', false)).toBe(false);
    expect(readsAsOpening(tenant.vacancies, { name: 'store_hours_location', confidence: 0.8 }, 'el chofer me lo puede llevar?', false)).toBe(false);
    expect(readsAsOpening([], { name: 'out_of_scope', confidence: 0.2 }, 'buscan despachador?', false)).toBe(false);
  });
});
