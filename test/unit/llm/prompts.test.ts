import { describe, expect, it } from 'vitest';
import { buildUnderstandSystemPrompt, DEFAULT_PROMPTS, DEFAULT_TONE, fillTemplate, resolvePrompts, resolveTenantPrompts, type PromptTemplates } from '../../../src/actors/brain/llm/prompts.js';
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

  it("should merge a tenant's prompts.json over the defaults, with both versions in the logged version", () => {
    const resolved = resolveTenantPrompts({ version: 'acme-3', tone: { es: 'muy formal' }, persona: 'Eres el asistente de {{tenantName}} ({{lang}}), tono {{tone}}.' });
    expect(resolved.understand.version).toBe(`acme-3/${DEFAULT_PROMPTS.version}`);
    expect(resolved.understand.classification).toBe(DEFAULT_PROMPTS.classification);
    expect(resolved.tone('es')).toBe('muy formal');
    expect(resolved.tone('en')).toBe(DEFAULT_TONE.en);
    const text = buildUnderstandSystemPrompt(resolved.understand, { tenantName: 'Acme', lang: 'es', expecting: { kind: 'none' }, intents: INTENTS, tone: resolved.tone('es') });
    expect(text.split('\n')[0]).toBe('Eres el asistente de Acme (Spanish (es)), tono muy formal.');
    expect(resolveTenantPrompts(undefined).understand).toBe(DEFAULT_PROMPTS);
  });

  it('should add the tool instructions only when tools are offered', () => {
    const base = { tenantName: 'Acme', lang: 'es' as const, expecting: { kind: 'none' as const }, intents: INTENTS };
    expect(buildUnderstandSystemPrompt(DEFAULT_PROMPTS, base)).not.toContain('save_lead_field');
    expect(buildUnderstandSystemPrompt(DEFAULT_PROMPTS, { ...base, withTools: true })).toContain('save_lead_field');
  });

  it('should refuse to send a prompt with an unfilled placeholder', () => {
    expect(() => fillTemplate('Hola {{customerName}}', {})).toThrow(/customerName/);
  });
});
