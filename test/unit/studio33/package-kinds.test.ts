import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/machines/workflow/slot-extractors.js';
import { packageKindAsked, packageNamed } from '../../../src/actors/tools/studio-services.js';
import type { StudioPackage, StudioService } from '../../../src/actors/tools/studio-reads.js';

const ROOT = join(import.meta.dirname, '../../..');
const seed = JSON.parse(readFileSync(join(ROOT, 'tenants/estudio/backend-seed.json'), 'utf8')) as { services: StudioService[]; packages: StudioPackage[] };
const WORDS = ['paquete', 'paquetes', 'descuento', 'package', 'packages'];
const named = (text: string) => packageNamed(` ${fold(text)} `, seed.packages)?.name.en ?? null;

describe('studio packages by kind', () => {
  it('should name the bride package by "bridal" and "novias", and no package by "spa" and "facial" together', () => {
    expect(named('do you have a bridal package?')).toBe('Radiant Bride package');
    expect(named('tienen paquetes para novias?')).toBe('Radiant Bride package');
    expect(named('paquete de spa o facial')).toBeNull();
  });

  it('should read a kind of package the studio has none of, as written, and never a service or a general word', () => {
    expect(packageKindAsked('tienen paquete de quinceañera?', WORDS, seed.services, seed.packages)).toBe('quinceañera');
    expect(packageKindAsked('do you have a birthday package?', WORDS, seed.services, seed.packages)).toBe('birthday');
    for (const text of ['tienen paquetes de uñas?', 'do you have any packages?', 'do you have a wedding package?', 'paquetes de descuento?', 'que paquetes tienen?'])
      expect(packageKindAsked(text, WORDS, seed.services, seed.packages), text).toBeNull();
  });
});

describe('a man\'s haircut asked', () => {
  it('should read a man\'s haircut in Spanish and English, and not a haircut for a daughter or a price alone', async () => {
    const { asksMensHaircut } = await import('../../../src/actors/brain/rule/studio-asks.js');
    for (const text of ['cortan pelo de hombre?', "do you do men's haircuts?", 'hacen cortes para caballeros?', 'can my husband get a haircut there?']) expect(asksMensHaircut(text), text).toBe(true);
    for (const text of ['un corte para mi hija', 'cuanto cuesta el corte?', 'tienen baño para hombres?', 'do you do haircuts?']) expect(asksMensHaircut(text), text).toBe(false);
  });
});

describe('a wedding package asked', () => {
  it('should never say there is no "boda" package while the bride package is there', () => {
    expect(packageKindAsked('tienen paquete para boda?', WORDS, seed.services, seed.packages)).toBeNull();
  });
});
