import { describe, expect, it } from 'vitest';
import { channelPhone, factsFrom, handleKey, normalizePhone } from '../../../src/actors/identity/handles.js';

describe('identity handles › phones through the one normaliser', () => {
  it('should keep the key spelling written before (digits with the 1), so stored handle keys still match', () => {
    for (const raw of ['809-555-0101', '(809) 555-0101', '+1 809 555 0101', '18095550101', 'whatsapp:+18095550101']) expect(normalizePhone(raw), raw).toBe('18095550101');
    // A key computed from the old normaliser's output is the key computed now.
    expect(handleKey('t', 'phone', normalizePhone('809 555 0101')!)).toBe(handleKey('t', 'phone', '18095550101'));
  });

  it('should give the WhatsApp sender in E.164 and nothing for other channels', () => {
    expect(channelPhone('whatsapp', '18295550102')).toBe('+18295550102');
    expect(channelPhone('twilio-whatsapp', 'whatsapp:+18495550103')).toBe('+18495550103');
    expect(channelPhone('web', '18095550101')).toBeNull();
  });

  it('should read the phone the customer typed in any spelling as the same fact', () => {
    const typed = factsFrom({ understanding: { nlu: { entities: [{ type: 'phone', value: '+18095550199' }] } } }, 'web', 'visitor-1');
    const drafted = factsFrom({ lead: { draft: { phone_or_username: { value: '809-555-0199' } } } }, 'web', 'visitor-1');
    expect(typed).toEqual({ phone: '18095550199' });
    expect(drafted).toEqual(typed);
  });
});
