/**
 * A message that is only a long number ("1111/1111/1111/…", "123456789012345678901234"): digits
 * and the separators people type between groups, at least {@link MIN_DIGITS} digits. It is no
 * count (a count of a product has at most six digits) and no question: before harden18 it got the
 * generic "¿Qué necesitas?" menu (or, as digits alone after a product answer, a price for
 * 1.2e+23 bags). A clerk asks what the number is.
 *
 * @example
 * isNumberAlone('1111/1111/1111/1111/1111/'); // true
 * isNumberAlone('50'); // false (a count)
 */
export function isNumberAlone(text: string): boolean {
  const t = text.trim();
  if (!NUMBER_ONLY.test(t)) return false;
  let digits = 0;
  for (let i = 0; i < t.length && digits < MIN_DIGITS; i++) if (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) digits++;
  return digits >= MIN_DIGITS;
}

/** Longer than any count, account number (5–8), phone (10–11) or cédula (11): those have readers of their own. */
const MIN_DIGITS = 12;
const NUMBER_ONLY = /^#?[0-9][0-9\s./\-_,:;*#]*$/;
