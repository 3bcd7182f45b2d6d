import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { tellsPurchaseTrouble } from '../../../src/actors/brain/rule/purchase-trouble.js';
import { complaintPreface } from '../../../src/actors/tools/complaint-answers.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Thursday 3 December 2026, 11:00 in La Romana. */
const NOW = Date.UTC(2026, 11, 3, 15, 0);

describe('a complaint that asks what the store data answers', () => {
  it('should say the warranty line of what broke, with how to use it', () => {
    const breaker = complaintPreface(tenant, 'el breaker que compre hace un mes ya no sirve, eso tiene garantia?', 'es', NOW);
    expect(breaker).toContain('90 días');
    expect(breaker).toContain('factura');
    expect(breaker).not.toContain('de por vida');
    expect(complaintPreface(tenant, 'my drill broke and it is 2 months old, what do I do?', 'en', NOW)).toContain('1-year');
  });

  it("should say the branch's hours that day when it was found closed", () => {
    expect(complaintPreface(tenant, 'fui a la de padre abreu el sabado y estaba cerrado', 'es', NOW)).toMatch(/2:00 p\. m\./);
    expect(complaintPreface(tenant, 'el cemento llegó mojado', 'es', NOW)).toBeNull();
  });

  it('should read trouble with a thing owned for weeks or months as trouble with a purchase, not a house years old', () => {
    expect(tellsPurchaseTrouble('mi taladro dewalt se daño y tiene 3 meses, q hago')).toBe(true);
    expect(tellsPurchaseTrouble('mi casa tiene 20 años y el techo gotea, que le pongo?')).toBe(false);
  });

  it('should open the case and say the warranty in the same reply', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'cp-1', 'mi taladro dewalt se daño y tiene 3 meses, q hago');
    expect(reply).toContain('1 año');
    expect(reply).toMatch(/T-\d+/);
  });
});
