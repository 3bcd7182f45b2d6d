import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { askedAboutAccountCheck } from '../../../src/machines/account-questions.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('side questions while the account is being checked', () => {
  it('should tell why the data is asked from the account data it unlocks, and leave answers alone', () => {
    for (const text of ['¿para qué lo necesitan?', 'para que necesitan eso?', 'por qué me piden eso?', 'para qué quieren mi cédula?', 'why do you need that?', 'es seguro?']) {
      expect(askedAboutAccountCheck(text), text).toBe('why');
    }
    for (const text of ['y cuándo vence?', 'cuánto debo?', 'y el balance?', 'y la fecha de pago?', 'when is it due?']) expect(askedAboutAccountCheck(text), text).toBe('data');
    for (const text of ['soy José Ramón Castillo', 'está a nombre de María Peña', 'la cuenta es a nombre de Constructora Del Este', 'la cuenta ta a nombre de pedro guzman', 'my name is Ana Rodríguez']) expect(askedAboutAccountCheck(text), text).toBe('who');
    for (const text of ['10234', 'mi cédula es 001-7654321-0', 'no me acuerdo', 'pásame con alguien', 'tienen cemento?', 'quiero hablar con José']) expect(askedAboutAccountCheck(text), text).toBeNull();
  });

  it('should take a cédula for the account number as one only while the number is awaited', () => {
    for (const text of ['402-1234567-8', '40212345678', 'mi cédula es 001-7654321-0', '402 1234567 8']) expect(askedAboutAccountCheck(text, true), text).toBe('cedula');
    for (const text of ['10234', '402-1234567-8 y la cuenta es 10234', '809-555-1234']) expect(askedAboutAccountCheck(text, true), text).not.toBe('cedula');
    expect(askedAboutAccountCheck('402-1234567-8')).toBeNull();
  });

  it('should say a cédula is no account number and ask for the number again', async () => {
    const [, cedula, next] = await chatOnFreshHost(tenant, brain, 'acct-cedula', 'quiero ver mi cuenta', '402-1234567-8', '10234');
    expect(cedula).toMatch(/cédula/);
    expect(cedula).toMatch(/número de cuenta/);
    expect(cedula).not.toMatch(/no parece un número de cuenta/);
    expect(next).toMatch(/últimos 4 dígitos/);
  });

  it('should say why the holder is checked and ask once more, then give the status', async () => {
    const [, why, status] = await chatOnFreshHost(tenant, brain, 'acct-why', 'mi cuenta 10234', '¿para qué lo necesitan?', '1300');
    expect(why).toMatch(/proteger tus datos/);
    expect(why).toMatch(/últimos 4 dígitos/);
    expect(why).not.toMatch(/Estamos buscando personal|Con gusto te doy el estado/);
    expect(status).toMatch(/al día/);
  });

  it('should promise the due date once verified instead of repeating the request', async () => {
    const [first, due] = await chatOnFreshHost(tenant, brain, 'acct-due', 'mi cuenta 10234', 'y cuándo vence?');
    expect(due).not.toBe(first);
    expect(due).toMatch(/en cuanto confirme que eres el titular[\s\S]*\*10234\*/);
  });

  it('should answer the same while the account number itself is awaited, in English too', async () => {
    const [, why] = await chatOnFreshHost(tenant, brain, 'acct-num', 'estado de mi cuenta', 'para qué lo necesitan?');
    expect(why).toMatch(/Con el número busco tu cuenta/);
    const [, en] = await chatOnFreshHost(tenant, brain, 'acct-en', 'my account 10234', 'why do you need that?');
    expect(en).toMatch(/protect your data/);
  });
});

describe('a name given instead of the number', () => {
  it('should say the account is not found by a name and ask for the number again, never welcome anew', async () => {
    const [, who] = await chatOnFreshHost(tenant, brain, 'acct-who', 'quiero saber mi balance', 'soy María Peña');
    expect(who).toMatch(/número de cuenta/);
    expect(who).not.toMatch(/Bienvenid|bienvenid/);
    const [, holder, status] = await chatOnFreshHost(tenant, brain, 'acct-who-verify', 'cuanto debo cuenta 10587', 'soy José Ramón Castillo', '1337');
    expect(holder).toMatch(/no me basta el nombre[\s\S]*últimos 4 dígitos/);
    expect(status).toMatch(/atrasada/);
  });
});

describe("the account answer's offer", () => {
  it('should take a yes to collections after a suspended account, and a yes to the payment options after an overdue one', async () => {
    const [, , collections] = await chatOnFreshHost(tenant, brain, 'acct-offer-susp', 'estado de cuenta 13478', '829-555-1448', 'si');
    expect(collections).toMatch(/T-\d+/);
    const [, , ways] = await chatOnFreshHost(tenant, brain, 'acct-offer-late', 'cuanto debo cuenta 10587', '1337', 'si porfa');
    expect(ways).toMatch(/transferencia bancaria/);
    expect(ways).not.toMatch(/Dime, ¿qué necesitas|no te entendí/);
  });

  it('should answer how to reactivate a suspended account: why, and what to pay, in other words than the standing', async () => {
    const [, standing, again] = await chatOnFreshHost(tenant, brain, 'acct-react', 'estado de cuenta 13478', '829-555-1448', 'como la activo de nuevo');
    expect(again).toMatch(/Para reactivarla, salda ese balance/);
    expect(again).toContain('15 de agosto de 2026');
    expect(again).not.toBe(standing);
  });
});

describe('"ok" while data is awaited', () => {
  it('should note it and ask for the account number or the check again, never say goodbye', async () => {
    const [, ok, status] = await chatOnFreshHost(tenant, brain, 'ack-num', 'mi cuenta', 'ok', '10234');
    expect(ok).toMatch(/número de cuenta/);
    expect(ok).not.toMatch(/Gracias por escribirle/);
    expect(status).toMatch(/confirmar que eres el titular/);
    const [, dale] = await chatOnFreshHost(tenant, brain, 'ack-verify', 'mi cuenta 10234', 'dale');
    expect(dale).toMatch(/últimos 4 dígitos[\s\S]*\*10234\*/);
  });

  it('should keep a form going after "ok", its question asked again', async () => {
    const [, ok] = await chatOnFreshHost(tenant, brain, 'ack-form', 'quiero una cotización para un proyecto', 'ok');
    expect(ok).toMatch(/nombre completo/);
    expect(ok).not.toMatch(/Gracias por escribirle|Algo más/);
  });
});
