import { describe, expect, it } from 'vitest';
import { buildUnderstandSystemPrompt, DEFAULT_PROMPTS, fillTemplate, resolvePrompts, type PromptTemplates } from '../../../src/actors/brain/llm/prompts.js';
import { INTENTS } from '../../../src/domain/intents.js';

const custom: PromptTemplates = {
  version: 'acme-v3',
  persona: 'You answer for {{tenantName}} in {{lang}}.',
  classification: 'Intents: {{intents}}.',
  extraction: 'Expecting {{expectation}}.',
};

describe('prompt templates', () => {
  it('should use a tenant\'s own versioned templates and the defaults for everyone else', () => {
    expect(resolvePrompts('acme', { acme: custom }).version).toBe('acme-v3');
    expect(resolvePrompts('other', { acme: custom })).toBe(DEFAULT_PROMPTS);
  });

  it('should fill tenant name, language, intents and the expectation at run time', () => {
    const text = buildUnderstandSystemPrompt(custom, { tenantName: 'Acme', lang: 'en', expecting: { kind: 'account_id' }, intents: INTENTS });
    expect(text).toBe(`You answer for Acme in English (en).\n\nIntents: ${INTENTS.join(', ')}.\n\nExpecting the customer's account number (digits).`);
  });

  it('should refuse to send a prompt with an unfilled placeholder', () => {
    expect(() => fillTemplate('Hola {{customerName}}', {})).toThrow(/customerName/);
  });
});
