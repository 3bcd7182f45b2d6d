import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText as texts, sayTo as say, talkOnFreshHost } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Runs a conversation on a fresh host; the last turn's result. */
const talk = (sender: string, ...messages: string[]) => talkOnFreshHost(tenant, brain, sender, ...messages);

/** "dame 5 blocks de 10" when blocks come in 4", 6" and 8": no such size, the sizes there are, priced for the count. */
describe('a count of a size the store does not have', () => {
  it('should say so, name the sizes there are and price each for the count, es and en', async () => {
    const cases: [string, RegExp][] = [
      ['dame 5 blocks de 10', /No tenemos \*Block de Hormigón 10"\*\. Tenemos Block de Hormigón de 4", 6" y 8"; para 5 unidades.*5 x \*Block de Hormigón 8" \(unidad\)\*: RD\$68\.00 c\/u = \*RD\$340\.00\*/s],
      ['I need 30 blocks of 10 inch', /We don't have the \*Block de Hormigón 10"\*.*4", 6" and 8"; for 30 units.*30 x \*Block de Hormigón 6" \(unidad\)\*: RD\$52\.00 each = \*RD\$1,560\.00\*/s],
      ['dame 3 brochas de 3', /No tenemos \*Brocha 3"\*\. Tenemos Brocha de 2" y 4"; para 3 unidades.*RD\$555\.00/s],
      // "4x8 1/4\"": the board's thickness is its size, not "8 1/4\"".
      ['dame 10 planchas de plywood de 5/8', /Tenemos Plywood de 1\/4", 3\/8", 1\/2" y 3\/4"; para 10 planchas/],
    ];
    for (const [i, [ask, told]] of cases.entries()) {
      const r = await talk(`nosize-${i}`, ask);
      expect(texts(r), ask).toMatch(told);
      expect(texts(r), ask).not.toMatch(/lo más parecido|the closest/);
    }
  });

  it('should keep the count when the customer picks a size', async () => {
    const r = await talk('nosize-pick', 'dame 5 blocks de 10', 'el de 8');
    expect(texts(r)).toMatch(/\*5 unidades de Block de Hormigón 8" \(unidad\)\*: 5 × RD\$68\.00 = \*RD\$340\.00\*/);
  });

  it('should still price a size the store has', async () => {
    expect(texts(await talk('size-ok', 'quiero 20 varillas de 1/2'))).toMatch(/20 × RD\$465\.00 = \*RD\$9,300\.00\*/);
  });
});

/** "¿cuántos blocks para una pared de 3 por 2?": an estimate from the catalog's rules of thumb, not a price list. */
describe('how much material a job takes', () => {
  it('should work out the blocks of a wall from its sides, with the breakage, and price them', async () => {
    const es = await talk('blocks-es', 'cuantos blocks para una pared de 3 por 2?');
    // 6 m² × 12.5 × 1.05 = 78.75 → 79.
    expect(texts(es)).toMatch(/Para 6 m² \(3 x 2 m\).*12\.5 unidades por m² más 5 %.*\*79 unidades de Block de Hormigón 6" \(unidad\)\*: 79 × RD\$52\.00/s);
    const en = await talk('blocks-en', 'how many blocks for a wall 5 m long and 3 m high?');
    expect(texts(en)).toMatch(/For 15 m² \(5 x 3 m\).*\*197 units of Block de Hormigón 6"/s);
    // The block talked about, asked with no product word.
    const after = await talk('blocks-focus', 'tienes block de 8?', 'cuantos necesito para una pared de 4 por 3?');
    expect(texts(after)).toMatch(/\*158 unidades de Block de Hormigón 8"/);
  });

  it('should work out the concrete of a slab, saying the thickness it assumed, with cement, sand and gravel', async () => {
    const en = await talk('slab-en', 'how many bags of cement for a 3x4 m slab?');
    expect(texts(en)).toMatch(/3 x 4 m at 10 cm thick \(the usual.*1\.2 m³ of concrete/s);
    expect(texts(en)).toMatch(/10 x \*Cemento Gris Cemex.*1 x \*Arena Lavada.*1 x \*Grava 3\/4"/s);
    const given = await talk('slab-es', 'cuantos sacos de cemento para una losa de 5x6 de 12 cm de espesor');
    // 3.6 m³ × 8 = 28.8 → 29 bags.
    expect(texts(given)).toMatch(/Para 3\.6 m³ de concreto.*29 x \*Cemento Gris Cemex/s);
    expect(texts(given)).not.toMatch(/lo usual/);
  });

  it('should bring the tile adhesive with the tiles, not another tile', async () => {
    const r = await talk('tiles', 'cuanta ceramica necesito para un piso de 4 x 5');
    expect(texts(r)).toMatch(/22 x \*Cerámica de Piso 33x33 Beige \(m²\)\*.*5 x \*Pegamento para Cerámica Pegamix/s);
    expect(texts(r)).not.toMatch(/Porcelanato/);
  });

  it('should count pieces of a length for a run, and feet of what is sold by the foot', async () => {
    expect(texts(await talk('pipe-run', 'cuantos tubos de 3/4 necesito para 20 metros'))).toMatch(/en piezas de 6 m.*\*4 unidades de Tubo PVC 3\/4"/s);
  });

  it('should say plainly that it depends, and offer an advisor, where the catalog has no rule for it', async () => {
    const cases: [string, RegExp][] = [
      ['cuántos metros de cable necesito para mi casa?', /La cantidad de \*Cable THHN #12 Negro \(pie\)\* depende de la obra.*asesor/s],
      ['how much cable for a house', /How much \*Cable THHN #12 Negro \(pie\)\* you need depends on the job.*advisor/s],
      ['cuantas varillas necesito para una columna', /depende de la obra/],
    ];
    for (const [i, [ask, told]] of cases.entries()) {
      const r = await talk(`depends-${i}`, ask);
      expect(texts(r), ask).toMatch(told);
      // No price list: one price at most, as the total on offer.
      expect(texts(r), ask).not.toMatch(/disponible|available/);
    }
  });

  it('should ask the one measurement missing', async () => {
    expect(texts(await talk('ask-height', 'cuantos blocks necesito para una pared de 10 metros'))).toMatch(/cuánto tiene de alto\?.*10 m/s);
    expect(texts(await talk('ask-slab', 'cuantos sacos de cemento necesito?'))).toMatch(/el largo, el ancho y el espesor/);
    expect(texts(await talk('ask-paint', 'cuantas cubetas de pintura para pintar la casa'))).toMatch(/cuántos metros cuadrados vas a pintar/);
  });
});

/** Paint: typical coverage ranges, the coats said, and the sealer of the job for a new wall. */
describe('how much paint an area takes', () => {
  it('should give the gallons with their typical range and mention the sealer', async () => {
    const r = await talk('paint-100', '¿cuántos galones de pintura necesito para 100 metros?');
    // 100 m² × 2 coats: 200 / 35 → 6 gallons; 200/40 → 5, 200/30 → 7.
    expect(texts(r)).toMatch(/unos \*6 galones\* de \*Pintura Acrílica Tropical Blanco \(galón\)\* \(5–7 galones según la superficie: rinde típicamente 30–40 m²/);
    expect(texts(r)).toMatch(/una mano de \*Sellador de Paredes Acrílico \(galón\)\*: unos \*3 galones\*/);
    expect(texts(r)).toMatch(/6 × RD\$1,250\.00 = \*RD\$7,500\.00\*/);
  });

  it('should take the coats said and the walls of a room', async () => {
    const one = await talk('paint-one', 'cuantos galones para 80 metros cuadrados a una mano');
    expect(texts(one)).toMatch(/80 m² a una mano te hacen falta unos \*3 galones\*/);
    expect(texts(one)).not.toMatch(/Sellador/);
    const room = await talk('paint-room', 'how much paint do I need for a 3x4 room?');
    expect(texts(room)).toMatch(/The walls of a 3 x 4 m room 2\.5 m high add up to about 35 m²/);
    expect(texts(room)).toMatch(/about \*2 gallons\*/);
  });

  it('should keep the coverage figures in the catalog as typical ranges', () => {
    const acrylic = tenant.catalog.find((p) => p.sku === 'PIN-003');
    expect(acrylic?.coverage).toMatchObject({ min: 30, max: 40, coats: 2 });
    expect(tenant.catalog.find((p) => p.sku === 'PIN-012')?.coverage).toMatchObject({ min: 35, max: 45, coats: 1 });
    for (const p of tenant.catalog) if (p.coverage) expect(p.coverage.min, p.sku).toBeLessThanOrEqual(p.coverage.max);
  });
});
