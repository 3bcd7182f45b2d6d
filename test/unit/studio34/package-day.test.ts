import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDay, spokenMinutes } from '../../../src/actors/tools/studio-package-day.js';
import { asksSameDay, withoutSameDay } from '../../../src/actors/brain/rule/studio-asks.js';
import type { StudioPackage, StudioService } from '../../../src/actors/tools/studio-reads.js';

const ROOT = join(import.meta.dirname, '../../..');
const seed = JSON.parse(readFileSync(join(ROOT, 'tenants/estudio/backend-seed.json'), 'utf8')) as { services: StudioService[]; packages: StudioPackage[] };
const pkg = (id: string) => seed.packages.find((p) => p.id === id)!;
const reply = (id: string, lang: 'es' | 'en' = 'es') => packageDay(pkg(id), seed.services, lang)?.replies[0] as { template: string; params: Record<string, unknown> } | undefined;

describe("a package's day", () => {
  it('should say the spa day is one visit, its services summed one after another', () => {
    expect(reply('dia-de-spa')).toMatchObject({ template: 'studio.package.same_day', params: { duration: '3 h', visits: 1 } });
  });

  it("should say the bride package is two visits (the makeup twice), the first with every service once", () => {
    const r = reply('novia-radiante', 'en');
    expect(r?.template).toBe('studio.package.visits');
    expect(r?.params).toMatchObject({ visits: 2, duration: '3 h 45 min', rest: 'Event makeup' });
  });

  it('should say four alike visits for hands and feet, and none known when a duration is missing', () => {
    expect(reply('manos-pies-4')).toMatchObject({ template: 'studio.package.visits_alike', params: { visits: 4, duration: '1 h 45 min' } });
    const unknown = seed.services.map(({ durationMin: _d, ...s }) => s);
    expect(packageDay(pkg('dia-de-spa'), unknown, 'es')).toBeNull();
  });

  it('should speak minutes as hours and minutes', () => {
    expect([45, 60, 225].map((m) => spokenMinutes(m, 'es'))).toEqual(['45 min', '1 h', '3 h 45 min']);
  });
});

describe('a same-day question', () => {
  it('should read one day or one visit asked, in Spanish and English, and not a day booked', () => {
    for (const text of ['se puede hacer el mismo dia todo?', 'todo eso se hace el mismo dia?', 'se hace en una sola visita?', 'can I do it all in one day?', 'is it the same day?']) expect(asksSameDay(text), text).toBe(true);
    for (const text of ['quiero un corte mañana', 'que dia abren?', 'el dia de spa cuanto cuesta', 'book me on friday']) expect(asksSameDay(text), text).toBe(false);
  });

  it('should drop the "día" of "el mismo día" so it names no Día de Spa', () => {
    expect(withoutSameDay('se puede hacer el mismo dia todo?')).not.toContain(' dia ');
    expect(withoutSameDay('el dia de spa en un solo dia?')).toContain(' dia de spa ');
  });
});
