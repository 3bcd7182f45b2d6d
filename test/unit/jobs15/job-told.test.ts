import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { toldJob } from '../../../src/machines/job-told.js';
import { toldJobFor } from '../../../src/actors/tools/product-jobs.js';
import { bucketAsked, asksBucketPrice } from '../../../src/machines/pack-asked.js';
import { doorsIn, doorsToPaint } from '../../../src/machines/doors-area.js';
import { readMaterialQuestion } from '../../../src/machines/material-questions.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { TenantData } from '../../../src/domain/tenant.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});

describe('toldJob', () => {
  it.each([
    ['voy a techar la marquesina', 'techar', 'techar la marquesina'],
    ["I'm building a small wall", 'build', 'build a small wall'],
    ['klk voy a hacer un muro pequeño', 'hacer', 'hacer un muro pequeño'],
    ['estoy levantando una pared', 'levantar', 'levantar una pared'],
    ['I am going to tile my bathroom floor', 'tile', 'tile your bathroom floor'],
    ['quiero pegar cerámica en el baño', 'enchapar', 'pegar cerámica en el baño'],
  ])('should read "%s" as the job told', (text, verb, said) => {
    const job = toldJob(text);
    expect(job?.verb).toBe(verb);
    expect(job?.said).toBe(said);
    expect(job?.told).toBe(true);
  });

  it.each(['voy a techar la marquesina, cuanto cuesta el zinc?', 'quiero comprar cemento', 'voy a pintar la casa', 'tienen zinc?', 'quiero hablar con alguien'])('should not read "%s" as a job told', (text) => {
    expect(toldJob(text)).toBeNull();
  });

  it('should keep a told job only when the catalog has products for it', () => {
    expect(toldJobFor(tenant, 'quiero cambiar la llave del lavamanos')?.verb).toBe('cambiar');
    expect(toldJobFor(tenant, 'quiero hacer un pedido')).toBeNull();
    expect(toldJobFor(tenant, 'quiero cambiar un producto')).toBeNull();
  });
});

describe('bucketAsked', () => {
  it.each([
    ['is it cheaper by the bucket', 'the bucket'],
    ['how much by the bucket', 'the bucket'],
    ['would it be cheaper if i buy a bucket', 'the bucket'],
    ['sale mas barato por cubeta', 'la cubeta'],
    ['cuanto por cubeta', 'la cubeta'],
    ['tienen cubetas', 'tienen cubetas'],
  ])('should read "%s" as "%s"', (text, core) => {
    expect(bucketAsked(text)).toBe(core);
  });

  it('should tell a bucket price question from a bucket asked for', () => {
    expect(asksBucketPrice("Is it cheaper by the bucket?")).toBe(true);
    expect(asksBucketPrice('dame una cubeta')).toBe(false);
  });
});

describe('doorsToPaint', () => {
  it.each([
    ['son 2 puertas', { doors: 2, sides: 2 }],
    ['una puerta por un lado nada mas', { doors: 1, sides: 1 }],
    ['3 doors', { doors: 3, sides: 2 }],
    ['two wooden doors on one side', { doors: 2, sides: 1 }],
  ])('should count "%s"', (text, doors) => {
    expect(doorsToPaint(text)).toEqual(doors);
  });

  it.each(['tienen puertas?', 'vendes puertas de madera', 'la puerta no cierra'])('should not count "%s"', (text) => {
    expect(doorsToPaint(text)).toBeNull();
  });
});

describe('doors in a question of how much', () => {
  it('should count the doors of a question as their area', () => {
    expect(doorsIn('cuantos galones para 2 puertas')).toEqual({ doors: 2, sides: 2 });
    expect(doorsIn('how much paint for the front door')).toEqual({ doors: 1, sides: 2 });
    expect(readMaterialQuestion('cuantos galones necesito para 2 puertas?')?.area).toBe(8);
    expect(readMaterialQuestion('voy a pintar 3 puertas')?.area).toBe(12);
  });

  it('should leave a door of wood or iron to its own paint', () => {
    expect(doorsIn('quiero pintar 3 puertas de madera')).toBeNull();
    expect(readMaterialQuestion('quiero pintar 3 puertas de madera')?.area).toBeUndefined();
  });
});
