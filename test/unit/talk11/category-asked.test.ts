import { describe, it, expect } from 'vitest';
import { lineAsked } from '../../../src/actors/tools/category-asked.js';
import { loadDemo, chatOnFreshHost } from '../../helpers/memory-host.js';

describe('a line of the store asked as a whole', () => {
  it('should name the line asked for, es and en, by its name or a word like it', async () => {
    const { tenant } = await loadDemo();
    expect(lineAsked(tenant, 'do you sell garden things?')).toBe('Jardín');
    expect(lineAsked(tenant, '¿tienen cosas de jardín?')).toBe('Jardín');
    expect(lineAsked(tenant, 'que tienen de jardineria?')).toBe('Jardín');
    expect(lineAsked(tenant, 'do you have gardening tools?')).toBe('Jardín');
    expect(lineAsked(tenant, 'what do you have for plumbing?')).toBe('Plomería');
  });

  it('should not read a product, or a question with more in it, as a line', async () => {
    const { tenant } = await loadDemo();
    expect(lineAsked(tenant, 'tienen manguera de jardin?')).toBeNull();
    expect(lineAsked(tenant, 'cuanto cuesta el cemento?')).toBeNull();
    expect(lineAsked(tenant, 'tienen cosas de jardín y 20 sacos de cemento?')).toBeNull();
  });

  it.each([
    ['do you sell garden things?', /In \*Garden\*[\s\S]*Rastrillo/],
    ['¿tienen cosas de jardín?', /En \*Jardín\*[\s\S]*Machete[\s\S]*Abono/],
  ])('should list the line for "%s", never "we don\'t sell"', async (text, listed) => {
    const { tenant, brain } = await loadDemo();
    const [reply] = await chatOnFreshHost(tenant, brain, `talk11-line-${text}`, text);
    expect(reply).toMatch(listed);
    expect(reply).not.toMatch(/don't sell|No vendemos/);
  });
});
