import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/domain/nlu.js';
import { needToldOpening } from '../../../src/actors/brain/rule/opening-need.js';

const company = (text: string, value: string): Entity => {
  const start = text.indexOf(value);
  return { type: 'company', value, start, end: start + value.length } as Entity;
};

describe('needToldOpening: what the customer runs, told with the company', () => {
  it('should keep the buildings managed, without the company', () => {
    const text = 'Hello, I manage three rental apartment buildings in La Romana for Caribe Properties. We need to repaint the common areas and replace about 60 door locks.';
    const need = needToldOpening(text, [company(text, 'Caribe Properties')]);
    expect(need).toContain('I manage three rental apartment buildings in La Romana');
    expect(need).toContain('repaint the common areas');
    expect(need).not.toContain('Caribe Properties');
  });

  it('should keep it in Spanish too', () => {
    const text = 'administro 2 edificios de apartamentos en Bávaro para Inmobiliaria Caribe, necesitamos pintar las áreas comunes y cambiar 40 cerraduras';
    expect(needToldOpening(text, [company(text, 'Inmobiliaria Caribe')])).toMatch(/^administro 2 edificios de apartamentos en Bávaro, necesitamos pintar/);
  });

  it('should not keep who the customer is ("somos X")', () => {
    const text = 'somos Constructora Bello, necesitamos cotizar 300 sacos de cemento';
    expect(needToldOpening(text, [company(text, 'Constructora Bello')])).toBe('necesitamos cotizar 300 sacos de cemento');
  });
});
