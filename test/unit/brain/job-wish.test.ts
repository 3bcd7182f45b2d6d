import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { wantsAJobDone } from '../../../src/actors/brain/rule/job-wish.js';
import { loadDemo } from '../../helpers/memory-host.js';

let brain: Brain;
beforeAll(async () => {
  ({ brain } = await loadDemo());
});

const read = (text: string, lang: 'es' | 'en' = 'es') => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang, idempotencyKey: 'k-1' });

describe('a job or a colour wished for, with no trouble told', () => {
  it('should read a job wished for as a product question, never a complaint (the classifier is sure of one on "quiero … el …")', async () => {
    // Each of these the classifier reads as a complaint at 0.45 or more (a ticket and a handoff).
    for (const text of ['quiero pintar el cuarto rosado claro', 'quiero arreglar el baño', 'quiero cambiar el breaker', 'quiero pintar el portón', 'quiero cambiar el inodoro']) {
      expect(wantsAJobDone(text), text).toBe(true);
      expect((await read(text)).nlu.intent.name, text).toBe('product_inquiry');
    }
  });

  it('should read a colour wished for or taken as a product question', async () => {
    for (const text of ['quiero el rosado claro', 'quiero el azul']) expect((await read(text)).nlu.intent.name, text).toBe('product_inquiry');
  });

  it('should keep a complaint, a claim, an exchange or an order change what it is', async () => {
    const complaints = [
      'quiero devolver la pintura, salió mala',
      'quiero cambiar el taladro que compré, no prende',
      'quiero cambiar la pintura por otro color',
      'necesito cambiar el inodoro que me vendieron, vino rajado',
      'me vendieron un breaker malo y tengo que cambiarlo',
      'tengo que pintar otra vez porque la pintura que me vendieron se peló',
    ];
    for (const text of complaints) {
      expect(wantsAJobDone(text), text).toBe(false);
      expect((await read(text)).nlu.intent.name, text).toBe('complaint');
    }
    for (const text of ['quiero cambiar el pedido', 'quiero hacer un pedido', 'quiero cambiar mi correo']) expect(wantsAJobDone(text), text).toBe(false);
  });
});
