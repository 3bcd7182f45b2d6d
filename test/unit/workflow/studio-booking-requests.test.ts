import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

/**
 * A service and a day said without a verb ("manicure tomorrow afternoon please", "un corte pal
 * viernes") is a booking to a receptionist, greeting in front or not; before, the studio answered
 * "Hi! Welcome…" and dropped the request, or asked what the customer needed.
 */
describe('the studio hears a booking said without a verb', () => {
  let brain: Brain;
  beforeAll(async () => {
    brain = createRuleBrain({ tenant: await loadTenant(fileURLToPath(new URL('../../../tenants/estudio', import.meta.url))) });
  }, 60_000);

  it.each([
    'hi, manicure tomorrow afternoon please',
    "Morning! I'd like a manicure tomorrow afternoon",
    'pedicure on saturday?',
    'can I get a haircut friday',
    'hola, un corte pal viernes',
    'un facial para el sábado en la mañana',
  ])('%s', (text) => {
    expect(brain.parse(text).intent.label).toBe('agendar_cita');
  });

  it('should still greet a bare greeting and answer a bare question about hours', () => {
    expect(brain.parse('good morning').intent.label).toBe('saludo');
    expect(brain.parse('what time do you open on saturday?').intent.label).toBe('consultar_horarios');
  });
});
