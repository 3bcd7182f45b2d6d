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
