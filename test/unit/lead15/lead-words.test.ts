import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../src/actors/brain/rule/lead-levels.js';
import { levelOfSpan } from '../../../src/actors/brain/rule/time-spans.js';
import { extractCompanies } from '../../../src/actors/brain/rule/contact-entities.js';
import { saidAsCorrection } from '../../../src/machines/contact-for-request.js';

describe('lead words a salesperson reads (lead15)', () => {
  it('should read "ayer era tarde" and "lo necesitaba pa ayer" as high urgency', () => {
    expect(detectUrgency('ayer era tarde', { bare: true })).toBe('Alto');
    expect(detectUrgency('lo necesitabamos pa ayer')).toBe('Alto');
    expect(detectUrgency('ayer fui a la tienda')).toBeUndefined();
  });

  it('should read Christmas as a deadline weeks away, and after it as low', () => {
    expect(levelOfSpan('antes de navidad')).toBe('Medio');
    expect(levelOfSpan('before christmas')).toBe('Medio');
    expect(levelOfSpan('despues de navidad')).toBe('Bajo');
    expect(levelOfSpan('para enero')).toBe('Bajo');
  });

  it('should take a church, a town hall or a ministry as the organisation', () => {
    expect(extractCompanies('le escribo del Ayuntamiento de La Romana, departamento de compras')[0]?.value).toBe('Ayuntamiento de La Romana');
    expect(extractCompanies('soy el pastor de la Iglesia Bautista Central')[0]?.value).toBe('Iglesia Bautista Central');
    expect(extractCompanies('necesito pintura para la iglesia')).toEqual([]);
  });

  it('should hear "ese no es" as a correction of the number', () => {
    expect(saidAsCorrection('ese no es, es el 809-555-1235')).toBe(true);
    expect(saidAsCorrection("that's not my number, it's 809-555-1235")).toBe(true);
    expect(saidAsCorrection('también me pueden llamar al 809-555-1235')).toBe(false);
  });
});

describe('leaving the form and times at the company question (lead15)', () => {
  it('should let the form go on "olvídalo, después sigo"', async () => {
    const { letsItGo } = await import('../../../src/machines/letting-go.js');
    expect(letsItGo('olvidalo, despues sigo')).toBe(true);
    expect(letsItGo('forget it, I will come back later')).toBe(true);
    expect(letsItGo('olvidalo, despues compro el cemento')).toBe(false);
  });

  it('should never take "within 2 weeks" for the company', async () => {
    const { readLeadFields } = await import('../../../src/actors/brain/rule/lead-fields.js');
    const read = readLeadFields({ text: 'within 2 weeks', entities: [], expecting: { kind: 'lead_field', field: 'company_name' } });
    expect(read.leadFields.company_name).toBeUndefined();
    expect(read.urgency ?? read.leadFields.urgency_level).toBe('Medio');
  });
});
