import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createStoreNames } from '../../../src/actors/brain/rule/store-names.js';
import { readMaterialQuestion } from '../../../src/machines/material-questions.js';
import { namesANumberByItsTail } from '../../../src/domain/phone-list.js';
import { readLeadFields } from '../../../src/actors/brain/rule/lead-fields.js';
import { asksInvoiceCopy } from '../../../src/actors/brain/rule/handoff-requests.js';
import { asksStockAtBranch } from '../../../src/actors/tools/branch-stock.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemoWithIndex());
});

describe('backlog17 › an option tapped says nothing of the language', () => {
  it.each(['Tubo PVC 1/2"', 'Manguera de Jardín 1/2"', 'Llave de Paso de Bola 1/2"', 'varilla corrugada 3/8'])('should read "%s" as only the store\'s names', (text) => {
    expect(createStoreNames(tenant).isOnlyAName(text)).toBe(true);
  });

  it.each(['quiero tubo pvc de 1/2', 'tienen tubo pvc?', 'I want the pvc pipe', '1/2', '20'])('should not read "%s" as only the store\'s names', (text) => {
    expect(createStoreNames(tenant).isOnlyAName(text)).toBe(false);
  });

  it('should answer in English a family tapped after an English size question', async () => {
    const [, picked] = await chatOnFreshHost(tenant, brain, 'b17-tap-en', 'what about the 1/2 inch?', 'Tubo PVC 1/2"');
    expect(picked).toContain('Tubo PVC 1/2"');
    expect(picked).toContain('per unit');
    expect(picked).not.toContain('por unidad');
  });

  it('should still switch to Spanish when the customer writes Spanish words around the name', async () => {
    const [, spanish] = await chatOnFreshHost(tenant, brain, 'b17-tap-es', 'do you have pvc pipes?', 'quiero tubo de media');
    expect(spanish).toContain('por unidad');
  });
});

describe('backlog17 › "how many gallons?" right after a paint', () => {
  it.each(['how many gallons?', '¿y cuántos galones?', 'so how many gallons then?', 'cuantas cubetas?', 'how many buckets of paint?'])('should read "%s" as how much paint the job takes', (text) => {
    expect(readMaterialQuestion(text)).not.toBeNull();
  });

  it.each(['¿cuántos galones tienen?', 'how many gallons do you have in stock?', 'cuantos galones hay'])('should not read "%s" as a job to measure', (text) => {
    expect(readMaterialQuestion(text)).toBeNull();
  });

  it('should ask the square metres in English', async () => {
    const [, asked] = await chatOnFreshHost(tenant, brain, 'b17-gallons', 'white paint', 'how many gallons?');
    expect(asked).toContain('square meters');
    expect(asked).not.toContain('make sure I help you');
  });
});

describe('backlog17 › a job told gets the lot offered', () => {
  it('should offer to price one of each and price them on a yes', async () => {
    const [kit, yes] = await chatOnFreshHost(tenant, brain, 'b17-kit', 'voy a cambiar la llave del lavamanos', 'sí');
    expect(kit).toContain('Manguera Flexible');
    expect(kit).toContain('¿Te cotizo todo');
    expect(yes).toContain('1,090.00');
  });

  it('should keep "which one?" for a job asked (alternatives, not a kit)', async () => {
    const [asked] = await chatOnFreshHost(tenant, brain, 'b17-asked', '¿tienen algo para cortar metal?');
    expect(asked).not.toContain('¿Te cotizo todo');
  });

  it('should take a count of each after the kit in English', async () => {
    const [kit, each] = await chatOnFreshHost(tenant, brain, 'b17-kit-en', "I'm going to replace the bathroom sink faucet", '2 of each');
    expect(kit).toContain('one of each');
    expect(each).toContain('2,180.00');
  });
});

describe('backlog17 › a lead number named by its last digits', () => {
  it.each(['el que termina en 9876 esta mal', 'the one ending in 1234 is wrong', 'el que acaba en 55 no es', 'ends with 9876'])('should read "%s" as naming a number by its tail', (text) => {
    expect(namesANumberByItsTail(text)).toBe(true);
  });

  it.each(['mi numero es 809-555-1234', 'la factura 4521 esta mal', 'termina el 15 de enero'])('should not read "%s" as naming a number by its tail', (text) => {
    expect(namesANumberByItsTail(text)).toBe(false);
  });

  it('should read the correction after registration as the lead\'s, never a complaint', () => {
    const lead = readLeadFields({ text: 'el que termina en 9876 esta mal, es 849-555-0000', entities: brain.parse('el que termina en 9876 esta mal, es 849-555-0000').entities, expecting: { kind: 'none' } });
    expect(lead.corrects).toBe(true);
    expect(lead.leadFields.phone_or_username).toContain('18495550000');
  });

  it('should correct only the number named after the lead is sent', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'b17-tail', 'quiero cotizar materiales para un proyecto', 'Pedro Martinez', 'pedro@gmail.com', 'mi cel es 809-555-1234 y la oficina 809-555-9876', 'Constructora Martinez', 'ventas', 'cemento y varilla para 4 casas', 'pa la semana que viene', 'si', 'el que termina en 9876 esta mal, es 849-555-0000');
    const fixed = replies.at(-1) ?? '';
    expect(fixed).toContain('+18095551234 / +18495550000');
    expect(fixed).not.toContain('Lamento');
  });
});

describe('backlog17 › the NCF of a purchase already made', () => {
  it.each(['necesito el comprobante fiscal de una compra que hice ayer', 'ya pague ayer y no pedi el NCF', 'I bought cement yesterday and need a tax receipt'])('should read "%s" as a past sale a person looks up', (text) => {
    expect(asksInvoiceCopy(text)).toBe(true);
  });

  it.each(['si compro 50 sacos me dan comprobante fiscal?', 'dan factura con NCF?', 'can I get a tax receipt?'])('should leave "%s" to the store\'s fiscal-invoice fact', (text) => {
    expect(asksInvoiceCopy(text)).toBe(false);
  });
});

describe('backlog17 › goods asked at one branch', () => {
  it.each(['y si la hay en la de villa hermosa', '¿lo tienen en la sucursal de Villa Hermosa?', 'do you have it at the Villa Hermosa branch?', 'hay cemento en la principal?'])('should read "%s" as stock asked at a branch', (text) => {
    expect(asksStockAtBranch(text)).toBe(true);
  });

  it.each(['tienen abierto hoy en la principal?', 'hay parqueo en la de villa hermosa?', 'tienen cemento?', 'hacen delivery a villa hermosa?'])('should not read "%s" as stock asked at a branch', (text) => {
    expect(asksStockAtBranch(text)).toBe(false);
  });

  it('should say the stock is the store\'s and give that branch\'s phone, with the price', async () => {
    const [answer] = await chatOnFreshHost(tenant, brain, 'b17-branch', 'klk, q precio tiene la escalera de aluminio y si la hay en la de villa hermosa');
    expect(answer).toContain('5,250.00');
    expect(answer).toContain('809-813-7725');
  });
});

describe('backlog17 › the nearest branch with no place said', () => {
  it('should ask where the customer is, then name the branch nearest to the place said', async () => {
    const [asked, nearest] = await chatOnFreshHost(tenant, brain, 'b17-near', 'cual sucursal me queda mas cerca?', 'en villa verde');
    expect(asked).toMatch(/sector|barrio/);
    expect(nearest).toContain('Sucursal Principal (Av. Libertad)');
    expect(nearest).not.toContain('Costo del delivery');
  });

  it('should read a place alone as naming no goods', () => {
    expect(brain.parse('y a piedra linda?').entities.filter((e) => e.type === 'product')).toEqual([]);
  });
});
