import { describe, expect, it } from 'vitest';
import { estudioWorkflows } from './studio-harness.js';
import { workflowForIntent } from '../../../src/domain/workflow-spec.js';

/**
 * A question about a workflow's rule is answered, not run: the studio's cancellation policy asked
 * ("si cancelo, ¿me cobran?") starts no cancelling (the label's own answer says the policy and
 * offers it), while a request to cancel or to move still starts its workflow.
 */
describe('workflow "asks": the cancellation policy asked starts no cancelling', () => {
  const set = estudioWorkflows();

  it.each([
    'cual es la politica de cancelacion?',
    'si cancelo me cobran algo?',
    '¿Cobran por cancelar?',
    'hay multa si no llego?',
    '¿puedo cancelar gratis?',
    '¿con cuánto tiempo de anticipación tengo que cancelar?',
    "what's your cancellation policy?",
    'is there a no-show fee?',
    'do you charge if I cancel?',
    'how far in advance do I have to cancel?',
  ])('should start no workflow on "%s"', (text) => {
    expect(workflowForIntent(set, 'cancelar_cita', text)).toBeNull();
  });

  it.each([
    ['quiero cancelar mi cita', 'cancelar_cita'],
    ['cancela mi cita del sábado por favor', 'cancelar_cita'],
    ['I need to cancel my appointment', 'cancelar_cita'],
    ['quiero mover mi cita para otro dia', 'reprogramar'],
  ])('should still start a workflow on "%s"', (text, id) => {
    expect(workflowForIntent(set, 'cancelar_cita', text)?.id).toBe(id);
  });
});
