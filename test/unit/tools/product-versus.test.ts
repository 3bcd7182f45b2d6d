import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('two products weighed in one question', () => {
  it.each([
    ['el cemento colonial es bueno o mejor el cemex?', ['Cemento Colonial Tipo GU', 'Cemento Gris Cemex Tipo GU', 'para pegar blocks']],
    ['cual es mejor, la pintura tropical o la popular?', ['Pintura Acrílica Tropical Blanco', 'Pintura Satinada Popular Blanco', 'el más económico']],
    ['¿cuál es mejor para techo, zinc o aluzinc?', ['Zinc Ondulado', 'Aluzinc Acanalado']],
    ['which is better, the Truper or the DeWalt drill?', ['Truper', 'DeWalt', 'What will you use it for?']],
  ])('should put "%s" side by side and ask what it is for', async (text, expected) => {
    const { host } = createMemoryHost({ tenant, brain });
    const reply = replyText(await sayTo(host, 'vs', text));
    for (const e of expected) expect(reply).toContain(e);
    expect(reply).not.toMatch(/Tornillo para Techo/);
    await host.close();
  });

  it.each(['mejor dame 5 sacos de cemento y 2 de arena', 'tienen cemento y arena?', 'tienen pintura de aceite o de agua?'])('should leave "%s" to the usual answer', async (text) => {
    const { host } = createMemoryHost({ tenant, brain });
    expect(replyText(await sayTo(host, 'nvs', text))).not.toMatch(/Te los comparo/);
    await host.close();
  });
});

describe('what it is for, said after products were shown', () => {
  it.each([
    [['el cemento colonial es bueno o mejor el cemex?', 'para pegar blocks'], ['cualquiera de estos', 'El más económico es *Cemento Colonial'], /Block de Hormigón/],
    [['¿qué diferencia hay entre la varilla grado 40 y grado 60?', 'es para una losa'], ['Varilla Corrugada 3/8" Grado 40'], /Grado 60/],
    [['cuánto cuesta el cemento?', '¿cuál es la diferencia?', 'para fraguar cerámica'], ['Cemento Blanco Cemex'], /Cerámica de Piso/],
    [['tienen pintura?', 'para madera'], ['Esmalte de Aceite'], /Madera Pino/],
    // English, with the apostrophe of "it's" / "they're" (typed straight or curly).
    [['do you have paint?', "it's for wood"], ['Esmalte de Aceite'], /Madera Pino/],
    [['do you have glue?', 'it’s for wood'], ['Pegamento Blanco para Madera'], /Madera Pino/],
    [['do you have screws?', "they're for wood"], ['Tirafondo'], /Madera Pino/],
  ] as const)('should answer %j with the products for that use', async (turns, expected, not) => {
    const { host } = createMemoryHost({ tenant, brain });
    let reply = '';
    for (const t of turns) reply = replyText(await sayTo(host, 'use', t));
    for (const e of expected) expect(reply).toContain(e);
    expect(reply).not.toMatch(not);
    await host.close();
  });

  it('should leave a time said after a product ("para mañana") to the usual reading', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await sayTo(host, 'when', 'tienen cemento?');
    expect(replyText(await sayTo(host, 'when', 'para mañana'))).not.toMatch(/te conviene|cualquiera de estos/);
    await host.close();
  });
});

describe('a count of one of the products compared, named by its brand', () => {
  it('should take "dame 20 del colonial" after the cements were compared', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await sayTo(host, 'brand', 'el cemento colonial es bueno o mejor el cemex?');
    expect(replyText(await sayTo(host, 'brand', 'dame 20 del colonial'))).toContain('20 sacos de Cemento Colonial Tipo GU (saco 42.5 kg)*: 20 × RD$635.00');
    await host.close();
  });
});
