import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { estudioWorkflows, sayingTo, studioReading } from './studio-harness.js';
import type { Understanding, UnderstandInput } from '../../../src/domain/understanding.js';
import type { BackendCallInput, BackendCallOutput } from '../../../src/machines/conversation.contract.js';
import { conversationMachine, provideWorkflows } from '../../../src/machines/conversation.machine.js';
import { asksFreeTimes } from '../../../src/machines/workflow/free-times-asked.js';

/**
 * "¿Qué horas tienen?" asks the free times for an appointment: with no service or day known the
 * receptionist says the times depend on them and asks (a booking starts), with both known she shows
 * the times; "¿qué horario tienen?" stays the opening hours.
 */

const SERVICES = [{ id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut' }, aliases: ['corte'] }];
function backend(input: BackendCallInput): BackendCallOutput {
  const { path, query } = input.request;
  if (path === '/services') return { ok: true, body: { items: SERVICES } };
  if (path === '/slots') return { ok: true, body: { items: ['10:00', '15:00'].map((time) => ({ slotId: `ana.${query!.date}.${time}`, time })) } };
  throw new Error(`unexpected call ${path}`);
}

function conversation(script: Record<string, Understanding>) {
  const asked: string[] = [];
  const machine = provideWorkflows(conversationMachine, estudioWorkflows()).provide({
    actors: {
      understand: fromPromise(async ({ input }: { input: UnderstandInput }) => script[input.text] ?? studioReading(null)),
      callBackend: fromPromise(async ({ input }: { input: BackendCallInput }) => backend(input)),
      answerInfo: fromPromise(async ({ input }) => {
        asked.push(input.text);
        return { replies: [{ template: 'studio.hours' }] };
      }),
    },
  });
  const actor = createActor(machine, { input: { tenantId: 'estudio', conversationId: 'c-times', lang: 'es' as const } });
  actor.start();
  return { asked, say: sayingTo(actor) };
}

const ASKS_SERVICE = '¿Qué servicio te gustaría reservar?';
const ASKS_DAY = '¿Para qué día? (por ejemplo: mañana, el viernes, 12 de diciembre)';

describe('"¿qué horas tienen?" outside the time question', () => {
  it('should start the booking, saying the times depend on the service and the day (not the opening hours)', async () => {
    const c = conversation({ '¿qué horas tienen?': studioReading('consultar_horarios') });
    const turn = await c.say('¿qué horas tienen?');
    expect(turn.said).toEqual(['workflow.free_times', ASKS_SERVICE]);
    expect(turn.context.workflow?.spec.id).toBe('agendar_cita');
    expect(c.asked).toEqual([]);
  });

  it('should show the times at once when the service and the day are said with it', async () => {
    const c = conversation({ '¿qué horas tienen el martes para un corte?': studioReading('consultar_horarios') });
    const turn = await c.say('¿qué horas tienen el martes para un corte?');
    expect(turn.said).toHaveLength(1);
    expect(turn.said[0]).toMatch(/^¿A qué hora\?/);
  });

  it('should say the times depend on the day when asked while the day is asked, then ask it again', async () => {
    const c = conversation({ 'quiero un corte': studioReading('agendar_cita'), '¿qué horas tienen?': studioReading('consultar_horarios') });
    expect((await c.say('quiero un corte')).said).toEqual([ASKS_DAY]);
    const turn = await c.say('¿qué horas tienen?');
    expect(turn.said).toEqual(['workflow.free_times', ASKS_DAY]);
    expect(c.asked).toEqual([]);
  });

  it('should leave "¿qué horario tienen?" to the opening hours', async () => {
    const c = conversation({ '¿qué horario tienen?': studioReading('consultar_horarios') });
    expect((await c.say('¿qué horario tienen?')).said).toEqual(['studio.hours']);
    expect(c.asked).toEqual(['¿qué horario tienen?']);
  });

  it('asksFreeTimes: free times asked (es, en), never the opening hours', () => {
    for (const said of ['¿qué horas tienen?', 'q horas quedan el sabado', '¿hay turnos disponibles mañana?', '¿qué horarios tienen disponibles?', 'a qué hora hay cupo el viernes?', 'what times do you have?', 'what times are free on friday?', 'any openings tomorrow?'])
      expect(asksFreeTimes(said), said).toBe(true);
    for (const said of ['¿qué horario tienen?', 'cual es su horario', 'a qué hora abren?', 'qué horas abren?', 'what time do you open?', 'what times are you open?', 'what are your hours?'])
      expect(asksFreeTimes(said), said).toBe(false);
  });
});
