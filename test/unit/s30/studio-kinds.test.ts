import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerServices } from '../../../src/actors/tools/studio-services.js';
import { categoryAsked, namedApart } from '../../../src/actors/tools/studio-category.js';
import type { StudioPackage, StudioService } from '../../../src/actors/tools/studio-reads.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { timeFreeNote } from '../../../src/machines/workflow/time-free.js';
import type { WorkflowRun } from '../../../src/machines/workflow/run-types.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const seed = JSON.parse(readFileSync(join(ROOT, 'tenants/estudio/backend-seed.json'), 'utf8')) as { services: StudioService[]; packages: StudioPackage[] };
let data: TenantData;
beforeAll(async () => {
  data = await loadTenant(join(ROOT, 'tenants/estudio'));
});
const byId = (id: string) => seed.services.find((s) => s.id === id)!;
const say = (text: string, lang: 'es' | 'en' = 'es') => {
  const out = answerServices(data, { text, lang, packageWords: ['paquete', 'package'] }, seed.services, seed.packages);
  return { text: out.replies.map((r) => renderReply(r, data.templates, lang)).join('\n'), service: out.service };
};

describe('a kind of service asked for by its category', () => {
  it('should read the category in either language, plural or singular, and never "unas" (some) as nails', () => {
    expect(categoryAsked(data, 'do you do nails?', seed.services)).toBe('unas');
    expect(categoryAsked(data, 'algo pa las uñas', seed.services)).toBe('unas');
    expect(categoryAsked(data, 'quiero unas cejas bonitas', seed.services)).toBe('cejas');
    expect(categoryAsked(data, 'tienen unas ofertas?', seed.services)).toBeNull();
    expect(categoryAsked(data, 'cuanto cuestan los faciales', seed.services)).toBe('facial');
    expect(categoryAsked(data, 'how much is a massage', seed.services)).toBe('masajes');
    // The booking workflow's group words name the kind too ("cara", "skin").
    expect(categoryAsked(data, 'algo pa la cara', seed.services)).toBe('facial');
    expect(categoryAsked(data, 'my skin is very dry', seed.services)).toBe('facial');
    // Two kinds named: the menu, not one kind.
    expect(categoryAsked(data, 'uñas y cejas', seed.services)).toBeNull();
  });

  it('should tell a service named by what sets it apart from one named by its kind\'s word', () => {
    expect(namedApart(data, 'el masaje relajante', byId('masaje-relajante'))).toBe(true);
    expect(namedApart(data, 'el masaje', byId('masaje-relajante'))).toBe(false);
    expect(namedApart(data, 'a massage', byId('masaje-relajante'))).toBe(false);
    expect(namedApart(data, 'un facial hidratante', byId('facial-hidratante'))).toBe(true);
  });

  it('should list the kind asked for, with prices, and nothing of other kinds', () => {
    const nails = say('do you do nails? how much', 'en');
    for (const name of ['Classic manicure', 'Spa pedicure', 'Acrylic nails', 'Gel manicure']) expect(nails.text).toContain(name);
    expect(nails.text).not.toContain('Haircut');
    expect(nails.service).toBeNull();
  });

  it('should price the one the kind\'s word names and name the others of its kind, keeping it in focus', () => {
    const massage = say('¿cuánto cuesta el masaje?');
    expect(massage.text).toContain('*Masaje relajante (60 min)* cuesta *RD$3,500.00*');
    expect(massage.text).toContain('También tenemos *Masaje descontracturante (60 min)* (RD$3,900.00)');
    expect(massage.service).toBe('masaje-relajante');
    expect(say('cuanto cuesta el masaje relajante').text).not.toContain('descontracturante');
    expect(say('cuanto cuesta un manicure').text).not.toContain('Pedicure');
  });
});

describe('a time told before it was asked', () => {
  const spec = {
    id: 'agendar_cita',
    slots: [
      { name: 'service', kind: 'service' },
      { name: 'date', kind: 'date' },
      { name: 'time', kind: 'time' },
      { name: 'name', kind: 'person_name' },
    ],
  } as unknown as WorkflowRun['spec'];
  const run = (over: Partial<WorkflowRun>): WorkflowRun =>
    ({ spec, timeZone: 'America/Santo_Domingo', values: { date: '2026-12-04', time: '15:00' }, labels: { date: 'viernes 4 de diciembre' }, pending: {}, options: {}, checked: [], asking: null, stage: 'collecting', outcome: 'continue', ...over }) as WorkflowRun;

  it('should be said free when the run had not got to the time', () => {
    expect(timeFreeNote(run({}), 'time', '3:00 p. m.', 'es')).toEqual([{ text: 'Hay espacio el viernes 4 de diciembre a las 3:00 p. m. 👍' }]);
    expect(timeFreeNote(run({ asking: 'date' }), 'time', '3:00 p. m.', 'es')).toHaveLength(1);
  });

  it('should say nothing when the time was asked, changed after it, at the summary, or set by the runner for a visit', () => {
    expect(timeFreeNote(run({ asking: 'time' }), 'time', '3:00 p. m.', 'es')).toEqual([]);
    expect(timeFreeNote(run({ asking: 'name' }), 'time', '3:00 p. m.', 'es')).toEqual([]);
    expect(timeFreeNote(run({ stage: 'confirming' }), 'time', '3:00 p. m.', 'es')).toEqual([]);
    expect(timeFreeNote(run({ visit: true }), 'time', '3:00 p. m.', 'es')).toEqual([]);
    // The name already known: the summary comes next and says the time.
    expect(timeFreeNote(run({ values: { date: '2026-12-04', time: '15:00', name: 'Ana' } }), 'time', '3:00 p. m.', 'es')).toEqual([]);
  });
});
