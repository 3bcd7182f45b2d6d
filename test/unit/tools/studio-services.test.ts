import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerServices, namedServices, questionVocabulary, unknownThing } from '../../../src/actors/tools/studio-services.js';
import type { StudioPackage, StudioService } from '../../../src/actors/tools/studio-reads.js';
import { renderOptions, renderReply } from '../../../src/actors/render-reply.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { decideTriage } from '../../../src/machines/triage-decision.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const seed = JSON.parse(readFileSync(join(ROOT, 'tenants/estudio/backend-seed.json'), 'utf8')) as { services: StudioService[]; packages: StudioPackage[] };
let data: TenantData;
let brain: Brain;
const PACKAGE_WORDS = ['paquete', 'paquetes', 'package', 'packages'];

beforeAll(async () => {
  data = await loadTenant(join(ROOT, 'tenants/estudio'));
  brain = createRuleBrain({ tenant: data });
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
    // A longer name does not hide a shorter one said beside it.
    expect(namedServices('cuanto me sale un tinte y un manicure', seed.services).map((s) => s.id)).toEqual(['tinte-completo', 'manicure-clasico']);
    expect(namedServices('precio de corte y secado y pedicure', seed.services).map((s) => s.id)).toEqual(['corte-secado', 'pedicure-spa']);
  });

  it('should price one named service with a button whose text books it', () => {
    const { text, options } = say('cuanto cuesta una limpieza facial');
    expect(text).toBe('*Limpieza facial profunda* cuesta *RD$3,200.00* y dura 90 min. ¿Te agendo uno? 📅');
    expect(options).toEqual([{ label: 'Agendar Limpieza facial profunda', text: 'quiero agendar Limpieza facial profunda' }]);
  });

  it('should sum the services asked together (price and time), in either language, and only then', () => {
    expect(say('hola, cuanto sale el pedicure y el manicure juntos?').text).toBe(
      'Estos son los precios:\n• *Pedicure spa*: RD$950.00 (60 min)\n• *Manicure clásico*: RD$600.00 (45 min)\nJuntos: *RD$1,550.00* (105 min en total). ¿Te los agendo? 📅',
    );
    expect(say('how much is a manicure and a pedicure together?', 'en').text).toContain('Together: *RD$1,550.00* (105 min in all).');
    expect(say('cuanto me sale todo junto: tinte y manicure').text).toContain('Juntos: *RD$4,400.00* (165 min en total)');
    expect(say('cuanto cuestan el manicure y el pedicure').text).not.toContain('Juntos');
  });

  it('should list the packages when the message asks for packages, even naming a service', () => {
    expect(say('tienen paquete de manicure?').text).toContain('Estos son nuestros paquetes');
    expect(say('tienen paquete de manicure?', 'es', seed.services, []).text).toContain('no tenemos paquetes publicados');
  });

  it('should take a word neither the questions nor the services know for the thing asked, forgiving one-letter typos', () => {
    const vocabulary = questionVocabulary(data, seed.services);
    expect(unknownThing('hacen tatuajes de henna?', vocabulary)).toBe('tatuajes de henna');
    // Said back as written, the ñ kept ("pestanas" read as a misspelling).
    expect(unknownThing('hacen extensiones de pestañas?', vocabulary)).toBe('extensiones de pestañas');
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

describe('studio services › a thing the studio does not offer, asked in either language', () => {
  // The same question gets the same answer in both languages: the services label acts (no
  // clarifying question), and its answer says "we don't do that" with what the studio offers.
  it.each([
    ['¿hacen tatuajes?', 'es', 'No hacemos *tatuajes*'],
    ['hacen tatuajes de henna?', 'es', 'No hacemos *tatuajes de henna*'],
    ['do you do tattoos?', 'en', "We don't do *tattoos*"],
    ['do you guys do tattoos', 'en', "We don't do *tattoos*"],
    ['Hi, do you do tattoos?', 'en', "We don't do *tattoos*"],
    ['can I get a tattoo here?', 'en', "We don't do *tattoo*"],
  ] as const)('should answer "%s" with what the studio offers instead', async (text, lang, expected) => {
    const u = await brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });
    expect(u.nlu.intent.label).toBe('consultar_paquetes');
    expect(decideTriage(u)).toEqual({ kind: 'act', intent: 'store_hours_location' });
    const answer = say(text, lang).text;
    expect(answer).toContain(expected);
    expect(answer).toContain(lang === 'es' ? 'Lo que sí hacemos' : 'What we do offer');
    expect(answer).not.toMatch(/RD\$/);
  });

  it.each(['can I book a manicure for tomorrow?', 'do you open on sundays?', 'quiero cancelar mi cita'])('should leave "%s" to its own label', async (text) => {
    const u = await brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'en', idempotencyKey: 'k-1' });
    expect(u.nlu.intent.label).not.toBe('consultar_paquetes');
  });
});


describe('studio services answer: the service in focus', () => {
  const focused = (text: string, focus: string[], lang: 'es' | 'en' = 'es') => {
    const out = answerServices(data, { text, lang, packageWords: PACKAGE_WORDS, focus }, seed.services, seed.packages);
    return { text: out.replies.map((r) => renderReply(r, data.templates, lang)).join('\n'), service: out.service };
  };

  it('should answer "¿y cuánto dura?" / "how long does it take?" about the service just priced, never "we don\'t do *dura*"', () => {
    expect(focused('y cuanto dura?', ['tinte-completo'])).toEqual({ text: '*Tinte completo* cuesta *RD$3,800.00* y dura 120 min. ¿Te agendo uno? 📅', service: 'tinte-completo' });
    expect(focused('how long does it take?', ['manicure-clasico'], 'en').text).toContain('*Classic manicure* costs *RD$600.00* and takes 45 min');
    expect(focused('¿qué incluye?', ['facial-hidratante']).text).toContain('*Facial hidratante*');
  });

  it('should price the few services a booking was narrowed to, and let a named service or the list win over the focus', () => {
    const two = focused('cuanto cuesta?', ['facial-hidratante', 'limpieza-profunda']);
    expect(two.text).toContain('*Limpieza facial profunda*: RD$3,200.00 (90 min)');
    expect(two.service).toBeNull();
    expect(focused('y el corte cuanto cuesta?', ['tinte-completo']).service).toBe('corte-secado');
    expect(focused('que servicios tienen?', ['tinte-completo']).text).toContain('*uñas*');
  });

  it('should sum the visit priced together again when asked about it, in the order said, and keep it in focus', () => {
    const out = answerServices(data, { text: 'how long is that?', lang: 'en', packageWords: PACKAGE_WORDS, focus: ['facial-hidratante', 'corte-secado'], visit: true }, seed.services, seed.packages);
    expect(renderReply(out.replies[0]!, data.templates, 'en')).toBe(
      'Here are the prices:\n• *Hydrating facial*: RD$2,800.00 (60 min)\n• *Haircut and blow-dry*: RD$1,500.00 (60 min)\nTogether: *RD$4,300.00* (120 min in all). Shall I book them for you? 📅',
    );
    expect(out.together).toEqual(['facial-hidratante', 'corte-secado']);
    // A booking narrowed to a few (no visit): priced, none of them held for a booking.
    expect(answerServices(data, { text: 'cuanto sale en total?', lang: 'es', packageWords: PACKAGE_WORDS, focus: ['facial-hidratante', 'limpieza-profunda'] }, seed.services, seed.packages).together).toBeUndefined();
  });
});

describe('studio services answer: a plural name said in the singular, and the focus after a list', () => {
  it('should price "y el rayito?" as Rayitos, and leave no service in focus after the whole list', () => {
    expect(namedServices('y el rayito?', seed.services).map((s) => s.id)).toEqual(['rayitos']);
    const list = answerServices(data, { text: 'que servicios tienen?', lang: 'es', packageWords: PACKAGE_WORDS, focus: ['keratina'] }, seed.services, seed.packages);
    expect(list.service).toBeNull();
  });
});
