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
