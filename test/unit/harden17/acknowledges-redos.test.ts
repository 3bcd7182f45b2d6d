import { describe, expect, it } from 'vitest';
import { offerChoice, pickOption } from '../../../src/machines/triage-decision.js';

/**
 * ReDoS in "only an acknowledgment or a laugh" (triage-decision.ts, harden17): a laugh repeated
 * inside a repeated group, `((ja)+ \s*)+`, split "jajaja…" in 2^n ways whenever the message did not
 * end as one: "jsjs" ×18 and " no" (75 characters) took 2.3 s, ×22 about a minute, when a person
 * had been offered and the customer's "yes" came with it. The pieces are now separated by spaces
 * or the end, so a laugh is read one way. These inputs took hours before (vitest's timeout fails
 * the test); no time is asserted.
 */
describe('a laugh to an offered person (harden17)', () => {
  const person = offerChoice({ intent: 'human_agent', label: 'Sí, con una persona', text: 'sí, pásame con alguien' }, 'es');

  it('should read long laughs that end otherwise at once, as no acknowledgment', () => {
    for (const text of [`${'jsjs'.repeat(40)} si`, `${'ja'.repeat(60)} si dale`, `${'jeje'.repeat(40)}x si`]) expect(pickOption(text, person, 'yes'), text.slice(0, 20)).not.toBe(1);
  });

  it('should still take a laugh or an acknowledgment as "something else"', () => {
    for (const text of ['jajaja ok', 'ok', 'jajajaja', 'jsjsjs ok', 'ok perfecto', 'jeje bueno', 'lol ok']) expect(pickOption(text, person, 'yes'), text).toBe(1);
  });
});
