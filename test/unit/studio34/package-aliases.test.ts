import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/machines/workflow/slot-extractors.js';
import { packageKindAsked, packageNamed } from '../../../src/actors/tools/studio-services.js';
import type { StudioPackage, StudioService } from '../../../src/actors/tools/studio-reads.js';
import { parseSeed } from '../../../src/demo-backend/seed.js';

const ROOT = join(import.meta.dirname, '../../..');
const raw = JSON.parse(readFileSync(join(ROOT, 'tenants/estudio/backend-seed.json'), 'utf8')) as { services: StudioService[]; packages: StudioPackage[] };
const WORDS = ['paquete', 'paquetes', 'package', 'packages'];
const named = (text: string, packages: readonly StudioPackage[] = raw.packages) => packageNamed(` ${fold(text)} `, packages)?.id ?? null;

describe('a package named by its aliases', () => {
  it('should name the bride package by "boda", "wedding" and "me caso", which its name does not hold', () => {
    for (const text of ['tienen paquete para boda?', 'wedding package?', 'hay paquete pa la boda de mi hija?', 'me caso en marzo, tienen algun paquete?']) expect(named(text), text).toBe('novia-radiante');
  });

  it('should name no package by a word no package has, nor by an alias two packages share', () => {
    expect(named('tienen paquete de quinceañera?')).toBeNull();
    const shared = raw.packages.map((p) => ({ ...p, aliases: ['regalo'] }));
    expect(named('paquete de regalo', shared)).toBeNull();
  });

  it('should name nothing by "boda" when the business gave the package no such alias (the engine has no wedding words)', () => {
    const bare = raw.packages.map(({ aliases: _a, ...p }) => p);
    expect(named('tienen paquete para boda?', bare)).toBeNull();
    expect(packageKindAsked('tienen paquete para boda?', WORDS, raw.services, bare)).toBe('boda');
    expect(packageKindAsked('tienen paquete para boda?', WORDS, raw.services, raw.packages)).toBeNull();
  });

  it('should accept aliases in the backend seed and refuse an empty one', () => {
    expect(parseSeed(raw).packages.find((p) => p.id === 'novia-radiante')?.aliases).toContain('boda');
    const broken = { ...raw, packages: raw.packages.map((p, i) => (i === 0 ? { ...p, aliases: [''] } : p)) };
    expect(() => parseSeed(broken)).toThrow();
  });
});

describe("a child's haircut asked", () => {
  it("should read a child's haircut in Spanish and English, and not a child allowed in nor a daughter's cut", async () => {
    const { asksKidsHaircut, asksMensHaircut } = await import('../../../src/actors/brain/rule/studio-asks.js');
    for (const text of ['cortan pelo de niño?', "do you cut kids' hair?", 'cuanto sale un recorte pa mi nene de 5 años', 'hacen cortes para niñas?', 'can my little boy get a haircut?'])
      expect(asksKidsHaircut(text), text).toBe(true);
    for (const text of ['aceptan niños?', 'un corte para mi hija', 'do you do haircuts?', 'manicure para niñas', 'can I bring my kids?']) expect(asksKidsHaircut(text), text).toBe(false);
    expect(asksMensHaircut('cortan pelo de niño?')).toBe(false);
  });
});
