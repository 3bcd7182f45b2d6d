import { describe, expect, it } from 'vitest';
import { heldOutLinesIn } from '../helpers/held-out-overlap.js';

describe('heldOutLinesIn', () => {
  const file = ['{"text":"quiero una cita","intent":"agendar_cita"}', '', '{"text":"SECRET held out","intent":"saludo"}', '{"text":"hola","intent":"saludo"}', ''].join('\n');

  it('should give the 1-based line numbers of the rows that are training messages, blank lines counted', () => {
    expect(heldOutLinesIn(file, (t) => t === 'SECRET held out' || t === 'hola')).toEqual([3, 4]);
  });

  it('should give nothing when no row is a training message', () => {
    expect(heldOutLinesIn(file, () => false)).toEqual([]);
  });

  it('should never give a text, so a failing assertion cannot print one', () => {
    expect(JSON.stringify(heldOutLinesIn(file, () => true))).not.toMatch(/SECRET|cita|hola/);
  });
});
