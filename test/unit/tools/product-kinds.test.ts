import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksForKinds } from '../../../src/actors/tools/product-kinds.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { isProductFollowUp, pickedExtreme } from '../../../src/machines/product-focus.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Each conversation on a fresh host: the replies of each turn, rendered. */
async function chat(...messages: string[]): Promise<string[]> {
  const { host } = createMemoryHost({ tenant, brain });
  const out: string[] = [];
  try {
    for (const text of messages) {
      const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'kinds', text });
      out.push(turn.replies.map((r) => r.text).join('\n---\n'));
    }
  } finally {
    await host.close();
  }
  return out;
}

const bullets = (reply: string): number => reply.split('\n').filter((line) => line.startsWith('• ')).length;

describe('asksForKinds', () => {
  it.each([
    'que tipo de cemento tienen?', 'qué tipos de pintura hay', 'q tipo d pintura tienen', 'qué pinturas tienen?', 'cuales tornillos tienen',
    'qué clase de clavos venden', 'tipos de varilla que tengan', 'tienen diferentes marcas de pintura?', 'qué tienen de pintura?',
    'what kinds of drills do you have?', 'what type of cement do you have?', 'which paints do you sell?', 'what drills do you carry?',
    'what brands of paint do you have?', 'que variedad de tubos manejan?',
  ])('should read "%s" as a question for the kinds', (text) => {
    expect(asksForKinds(text)).toBe(true);
  });

  it.each(['qué precio tiene el cemento?', 'tienen cemento?', 'cuanto cuesta la pintura blanca', 'what time do you open?', 'do you have drills?', 'que hay?', 'quiero 3 sacos de cemento'])(
    'should not read "%s" as a question for the kinds',
    (text) => {
      expect(asksForKinds(text)).toBe(false);
    },
  );
});

describe('the kinds of a product, as a clerk lists them', () => {
  it.each([
    ['que tipo de cemento tienen?', /Cemento Gris Cemex[\s\S]*Cemento Blanco[\s\S]*Cemento Colonial/, /¿Cuál te interesa\?/],
    ['qué tipos de cemento hay?', /Cemento Colonial/, /¿Cuál te interesa\?/],
    ['qué pinturas tienen?', /Pintura Acrílica Tropical[\s\S]*Pintura Satinada Popular[\s\S]*Esmalte de Aceite/, /¿Cuál te interesa\?/],
    ['q tipo d pintura tienen', /Pintura Satinada Popular/, /¿Cuál te interesa\?/],
    ['what kinds of drills do you have?', /Taladro Percutor[\s\S]*Taladro Inalámbrico[\s\S]*Taladro Eléctrico/, /Which one would you like\?/],
    ['what type of cement do you have?', /Cemento Colonial/, /Which one would you like\?/],
    ['which paints do you sell?', /Pintura Satinada Popular/, /Which one would you like\?/],
  ])('should list the kinds of "%s" with prices and ask which', async (text, kinds, asks) => {
    const [reply] = await chat(text);
    expect(reply).toMatch(kinds);
    expect(reply).toMatch(asks);
    expect(reply).toMatch(/RD\$/);
    expect(bullets(reply ?? '')).toBeGreaterThanOrEqual(2);
    expect(bullets(reply ?? '')).toBeLessThanOrEqual(5);
  });

  it('should list one product per kind, never the accessories used with it', async () => {
    const [paints] = await chat('qué pinturas tienen?');
    expect(paints).not.toMatch(/Rodillo|Bandeja|Brocha/);
    // The gallon and the bucket of one paint, or its colours, are one kind.
    expect(paints?.match(/Pintura Acrílica Tropical/g)).toHaveLength(1);
    const [drills] = await chat('what kinds of drills do you have?');
    expect(drills).not.toMatch(/Brocas/);
    const [cement] = await chat('que tipo de cemento tienen?');
    expect(cement).not.toMatch(/Boquilla/);
  });

  it('should say how many more there are when there are more than five', async () => {
    const [pipes] = await chat('qué tipos de tubo pvc hay?');
    expect(bullets(pipes ?? '')).toBe(5);
    expect(pipes).toMatch(/y \d+ más/);
  });
});

describe('a superlative picks from the list just shown', () => {
  it.each([
    [['que tipo de cemento tienen?', 'el más barato'], /Cemento Colonial Tipo GU[\s\S]*RD\$635\.00/],
    [['que tipo de cemento tienen?', 'cual es el mas economico?'], /Cemento Colonial Tipo GU/],
    [['que tipo de cemento tienen?', 'el más caro'], /Cemento Blanco Cemex/],
    [['que tipo de cemento tienen?', 'el más pequeño'], /Cemento Blanco Cemex \(saco 20 kg\)/],
    [['what kinds of drills do you have?', 'the cheapest one'], /Taladro Eléctrico 3\/8" 550W Truper[\s\S]*RD\$2,890\.00/],
    [['what kinds of drills do you have?', 'the most expensive'], /Taladro Percutor/],
    [['qué tipos de tubo pvc hay?', 'la más pequeña'], /Tubo PVC 1\/2"/],
    [['qué pinturas tienen?', 'el más grande'], /cubeta 5 gal/],
    [['qué clase de clavos venden', 'dame el más barato'], /Clavo Corriente 2 1\/2"|Clavo Corriente 3"/],
  ])('should answer %j with the product picked', async (turns, picked) => {
    const replies = await chat(...turns);
    const last = replies.at(-1) ?? '';
    expect(last).toMatch(picked);
    expect(last).not.toMatch(/no te entendí|didn't quite get|¿Qué necesitas\?|te pase con|Siento mucho/);
    expect(bullets(last)).toBe(0);
  });

  it('should pick among products like the one answered when no list was shown', async () => {
    const replies = await chat('hay varilla de 3/8?', 'y el más barato?');
    expect(replies[1]).toMatch(/Varilla Corrugada 3\/8" Grado 40/);
  });

  it.each([
    ['el más barato', { by: 'price', most: false }],
    ['the cheapest one', { by: 'price', most: false }],
    ['el de menor precio', { by: 'price', most: false }],
    ['la más cara', { by: 'price', most: true }],
    ['el mas grande', { by: 'size', most: true }],
    ['the biggest', { by: 'size', most: true }],
    ["what's the cheapest one?", { by: 'price', most: false }],
    ['cuál es el más barato que tienen?', { by: 'price', most: false }],
    ['la más chiquita', { by: 'size', most: false }],
  ])('should read "%s" as a pick by superlative', (text, pick) => {
    expect(pickedExtreme(text)).toEqual(pick);
    expect(isProductFollowUp(text)).toBe(true);
  });

  it.each(['quiero hablar con una persona', 'a que hora abren', 'gracias', 'el mayor problema es que no llegó', 'the biggest issue is the delivery'])('should not read "%s" as a pick', (text) => {
    expect(pickedExtreme(text)).toBeNull();
  });
});
