import { describe, expect, it } from 'vitest';
import { customerName } from '../../../src/actors/console/console-inbox.js';
import { nameSaidIn } from '../../../src/actors/console/console-service.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

const line = (seq: number, author: 'customer' | 'bot', text: string): TranscriptEntry => ({ seq, messageId: `m${seq}`, direction: author === 'customer' ? 'in' : 'out', author, channel: 'web', text, at: '2026-12-03T15:00:00.000Z' });

describe('the customer name an agent sees in the console', () => {
  it('should use a name the customer wrote outside any lead flow', () => {
    const transcript = [line(1, 'customer', 'Hola, me llamo Carla Peña. Quiero hablar con una persona'), line(2, 'bot', '¡Claro! Te paso con una persona')];
    expect(nameSaidIn(transcript)).toBe('Carla Peña');
    expect(customerName({}, nameSaidIn(transcript))).toBe('Carla Peña');
  });

  it('should prefer the contact profile and the lead draft, and never read the bot’s lines', () => {
    expect(customerName({ contact: { name: 'Carla P. Almonte' } }, 'Carla Peña')).toBe('Carla P. Almonte');
    expect(customerName({ lead: { draft: { name: { value: 'Luis Gómez' } } } }, 'Carla Peña')).toBe('Luis Gómez');
    expect(nameSaidIn([line(1, 'bot', 'Hola, me llamo Hilo'), line(2, 'customer', 'tienen cemento?')])).toBeNull();
  });
});
