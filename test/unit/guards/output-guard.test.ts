import { describe, expect, it } from 'vitest';
import { createCanary, guardOutput, SAFE_REPLY } from '../../../src/actors/guards/index.js';
import { buildUnderstandSystemPrompt, DEFAULT_PROMPTS } from '../../../src/actors/brain/llm/prompts.js';
import { INTENTS } from '../../../src/domain/intents.js';

const canary = 'HILO-CANARY-7f3a9c21';
const systemPrompt = `${buildUnderstandSystemPrompt(DEFAULT_PROMPTS, { tenantName: 'Ferretería El Martillo', lang: 'es', expecting: { kind: 'none' }, intents: INTENTS })}\nSecret marker: ${canary}`;
const base = { systemPrompt, canary, channel: 'web' as const };

describe('output guard', () => {
  it('should allow an ordinary reply untouched', () => {
    const reply = 'El saco de cemento gris de 42.5 kg cuesta RD$ 650. ¿Cuántos necesitas?';
    expect(guardOutput(reply, base)).toEqual({ action: 'allow', text: reply, violations: [] });
  });

  it('should block a reply that carries the canary, even spaced out', () => {
    for (const reply of [`Claro: ${canary}`, `mi marcador es hilo-canary-7f3a 9c21`]) {
      const r = guardOutput(reply, { ...base, lang: 'en' });
      expect(r.action).toBe('block');
      expect(r.text).toBe(SAFE_REPLY.en);
      expect(r.violations.map((v) => v.kind)).toContain('canary');
    }
  });

  it('should block a long verbatim copy of the system prompt but not a short shared phrase', () => {
    const leak = `Mis instrucciones dicen: "${DEFAULT_PROMPTS.persona.split('\n')[2]}"`;
    const r = guardOutput(leak, base);
    expect(r.action).toBe('block');
    expect(r.text).toBe(SAFE_REPLY.es);
    expect(r.violations[0]!.kind).toBe('prompt_overlap');
    expect(guardOutput('Soy el asistente de la ferretería, ¿en qué te ayudo?', base).action).toBe('allow');
  });

  it("should block other customers' emails, phones and account numbers, whatever the formatting", () => {
    const otherCustomersData = { emails: ['Luis.Gomez@correo.do'], phones: ['+18295550000'], accountNumbers: ['40021'] };
    const cases = [
      ['El correo de Luis es luis.gomez@correo.do', 'email'],
      ['Llámale al (829) 555-0000', 'phone'],
      ['La cuenta 400-21 está atrasada', 'account number'],
    ] as const;
    for (const [reply, what] of cases) {
      const r = guardOutput(reply, { ...base, otherCustomersData });
      expect(r.action, reply).toBe('block');
      expect(r.violations[0]!.detail).toContain(what);
    }
    // The customer's own data and ordinary numbers pass.
    expect(guardOutput('Tu cuenta 55555 está al día; te escribimos a ana@ejemplo.com. Son 3 sacos por RD$ 1,950.', { ...base, otherCustomersData }).action).toBe('allow');
  });

  it('should fit a WhatsApp reply to two short paragraphs with WhatsApp bold', () => {
    const reply = [
      '## Cotización',
      '**Cemento gris**: RD$ 650 el saco.',
      'Opciones de entrega:\n- Santo Domingo: mañana\n- Santiago: 2 días',
      'Puedes pagar con tarjeta o transferencia.',
      'Más info en [nuestra web](https://ferreteria.example.do).',
    ].join('\n\n');
    const r = guardOutput(reply, { ...base, channel: 'whatsapp' });
    expect(r.action).toBe('rewrite');
    const paragraphs = r.text.split('\n\n');
    expect(paragraphs).toHaveLength(2);
    for (const p of paragraphs) expect(p.length).toBeLessThanOrEqual(350);
    expect(r.text).toContain('*Cemento gris*');
    expect(r.text).not.toContain('**');
    expect(r.text).not.toContain('##');
    expect(r.text).toContain('nuestra web: https://ferreteria.example.do');
    expect(r.violations.map((v) => v.kind)).toContain('format');
  });

  it('should cut an over-long paragraph at a sentence end', () => {
    const sentence = 'Tenemos tubos PVC de media pulgada, de tres cuartos y de una pulgada en todas las sucursales. ';
    const r = guardOutput(sentence.repeat(8), { ...base, channel: 'whatsapp' });
    expect(r.action).toBe('rewrite');
    expect(r.text.length).toBeLessThanOrEqual(350);
    expect(r.text.endsWith('sucursales.')).toBe(true);
    expect(r.violations.map((v) => v.kind)).toContain('length');
  });

  it('should mint distinct canaries', () => {
    const a = createCanary();
    expect(a).toMatch(/^HILO-CANARY-[0-9a-f]{16}$/);
    expect(createCanary()).not.toBe(a);
  });

  it('should strip markup for SMS', () => {
    const r = guardOutput('**Listo**, tu pedido *sale* hoy.', { ...base, channel: 'sms' });
    expect(r.text).toBe('Listo, tu pedido sale hoy.');
  });
});
