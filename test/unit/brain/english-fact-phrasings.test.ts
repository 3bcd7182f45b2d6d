import { describe, expect, it } from 'vitest';
import { storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';

describe('store facts › the ways tourists and expats ask for key copies and installers', () => {
  it.each([
    'can you make a copy of my house key?',
    'i need a copy of my front door key',
    'do you make copies of car keys?',
    'can I get a duplicate of my spare key here?',
  ])('should read "%s" as the key copies question', (text) => {
    expect(storeFactsAsked(text)).toContain('keyCopies');
  });

  it.each([
    'can someone install a toilet for me if I buy it here?',
    'is there anybody who can install the water pump?',
    'do you have someone to come and install a ceiling fan?',
  ])('should read "%s" as the installation question', (text) => {
    expect(storeFactsAsked(text)).toContain('installation');
  });

  it.each(['how much is the toilet?', 'do you have keyed padlocks?', 'someone told me you sell cement'])('should find neither in "%s"', (text) => {
    const asked = storeFactsAsked(text);
    expect(asked).not.toContain('keyCopies');
    expect(asked).not.toContain('installation');
  });
});
