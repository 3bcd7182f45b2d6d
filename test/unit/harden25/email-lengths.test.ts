import { describe, expect, it } from 'vitest';
import { extractEmails } from '../../../src/actors/brain/rule/contact-entities.js';
import { isValidEmail } from '../../../src/machines/lead-draft.js';

/**
 * "mi correo es aaaa…(300)@x.com" was read as the customer's address, kept whole in the lead and
 * said back ("Guardé tu contacto (*aaaa…*)"). No mail server takes an address past RFC 5321's
 * limits (local part 64, whole address 254): it is no address, and the form asks again.
 */
describe('e-mail lengths (harden25)', () => {
  const local64 = `${'a'.repeat(64)}@correo.com`;
  const local65 = `${'a'.repeat(65)}@correo.com`;
  const long254 = `ana@${'b'.repeat(246)}.com`;
  const long255 = `ana@${'b'.repeat(247)}.com`;

  it('should take an address at the limits and refuse one past them', () => {
    expect(isValidEmail(local64)).toBe(true);
    expect(isValidEmail(local65)).toBe(false);
    expect([long254.length, long255.length]).toEqual([254, 255]);
    expect(isValidEmail(long254)).toBe(true);
    expect(isValidEmail(long255)).toBe(false);
    expect(isValidEmail('carlos@correo.com')).toBe(true);
  });

  it('should read no address past the limits in a message, typed or said', () => {
    expect(extractEmails(`mi correo es ${local65}`)).toEqual([]);
    expect(extractEmails(`mi correo es ${'a'.repeat(70)} arroba gmail punto com`)).toEqual([]);
    expect(extractEmails(`mi correo es ${local64}`).map((e) => e.value)).toEqual([local64]);
  });
});
