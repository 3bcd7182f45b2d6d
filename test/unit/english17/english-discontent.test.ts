import { describe, expect, it } from 'vitest';
import { voicesVagueEnglishComplaint } from '../../../src/actors/brain/rule/english-discontent.js';
import { namesGoodsInEnglish } from '../../../src/actors/brain/rule/english-words.js';

describe('voicesVagueEnglishComplaint', () => {
  it.each([
    'this is not what I expected',
    "that's not what I ordered",
    'you guys messed up',
    'you messed up my order again',
    "y'all screwed up",
    'I have a problem with my order',
    "there's an issue with my purchase",
    "there's something wrong with my order",
    "the thing I bought doesn't work",
    'the stuff I got from you is broken',
    "I'm not happy",
    "we're very disappointed with the order",
    'hello, you guys screwed up again',
  ])('should hear discontent with nothing told in "%s"', (text) => {
    expect(voicesVagueEnglishComplaint(text)).toBe(true);
  });

  it.each([
    "the drill I bought doesn't work",
    'you sent me 3/8 rebar and I paid for 1/2',
    'I have a problem with my sink, what do I need?',
    "I'm happy with the paint, thanks",
    'is this what I need for the slab?',
    'tengo un problema con mi pedido',
    'ustedes se equivocaron',
    'I want to work with you',
  ])('should leave "%s" to the other readers', (text) => {
    expect(voicesVagueEnglishComplaint(text)).toBe(false);
  });
});

describe('namesGoodsInEnglish', () => {
  const w = (s: string): string[] => s.split(' ');
  it('should read "<kind> tape" as English word order', () => {
    expect(namesGoodsInEnglish(w('teflon tape'))).toBe(true);
    expect(namesGoodsInEnglish(w('duct tape'))).toBe(true);
  });
  it('should leave the Spanish "tape" alone', () => {
    expect(namesGoodsInEnglish(w('tape electrico'))).toBe(false);
    expect(namesGoodsInEnglish(w('un tape'))).toBe(false);
  });
  it('should read English-only trade names as English', () => {
    expect(namesGoodsInEnglish(w('quikrete'))).toBe(true);
    expect(namesGoodsInEnglish(w('zip ties'))).toBe(true);
  });
});
