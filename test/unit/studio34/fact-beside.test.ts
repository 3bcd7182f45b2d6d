import { describe, expect, it } from 'vitest';
import { readingWithStudioFactBeside } from '../../../src/actors/tools/studio-fact-beside.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import type { WorkflowSet } from '../../../src/domain/workflow-spec.js';

const templates = {
  es: { 'studio.fact.beside': 'Sobre {topic}: no lo tengo escrito.', 'studio.fact.topic.parking': 'si hay parqueo' },
  en: { 'studio.fact.beside': 'About {topic}: not written.', 'studio.fact.topic.parking': 'whether there is parking' },
};
const workflows = { workflows: [{ triggers: ['agendar_cita'] }] } as unknown as WorkflowSet;
const reading = (label: string, lang: 'es' | 'en' = 'es') => ({ lang, nlu: { intent: { name: 'greeting', label, confidence: 0.9 } } }) as unknown as Understanding;
const beside = (text: string, label = 'agendar_cita', facts: Record<string, unknown> = {}, lang: 'es' | 'en' = 'es') =>
  readingWithStudioFactBeside({ store: { facts } as never, templates }, workflows, reading(label, lang), text).factBeside;

describe('a studio fact asked beside a booking', () => {
  it('should carry that the fact is not written when the studio has none, in the message language', () => {
    expect(beside('quiero un corte mañana a las 10, tienen parqueo?')).toBe('Sobre si hay parqueo: no lo tengo escrito.');
    expect(beside("I'd like a manicure tomorrow at 3, do you have parking?", 'agendar_cita', {}, 'en')).toBe('About whether there is parking: not written.');
  });

  it("should carry the studio's own fact when it wrote one", () => {
    expect(beside('quiero un corte mañana, tienen parqueo?', 'agendar_cita', { parking: { es: 'Sí, parqueo gratis.', en: 'Yes, free parking.' } })).toBe('Sí, parqueo gratis.');
  });

  it('should carry nothing without a workflow reading, without a fact asked, or for a deposit', () => {
    expect(beside('tienen parqueo?', 'consultar_horarios')).toBeUndefined();
    expect(beside('quiero un corte mañana a las 10')).toBeUndefined();
    expect(beside('quiero reservar un manicure, hay que dejar deposito?')).toBeUndefined();
  });
});
