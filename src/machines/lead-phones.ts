import { PROFILE_SOURCE, type LeadFieldValue } from '../domain/lead.js';
import { phonesCorrected, withPhonesAdded } from '../domain/phone-list.js';
import { foldAccents } from '../kernel/fold.js';
import { saidAsCorrection } from './contact-for-request.js';

/** One more number, said so ("también al …", "y el de la oficina …", "also …", "another one"). */
const ADDS = /\b(?:tambien|tb|tmb|ademas|otro|otra|y el de|y la de|also|another|other|as well|too|plus|additional)\b/;

/**
 * The lead's phone value after a message of the form gave numbers (`said`, joined as
 * src/domain/phone-list.ts keeps them). A number typed replaces the one the channel or the
 * remembered profile filled in; one said as a correction ("perdón, ese no es, es el 829…"), or at
 * the summary without "también", replaces only the wrong one of several; any other is one more
 * number to reach the customer at, kept beside the ones given ("mi cel es …" then "la oficina …").
 */
export function mergedPhone(before: LeadFieldValue | undefined, said: string, text: string, atSummary: boolean): string {
  const value = before?.value;
  if (typeof value !== 'string' || value.trim() === '' || before?.sourceMessageId === PROFILE_SOURCE) return said;
  const folded = foldAccents(text.toLowerCase());
  const corrects = saidAsCorrection(text) || (atSummary && !ADDS.test(folded));
  return corrects ? phonesCorrected(value, said, folded) : withPhonesAdded(value, said);
}
