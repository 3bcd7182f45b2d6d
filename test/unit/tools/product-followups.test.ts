import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** One customer's conversation through the real host: each turn's replies. */
const chat = (sender: string, ...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, sender, ...messages);

describe('product follow-ups › superlatives among the family in focus', () => {
  it('should pick the cheapest and the dearest among the PVC pipes, never the electrical conduit', async () => {
    const [, cheapest, dearest] = await chat('fu-1', 'tienen tubos pvc?', 'el más barato', 'el más caro');
    expect(cheapest).toContain('Tubo PVC 1/2" SDR-26');
    expect(cheapest).not.toContain('Conduit');
    expect(cheapest).toContain('RD$185.00');
    expect(dearest).toContain('Tubo PVC 4" SDR-41 Drenaje');
    expect(dearest).toContain('RD$1,290.00');
  });

  it('should say that the one product shown is already the cheapest there is, rather than quote it as another', async () => {
    const [, cheapest] = await chat('fu-1b', 'tienen brocha de 2 pulgadas?', 'el más barato');
    expect(cheapest).toContain('Brocha 2"');
    expect(cheapest).toContain('ya es lo más económico');
  });

  it('should read "y el normal?" after the white cement as the regular cement, not as a complaint', async () => {
    const [, regular] = await chat('fu-plain', 'tienen cemento blanco?', 'y el normal?');
    expect(regular).toContain('Cemento Gris');
    expect(regular).not.toMatch(/T-\d+/);
  });

  it('should still hand a complaint about the cheapest one to a person', async () => {
    const [, broken] = await chat('fu-2', 'tienen cemento?', 'el más barato se me rompió');
    expect(broken).toMatch(/T-\d+/);
  });
});

describe('product follow-ups › the product shown, changed', () => {
  it('should read "ese mismo pero en cubeta" and "y de 5 galones?" as the bucket of the colour shown', async () => {
    const [, same] = await chat('fu-3', 'tienen pintura acrilica?', 'ese mismo pero en cubeta');
    expect(same).toContain('Pintura Acrílica Tropical Blanco (cubeta 5 gal)');
    expect(same).toContain('agotado');
    expect(same).toContain('Blanco Hueso (cubeta 5 gal)');
    const [, five] = await chat('fu-4', 'tienen pintura acrilica?', 'y de 5 galones?');
    expect(five).toContain('Pintura Acrílica Tropical Blanco (cubeta 5 gal)');
  });

  it('should take "el de DeWalt" among the drills shown and "el de Cibao" among the cements', async () => {
    const [, dewalt] = await chat('fu-5', 'tienen taladros?', 'el de DeWalt');
    expect(dewalt).toContain('Taladro Percutor 1/2" 750W DeWalt* cuesta *RD$5,950.00*');
    const [, , cibao] = await chat('fu-6', 'tienen cemento?', 'tienes otra marca?', 'el de Cibao');
    expect(cibao).toContain('Cemento Cibao Portland Tipo I (saco 42.5 kg)* cuesta *RD$640.00*');
  });
});

describe('product follow-ups › questions about what is on the counter', () => {
  it('should list the colours of the acrylic line and, as the store mixes paint, that others are mixed', async () => {
    const [, colours] = await chat('fu-7', 'tienen pintura acrilica?', 'lo tienen en otro color?');
    expect(colours).toContain('Blanco, Blanco Hueso y Gris Perla');
    expect(colours).toContain('Pintura Acrílica Popular Gris Perla (galón)*: *RD$1,190.00* por galón (agotado)');
    expect(colours).not.toContain('En otros colores no lo manejo');
    expect(colours).toContain('preparamos pintura en el color que quieras');
    const [, english] = await chat('fu-8', 'do you have acrylic paint?', 'do you have it in another colour?');
    expect(english).toContain('White, Off-white and Pearl Gray');
  });

  it('should name the other brands of cement, and say so when a product has no other', async () => {
    const [, brands] = await chat('fu-9', 'tienen cemento?', 'tienes otra marca?');
    expect(brands).toContain('Cemento Colonial Tipo GU');
    expect(brands).toContain('Cemento Cibao Portland Tipo I');
    expect(brands).not.toContain('Cemento Gris Cemex');
    const [, none] = await chat('fu-10', 'tienen tubos pvc?', 'tienes otra marca?');
    expect(none).toContain('no tengo otra marca');
  });

  it('should offer what costs less, or say the one shown is already the cheapest', async () => {
    const [, cheaper] = await chat('fu-11', 'tienen cemento?', 'hay más barato?');
    expect(cheaper).toContain('Cemento Colonial Tipo GU (saco 42.5 kg)*: *RD$635.00*');
    expect(cheaper).not.toContain('Cemento Gris Cemex');
    const [, already] = await chat('fu-12', 'do you have drills?', 'is there a cheaper one?');
    expect(already).toContain('Taladro Eléctrico 3/8" 550W Truper* is already the cheapest');
  });

  it('should compare the options shown and ask what it is for before recommending', async () => {
    const [, recommend] = await chat('fu-13', 'tienen taladros?', 'cuál me recomiendas?');
    expect(recommend).toContain('Truper*: *RD$2,890.00* por unidad (disponible: 16 unidades) — el más económico');
    expect(recommend).toContain('DeWalt*: *RD$5,950.00* por unidad (disponible: 9 unidades) — el más grande');
    expect(recommend).toContain('¿Para qué lo vas a usar?');
    const [, difference] = await chat('fu-14', 'do you have drills?', "what's the difference?");
    expect(difference).toContain('the cheapest');
    expect(difference).toContain('What will you use it for?');
  });

  it('should free only what the question varies: the brand asked for, the colour asked for, the size asked for', async () => {
    const [, stanley] = await chat('fu-15', 'martillo truper', 'tienes otra marca?');
    expect(stanley).toContain('Martillo de Uña 20 oz Stanley');
    const [, gray] = await chat('fu-16', 'cemento gris precio', 'hay algo más barato?');
    expect(gray).toContain('Cemento Colonial Tipo GU (saco 42.5 kg)*: *RD$635.00*');
    expect(gray).not.toContain('Cemento Blanco');
    const [, rebar] = await chat('fu-17', 'hay varilla de 3/8?', 'y el más barato?');
    expect(rebar).toContain('Varilla Corrugada 3/8" Grado 40');
  });

  it('should name the largest even when it is out, and offer the one there is', async () => {
    const [, largest] = await chat('fu-18', 'tienen candados?', 'el más grande');
    expect(largest).toContain('Candado de Latón 50 mm');
    expect(largest).toContain('agotado');
    expect(largest).toContain('Candado de Latón 40 mm');
  });

  it('should compare the two products just asked about', async () => {
    const [, , difference] = await chat('fu-19', 'breaker de 20', 'y el de 30?', 'cuál es la diferencia?');
    expect(difference).toContain('Breaker 1 Polo 20A Enchufable*: *RD$375.00*');
    expect(difference).toContain('Breaker 2 Polos 30A Enchufable*: *RD$790.00*');
    expect(difference).not.toContain('50A');
  });
});

describe('product follow-ups › a count said with its pack after options', () => {
  it.each([['de galón, 2'], ['2 de galon'], ['galon 2']])('should take "%s" after the colour offered to mix as 2 gallons of it, never a size of 2', async (reply) => {
    const [, which] = await chat(`fu-pack-${reply}`, 'pintura azul', reply);
    expect(which).toMatch(/\*2 galones de pintura en azul\*, preparada sobre .*= \*RD\$2,500\.00/);
    expect(which).not.toContain('No lo tengo en');
  });
});

describe('product follow-ups › a count in the pack only one option is sold in', () => {
  it.each([
    ['dame 3 galones', /3 galones de Pintura Satinada Popular Blanco \(galón\)/],
    ['quiero 2 cubetas', /2 cubetas de Pintura Satinada Popular Blanco \(cubeta 5 gal\)/],
  ])('should price "%s" after the gallon and the bucket, never ask which', async (reply, priced) => {
    const [, answer] = await chat(`fu-pack-one-${reply}`, 'pintura satinada', reply);
    expect(answer).toMatch(priced);
    expect(answer).not.toMatch(/De cuál te pongo/);
  });

  it('should still ask which for a bare count', async () => {
    const [, which] = await chat('fu-pack-bare', 'pintura satinada', 'dame 3');
    expect(which).toMatch(/De cuál te pongo 3/);
  });
});

describe('product follow-ups › a pick among the colours there are', () => {
  it('should total the pick only, never the product behind the list', async () => {
    const [, , , total] = await chat('fu-pick-total', 'pintura azul', 'dame 2', 'el blanco', 'cuanto seria el total?');
    expect(total).toContain('RD$2,500.00');
    expect(total).not.toContain('Satinada');
  });
});
