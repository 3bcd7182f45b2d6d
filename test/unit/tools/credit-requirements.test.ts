import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { asksRequirements } from '../../../src/machines/credit-requirements.js';
import { asksNewAccount } from '../../../src/actors/brain/rule/signals.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** What opening a credit account takes, asked in the application or before it. */
describe('credit requirements', () => {
  it('should read a short question about what is needed, in Spanish and English', () => {
    for (const text of ['que necesito?', '¿qué requisitos piden?', 'que papeles hay que llevar?', 'what do I need?', 'what documents do I need?']) expect(asksRequirements(text), text).toBe(true);
    for (const text of ['Ana Pérez', 'ana@correo.com', 'necesito 20 sacos de cemento', 'Constructora Pérez']) expect(asksRequirements(text), text).toBe(false);
  });

  it('should read requirements for credit as a new account, not the standing of one', () => {
    expect(asksNewAccount('que requisitos piden para el credito?')).toBe(true);
    expect(asksNewAccount('what are the requirements for a credit account?')).toBe(true);
    expect(asksNewAccount('que requisitos piden para mi cuenta vencida?')).toBe(false);
  });

  it('should answer the requirements in the application and ask its question again', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'credit-req', 'quiero abrir una cuenta de credito', 'que necesito?');
    expect(replies[1]).toContain('cédula o RNC');
    expect(replies[1]).toContain('nombre completo');
    expect(replies[1]).not.toContain('no te entendí');
  });

  it('should take a name as the name after the requirements were asked', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'credit-req-2', 'quiero abrir una cuenta de credito', 'que requisitos piden?', 'Ana Perez');
    expect(replies[2]).toContain('correo');
  });
});

describe('thanks for an estimate', () => {
  it('should not send the quote on "ok gracias", and send it on "si, gracias"', async () => {
    const thanks = await chatOnFreshHost(tenant, brain, 'quote-thanks', 'tienen cemento?', 'dame 10 sacos', 'y 2 metros de arena', 'cuanto es todo?', 'ok gracias');
    expect(thanks[4]).not.toMatch(/T-\d+/);
    const yes = await chatOnFreshHost(tenant, brain, 'quote-yes', 'tienen cemento?', 'dame 10 sacos', 'y 2 metros de arena', 'cuanto es todo?', 'si, gracias');
    expect(yes[4]).toMatch(/T-\d+/);
  });
});
