import { beforeAll, describe, expect, it } from 'vitest';
import type { InspectionEvent } from 'xstate';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** A host whose actors report their microsteps; `said` returns the turn and how many microsteps it took. */
function counted() {
  let steps = 0;
  const { host } = createMemoryHost({
    tenant,
    brain,
    host: { inspect: { observer: (e: InspectionEvent) => void (e.type === '@xstate.microstep' && steps++), select: () => true } },
  });
  return async (text: string) => {
    steps = 0;
    const turn = await sayTo(host, 'steps', text);
    return { turn, steps };
  };
}

describe('the microsteps of a self-service turn on tenant data (issue 16)', () => {
  it('should answer a catalog or store question in three microsteps and small talk in two, back in idle', async () => {
    const say = counted();
    await say('hola');
    for (const [text, steps] of [['¿Tienen cemento gris?', 3], ['¿A qué hora abren el sábado?', 3], ['Muchas gracias', 2], ['Hola, buenas tardes', 2]] as const) {
      const r = await say(text);
      expect(r.turn.state.value, text).toBe('triage.idle');
      expect(r.steps, text).toBe(steps);
    }
  });

  it('should still resume a form in progress after an answer, and wait for the product after a thanks', async () => {
    const say = counted();
    await say('hola, necesito que un asesor me cotice materiales para una obra grande');
    await say('Juan Pérez');
    const answered = await say('tienen cemento gris?');
    expect(replyText(answered.turn)).toMatch(/Cemento Gris/);
    expect(replyText(answered.turn)).toMatch(/correo electr[oó]nico/);
    expect(answered.turn.state.value).toMatch(/^workflow\.form\.collecting/);

    const other = counted();
    const asked = await other('¿cuánto cuesta?');
    expect(asked.turn.state.value).toBe('answering.awaitingProduct');
    const thanked = await other('gracias');
    expect(thanked.turn.state.value).toBe('answering.awaitingProduct');
  });
});
