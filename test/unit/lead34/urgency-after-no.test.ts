import { describe, expect, it } from 'vitest';
import { detectUrgency, readsUrgency } from '../../../src/actors/brain/rule/lead-levels.js';
import { loadDemo, createMemoryHost, sayTo, replyText } from '../../helpers/memory-host.js';

describe('"no, es urgente" at the summary (lead34)', () => {
  it.each([
    ['no, es urgente', 'Alto'],
    ['No. Es urgente', 'Alto'],
    ['no, no es urgente', 'Bajo'],
    ['no es urgente', 'Bajo'],
    ['nah, it is urgent', 'Alto'],
    ['no, para la semana que viene', 'Medio'],
  ])('should read "%s" as %s', (text, level) => {
    expect(detectUrgency(text)).toBe(level);
    expect(readsUrgency(text)).toBe(level);
  });

  it('should send the lead as urgent when the customer says so at the summary, not as the low they said before', async () => {
    const { tenant, brain } = await loadDemo();
    const { host } = createMemoryHost({ tenant, brain });
    const say = async (text: string) => replyText(await sayTo(host, 'lead34-miguel', text));
    await say('buenas, necesito una cotizacion pa un proyecto');
    await say('Miguel Santana');
    await say('miguel@gmail.com');
    await say('Construcciones MS');
    await say('ventas');
    await say('1500 blocks de 6 y 60 sacos de cemento pa una marquesina');
    expect(await say('no hay prisa')).toMatch(/Urgencia:\*? Bajo/);
    const fixed = await say('no, es urgente');
    expect(fixed).toMatch(/lo cambié/);
    expect(fixed).toMatch(/Urgencia:\*? Alto/);
  });
});
