import { describe, expect, it } from 'vitest';
import { linesAsItems } from '../../../src/actors/brain/rule/line-breaks.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('linesAsItems', () => {
  it('should make a line break after an unpunctuated line a comma, one character for one', () => {
    const text = '10 sacos cemento\n5 varillas 1/2\n1 cubeta masilla';
    expect(linesAsItems(text)).toBe('10 sacos cemento,5 varillas 1/2,1 cubeta masilla');
    expect(linesAsItems(text)).toHaveLength(text.length);
  });

  it('should make a break after punctuation, a blank line or a carriage return a space', () => {
    expect(linesAsItems('hola.\nnecesito esto:\n20 blocks\n\ngracias')).toBe('hola. necesito esto: 20 blocks, gracias');
    expect(linesAsItems('2 sacos\r\n3 varillas')).toBe('2 sacos ,3 varillas');
  });

  it('should leave a one-line message as written', () => {
    expect(linesAsItems('10 sacos de cemento')).toBe('10 sacos de cemento');
  });

  it('should read a list pasted one item a line as its items, each with its count', async () => {
    const { brain } = await loadDemo();
    const products = brain.parse('10 sacos cemento\n5 varillas 1/2\n2 libras alambre dulce\n1 cubeta masilla').entities.filter((e) => e.type === 'product' || e.type === 'quantity');
    expect(products.map((e) => e.value)).toEqual(['10', 'saco cemento', '5', 'varilla 1/2', '2', 'libra alambre dulce', '1', 'cubeta masilla']);
  });
});
