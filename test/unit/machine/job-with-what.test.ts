import { describe, expect, it } from 'vitest';
import { askedJob } from '../../../src/machines/job-questions.js';

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
