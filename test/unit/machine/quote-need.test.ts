import { describe, expect, it } from 'vitest';
import { asksFormalQuote, goodsAskedIn, withGoodsAsNeed } from '../../../src/machines/quote-need.js';
import { createLeadState } from '../../../src/machines/lead-draft.js';
import { understood } from './machine-harness.js';

const withProducts = (products: { query: string; quantity?: number }[]) => understood('price_quote', { products });

describe('goods asked, carried into a lead', () => {
  it('should keep a counted request or a quote asked, in the customer words', () => {
    expect(goodsAskedIn(withProducts([{ query: 'block de 6', quantity: 200 }]), 'quiero cotizar 200 blocks de 6 para una obra', '200 x Block', 'm1', 1)?.text).toBe('quiero cotizar 200 blocks de 6 para una obra');
    expect(goodsAskedIn(withProducts([{ query: 'pintura' }]), 'cotízame pintura para la casa', undefined, 'm1', 1)?.text).toBe('cotízame pintura para la casa');
  });

  it('should write a counted price question as the line priced, and keep no bare price question', () => {
    expect(goodsAskedIn(withProducts([{ query: 'cemento', quantity: 50 }]), '¿cuánto cuestan 50 sacos de cemento?', '50 x Cemento Gris', 'm1', 1)?.text).toBe('50 x Cemento Gris');
    expect(goodsAskedIn(withProducts([{ query: 'cemento' }]), '¿cuánto cuesta el cemento?', '1 x Cemento Gris', 'm1', 1)).toBeNull();
  });

  it('should fill the need (and the area) of a lead started within a few turns, never over a need told', () => {
    const goods = { text: '200 blocks de 6', messageId: 'm1', turn: 1 };
    const lead = withGoodsAsNeed(createLeadState(), goods, 2);
    expect(lead.draft.problem_statement?.value).toBe('200 blocks de 6');
    expect(lead.draft.interest_area?.value).toBe('Ventas');
    expect(withGoodsAsNeed(createLeadState(), goods, 20).draft.problem_statement).toBeUndefined();
    const told = { ...createLeadState(), draft: { problem_statement: { value: 'pintura para 8 apartamentos', sourceMessageId: 'm2' } } };
    expect(withGoodsAsNeed(told, goods, 2).draft.problem_statement?.value).toBe('pintura para 8 apartamentos');
  });

  it('should read the formal quote asked with no product named', () => {
    expect(asksFormalQuote(withProducts([]), 'mándame la cotización formal')).toBe(true);
    expect(asksFormalQuote(withProducts([]), 'send me the quote')).toBe(true);
    expect(asksFormalQuote(withProducts([{ query: 'pintura' }]), 'cotización de pintura')).toBe(false);
  });
});
