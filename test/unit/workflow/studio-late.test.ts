import { readFileSync } from 'node:fs';
import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { estudioWorkflows, sayingTo, studioReading } from './studio-harness.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { conversationMachine, provideWorkflows } from '../../../src/machines/conversation.machine.js';
import { tellsRunningLate } from '../../../src/machines/running-late.js';
import { renderReply } from '../../../src/actors/render-reply.js';

/**
 * A customer running late ("llego 10 minutos tarde") is thanked for letting us know and told a
 * person will tell the stylist; a person asked for plainly still gets the plain handoff.
 */

const person = (lang: 'es' | 'en' = 'es'): Understanding => {
  const intent = { name: 'human_agent' as const, confidence: 0.9 };
  return studioReading(null, { nlu: { intent, ranking: [intent], entities: [], lang }, lang });
};

function conversation(lang: 'es' | 'en' = 'es') {
  const machine = provideWorkflows(conversationMachine, estudioWorkflows()).provide({
    actors: {
      understand: fromPromise(async () => person(lang)),
      createTicket: fromPromise(async () => ({ ticketId: 'tk-1', number: 'T-000001' })),
    },
  });
  const actor = createActor(machine, { input: { tenantId: 'estudio', conversationId: 'c-late', lang } });
  actor.start();
  return sayingTo(actor);
}

describe('a customer running late', () => {
  it('should thank them and say a person tells the stylist (es, en), not the plain handoff', async () => {
    expect((await conversation()('llego 10 minutos tarde')).said).toEqual(['handoff.ticket.running_late']);
    expect((await conversation('en')("I'm running 10 minutes late")).said).toEqual(['handoff.ticket.running_late']);
    expect((await conversation()('quiero hablar con una persona')).said).toEqual(['handoff.ticket.customer_request']);
  });

  it('should word the studio templates as thanks and the stylist told, falling back to the plain handoff for older tenants', () => {
    const templates = JSON.parse(readFileSync(new URL('../../../tenants/estudio/templates/flow.json', import.meta.url), 'utf8'));
    expect(renderReply({ template: 'handoff.ticket.running_late', params: { number: 'T-1' } }, templates, 'es')).toMatch(/^¡Gracias por avisarnos!.*estilista/);
    expect(renderReply({ template: 'handoff.ticket.running_late', params: { number: 'T-1' } }, templates, 'en')).toMatch(/^Thanks for letting us know!.*stylist/);
    const older = { es: { 'handoff.ticket.customer_request': 'Te paso con una persona {number}' }, en: {} };
    expect(renderReply({ template: 'handoff.ticket.running_late', params: { number: 'T-1' } }, older, 'es')).toBe('Te paso con una persona T-1');
  });

  it('tellsRunningLate: lateness told, never an afternoon asked for', () => {
    for (const said of ['llego 10 minutos tarde', 'voy a llegar un poco tarde a mi cita', 'voy retrasada, llego en 15 min', 'se me hizo tarde, voy en camino', 'me retrasé un poco', "I'm running late", "I'll be 10 minutes late to my appointment", 'im gonna be late'])
      expect(tellsRunningLate(said), said).toBe(true);
    for (const said of ['voy el martes en la tarde', 'llego a las 3 de la tarde', 'estoy libre esta tarde', 'la más tarde', 'tienen algo tarde?', 'late afternoon please', 'is it too late to book?', 'do you open late?'])
      expect(tellsRunningLate(said), said).toBe(false);
  });
});
