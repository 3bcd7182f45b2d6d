import { describe, expect, it } from 'vitest';
import { askedJob, asksWhatFixesATrouble } from '../../../src/machines/job-questions.js';

describe('a job asked with "con qué" and a conjugated verb, or "qué me recomiendan para"', () => {
  it('should read the job with its verb as the infinitive', () => {
    expect(askedJob('¿con qué pego cerámica?')?.said).toBe('pegar cerámica');
    expect(askedJob('con qué se sella una filtración en el techo?')?.said).toBe('sellar una filtración en el techo');
    expect(askedJob('con que corto varilla')?.said).toBe('cortar varilla');
    expect(askedJob('¿con qué lo pego?')?.verb).toBe('pegar');
    expect(askedJob('¿qué me recomiendan para pegar cerámica en el piso?')?.said).toBe('pegar cerámica en el piso');
  });

  it('should leave verbs that are not a job alone', () => {
    for (const text of ['¿con qué puedo pagar?', 'con qué pago?', 'con quién hablo?', 'con que me atiendan me conformo']) expect(askedJob(text), text).toBeNull();
  });
});

describe('a trouble told, then "¿qué le pongo?"', () => {
  it('should read the trouble as the job, never the thing it happens to', () => {
    expect(askedJob('buenas tardes mi amor tengo una gotera en el techo que le pongo')?.said).toBe('gotera en el techo');
    expect(askedJob('tengo una filtración en la pared, ¿qué le echo?')?.said).toBe('filtración en la pared');
    expect(askedJob('there is a leak in the roof, what should I put on it?')?.said).toBe('leak in the roof');
  });

  it('should leave a bare "qué le pongo" and other questions alone', () => {
    for (const text of ['¿qué le pongo?', 'que le pongo de nombre al pedido', 'a como ta el cemento']) expect(askedJob(text), text).toBeNull();
  });
});

describe('a trouble as the job: "algo pa una filtración", "se me gotea el techo, ¿qué uso?"', () => {
  it('should read a trouble named after "algo para" as the job', () => {
    expect(askedJob('algo pa una filtración en el techo')?.said).toBe('una filtración en el techo');
    expect(askedJob('tienen algo para la gotera?')?.said).toBe('la gotera');
    expect(askedJob('something for a roof leak')?.said).toBe('fix a roof leak');
    expect(askedJob('que me recomienda pa el techo que se me mete el agua')?.full).toMatch(/filtración/);
  });

  it('should read a trouble told by its verb, then "¿qué uso?", by its noun', () => {
    const job = askedJob('se me gotea el techo, que uso?');
    expect(job?.said).toBe('la gotera');
    expect(job?.full).toMatch(/gotera/);
    expect(asksWhatFixesATrouble('se me gotea el techo, que uso?')).toBe(true);
    expect(asksWhatFixesATrouble('tengo humedad en la pared, que me recomiendas?')).toBe(true);
  });

  it('should leave "¿qué uso?" with no trouble told, and jobs said by their verb, to the other readers', () => {
    expect(asksWhatFixesATrouble('voy a pintar la casa, que uso?')).toBe(false);
    expect(asksWhatFixesATrouble('tienen algo para destapar el inodoro?')).toBe(false);
    expect(askedJob('algo para pintar la pared')?.said).toBe('pintar la pared');
  });
});
