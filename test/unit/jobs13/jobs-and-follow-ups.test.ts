import { describe, expect, it } from 'vitest';
import { askedJob, asksWhatFixesATrouble } from '../../../src/machines/job-questions.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { saysPickUp } from '../../../src/machines/pickup.js';
import { sizeBeforeAt } from '../../../src/actors/brain/rule/count-shapes.js';

const toks = (text: string) => text.split(' ').map((t, i) => ({ t, s: i }));

describe('jobs said the way customers type them', () => {
  it('should read "q uso pa" and "what do you use to" as a job question', () => {
    expect(askedJob('q uso pa rellenar las juntas de la ceramica')?.said).toBe('rellenar las juntas de la ceramica');
    expect(askedJob('what do you use to fill tile joints?')?.said).toBe('fill tile joints');
  });

  it('should read a fixture that keeps running as a trouble to fix, said back as "that"', () => {
    expect(asksWhatFixesATrouble('my toilet keeps running and wont stop filling, what part do i need')).toBe(true);
    expect(askedJob("the toilet tank doesn't fill, what part do I need?")?.said).toBe('fix that');
    expect(askedJob('el inodoro se queda corriendo, que pieza necesito?')?.said).toBe('eso');
    // No trouble told: no job.
    expect(asksWhatFixesATrouble('what part do i need')).toBe(false);
  });
});

describe('follow-ups about the product or the store', () => {
  it('should read "¿sirve pa …?" about the product shown as whether it does that job', () => {
    expect(readFocusQuestion('sirve pa una columna?')).toEqual({ kind: 'suits', use: 'una columna' });
    expect(readFocusQuestion('is it good for a column?')).toEqual({ kind: 'suits', use: 'a column' });
    // Where it is used, and what it is for, stay their own questions.
    expect(readFocusQuestion('sirve pa afuera?')?.kind).toBe('where');
    expect(readFocusQuestion('sirve para que?')).toBeNull();
  });

  it('should not take "paso a buscar, dónde queda la principal" for a plain pick-up', () => {
    expect(saysPickUp('ok entonces paso a buscar, donde queda la principal')).toBe(false);
    expect(saysPickUp('ok entonces paso a buscar')).toBe(true);
  });

  it('should read "4 x 8" before a product as its size, with the count before it', () => {
    expect(sizeBeforeAt(toks('4 x 8 plywood'), 2)).toEqual({ size: '4x8', q: -1 });
    expect(sizeBeforeAt(toks('2 sheets of 4 x 8 plywood'), 5)).toEqual({ size: '4x8', q: 0 });
    expect(sizeBeforeAt(toks('10 x tubo'), 0)).toBeNull();
  });
});
