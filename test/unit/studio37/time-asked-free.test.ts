import { describe, expect, it } from 'vitest';
import { estudioWorkflows, NOW, settleRun, TZ, type StudioBackend } from '../workflow/studio-harness.js';
import { answer, askSlot, startRun } from '../../../src/machines/workflow/index.js';

/** "a las 4 hay?" answering "¿A qué hora?": a yes that the time is free, then the next question. */

const spec = estudioWorkflows().workflows.find((w) => w.id === 'agendar_cita')!;
const ctx = (text: string, lang: 'es' | 'en' = 'es') => ({ text, nowMs: NOW, timeZone: TZ, lang, contact: null });
const backend: StudioBackend = (path, query) =>
  path === '/services'
    ? { items: [{ id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut and blow-dry' }, aliases: ['corte', 'haircut'] }] }
    : { items: ['15:00', '16:00'].map((time) => ({ slotId: `y.${query?.date}.${time}`, date: query?.date, time })) };

const atTime = (lang: 'es' | 'en' = 'es') => {
  const { run } = settleRun(startRun(spec, ctx(lang === 'es' ? 'quiero un corte hoy' : 'I want a haircut today', lang)), backend, lang);
  return askSlot(run, 'time', lang).run;
};

describe('a time asked as a question at the time question', () => {
  it.each(['a las 4 hay?', 'y a las 4 se puede?', 'a las 4 hay'])('should say yes on "%s"', (said) => {
    const out = answer(atTime(), ctx(said));
    expect(out.run.values.time).toBe('16:00');
    expect(out.replies[0]?.text).toBe('Sí, hay espacio hoy a las 4:00 p. m. 👍'); // studio38: today is "hoy", not its date
  });

  it('should say another day by its date ("mañana" is the Friday)', () => {
    const { run } = settleRun(startRun(spec, ctx('quiero un corte mañana')), backend, 'es');
    expect(answer(askSlot(run, 'time', 'es').run, ctx('a las 4 hay?')).replies[0]?.text).toBe('Sí, hay espacio el viernes 4 de diciembre a las 4:00 p. m. 👍');
  });

  it('should say it in English', () => {
    expect(answer(atTime('en'), ctx('is 4pm free?', 'en')).replies[0]?.text).toMatch(/^Yes, 4:00 PM today is free/);
  });

  it('should say nothing more for a time merely given', () => {
    const out = answer(atTime(), ctx('a las 4'));
    expect(out.run.values.time).toBe('16:00');
    expect(out.replies.some((r) => r.text.startsWith('Sí,'))).toBe(false);
  });
});
