import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerServices, namedServices, questionVocabulary, unknownThing } from '../../../src/actors/tools/studio-services.js';
import type { StudioPackage, StudioService } from '../../../src/actors/tools/studio-reads.js';
import { renderOptions, renderReply } from '../../../src/actors/render-reply.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const seed = JSON.parse(readFileSync(join(ROOT, 'tenants/estudio/backend-seed.json'), 'utf8')) as { services: StudioService[]; packages: StudioPackage[] };
let data: TenantData;
const PACKAGE_WORDS = ['paquete', 'paquetes', 'package', 'packages'];

beforeAll(async () => {
  data = await loadTenant(join(ROOT, 'tenants/estudio'));
});

const say = (text: string, lang: 'es' | 'en' = 'es', services = seed.services, packages = seed.packages) => {
  const out = answerServices(data, { text, lang, packageWords: PACKAGE_WORDS }, services, packages);
  return { text: out.replies.map((r) => renderReply(r, data.templates, lang)).join('\n'), options: out.replies.flatMap((r) => renderOptions(r.options, data.templates, lang)) };
};

describe('studio services answer', () => {
  it('should name the service by name or alias, in either language, and not take a bare ordinal for one', () => {
    expect(namedServices('cuanto cuesta la keratina?', seed.services).map((s) => s.id)).toEqual(['keratina']);
    expect(namedServices('how much is a deep tissue massage', seed.services).map((s) => s.id)).toEqual(['masaje-descontracturante']);
    expect(namedServices('precio de corte y secado', seed.services).map((s) => s.id)).toEqual(['corte-secado']);
    expect(namedServices('2', seed.services)).toEqual([]);
    expect(namedServices('cuanto cuestan el manicure y el pedicure', seed.services).map((s) => s.id)).toEqual(['manicure-clasico', 'pedicure-spa']);
  });

  it('should price one named service with a button whose text books it', () => {
    const { text, options } = say('cuanto cuesta una limpieza facial');
    expect(text).toBe('*Limpieza facial profunda* cuesta *RD$3,200.00* y dura 90 min. ¿Te agendo uno? 📅');
    expect(options).toEqual([{ label: 'Agendar Limpieza facial profunda', text: 'quiero agendar Limpieza facial profunda' }]);
  });

  it('should list the packages when the message asks for packages, even naming a service', () => {
    expect(say('tienen paquete de manicure?').text).toContain('Estos son nuestros paquetes');
    expect(say('tienen paquete de manicure?', 'es', seed.services, []).text).toContain('no tenemos paquetes publicados');
  });

  it('should take a word neither the questions nor the services know for the thing asked, forgiving one-letter typos', () => {
    const vocabulary = questionVocabulary(data, seed.services);
    expect(unknownThing('hacen tatuajes de henna?', vocabulary)).toBe('tatuajes de henna');
    expect(unknownThing('que servisios tienen', vocabulary)).toBeNull();
    expect(unknownThing('que servicios tienen', vocabulary)).toBeNull();
    expect(say('do you do tattoos?', 'en').text).toBe("We don't do *tattoos*. 🙏 What we do offer: hair, nails, facials, massages, waxing, brows, makeup. Shall I tell you the prices of any of them?");
  });

  it('should list services without a category under "other", and without the packages line when there are none', () => {
    const services: StudioService[] = [{ id: 'x', name: { es: 'Limpieza dental', en: 'Teeth cleaning' }, price: 1000 }];
    const { text } = say('que servicios tienen', 'es', services, []);
    expect(text).toBe('Estos son nuestros servicios 💅\n• *otros*: Limpieza dental (RD$1,000.00)\n¿Te agendo algo? 📅');
  });
});
